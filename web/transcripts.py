"""Stored conversations (kept by assistant.storage.conversations) shaped for the pages."""

from __future__ import annotations

from assistant.core import Findings
from assistant.storage.conversations import Conversations


def _conversations(findings: Findings) -> Conversations:
    answerer = getattr(findings, "answerer", None)
    convs = getattr(answerer, "conversations", None)
    return convs if isinstance(convs, Conversations) else Conversations(findings.store)


def turns(findings: Findings, conversation_id: str) -> list[dict] | None:
    """Each turn as an answer dict plus its question; None when there is no such conversation."""
    convs = _conversations(findings)
    if not convs.valid_id(conversation_id) or not convs.exists(conversation_id):
        return None
    return [
        {
            "n": t.n,
            "question": t.question,
            "answer": t.answer,
            "found": t.found,
            "citations": t.citations,
            "related": (t.state or {}).get("related", []),
            "conversation_id": conversation_id,
        }
        for t in convs.turns(conversation_id)
    ]

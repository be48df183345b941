"""Read stored conversations (kept by assistant.conversation) in the shape the pages render."""

from __future__ import annotations

from assistant.conversation import Conversations
from assistant.core import Findings


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
            "conversation_id": conversation_id,
        }
        for t in convs.turns(conversation_id)
    ]

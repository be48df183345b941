"""A chat front-end's message history mapped onto a stored conversation.

OpenAI-style clients send the whole history with every request and no conversation id.
The history's earlier questions are looked up (by digest) to find the conversation they
made, so a follow-up ("and the risk of harm one?") resolves against the previous turn; a
history never seen here (or edited since) is replayed into a new conversation first.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

SCHEMA = """
CREATE TABLE IF NOT EXISTS chat_threads (
    digest TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    updated_at TEXT NOT NULL DEFAULT (datetime('now'))
);
"""


def digest(questions: Sequence[str], report: str | None) -> str:
    return hashlib.sha256(json.dumps([report, list(questions)]).encode()).hexdigest()


class ChatThreads:
    """Answers the last question of a history within the conversation of the earlier ones."""

    def __init__(self, findings):
        self.findings = findings
        with findings.store.connect() as db:
            db.executescript(SCHEMA)

    def ask(self, earlier: Sequence[str], question: str, report: str | None = None):
        """``Findings.ask`` for ``question`` after ``earlier`` questions (an ``Answer``)."""
        earlier = [q.strip() for q in earlier if q.strip()]
        cid = self._conversation_for(earlier, report)
        answer = self.findings.ask(question, cid, report)
        self._remember([*earlier, question.strip()], report, answer.conversation_id)
        return answer

    def _conversation_for(self, earlier: list[str], report: str | None) -> str | None:
        if not earlier:
            return None
        with self.findings.store.connect() as db:
            row = db.execute(
                "SELECT conversation_id FROM chat_threads WHERE digest = ?",
                (digest(earlier, report),),
            ).fetchone()
        # The conversation must hold exactly these questions: a regenerated or edited turn
        # leaves it with others, and its last state would then be the wrong one.
        if row and self._questions(row["conversation_id"]) == earlier:
            return row["conversation_id"]
        cid = None
        for q in earlier:
            cid = self.findings.ask(q, cid, report).conversation_id
        return cid

    def _questions(self, conversation_id: str) -> list[str]:
        turns = self.findings.answerer.conversations.turns(conversation_id)
        return [t.question for t in turns]

    def _remember(self, questions: list[str], report: str | None, conversation_id: str) -> None:
        with self.findings.store.connect() as db:
            db.execute(
                "INSERT INTO chat_threads (digest, conversation_id) VALUES (?, ?) "
                "ON CONFLICT(digest) DO UPDATE SET conversation_id = excluded.conversation_id, "
                "updated_at = datetime('now')",
                (digest(questions, report), conversation_id),
            )

"""Conversations persisted in SQLite: each turn keeps the question, the answer and the slots
(report, section, term, kind) a follow-up may inherit."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass

from assistant.storage.database import Store

SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL DEFAULT (datetime('now')),
    updated_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS turns (
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    found INTEGER NOT NULL,
    route TEXT NOT NULL,
    state TEXT NOT NULL,
    citations TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (datetime('now')),
    PRIMARY KEY (conversation_id, n)
);
"""

_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


@dataclass
class Turn:
    n: int
    question: str
    answer: str
    found: bool
    route: str
    state: dict
    citations: list[dict]


class Conversations:
    """The conversation tables in the store's SQLite database."""

    def __init__(self, store: Store):
        self.store = store
        with store.connect() as db:
            db.executescript(SCHEMA)

    def new_id(self) -> str:
        return uuid.uuid4().hex

    def valid_id(self, conversation_id: str | None) -> bool:
        return bool(conversation_id and _ID.match(conversation_id))

    def last_state(self, conversation_id: str) -> dict | None:
        """The slots of the conversation's latest turn that found an answer, if any."""
        # A follow-up refers to the last answered turn, not to a question that found nothing.
        with self.store.connect() as db:
            row = db.execute(
                "SELECT state FROM turns WHERE conversation_id = ? ORDER BY found DESC, n DESC "
                "LIMIT 1",
                (conversation_id,),
            ).fetchone()
        return json.loads(row["state"]) if row else None

    def add_turn(
        self,
        conversation_id: str,
        question: str,
        answer: str,
        found: bool,
        route: str,
        state: dict,
        citations: list[dict],
    ) -> int:
        """Append a turn (creating the conversation if it is new); returns its number."""
        with self.store.connect() as db:
            db.execute(
                "INSERT INTO conversations (id) VALUES (?) ON CONFLICT(id) DO UPDATE SET "
                "updated_at = datetime('now')",
                (conversation_id,),
            )
            n = db.execute(
                "SELECT coalesce(max(n), 0) + 1 FROM turns WHERE conversation_id = ?",
                (conversation_id,),
            ).fetchone()[0]
            db.execute(
                "INSERT INTO turns (conversation_id, n, question, answer, found, route, state, "
                "citations) VALUES (?,?,?,?,?,?,?,?)",
                (
                    conversation_id,
                    n,
                    question,
                    answer,
                    int(found),
                    route,
                    json.dumps(state),
                    json.dumps(citations),
                ),
            )
        return n

    def turns(self, conversation_id: str) -> list[Turn]:
        with self.store.connect() as db:
            rows = db.execute(
                "SELECT n, question, answer, found, route, state, citations FROM turns "
                "WHERE conversation_id = ? ORDER BY n",
                (conversation_id,),
            ).fetchall()
        return [
            Turn(
                r["n"],
                r["question"],
                r["answer"],
                bool(r["found"]),
                r["route"],
                json.loads(r["state"]),
                json.loads(r["citations"]),
            )
            for r in rows
        ]

    def exists(self, conversation_id: str) -> bool:
        with self.store.connect() as db:
            return (
                db.execute(
                    "SELECT 1 FROM conversations WHERE id = ?", (conversation_id,)
                ).fetchone()
                is not None
            )

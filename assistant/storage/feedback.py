"""Thumbs up/down (with an optional comment) on answers, kept in SQLite and exportable as CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from assistant.storage.database import Store

SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL DEFAULT (datetime('now')),
    rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    comment TEXT,
    conversation_id TEXT,
    turn INTEGER,
    citations TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS feedback_turn ON feedback(conversation_id, turn);
"""

CSV_COLUMNS = (
    "id",
    "created_at",
    "rating",
    "question",
    "answer",
    "comment",
    "conversation_id",
    "turn",
    "citations",
)
MAX_COMMENT = 2000
_RATINGS = {"up": 1, "+1": 1, "1": 1, "down": -1, "-1": -1}
# A cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Feedback:
    """One rating of one answer."""

    id: int
    created_at: str
    rating: int  # +1 (thumbs up) or -1 (thumbs down)
    question: str
    answer: str
    comment: str | None = None
    conversation_id: str | None = None
    turn: int | None = None
    citations: list[dict] = field(default_factory=list)

    @property
    def label(self) -> str:
        return "up" if self.rating > 0 else "down"

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "created_at": self.created_at,
            "rating": self.label,
            "question": self.question,
            "answer": self.answer,
            "comment": self.comment,
            "conversation_id": self.conversation_id,
            "turn": self.turn,
            "citations": self.citations,
        }


def parse_rating(value: str | int) -> int:
    """``up``/``down`` (or ``1``/``-1``) as +1/-1; anything else is a ValueError."""
    rating = _RATINGS.get(str(value).strip().lower())
    if rating is None:
        raise ValueError(f"rating must be 'up' or 'down', not {value!r}")
    return rating


def _ensure(store: Store) -> None:
    with store.connect() as db:
        db.executescript(SCHEMA)


def record_feedback(
    store: Store,
    *,
    rating: str | int,
    question: str,
    answer: str,
    comment: str | None = None,
    conversation_id: str | None = None,
    turn: int | None = None,
    citations: Sequence[dict] = (),
) -> Feedback:
    """Store a rating; a second rating of the same conversation turn replaces the first."""
    value = parse_rating(rating)
    comment = (comment or "").strip()[:MAX_COMMENT] or None
    _ensure(store)
    with store.connect() as db:
        if conversation_id is not None and turn is not None:
            db.execute(
                "DELETE FROM feedback WHERE conversation_id = ? AND turn = ?",
                (conversation_id, turn),
            )
        # RETURNING, not lastrowid: PostgreSQL's driver has no lastrowid
        row = db.execute(
            "INSERT INTO feedback (rating, question, answer, comment, conversation_id, turn, "
            "citations) VALUES (?,?,?,?,?,?,?) RETURNING *",
            (value, question, answer, comment, conversation_id, turn, json.dumps(list(citations))),
        ).fetchone()
    return _from_row(row)


def all_feedback(store: Store) -> list[Feedback]:
    """Every rating, oldest first."""
    _ensure(store)
    with store.connect() as db:
        rows = db.execute("SELECT * FROM feedback ORDER BY id").fetchall()
    return [_from_row(r) for r in rows]


def _from_row(row) -> Feedback:
    return Feedback(
        id=row["id"],
        created_at=row["created_at"],
        rating=row["rating"],
        question=row["question"],
        answer=row["answer"],
        comment=row["comment"],
        conversation_id=row["conversation_id"],
        turn=row["turn"],
        citations=json.loads(row["citations"] or "[]"),
    )


def _cell(value) -> str:
    text = "" if value is None else str(value)
    # Comments are free text from users: never let a spreadsheet execute one.
    return "'" + text if text.startswith(_FORMULA_START) else text


def _citations_cell(citations: list[dict]) -> str:
    return " | ".join(
        f"[{n}] {c.get('report', '')} {c.get('section', '')}: {c.get('quote', '')}"
        for n, c in enumerate(citations, 1)
    )


def write_csv(rows: Iterable[Feedback], out: TextIO) -> int:
    """Write ratings as CSV (header first); returns the number of rows written."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    n = 0
    for f in rows:
        d = f.to_dict()
        d["citations"] = _citations_cell(f.citations)
        writer.writerow([_cell(d[c]) for c in CSV_COLUMNS])
        n += 1
    return n

"""Who a conversation belongs to: the hash of its owner's secret, stored beside it.

The secret itself (a browser cookie) is never stored, so the database alone does not let anyone
read or extend a conversation. A conversation with no owner row (made before owners existed)
belongs to nobody but the API-token holder."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from assistant.storage.database import Store

SCHEMA = """
CREATE TABLE IF NOT EXISTS conversation_owners (
    conversation_id TEXT PRIMARY KEY,
    owner TEXT NOT NULL
);
"""


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def fingerprint(secret: str) -> str:
    return hashlib.sha256(("findings-owner:" + secret).encode()).hexdigest()


class Owners:
    """The owner table in the store's SQLite database."""

    def __init__(self, store: Store):
        self.store = store
        with store.connect() as db:
            db.executescript(SCHEMA)

    def claim(self, conversation_id: str, secret: str) -> bool:
        """Make ``secret`` the owner unless the conversation has one; True if it owns it now."""
        with self.store.connect() as db:
            db.execute(
                "INSERT OR IGNORE INTO conversation_owners (conversation_id, owner) VALUES (?, ?)",
                (conversation_id, fingerprint(secret)),
            )
        return self.owns(conversation_id, secret)

    def owns(self, conversation_id: str, secret: str | None) -> bool:
        if not secret:
            return False
        with self.store.connect() as db:
            row = db.execute(
                "SELECT owner FROM conversation_owners WHERE conversation_id = ?",
                (conversation_id,),
            ).fetchone()
        return row is not None and hmac.compare_digest(row["owner"], fingerprint(secret))

"""A conversation is readable, extendable and ratable only by the browser that started it (its
owner cookie) or by the API-token holder; to anyone else it does not exist (404)."""

from __future__ import annotations

from assistant.core import Findings
from assistant.storage.conversations import Conversations
from assistant.storage.ownership import Owners
from web.security import Caller


def may_use(findings: Findings, conversation_id: str, caller: Caller, *, new: bool = False) -> bool:
    """Whether ``caller`` may use this conversation; ``new``: an unknown id may be started."""
    if caller.token_holder:
        return True
    if Owners(findings.store).owns(conversation_id, caller.owner):
        return True
    return new and not Conversations(findings.store).exists(conversation_id)


def claim(findings: Findings, conversation_id: str, caller: Caller) -> None:
    """Record the caller as the owner of a conversation it just started (first one wins)."""
    Owners(findings.store).claim(conversation_id, caller.owner_secret())

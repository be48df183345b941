"""Conversation handling: which conversation a question continues, what the previous turn
leaves for a follow-up, and recording each turn (in ``storage.conversations``)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from assistant.answers.compose import Answer
from assistant.answers.intent import Intent
from assistant.storage.conversations import Conversations

# Answers a question given the previous turn's state: (answer, resolved intent or None).
Answering = Callable[[dict | None], tuple[Answer, Intent | None]]


class Dialogue:
    def __init__(self, findings):
        self.findings = findings
        self._lock = threading.Lock()
        self._conversations: Conversations | None = None

    @property
    def conversations(self) -> Conversations:
        with self._lock:
            if self._conversations is None:
                self._conversations = Conversations(self.findings.store)
            return self._conversations

    def turn(self, question: str, conversation_id: str | None, answering: Answering) -> Answer:
        """Answer ``question`` as the next turn of a conversation (a new one when the id is
        missing or malformed), and record the turn."""
        convs = self.conversations
        cid = conversation_id if convs.valid_id(conversation_id) else convs.new_id()
        previous = convs.last_state(cid) if conversation_id else None
        answer, intent = answering(previous)
        answer.conversation_id = cid
        if intent and answer.about:
            # "Which criterion scored lowest?" then "what were its weaknesses?": "its" is the
            # criterion the answer named, not the question.
            intent.targets = list(answer.about)
        state = intent.state() if intent else {"route": answer.route}
        if answer.related:
            state["related"] = [c.to_dict() for c in answer.related]  # shown, never the answer
        convs.add_turn(
            cid,
            question,
            answer.answer,
            answer.found,
            answer.route,
            state,
            [c.to_dict() for c in answer.citations],
        )
        return answer

"""Optional LLM phrasing: an extractive answer re-phrased from the same numbered passages."""

from __future__ import annotations

import threading

from assistant.answers.compose import Answer


class Phrasing:
    def __init__(self, findings):
        self.findings = findings
        self._lock = threading.Lock()
        self._chat = None

    def chat_model(self):
        """The optional LLM: one passed to the core, else one built from settings, else None."""
        if self.findings._llm is not None:
            return self.findings._llm
        if not self.findings.settings.llm:
            return None
        with self._lock:
            if self._chat is None:
                from assistant.answers.llm import build_chat_model

                self._chat = build_chat_model(self.findings.settings)
            return self._chat

    def phrase(self, question: str, answer: Answer) -> Answer:
        """``answer`` re-phrased by the LLM when one is set and the answer was found."""
        model = self.chat_model()
        if model is None or not answer.found:
            return answer
        from assistant.answers.llm import phrase_answer

        return phrase_answer(model, question, answer, self.findings.reports())

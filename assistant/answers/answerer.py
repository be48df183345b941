"""Answers: routed by what is asked, built extractively from the parsed reports, every
statement carrying a numbered citation that quotes the source verbatim.

The answerer only ties the steps together: input checks (``checks``), the conversation
(``dialogue``), the question's route and slots (``routing``), the route's answer
(``routes/``, via ``registry.dispatch``) and the optional LLM phrasing (``phrasing``).
When the reports do not hold the answer, the answer says so and ``found`` is false.
"""

from __future__ import annotations

from assistant.answers.answer_type import checked
from assistant.answers.checks import MAX_QUESTION_CHARS, checked_question, refusal
from assistant.answers.citations import Citation
from assistant.answers.compose import Answer, loaded_list, not_found
from assistant.answers.dialogue import Dialogue
from assistant.answers.fanout import fan_out
from assistant.answers.groups import checked_groups
from assistant.answers.intent import CUE_WORDS, Intent
from assistant.answers.lead_in import without_lead_in
from assistant.answers.part_numbers import with_part_numbers
from assistant.answers.passages import Passages
from assistant.answers.phrasing import Phrasing
from assistant.answers.registry import Context
from assistant.answers.retrieve import Retriever
from assistant.answers.routing import parse
from assistant.answers.split import answer_split, split_question
from assistant.answers.unmentioned import checked_mentions
from assistant.answers.which_report import near_names, put_right
from assistant.storage.conversations import Conversations


class Answerer:
    """Answers questions over a ``Findings`` core, keeping the conversation in its store."""

    def __init__(self, findings):
        self.findings = findings
        self.retriever = Retriever(findings)
        self.passages = Passages(findings, self.retriever)
        self.dialogue = Dialogue(findings)
        self.phrasing = Phrasing(findings)

    @property
    def conversations(self) -> Conversations:
        return self.dialogue.conversations

    def ask(
        self,
        question: str,
        conversation_id: str | None = None,
        report: str | None = None,
    ) -> Answer:
        question = checked_question(question)
        return self.dialogue.turn(
            question, conversation_id, lambda previous: self.answer(question, previous, report)
        )

    def answer(
        self, question: str, previous: dict | None = None, report: str | None = None
    ) -> tuple[Answer, Intent | None]:
        """The answer and the resolved intent, without touching the conversation store."""
        loaded = self.findings.reports()
        refused = refusal(loaded, report)
        if refused is not None:
            return refused, None
        index = self.retriever.chunk_index(loaded)
        question = index.correct(question, CUE_WORDS)
        question = put_right(question, loaded, index.surface)  # "Seftn", "coldashby"
        question = with_part_numbers(question)  # "section two", "the second domain"
        question = without_lead_in(question)  # "for the improvement plan, ..."
        parts = split_question(question, loaded)
        if len(parts) > 1:  # several questions in one: each answered, with its own citations
            return answer_split(parts, lambda part: self._answer_one(part, previous, report))
        return self._answer_one(question, previous, report)

    def _answer_one(
        self, question: str, previous: dict | None, report: str | None
    ) -> tuple[Answer, Intent | None]:
        loaded = self.findings.reports()
        index = self.retriever.chunk_index(loaded)
        intent = parse(question, loaded, index.vocabulary, previous, report)
        scoped = [r for r in loaded if r.id in intent.reports] or list(loaded)
        if intent.unknown:
            names = ", ".join(dict.fromkeys(intent.unknown))
            near = near_names(intent.unknown, loaded)  # "Seaton": did you mean Sefton?
            maybe = f" Did you mean {loaded_list(near)}?" if near else ""
            return not_found(
                f"The loaded reports ({loaded_list(loaded)}) say nothing about {names}, so I "
                f"cannot answer that from them.{maybe}",
                intent.route,
            ), intent
        context = Context(scoped, loaded, index, self.passages)
        # With several reports and none named: across them, or for each (fanout.yaml); a
        # kind that asks for a date, a number or a person is found only if a unit holds one.
        answer = checked(fan_out(intent, context, self.findings.settings.fanout_reports), intent)
        answer = checked_mentions(answer, intent.question, scoped)  # "self-harm": not "Harm"
        answer = checked_groups(answer, intent.question, scoped)  # "girls": not all children
        return self.phrasing.phrase(question, answer), intent

    def chat_model(self):
        return self.phrasing.chat_model()


def answer_question(
    findings, question: str, conversation_id: str | None = None, report: str | None = None
) -> Answer:
    """Convenience wrapper: one question through a fresh ``Answerer``."""
    return Answerer(findings).ask(question, conversation_id, report)


__all__ = ["MAX_QUESTION_CHARS", "Answer", "Answerer", "Citation", "answer_question"]

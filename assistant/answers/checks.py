"""Input checks: a question the answerer can take, about a report that is loaded."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answers.compose import Answer, loaded_list, not_found
from ingest.model import Report

MAX_QUESTION_CHARS = 2000


def checked_question(question: str | None) -> str:
    """The question stripped; ValueError (shown to the user) when empty or too long."""
    question = (question or "").strip()
    if not question:
        raise ValueError("The question is empty.")
    if len(question) > MAX_QUESTION_CHARS:
        raise ValueError(
            f"The question is {len(question)} characters long; the limit is {MAX_QUESTION_CHARS}."
        )
    return question


def refusal(loaded: Sequence[Report], report: str | None) -> Answer | None:
    """Why no answer can be looked for (nothing loaded, an unknown report), or None."""
    if not loaded:
        return not_found("No reports are loaded yet: ingest one first.", "none")
    if report and not any(r.id == report for r in loaded):
        return not_found(f"No report '{report}' is loaded (loaded: {loaded_list(loaded)}).", "none")
    return None

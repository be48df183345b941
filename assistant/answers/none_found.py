"""A list asked for of which nothing qualifies ("which key questions were under 10%?" when
none is): not found, the measures looked at offered as related. A yes/no question ("were any
under 10%?") is answered by "none" (``none_found.yaml``)."""

from __future__ import annotations

import re
from functools import cache

from assistant.answers.compose import Answer
from ingest.text.resources import load_yaml


@cache
def _yes_no() -> re.Pattern:
    return re.compile(str(load_yaml("assistant.answers", "none_found.yaml")["yes_no"]), re.I)


def asks_yes_no(question: str) -> bool:
    return bool(_yes_no().search(question))


def listed_none(answer: Answer, question: str, matched: bool) -> Answer:
    """``answer``, or not found when it lists nothing (``matched`` false) for a question that
    asked for a list rather than yes or no."""
    if matched or not answer.found or asks_yes_no(question):
        return answer
    return Answer(
        answer.answer,
        False,
        [],
        route=answer.route,
        related=list(answer.citations),
    )

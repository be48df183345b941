"""A question about one group of children ("girls", "children in care") is answered only by a
unit that names that group: the reoffending rate of all children, or a score over every case,
says nothing of girls. Otherwise found is false and the passages are offered as related.

The groups and the ways they are written are data (``groups.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from assistant.answers.compose import Answer
from ingest.model import Report
from ingest.text.resources import load_yaml


@cache
def _groups() -> dict[str, re.Pattern]:
    data = load_yaml("assistant.answers", "groups.yaml")["groups"]
    return {
        name: re.compile(r"\b(?:" + "|".join(forms) + r")\b", re.I) for name, forms in data.items()
    }


def asked_groups(question: str) -> list[str]:
    """The groups ``question`` names."""
    return [name for name, pattern in _groups().items() if pattern.search(question)]


def names_group(text: str, question: str) -> bool:
    """``text`` names every group of children ``question`` asks about, when it asks of one."""
    return all(_groups()[g].search(text) for g in asked_groups(question))


def checked_groups(answer: Answer, question: str, reports: Sequence[Report] = ()) -> Answer:
    """``answer``, or not found when the question names a group none of its units names.

    A report whose title names the group is about it throughout ("children leaving custody"):
    every unit of it answers for that group."""
    if not answer.found or not answer.citations:
        return answer
    asked = asked_groups(question)
    if not asked:
        return answer
    cited = {c.report for c in answer.citations}
    texts = [c.quote for c in answer.citations] + list(answer.passages or [])
    texts += [r.title for r in reports if r.id in cited]
    missing = [g for g in asked if not any(_groups()[g].search(t) for t in texts)]
    if not missing:
        return answer
    return Answer(
        f"The loaded reports give no figure or finding for {' or '.join(missing)}. The passages "
        "below share the question's words but do not answer it; they are listed as related, "
        "not as an answer.",
        False,
        [],
        route=answer.route,
        related=list(answer.citations),
    )

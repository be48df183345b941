"""A list of scores asked for by something no report measures: "list Harrowfield's scores for
each school" asks for a score per school, which no report gives, so it is not answered with
the report's own scores. What such a list is by is read with a cue (``per`` in
``score_lists.yaml``); whether the reports measure it, as an extremes question's ranking is
(``conditions.unmeasured_words``): a level of measure, a report, an area or a measure's name
is measured, anything else is not."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answers.conditions import unmeasured_words
from ingest.model import Report
from ingest.text.resources import load_cues

_CUES = load_cues("assistant.answers", "score_lists.yaml")


def listed_by_unmeasured(question: str, reports: Sequence[Report]) -> str | None:
    """The word a list request is by ("school" in "scores for each school") when no loaded
    report measures it; None when it is by a level, a report or a measure, or by nothing."""
    for m in _CUES["per"].pattern.finditer(question):
        noun = next((g for g in m.groups() if g), None)
        if noun and unmeasured_words(noun, reports, [r.area for r in reports]):
            return noun
    return None

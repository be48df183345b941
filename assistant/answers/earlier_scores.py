"""A threshold or pick asked of the inspection before ("which criteria were below 50% at the
previous inspection?", "... in 2010?"): the earlier values a reinspection prints beside its
measures ("Previous score (2010): 41%"), each cited where it is printed, never this
inspection's own scores; a report that prints none has no answer to it.

The words that ask for the earlier inspection are the ``previous`` cue of ``cues.yaml``; a
year is read as the earlier inspection's only when a stored earlier value carries that year.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.answers.intent import PREVIOUS_RE
from ingest.model import Score

_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def asks_earlier(question: str, scores: Sequence[Score] = ()) -> bool:
    """Whether ``question`` asks about the earlier inspection's scores: by its words, or by
    the year one of ``scores`` gives its earlier value ("below 50% back in 2010")."""
    if PREVIOUS_RE.search(question):
        return True
    years = {int(y) for y in _YEAR.findall(question)}
    return bool(years & {s.previous.year for s in scores if s.previous and s.previous.year})


def earlier(scores: Sequence[Score]) -> list[Score]:
    """Each score's earlier value as a measure of its own (its band is this inspection's, so it
    has none), cited where the earlier value is printed; scores with none are left out."""
    out = []
    for s in scores:
        p = s.previous
        if p is None or (p.value is None and p.rating is None):
            continue
        when = f" (previous, {p.year})" if p.year else " (previous)"
        out.append(
            replace(
                s,
                name=s.name + when,
                value=p.value,
                rating=p.rating,
                band=None,
                source=p.source,
                previous=None,
            )
        )
    return out

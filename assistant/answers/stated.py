"""A yes/no question that states a measure's value ("was Harbourside rated Good overall?", "my
slide says its risk of harm score was 75%; is that correct?"): the verdict on the stated value
against the stored one, so the answer can lead with Yes or No before the cited figure.

What a yes/no question and a stated percentage look like is data (``stated.yaml``); the rating
words are the scale's and the report's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingest.model import RATINGS, Score, Unit
from ingest.readers.cues import reader_data
from ingest.text.resources import load_cues

_CUES = load_cues("assistant.answers", "stated.yaml")
# The judgement words of the 2012-2017 scale, every one, not only those the loaded reports
# give: "did it get Poor?" states a judgement (answered No) though no area was judged Poor.
_JUDGEMENTS = tuple(reader_data("inspection_2012")["judgements"])


def asks_yes_no(question: str) -> bool:
    return bool(_CUES["yes-no"].pattern.search(question))


def stated_percents(question: str) -> list[float]:
    return [float(m.group(1)) for m in _CUES["percent"].pattern.finditer(question)]


def stated_ratings(question: str, scale: Iterable[str]) -> list[str]:
    """The rating words of ``scale`` the question names, a longer one before its parts."""
    found: list[str] = []
    rest = question
    for word in sorted({w for w in scale if w}, key=len, reverse=True):
        pattern = re.compile(rf"\b{re.escape(word)}\b", re.I)
        if pattern.search(rest):
            found.append(word)
            rest = pattern.sub(" ", rest)
    return found


def verdict(question: str, score: Score, scale: Iterable[str] = (), earlier: bool = False) -> str:
    """ "Yes" or "No" when ``question`` is a yes/no question stating exactly one value of the
    unit of ``score`` (its earlier value, when ``earlier``); "" when it states none, several,
    or is no yes/no question, or qualifies the value (a year, a census, a group of cases the
    stored value may not be of): then the figure alone answers."""
    if not asks_yes_no(question) or _CUES["qualified"].pattern.search(question):
        return ""
    if score.unit == Unit.RATING and not earlier:
        named = stated_ratings(question, [*RATINGS, *_JUDGEMENTS, *scale, score.rating or ""])
        if len(named) != 1 or not score.rating:
            return ""
        return "Yes" if named[0].lower() == score.rating.lower() else "No"
    if score.unit in (Unit.PERCENT, Unit.SHARE):
        figures = stated_percents(question)
        value = score.previous.value if earlier and score.previous else score.value
        if len(figures) != 1 or value is None:
            return ""
        return "Yes" if abs(figures[0] - float(value)) < 0.05 else "No"
    return ""

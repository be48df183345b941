"""The table some Core Case reports print beside their own scores: the lowest, highest and
average score of the areas inspected so far. The reader keeps each row as facts of the
`comparison` section, one per statistic, each with the area's own value and the statistic's
(`Fact.compared_with` names it: "average of areas inspected so far"). Answers and claims
find the rows a text names here, so both read the table the same way."""

from __future__ import annotations

import re

from ingest.model import Fact, Report
from ingest.text.stemming import stem
from ingest.text.stopwords import STOPWORDS
from ingest.text.tokens import words

SECTION = "comparison"
STATISTICS = ("lowest", "highest", "average")
_NUMBERED = re.compile(r"^\s*(\d\.\d)\b")
# How much of a row's name a text must name for the row to be the one meant.
_FIT = 0.6


def rows(report: Report) -> dict[str, list[Fact]]:
    """The table's rows by name ("Safeguarding", "1.3 Safeguarding"), in printed order."""
    out: dict[str, list[Fact]] = {}
    for f in report.facts:
        if f.source.section == SECTION and f.compared_with and f.compared_value is not None:
            out.setdefault(f.sentence.split(":")[0].strip(), []).append(f)
    return out


def statistic(fact: Fact) -> str | None:
    """Which statistic a row's fact gives: "lowest", "highest" or "average"."""
    said = (fact.compared_with or "").lower()
    return next((s for s in STATISTICS if s in said), None)


def _stems(text: str) -> set[str]:
    return {stem(w) for w in words(text.lower()) if w not in STOPWORDS}


def named_rows(text: str, table: dict[str, list[Fact]]) -> list[str]:
    """The rows ``text`` names: most of a row's words, or a numbered row's number."""
    asked = _stems(text)
    fits: dict[str, float] = {}
    for name in table:
        number = _NUMBERED.match(name)
        if number:
            if re.search(rf"(?<![\d.]){re.escape(number.group(1))}(?![\d%])", text):
                fits[name] = 1.0
            continue
        own = _stems(name)
        if own:
            fits[name] = len(own & asked) / len(own)
    best = max(fits.values(), default=0.0)
    return [n for n, fit in fits.items() if fit == best and fit >= _FIT]

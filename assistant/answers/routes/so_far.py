"""The table some Core Case reports print beside their own scores: the lowest, highest and
average score of the areas inspected so far ("what was the average safeguarding score of the
areas inspected so far?"). The reader keeps each row's figures as facts of the `comparison`
section, each comparing the area's own score with one statistic; the answer gives the row's
figures, cited to the row, never a mean computed from the report's own scores."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answers.citations import from_source
from assistant.answers.compose import Answer, Composer, label, not_found
from assistant.answers.intent import CUES, Intent
from assistant.answers.registry import Context, Route, answers, rule
from assistant.answers.routing import Clues
from ingest.model import Fact, Report
from ingest.text.stemming import stem
from ingest.text.stopwords import STOPWORDS
from ingest.text.tokens import words

_SECTION = "comparison"
_NUMBERED = re.compile(r"^\s*(\d\.\d)\b")
# How much of a row's name the question must name for the row to be the one asked about.
_FIT = 0.6


def rows(report: Report) -> dict[str, list[Fact]]:
    """The table's rows by name ("Safeguarding", "1.3 Safeguarding"), in printed order."""
    out: dict[str, list[Fact]] = {}
    for f in report.facts:
        if f.source.section == _SECTION and f.compared_with:
            out.setdefault(f.sentence.split(":")[0].strip(), []).append(f)
    return out


def _stems(text: str) -> set[str]:
    return {stem(w) for w in words(text.lower()) if w not in STOPWORDS}


def _asked_rows(question: str, table: dict[str, list[Fact]]) -> list[str]:
    """The rows the question names: most of a row's words, and its number if it has one."""
    asked = _stems(question)
    fits: dict[str, float] = {}
    for name in table:
        number = _NUMBERED.match(name)
        if number:
            # a numbered criterion is named by its number ("how did 2.2 compare ...")
            if re.search(rf"(?<![\d.]){re.escape(number.group(1))}(?![\d%])", question):
                fits[name] = 1.0
            continue
        own = _stems(name)
        if own:
            fits[name] = len(own & asked) / len(own)
    best = max(fits.values(), default=0.0)
    return [n for n, fit in fits.items() if fit == best and fit >= _FIT]


def _statistics(question: str) -> list[str]:
    """Which of the table's statistics the question asks for (all three when none)."""
    asked = [
        word
        for cue, word in (("min", "lowest"), ("max", "highest"), ("mean", "average"))
        if CUES[cue].search(question)
    ]
    return asked or ["lowest", "highest", "average"]


@rule(Route.SO_FAR, priority=48)
def so_far_asked(intent: Intent, c: Clues) -> Route | None:
    if not CUES["so-far"].search(c.q):
        return None
    return Route.SO_FAR if any(rows(r) for r in c.scoped or c.reports) else None


def answer_so_far(question: str, scoped: Sequence[Report]) -> Answer:
    out = Composer()
    wanted = _statistics(question)
    for report in scoped:
        table = rows(report)
        if not table:
            continue
        for name in _asked_rows(question, table) or list(table):
            facts = table[name]
            shown = [
                f"{f.compared_with} {f.compared_value:g}%"
                for f in facts
                if f.compared_value is not None
                and any(w in (f.compared_with or "").lower() for w in wanted)
            ]
            if not shown:
                continue
            out.add(
                f"{label(report)}, {name}: {facts[0].value:g}%; "
                + "; ".join(shown)
                + out.cite(from_source(report, facts[0].source))
                + "."
            )
    if not out.lines:
        return not_found(
            "None of the reports in question prints the scores of the areas inspected so far.",
            Route.SO_FAR,
        )
    return out.answer(Route.SO_FAR)


@answers(Route.SO_FAR)
def answer(intent: Intent, ctx: Context) -> Answer:
    return answer_so_far(intent.question, ctx.scoped)

"""The table some Core Case reports print beside their own scores (ingest/so_far.py): "what
was the average safeguarding score of the areas inspected so far?". The answer gives the
row's figures, cited to the row, never a mean computed from the report's own scores."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answers.citations import from_source
from assistant.answers.compose import Answer, Composer, label, not_found
from assistant.answers.intent import CUES, Intent
from assistant.answers.registry import Context, Route, answers, rule
from assistant.answers.routing import Clues
from ingest.model import Report
from ingest.so_far import STATISTICS, named_rows, rows, statistic


def _statistics(question: str) -> list[str]:
    """Which of the table's statistics the question asks for (all three when none)."""
    asked = [
        word
        for cue, word in (("min", "lowest"), ("max", "highest"), ("mean", "average"))
        if CUES[cue].search(question)
    ]
    return asked or list(STATISTICS)


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
        for name in named_rows(question, table) or list(table):
            facts = table[name]
            shown = [
                f"{f.compared_with} {f.compared_value:g}%" for f in facts if statistic(f) in wanted
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

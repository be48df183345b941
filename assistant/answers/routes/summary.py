"""Summary questions: the headline scores, the foreword's verdict, the extremes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answers.citations import from_source
from assistant.answers.compose import Answer, Composer, label, not_found, score_line
from assistant.answers.intent import CUES, Intent
from assistant.answers.like import extremes_of_scores
from assistant.answers.registry import Context, Route, answers, rule
from assistant.answers.routing import Clues
from ingest.model import Report


def answer_summary(scoped: Sequence[Report]) -> Answer:
    """The headline scores, the foreword's overall verdict, the lowest and highest criteria."""
    out = Composer()
    for report in scoped:
        if report.headline_scores:
            out.add(
                f"{label(report)}, headline scores: "
                + "; ".join(score_line(out, report, s) for s in report.headline_scores)
                + "."
            )
        for p in report.foreword:
            if _VERDICT_RE.search(p.text):
                out.add(f"Foreword: {p.text}" + out.cite(from_source(report, p.source), p.text))
        scores = [c.score for c in report.criteria]
        # By merit, not by value: a rating's value is its rank, 1 the best.
        lows = extremes_of_scores(report, scores, "min")
        highs = extremes_of_scores(report, scores, "max")
        if lows and highs:
            out.add(
                f"Lowest criterion: {score_line(out, report, lows[0])}; "
                f"highest: {score_line(out, report, highs[0])}."
            )
    if not out.citations:
        return not_found("The loaded reports have no scores or foreword to summarise.", "summary")
    return out.answer("summary")


_VERDICT_RE = re.compile(r"\boverall\b|\bwe consider\b|\bre-?inspect", re.I)


@rule(Route.SUMMARY, priority=100)
def summary_asked(intent: Intent, c: Clues) -> Route | None:
    summary = CUES["summary"]
    if (summary.search(c.q) or summary.search(c.qg)) and not c.s.score_targets:
        return Route.SUMMARY
    return None


@answers(Route.SUMMARY)
def answer(intent: Intent, ctx: Context) -> Answer:
    return answer_summary(ctx.scoped)

"""Summary questions: the headline scores, the foreword's verdict, the extremes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answers.citations import from_source
from assistant.answers.compose import Answer, Composer, label, not_found, score_line
from assistant.answers.intent import CUES, Intent, describes_area
from assistant.answers.like import extremes_of_scores
from assistant.answers.passages import content_words
from assistant.answers.plain_words import in_report_words
from assistant.answers.registry import Context, Route, answers, rule
from assistant.answers.routing import Clues
from assistant.answers.score_lists import scores_at
from assistant.answers.topic_words import held_by_findings
from ingest.model import Report, Role
from ingest.text.resources import load_cues

# Up to this many reports in question, a summary cue with a topic the findings hold reads as
# findings of that topic; beyond, every finding is not read per question.
SUMMARY_TOPIC_REPORTS = 12


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
        judged = scores_at(report, "area")
        if judged and not report.headline_scores:
            # a report judged by areas of work has no headline scores: its judgements are
            out.add(
                f"{label(report)}, judgements: "
                + "; ".join(score_line(out, report, s) for s in judged)
                + "."
            )
        verdicts = [p for p in report.foreword if _VERDICT_RE.search(p.text)]
        # a foreword with no sentence of an overall verdict ends with its conclusion
        for p in verdicts or report.foreword[-1:]:
            out.add(f"Foreword: {p.text}" + out.cite(from_source(report, p.source), p.text))
        _add_body(out, report)
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


def _add_body(out: Composer, report: Report) -> None:
    """A document's own summary in its text: the paragraphs under its findings or conclusions
    headings, and any sentence of an overall verdict ("Overall, ... was rated ...")."""
    heading = _CUES["findings-heading"].pattern
    shown = 0
    for p in report.body:
        if shown >= _MAX_BODY:
            break
        sentence = p.text.rstrip().endswith((".", ":")) or ". " in p.text
        if not sentence:
            continue
        if heading.search(p.source.heading) or _VERDICT_RE.search(p.text):
            cite = out.cite(from_source(report, p.source), p.text)
            out.add(f"{label(report)}, {p.source.heading}: {p.text}{cite}")
            shown += 1


_CUES = load_cues("assistant.answers", "summary.yaml")
_MAX_BODY = 5  # paragraphs of a document's own findings: a summary, not the whole text
_VERDICT_RE = re.compile(r"\boverall\b|\bwe consider\b|\bre-?inspect", re.I)


def measures_named(c: Clues) -> list:
    """The measures a summary question names of the reports it is about: not the overall
    rating ("the overall verdict"), which a summary gives first, nor a measure only other
    reports score ("the resettlement thematic" is no question about a resettlement standard)."""
    from assistant.answers.routes.rated import asked_rating

    reports = c.scoped or c.reports
    # "was it rated Good overall?" states a rating to check: its overall rating is asked for;
    # "how did they get on keeping young people safe?" describes an area (Safeguarding)
    checks = bool(
        asked_rating(c.qg, c.reports) or re.search(r"\d", c.q) or describes_area(c.q, c.cat)
    )
    return [
        t
        for t in c.s.score_targets
        if (t.type != Role.HEADLINE or checks)
        and any(t.score_in(r) is not None or r.criteria or r.measures for r in reports)
    ]


@rule(Route.SUMMARY, priority=100)
def summary_asked(intent: Intent, c: Clues) -> Route | None:
    summary = CUES["summary"]
    if (summary.search(c.q) or summary.search(c.qg)) and not measures_named(c):
        if _finding_topic(c):
            return None  # "what did inspectors think of reparation?": the findings about it
        return Route.SUMMARY
    return None


def _finding_topic(c: Clues) -> list[str]:
    """The words besides the asking ("in a sentence", "the verdict on") when the findings of
    the reports in question hold every one: a topic of findings. Any other word ("for the
    management board") says who the summary is for."""
    from assistant.answers.routes.findings import KIND_WORDS

    rest = CUES["summary"].sub(" ", c.qg)
    topic = [w for w in in_report_words(content_words(rest)) if w not in KIND_WORDS]
    held = held_by_findings(topic, c.scoped or c.reports, most=SUMMARY_TOPIC_REPORTS)
    return held if len(held) == len(topic) else []


@answers(Route.SUMMARY)
def answer(intent: Intent, ctx: Context) -> Answer:
    return answer_summary(ctx.scoped)

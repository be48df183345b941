"""Context questions: the area, the YOT, the inspection, service users, the foreword."""

from __future__ import annotations

import re

from assistant.answers import dates
from assistant.answers.answer_type import asked_type
from assistant.answers.citations import locate
from assistant.answers.compose import Answer, Composer, label, loaded_list, not_found
from assistant.answers.fact_units import answer_facts
from assistant.answers.fanout import searched_together
from assistant.answers.intent import CUES, QUESTION_WORDS, Intent, names_signatory
from assistant.answers.passages import Passages
from assistant.answers.places import answer_where
from assistant.answers.registry import Context, Route, answers, follow_up, rule
from assistant.answers.retrieve import ChunkIndex
from assistant.answers.routing import Clues
from ingest.model import Report
from ingest.text.tokens import stems

_PART_NAMES = {
    "context": "contextual information",
    "inspection-data": "inspection data",
    "service-users": "service users' perspective",
    "foreword": "foreword",
}


def answer_context(passages: Passages, intent: Intent, scoped, index: ChunkIndex) -> Answer:
    """Facts about the area, the YOT, the inspection: the best sentences per report."""
    if dates.asks_date(intent.question):
        dated = dates.answer_dates(intent.question, scoped, "context")
        if dated is not None:
            return dated
    ahead = dates.asks_ahead(intent.question)  # only a sentence looking ahead answers it
    asks = asked_type(intent.question) or intent.asks
    about = passages.without_areas(intent.question)
    fact = None if ahead else answer_facts(about, asks, scoped, "context")
    if fact is None and asks == "place":
        fact = answer_where(about, scoped, "context")  # "which part of the country?"
    if fact is not None:
        return fact
    out = Composer()
    kinds = list(intent.context_kinds)
    if "foreword" in kinds and (
        re.search(
            r"\bpublished\b|\bpublication\b|\bsign\w*|\bchief inspector\b|\bwho wrote\b|"
            r"\bauthor\b",
            intent.question,
            re.I,
        )
        or any(r.signatory and names_signatory(intent.question, r.signatory) for r in scoped)
    ):
        named = [r for r in scoped if r.signatory and names_signatory(intent.question, r.signatory)]
        others = [k for k in kinds if k != "foreword"]
        for r in named or scoped:
            _cite_identity(out, r, intent.question, dated=not others)
        if out.citations and not others:
            return out.answer("context")
        kinds = others or kinds  # "when was the fieldwork, and who signed it?": both
    if searched_together(scoped):
        # Many reports: one search across them finds those that answer best (the fan-out
        # then asks each of a handful on its own), not one search per report.
        by_id = {r.id: r for r in scoped}
        found = passages.best_sentences(
            intent.search or intent.question,
            list(by_id),
            kinds,
            index,
            per_report=2,
            limit=2 * len(by_id),
        )
        found = [(by_id[c.citation.report], c) for c in found if c.citation.report in by_id]
    else:
        found = [
            (r, cand)
            for r in scoped
            for cand in passages.best_sentences(
                intent.search or intent.question, [r.id], kinds, index, per_report=2
            )
        ]
    if ahead:
        found = [(r, cand) for r, cand in found if dates.looks_ahead(cand.text)]
    for r, cand in found:
        out.add(
            f"{label(r)}, {cand.citation.heading}: {cand.text}" + out.cite(cand.citation, cand.text)
        )
    if not out.citations:
        # The part of the report that would hold it does not: anything else that shares
        # its words ("Chair of the Management Board" as a recommendation's owner, a
        # "Likelihood of Reoffending" score for a reoffending rate) is a near miss.
        parts = " or ".join(_PART_NAMES.get(k, k) for k in kinds)
        return not_found(f"The {parts} of {loaded_list(scoped)} does not say that.", "context")
    return out.answer("context")


def _cite_identity(out: Composer, report: Report, question: str, dated: bool = True) -> None:
    """Who signed the report and when it was published; "when" asks for the publication
    date only when the question asks about no other date (``dated``)."""
    heading = report.foreword[0].source.heading if report.foreword else "Foreword"
    when = r"\bpublished\b|\bpublication\b" + (r"|\bwhen\b" if dated else "")
    if re.search(when, question, re.I) and report.published:
        c = locate(report, report.published, "foreword", heading)
        if c:
            out.add(f"{label(report)} was published in {report.published}." + out.cite(c))
    if (
        re.search(r"\bsign\w*|\bchief inspector\b|\bwho\b|\bauthor\b", question, re.I)
        and report.signatory
    ):
        name = report.signatory.split(",")[0]
        c = locate(report, name, "foreword", heading)
        if c:
            out.add(f"{label(report)} was signed by {report.signatory}." + out.cite(c))


@rule(Route.CONTEXT, priority=170)
def context_asked(intent: Intent, c: Clues) -> Route | None:
    """The area, the YOT, the inspection, service users' views, the foreword."""
    return Route.CONTEXT if intent.context_kinds else None


def _has_parts(report: Report) -> bool:
    return bool(report.context or report.inspection_data or report.service_users or report.foreword)


@follow_up(Route.CONTEXT)
def inherit(intent: Intent, previous: dict, c: Clues) -> Route:
    intent.context_kinds = list(previous.get("context_kinds", []))
    # "and Wessex Vale?": the previous question, asked of another report.
    if not [
        w
        for w in stems(intent.question)
        if w not in QUESTION_WORDS and not any(w in a for a in [r.area.lower() for r in c.reports])
    ]:
        intent.question = previous.get("question", intent.question)
        intent.search = previous.get("search", "")
    return Route.CONTEXT


@answers(Route.CONTEXT)
def answer(intent: Intent, ctx: Context) -> Answer:
    found = answer_context(ctx.passages, intent, ctx.scoped, ctx.index)
    if found.found:
        return found
    if not any(_has_parts(r) for r in ctx.scoped):
        # A thematic or a plan has no contextual parts: its own text may say it.
        return ctx.passages.answer(intent, ctx.scoped, ctx.index)
    if not (asked_type(intent.question) or intent.asks) and CUES["judged"].search(intent.question):
        # "how well did they work with the police?" asks no fact of the area but how the work
        # went, which the findings say: the police or the board name a context cue too
        judged = ctx.passages.answer(intent, ctx.scoped, ctx.index)
        if judged.found:
            return judged
    return found

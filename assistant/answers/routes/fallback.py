"""Anything else: the best-matching sentences of the reports, quoted, or a plain 'not found'.

Also a "why" follow-up: a reason, looked for under what the last answer was about."""

from __future__ import annotations

from dataclasses import replace

from assistant.answers import dates
from assistant.answers.answer_type import asked_type
from assistant.answers.compose import Answer
from assistant.answers.fact_units import answer_facts, said_one_way
from assistant.answers.intent import QUESTION_WORDS, FindingKind, Intent
from assistant.answers.registry import Context, Route, answers, follow_up, rule
from assistant.answers.routing import Clues
from ingest.model import Role
from ingest.text.tokens import stems


@rule(Route.FALLBACK, priority=180)
def why_follow_up(intent: Intent, c: Clues) -> Route | None:
    """“Why was it so low?”: a reason, looked for under what the last answer was about."""
    if not (c.followup and c.previous and c.why):
        return None
    labels = {n.target: n.label for n in c.cat.names}
    about = [labels.get(t, t.key) for t in c.prev_targets] + list(c.previous.get("terms", []))
    intent.question = " ".join([c.q, *about])
    intent.targets = c.prev_targets
    if c.prev_targets and all(t.type == Role.CRITERION for t in c.prev_targets):
        # A criterion's score is explained by its areas for improvement.
        intent.kind = FindingKind.AREA
        return Route.FINDINGS
    return Route.FALLBACK


@follow_up(Route.FALLBACK)
def inherit(intent: Intent, previous: dict, c: Clues) -> Route:
    if not [
        w
        for w in stems(intent.question)
        if w not in QUESTION_WORDS and not any(w in r.area.lower() for r in c.reports)
    ]:
        intent.question = previous.get("question", intent.question)
    return Route.FALLBACK


@answers(Route.FALLBACK)
def answer(intent: Intent, ctx: Context) -> Answer:
    asks = asked_type(intent.question) or intent.asks
    # "number of children on the books when it was inspected?" asks for a count, not a date
    if asks not in ("count", "number") and dates.asks_date(intent.question):
        dated = dates.answer_dates(intent.question, ctx.scoped, "fallback")
        if dated is not None:
            return dated
    about = ctx.passages.without_areas(intent.question)
    fact = answer_facts(about, asks, ctx.scoped, "fallback")
    found = fact or ctx.passages.answer(intent, ctx.scoped, ctx.index)
    plain = said_one_way(intent.question)
    if found.found or plain == intent.question:
        return found
    # "the head office": the reports write "headquarters"; the same thing said their way
    # (fact_units.yaml `same`) is searched for when the question's own words find nothing
    return ctx.passages.answer(replace(intent, question=plain), ctx.scoped, ctx.index)

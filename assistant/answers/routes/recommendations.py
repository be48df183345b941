"""Recommendation questions: what was recommended, to whom, and the next steps."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.answers.citations import from_source
from assistant.answers.compose import Answer, Composer, label, not_found
from assistant.answers.intent import CUES, NEXT_STEPS_RE, QUESTION_WORDS, Intent, numbers_asked
from assistant.answers.recommendation_scope import (
    about,
    asks_action,
    by_position,
    for_post,
    scope_of,
)
from assistant.answers.registry import Context, Route, answers, follow_up, rule
from assistant.answers.routing import Clues
from ingest.model import Report
from ingest.text.stemming import stem
from ingest.text.stopwords import STOPWORDS
from ingest.text.tokens import stems


def answer_recommendations(intent: Intent, scoped: Sequence[Report]) -> Answer:
    """Recommendations with their owners, or the next steps."""
    out = Composer()
    q = intent.question
    next_steps = NEXT_STEPS_RE.search(q)
    if next_steps and not (asks_action(q) and not _names_next_steps(next_steps.group(0))):
        for report in scoped:
            for p in report.next_steps:
                out.add(
                    f"{label(report)}, next steps: {p.text}"
                    + out.cite(from_source(report, p.source), p.text)
                )
        if out.citations:
            return out.answer("recommendations")
    content = {w for w in stems(q) if w not in QUESTION_WORDS and w not in STOPWORDS}
    content -= {
        stem(w)
        for w in (
            "recommend",
            "recommendation",
            "responsible",
            "responsibility",
            "primary",
            "owner",
            "who",
            "made",
        )
    }
    # the area's name is no owner's: "the Head of Youth Justice in Penmarrow" is not the
    # "Penmarrow Youth Justice Partnership Board"
    areas = {w for r in scoped for w in stems(r.area)}
    content -= areas
    asks_owner = bool(re.search(r"\bwho\b|\bowner|\bresponsib", q, re.I))
    by_text = {r.id: _best_by_text(r.recommendations, content) for r in scoped}
    # across reports, one that matches clearly worse is not the one asked about ("which YOT
    # was told to set up a victim liaison post?" is not the YOT told to fill a vacant post)
    best = {rid: _matched(items[0], content) if items else 0 for rid, items in by_text.items()}
    top = max(best.values(), default=0)
    by_text = {rid: items if best[rid] >= top - 1 else [] for rid, items in by_text.items()}
    by_owner = {
        r.id: [i for i in r.recommendations if i.owner and _owner_matches(i.owner, content, areas)]
        for r in scoped
    }
    # "Who is responsible for filling the post?" is answered by the text of a recommendation,
    # "which are for the Operations Manager?" by its owner; reports with no match are left out.
    if asks_owner and any(by_text.values()):
        selection = by_text
    elif any(by_owner.values()):
        selection = by_owner
    elif any(by_text.values()):
        selection = by_text
    else:
        selection = None
    scope = scope_of(content)
    if (
        scope.posts
        and not intent.slots.numbers
        and not any(by_owner.values())
        and not any(for_post(r.recommendations, scope.posts) for r in scoped)
    ):
        return _none_for(scope, scoped)  # "the Director of ...": no recommendation is theirs
    if selection is None and not intent.slots.numbers and scope.names_something:
        # a post no recommendation is for, or a topic none is about: not every recommendation
        loose = {
            r.id: for_post(r.recommendations, scope.posts) or about(r.recommendations, scope.topic)
            for r in scoped
        }
        if not any(loose.values()):
            return _none_for(scope, scoped)
        selection = loose
    for report in scoped:
        items = list(report.recommendations)
        if not items:
            continue
        chosen = items
        # "what should the board do first?": the first of the board's recommendations
        of_post = by_owner[report.id] or for_post(items, scope.posts)
        ranked = by_position(of_post, intent.slots.numbers, q) if scope.posts else []
        if ranked:
            chosen = ranked
        elif intent.slots.numbers:
            chosen = [
                i
                for i in items
                if (i.number or i.position) in intent.slots.numbers
                or (-1 in intent.slots.numbers and i is items[-1])
            ]
        elif selection is not None:
            chosen = selection[report.id]
        if chosen is items:
            out.add(
                f"{label(report)} made {len(items)} recommendations "
                "(primary responsibility in brackets):"
            )
        for i in chosen:
            owner = f" ({i.owner})" if i.owner else ""
            number = i.number if i.number is not None else i.position
            out.add(
                f"{label(report)}, recommendation ({number}): {i.text}{owner}"
                if chosen is not items
                else f"({number}) {i.text}{owner}"
            )
            out.lines[-1] += out.cite(from_source(report, i.source), i.text)
    if not out.citations:
        return not_found("The loaded reports have no such recommendation.", "recommendations")
    return out.answer("recommendations")


def _names_next_steps(cue: str) -> bool:
    """The words matched name the next steps or the plan themselves ("next steps", "the
    improvement plan"), not only a time after the inspection."""
    return not cue.lower().startswith("after")


def _none_for(scope, scoped: Sequence[Report]) -> Answer:
    """Not found: no recommendation is for the post or about the topic asked; every
    recommendation offered as related."""
    related = [from_source(r, i.source) for r in scoped for i in r.recommendations]
    what = "for that post" if scope.posts else "about that"
    where = ", ".join(label(r) for r in scoped if r.recommendations) or "the loaded reports"
    return Answer(
        f"No recommendation in {where} is {what}. The recommendations are listed below as "
        "related, not as an answer.",
        False,
        [],
        route="recommendations",
        related=related,
    )


def _owner_matches(owner: str, content: set[str], areas: set[str] = frozenset()) -> bool:
    owner_words = set(stems(owner)) - {stem("appointed"), "when"} - areas
    hit = owner_words & content
    return (
        bool(owner_words)
        and len(hit) >= min(2, len(owner_words))
        and (len(hit) / len(owner_words) >= 0.5)
    )


def _matched(item, content: set[str]) -> int:
    return len(set(stems(item.text)) & content)


def _best_by_text(items, content: set[str]):
    if not content or not items:  # a document that makes no recommendations matches none
        return []
    scored = [(_matched(i, content), i) for i in items]
    best = max(s for s, _ in scored)
    if best < min(2, len(content)):
        return []
    return [i for s, i in scored if s == best]


@dataclass
class RecommendationSlots:
    numbers: list[int] = field(default_factory=list)  # recommendation numbers asked for


@rule(Route.RECOMMENDATIONS, priority=120)
def recommendations_asked(intent: Intent, c: Clues) -> Route | None:
    if CUES["recommend"].search(c.qg):
        intent.slots = RecommendationSlots(numbers_asked(c.q))
        return Route.RECOMMENDATIONS
    return None


@follow_up(Route.RECOMMENDATIONS)
def inherit(intent: Intent, previous: dict, c: Clues) -> Route:
    intent.slots = RecommendationSlots(numbers_asked(intent.question))
    return Route.RECOMMENDATIONS


@answers(Route.RECOMMENDATIONS, slots=RecommendationSlots)
def answer(intent: Intent, ctx: Context) -> Answer:
    return answer_recommendations(intent, ctx.scoped)

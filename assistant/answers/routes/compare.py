"""Comparison questions: one measure across reports, or several within one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answers.citations import from_source
from assistant.answers.compose import Answer, Composer, label, loaded_list, not_found, score_name
from assistant.answers.conditions import only_asking
from assistant.answers.intent import (
    CUES,
    SCORED,
    Intent,
    Target,
    catalog,
    criteria_of,
    direction_of,
)
from assistant.answers.like import mean_text, merit
from assistant.answers.registry import Context, Route, answers, follow_up, rule
from assistant.answers.routes.computed import asked_condition
from assistant.answers.routes.score import answer_earlier
from assistant.answers.routing import Clues
from assistant.answers.score_lists import levels_asked
from assistant.answers.sides import compared_targets, level_targets, sides
from ingest.model import Report, Role, Score, Unit


def answer_compare(intent: Intent, scoped: Sequence[Report], loaded: Sequence[Report]) -> Answer:
    """The same measure(s) side by side across reports, or several measures within one."""
    # With no measure named, the headline measures of every report in scope.
    ranked = bool(CUES["ordering"].search(intent.question)) and len(scoped) == 1
    worst_first = bool(CUES["worst-first"].search(intent.question))
    targets = (
        (_ranked_targets(intent, scoped[0]) if ranked else [])
        or intent.targets
        or [
            Target("headline", k)
            for k in dict.fromkeys(s.key for r in scoped for s in r.headline_scores)
        ]
    )
    if len(scoped) < 2 and (len(targets) < 2 or (intent.slots.across and not ranked)):
        only = loaded_list(loaded)
        return not_found(f"There is nothing to compare it with: only {only} is loaded.", "compare")
    out = Composer()
    labels = {n.target: n.label for n in catalog(scoped).names}
    if len(scoped) >= 2:
        for t in _scored_parts(targets, scoped):
            values = [(r, t.score_in(r)) for r in scoped]
            values = [(r, s) for r, s in values if s]
            if not values:
                continue
            if CUES["ordering"].search(intent.question):
                values.sort(key=lambda v: v[1].value if worst_first else -v[1].value)
            name = score_name(values[0][1])
            # The same number may name different criteria in different reports (and the same
            # criterion different numbers): then each report's own name is shown.
            own = len({score_name(s).lower() for _, s in values}) > 1
            if own:
                name = labels.get(t, t.key).split(" ", 1)[-1] if t.name else t.key
            parts = [
                f"{label(r)}{f' {score_name(s)}' if own else ''} {s.display()}"
                f"{f' ({s.band})' if s.band else ''}" + out.cite(from_source(r, s.source))
                for r, s in values
            ]
            line = f"{name[0].upper()}{name[1:]}: " + "; ".join(parts) + "."
            line += _like_verdict(
                [(label(r), s) for r, s in values],
                intent.slots.direction,
                [str(r.format) for r, _ in values],
            )
            if CUES["mean"].search(intent.question):
                line += mean_text([s for _, s in values])
            out.add(line)
            lacking = [label(r) for r in scoped if not t.score_in(r)]
            if lacking:
                out.add(f"({', '.join(lacking)}: no such criterion.)")
    else:
        report = scoped[0]
        values = [(t, t.score_in(report)) for t in targets]
        values = [(t, s) for t, s in values if s]
        if ranked:
            # best first (worst first when asked); a measure with no value last
            sign = 1.0 if worst_first else -1.0
            values.sort(key=lambda v: (merit(v[1]) is None, sign * (merit(v[1]) or 0.0)))
        parts = [
            f"{score_name(s)} {s.display()}{f' ({s.band})' if s.band else ''}"
            + out.cite(from_source(report, s.source))
            for _, s in values
        ]
        out.add(
            f"{label(report)}: "
            + "; ".join(parts)
            + "."
            + _like_verdict(
                [(score_name(s), s) for _, s in values],
                intent.slots.direction,
                [str(report.format)] * len(values),
            )
        )
    if not out.citations:
        return not_found("The loaded reports give no such scores to compare.", "compare")
    return out.answer("compare")


def _scored_parts(targets: list[Target], scoped: Sequence[Report]) -> list[Target]:
    """A part no report in scope scores as a whole (a ratings domain, whose standards are rated
    and it is not: Cold Ashby's Resettlement) stands for its criteria, so that "how does
    Harrowfield's resettlement compare with Cold Ashby's?" sets out the one that has it."""
    out: list[Target] = []
    for t in targets:
        if t.type == Role.OVERALL and not any(t.score_in(r) for r in scoped):
            out += criteria_of([t], catalog(scoped)) or [t]
        else:
            out.append(t)
    return list(dict.fromkeys(out))


def _ranked_targets(intent: Intent, report: Report) -> list[Target]:
    """What "rank the standards" (or "the court disposals standards in order") puts in order
    within one report: the criteria of the sections it names, else every criterion."""
    named = criteria_of(list(intent.targets), catalog([report]))
    if len(named) >= 2:
        return named
    if len(intent.targets) >= 2:
        return []  # measures named one by one: those, as named
    return [Target("criterion", c.number) for c in report.criteria if c.score is not None]


def _like_verdict(
    values: list[tuple[str, Score]], direction: str | None, scales: Sequence[str] = ()
) -> str:
    """Which is higher, only between like measures: percentages (or shares, or points of one
    maximum) with each other, ratings of one scale (``scales``: each report's format) by their
    rank on it; a rating is never set against a percentage."""
    units = {(s.unit, s.maximum) for _, s in values}
    if len(units) > 1:
        kinds = sorted({str(s.unit) for _, s in values})
        return (
            f" These cannot be compared with each other: they are measures of different kinds "
            f"({', '.join(kinds)}), and a rating is not a percentage."
        )
    if any(s.unit == Unit.RATING for _, s in values):
        if len(set(scales)) != 1 or len(scales) != len(values):
            return ""  # ratings of different scales ("Good" in 2014 and in 2021) stand as given
        return _rating_verdict(values, direction)
    return _verdict([(n, s.value) for n, s in values if s.value is not None], direction)


def _verdict(values: list[tuple[str, int]], direction: str | None) -> str:
    if len(values) < 2:
        return ""
    lo = min(v for _, v in values)
    hi = max(v for _, v in values)
    if lo == hi:
        return " They are equal."
    # a measure's name ("overall score for Outcomes") may open the sentence
    low = _capital(" and ".join(n for n, v in values if v == lo))
    high = _capital(" and ".join(n for n, v in values if v == hi))
    if len(values) > 2:
        if direction == "higher":
            return f" Highest: {high} ({hi}%), {hi - lo} points above the lowest ({low})."
        if direction == "lower":
            return f" Lowest: {low} ({lo}%), {hi - lo} points below the highest ({high})."
    elif direction == "higher":
        return f" {high} is higher, by {hi - lo} points."
    elif direction == "lower":
        return f" {low} is lower, by {hi - lo} points."
    return f" Lowest: {low}; highest: {high} ({hi - lo} points apart)."


def _rating_verdict(values: list[tuple[str, Score]], direction: str | None) -> str:
    """Which is rated better on one scale: a rating's value is its rank, 1 the best."""
    ranked = [(n, s) for n, s in values if s.value is not None and s.rating]
    if len(ranked) < 2:
        return ""
    best = min(float(s.value) for _, s in ranked)  # type: ignore[arg-type]
    worst = max(float(s.value) for _, s in ranked)  # type: ignore[arg-type]
    if best == worst:
        return " They are rated the same."
    top = [(n, s) for n, s in ranked if float(s.value) == best]  # type: ignore[arg-type]
    low = [(n, s) for n, s in ranked if float(s.value) == worst]  # type: ignore[arg-type]
    top_names = _capital(" and ".join(n for n, _ in top))
    low_names = _capital(" and ".join(n for n, _ in low))
    if len(ranked) == 2:
        if direction == "lower":
            return f" {low_names} is rated lower ({low[0][1].rating}, against {top[0][1].rating})."
        return f" {top_names} is rated better ({top[0][1].rating}, against {low[0][1].rating})."
    return (
        f" Best rated: {top_names} ({top[0][1].rating}); "
        f"worst rated: {low_names} ({low[0][1].rating})."
    )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass
class CompareSlots:
    direction: str | None = None  # "lower" | "higher": the side the comparison asks for
    across: bool = False  # the same measure across areas


@rule(Route.COMPARE, priority=50)
def across_reports(intent: Intent, c: Clues) -> Route | None:
    """Several reports set side by side on the same measure(s)."""
    s = c.s
    # "which service had no written policy?" names no measure and compares none: a finding
    # looked for in each report, not reports set side by side
    measured = (
        bool(s.score_targets and not CUES["lacks"].search(c.q))
        or bool(s.score_cue or intent.bands or s.minimum or s.maximum)
        # "was staff turnover higher in ...?": a direction compares scores only when the
        # question names nothing the reports do not measure
        or bool(direction_of(c.q) and not _names_unmeasured(c))
        # "how did the two YOTs compare?": the reports themselves, on their headline measures
        or only_asking(c.q, [r.area for r in c.reports])
    )
    if (
        s.compare
        and measured
        and s.many_reports
        and not intent.kind
        and not intent.context_kinds
        and not s.band_list
        and not s.extreme_across
        and not asked_condition(c.q, c.scoped or c.reports)  # "which criteria under 60% in each?"
        and not _names_rating(c)  # "which standards were rated Inadequate across the reports?"
        # "compare the three headline scores" with one report loaded: its measures of a level
        and not (len(c.reports) < 2 and level_targets(c))
        # "which area got the worst judgement?" with one report loaded: its areas of work
        and not (len(c.reports) < 2 and (s.minimum or s.maximum))
        # "what judgement did each area of work get?" with one report loaded: its list
        and not (len(c.reports) < 2 and levels_asked(c.q, s.own_targets))
        # "the criterion scores from both reports, one list each": each report's list, when
        # nothing sets one against another
        and not (levels_asked(c.q, s.own_targets) and not _sets_against(c.q))
    ):
        intent.targets = s.score_targets
        if len(c.named) < 2 and not c.report_filter:
            intent.reports = [r.id for r in c.reports]
        intent.slots = CompareSlots(direction_of(c.q), across=True)
        return Route.COMPARE
    return None


@rule(Route.COMPARE, priority=8)
def measure_against_measure(intent: Intent, c: Clues) -> Route | None:
    """ "Risk of harm vs likelihood of reoffending": two sides, each naming a measure of the
    reports in question, set side by side (before the names are read as glossary terms, or
    the words of a claim as one)."""
    if not sides(c.q) or CUES["glossary"].search(c.qg) or CUES["claim"].match(c.q):
        return None
    targets = compared_targets(c)
    if len(targets) < 2 or intent.kind:
        return None
    # a part with no score of its own (a ratings domain: its standards are rated, it is not)
    # is compared as a part, with its standards' ratings (the domains route)
    if not all(any(t.score_in(r) for r in c.scoped or c.reports) for t in targets):
        return None
    intent.targets = targets
    intent.slots = CompareSlots(direction_of(c.q))
    return Route.COMPARE


def _sets_against(question: str) -> bool:
    """The question sets measures against each other ("compare", "than", "vs", a direction,
    two sides), not only asks for them of several reports ("both", "each")."""
    return bool(
        CUES["compared-with"].search(question)
        or CUES["ordering"].search(question)
        or direction_of(question)
        or sides(question)
    )


def _names_unmeasured(c: Clues) -> bool:
    from assistant.answers.conditions import unmeasured_words

    reports = c.scoped or c.reports
    return bool(unmeasured_words(c.q, reports, [r.area for r in c.reports]))


def _names_rating(c: Clues) -> bool:
    from assistant.answers.routes.rated import asked_rating, rated_measures

    reports = c.scoped or c.reports
    return (
        bool(CUES["rated-which"].search(c.q))
        and any(rated_measures(r) for r in reports)
        and (asked_rating(c.qg, reports) is not None)
    )


@rule(Route.COMPARE, priority=90)
def several_measures(intent: Intent, c: Clues) -> Route | None:
    s = c.s
    if not (s.compare or sides(c.q)):
        return None
    if not sides(c.q) and CUES["lacks"].search(c.q) and not s.score_cue:
        return None  # "which YOT did not review plans?": a finding, though measures are named
    targets = compared_targets(c)
    if len(targets) >= 2 and not intent.kind:
        intent.targets = targets
        intent.slots = CompareSlots(direction_of(c.q))
        return Route.COMPARE
    return None


@follow_up(Route.COMPARE)
def inherit(intent: Intent, previous: dict, c: Clues) -> Route:
    intent.targets = c.targets(SCORED)
    intent.slots = CompareSlots(direction_of(intent.question) or previous.get("direction"))
    return Route.COMPARE


@answers(Route.COMPARE, slots=CompareSlots)
def answer(intent: Intent, ctx: Context) -> Answer:
    if intent.earlier:
        return answer_earlier(intent, ctx.scoped)
    return answer_compare(intent, ctx.scoped, ctx.loaded)

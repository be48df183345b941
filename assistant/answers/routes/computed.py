"""Computed questions: lowest, highest, counts, lists by band or threshold, means."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from assistant.answers.citations import from_source
from assistant.answers.compose import (
    Answer,
    Composer,
    label,
    not_found,
    plural,
    score_line,
    score_name,
    target_of,
)
from assistant.answers.conditions import (
    Condition,
    asks_proportion,
    at_worst_level,
    bounds_a_share,
    condition_in,
    how_many,
    level_asked,
    rating_condition,
    scores_of_level,
    sets_bound,
    worst_level,
)
from assistant.answers.derived import persisted
from assistant.answers.earlier_scores import asks_earlier, earlier
from assistant.answers.intent import CUES, Intent, Target
from assistant.answers.like import by_kind, extreme, extremes_of_scores, merit
from assistant.answers.none_found import listed_none
from assistant.answers.registry import Context, Route, answers, follow_up, rule
from assistant.answers.routing import Clues
from assistant.answers.score_lists import answer_list, levels_asked, list_targets
from assistant.answers.stated import asks_yes_no
from ingest.model import Report, ReportFormat, Role, Score, Unit


def answer_computed(intent: Intent, scoped: Sequence[Report]) -> Answer:
    """Lowest/highest, counts and lists by band or threshold, means: computed over scores."""
    measures = [t for t in intent.targets if t.type in ("headline", "criterion")]
    # "the planning key questions under 60%": the named standards pick key questions
    # (``_of_named_parts``), not themselves
    key_questions = intent.slots.scope == "key-question"
    ops = ("count", "list", "above", "below", "equal", "where")
    if measures and intent.slots.op in ops and not key_questions:
        return _filter_measures(intent, measures, scoped)
    if intent.slots.across and intent.slots.op in ("min", "max") and len(scoped) > 1:
        return _extreme_across(intent, scoped)
    out = Composer()
    about: list[Target] = []
    listed: list[bool] = []  # per report asked for a list by a condition: did any qualify
    # Across several reports, a report with nothing to list is named, not enumerated.
    terse = len(scoped) > 1
    for report in scoped:
        scores, noun = _scope_scores(report, intent)
        if not scores:
            continue
        op = intent.slots.op
        where = f" in {label(report)}"
        of_all = f"the {len(scores)} {plural(noun)}{where}"
        if op in ("min", "max"):
            # "the strongest and weakest criteria": both ends, highest first
            for end in ("max", "min") if intent.slots.both else (op,):
                chosen = _extremes(report, scores, end, intent.slots.many)
                if not chosen:
                    continue
                about += [target_of(s) for s in chosen]
                word = "Lowest" if end == "min" else "Highest"
                many = intent.slots.many
                head = (
                    f"The {many} {word.lower()}-scoring {plural(noun)}"
                    if many > 1
                    else f"{word}-scoring {noun}"
                )
                lines = "; ".join(score_line(out, report, s) for s in chosen)
                out.add(f"{head}{where}: {lines}.")
        elif op == "where":
            condition = _condition_for(intent, scores)
            if condition is None:
                continue
            chosen = [s for s in scores if _holds(condition, s)]
            about += [target_of(s) for s in chosen]
            listed.append(bool(chosen))
            _add_met(out, report, scores, chosen, terse, of_all, _said(condition))
        elif op == "equal" and intent.slots.threshold is not None:
            t = intent.slots.threshold
            chosen = [s for s in scores if _meets(intent, s)]
            about += [target_of(s) for s in chosen]
            _add_met(out, report, scores, chosen, terse, of_all, f"scored {t}%")
        elif op in ("count", "list") and intent.bands:
            chosen = [s for s in scores if _meets(intent, s)]
            bands = " or ".join(intent.bands)
            _add_selection(
                out,
                report,
                scores,
                chosen,
                terse,
                found=f"{len(chosen)} of {of_all} require {bands} improvement: ",
                none=f"None of {of_all} needs {bands} improvement.",
                none_listing=f"None of {of_all} requires {bands} improvement; their bands: ",
            )
        elif op in ("above", "below") and intent.slots.threshold is not None:
            t = intent.slots.threshold
            chosen = [s for s in scores if _meets(intent, s)]
            listed.append(bool(chosen))
            _add_met(out, report, scores, chosen, terse, of_all, f"scored {op} {t}%")
        elif op == "mean":
            mean = sum(s.value for s in scores) / len(scores)
            out.add(
                f"The mean of the {len(scores)} {plural(noun)}{where} is {mean:.1f}% "
                "(computed from: " + "; ".join(score_line(out, report, s) for s in scores) + ")."
            )
        else:  # count with no band: how many criteria there are
            out.add(
                f"{label(report)} scores {len(scores)} {plural(noun)}: "
                + "; ".join(score_line(out, report, s) for s in scores)
                + "."
            )
    if not out.lines:
        if asks_earlier(intent.question):
            return not_found(
                "The loaded reports give no scores from an earlier inspection to compute that "
                "from.",
                "computed",
            )
        return not_found("The loaded reports give no scores to compute that from.", "computed")
    if not out.citations:
        # Nothing matched anywhere: the answer is "none", and it rests on every score looked at.
        for report in scoped:
            scores, _ = _scope_scores(report, intent)
            if not scores:
                continue
            out.add(
                f"{label(report)}'s scores: "
                + "; ".join(score_line(out, report, s) for s in scores)
                + "."
            )
    answer = out.answer("computed")
    answer.about = list(dict.fromkeys(about))
    # a list asked for of which nothing qualifies: no answer (a yes/no question's is "none")
    return listed_none(answer, intent.question, not listed or any(listed))


def _add_selection(
    out: Composer,
    report: Report,
    scores: list[Score],
    chosen: list[Score],
    terse: bool,
    *,
    found: str,
    none: str,
    none_listing: str,
) -> None:
    """The scores that meet a condition; when none do, say so (listing every score unless terse)."""
    if chosen:
        out.add(found + "; ".join(score_line(out, report, s) for s in chosen) + ".")
    elif terse:
        out.add(none)
    else:
        out.add(none_listing + "; ".join(score_line(out, report, s) for s in scores) + ".")


def _add_met(
    out: Composer,
    report: Report,
    scores: list[Score],
    chosen: list[Score],
    terse: bool,
    of_all: str,
    said: str,
) -> None:
    """``_add_selection`` for a condition said one way whether or not any score meets it
    ("scored below 50%")."""
    _add_selection(
        out,
        report,
        scores,
        chosen,
        terse,
        found=f"{len(chosen)} of {of_all} {said}: ",
        none=f"None of {of_all} {said}.",
        none_listing=f"None of {of_all} {said}: ",
    )


def _extremes(report: Report, scores: list[Score], op: str, many: int) -> list[Score]:
    """The lowest or highest ``many`` of ``scores`` (every one tied with the last taken)."""
    chosen = extremes_of_scores(report, scores, op)  # a rating's rank: 1 is best
    if many <= 1 or not chosen:
        return chosen
    kind = [s for s in scores if s.unit == chosen[0].unit and merit(s) is not None]
    ranked = sorted(kind, key=lambda s: merit(s) or 0.0, reverse=op == "max")
    cut = merit(ranked[min(many, len(ranked)) - 1])
    return [s for s in ranked if (merit(s) >= cut if op == "max" else merit(s) <= cut)]  # type: ignore[operator]


# A condition on a scale ("below Good", "in the red") holds for a measure at these levels.
_WORST = Condition(">=", 0.0)


def _condition_for(intent: Intent, scores: list[Score]) -> Condition | None:
    """The condition of a threshold question on ``scores``: a percentage's, a rating's, or the
    worst level of their scale."""
    if worst_level(intent.question):
        return _WORST
    ratings = [s for s in scores if s.unit == Unit.RATING]
    if ratings and len(ratings) * 2 >= len(scores):
        return rating_condition(intent.question, ratings)
    return intent.slots.condition


def _holds(condition: Condition, s: Score) -> bool:
    if condition is _WORST:
        return at_worst_level(s)
    return condition.holds(s.value)


def _said(condition: Condition) -> str:
    if condition is _WORST:
        return "stood at the worst level of their scale (DRASTIC, Inadequate or Poor)"
    if condition.label:
        return f"were rated {condition.label}"
    return f"scored {condition.text()}"


def _meets(intent: Intent, s: Score) -> bool:
    if intent.slots.op == "where" and intent.slots.condition is not None:
        return intent.slots.condition.holds(s.value)
    if intent.slots.op in ("above", "below", "equal") and intent.slots.threshold is not None:
        t = intent.slots.threshold
        return {"above": s.value > t, "below": s.value < t, "equal": s.value == t}[intent.slots.op]
    return s.band in intent.bands


def _condition(intent: Intent) -> str:
    if intent.slots.op == "where" and intent.slots.condition is not None:
        return f"scored {intent.slots.condition.text()}"
    if intent.slots.op in ("above", "below") and intent.slots.threshold is not None:
        return f"scored {intent.slots.op} {intent.slots.threshold}%"
    if intent.slots.op == "equal" and intent.slots.threshold is not None:
        return f"scored {intent.slots.threshold}%"
    return f"requires {' or '.join(intent.bands)} improvement"


def _filter_measures(intent: Intent, measures: list[Target], scoped: Sequence[Report]) -> Answer:
    """ "Which reports had a DRASTIC safeguarding score?": the named measure in each report,
    those that meet the condition first; every score looked at is cited."""
    out = Composer()
    for t in measures:
        values = [(r, t.score_in(r)) for r in scoped]
        values = [(r, s) for r, s in values if s]
        if not values:
            continue
        name = score_name(values[0][1])
        hits = [(r, s) for r, s in values if _meets(intent, s)]
        rest = [(r, s) for r, s in values if not _meets(intent, s)]
        condition = _condition(intent)

        def line(r: Report, s: Score) -> str:
            band = f" ({s.band})" if s.band else ""
            return f"{label(r)} {s.display()}{band}" + out.cite(from_source(r, s.source))

        # "did Wessex Vale get more than 80% on X?": one measure of one report, asked yes or
        # no, is answered Yes or No before its figure
        lead = ""
        if len(measures) == 1 and len(values) == 1 and asks_yes_no(intent.question):
            lead = "Yes: " if hits else "No: "
        if hits:
            out.add(
                f"{lead}Reports whose {name} {condition}: "
                + "; ".join(line(r, s) for r, s in hits)
                + "."
            )
        else:
            out.add(f"{lead}No loaded report's {name} {condition}.")
        if rest:
            out.add(
                ("The other reports" if hits else "Their scores")
                + ": "
                + "; ".join(line(r, s) for r, s in rest)
                + "."
            )
    if not out.citations:
        return not_found("The loaded reports give no such score.", "computed")
    return out.answer("computed")


def _extreme_across(intent: Intent, scoped: Sequence[Report]) -> Answer:
    """The lowest or highest score of one kind over all the loaded reports together."""
    out = Composer()
    pool = [(r, s) for r in scoped for s in _scope_scores(r, intent)[0]]
    if not pool:
        return not_found("The loaded reports give no scores to compute that from.", "computed")
    noun = _scope_scores(scoped[0], intent)[1]
    word = "Lowest" if intent.slots.op == "min" else "Highest"
    about: list[Target] = []
    groups = by_kind(pool)  # like with like: a rating is never set against a percentage
    for group in groups:
        chosen = extreme(group, lambda pair: pair[1], intent.slots.op)
        about += [target_of(s) for _, s in chosen]
        among = f" ({_kind_name(chosen[0][1])})" if len(groups) > 1 else ""
        out.add(
            f"{word}-scoring {noun} across the {len(scoped)} loaded reports{among}: "
            + "; ".join(f"{label(r)}, {score_line(out, r, s)}" for r, s in chosen)
            + "."
        )
    if not out.citations:
        return not_found("The loaded reports give no scores to compute that from.", "computed")
    answer = out.answer("computed")
    answer.about = about
    return answer


def _kind_name(score: Score) -> str:
    if score.unit == Unit.POINTS and score.maximum:
        return f"points out of {score.maximum}"
    return {Unit.PERCENT: "percentages", Unit.SHARE: "shares of cases"}.get(score.unit, "ratings")


def _scope_scores(report: Report, intent: Intent) -> tuple[list[Score], str]:
    scores, noun = _level_scores(report, intent)
    if asks_earlier(intent.question, scores):  # "below 50% at the previous inspection"
        return earlier(scores), noun
    return scores, noun


def _level_scores(report: Report, intent: Intent) -> tuple[list[Score], str]:
    if intent.slots.scope == "key-question":
        # "in its out-of-court work, which key question scored lowest?": of the parts named
        scores, noun = scores_of_level(report, intent.slots.scope)
        scores = _of_named_parts(report, intent, scores)
        return (scores, noun) if scores else ([], "")
    if intent.slots.scope in ("headline", "section") or not report.criteria:
        return scores_of_level(report, intent.slots.scope)
    # only the sections this report has: another report's section name is no filter here
    own = {str(c.section_number) for c in report.criteria}
    named = {t.key for t in intent.targets if t.type == Role.OVERALL}
    if named and not named & own:
        # "the weakest resettlement standard in Harrowfield": a part only another report has;
        # this report's other measures are not what was asked
        return [], ""
    if not report.criteria:
        return scores_of_level(report, intent.slots.scope)
    sections = named & own
    criteria = [c for c in report.criteria if not sections or str(c.section_number) in sections]
    noun = "standard" if report.format == ReportFormat.RATINGS else "criterion"
    return [c.score for c in criteria], noun


def _of_named_parts(report: Report, intent: Intent, scores: list[Score]) -> list[Score]:
    """The key questions of the standards or domains a question names ("the resettlement key
    questions"), when this report has them; a named part with none has none to compute."""
    standards = {c.score.key for c in report.criteria}
    domains = {str(c.section_number) for c in report.criteria}
    named = {t.key for t in intent.targets if t.type == Role.CRITERION} & standards
    named_domains = {t.key for t in intent.targets if t.type == Role.OVERALL} & domains
    if not (named or named_domains):
        # a domain only another report has: this report's key questions are not what was asked
        asked = any(t.type == Role.OVERALL for t in intent.targets)
        return [] if asked else scores
    return [
        s for s in scores if s.parent in named or (s.parent or "").split(".", 1)[0] in named_domains
    ]


class Operation(StrEnum):
    MIN = "min"
    MAX = "max"
    COUNT = "count"
    LIST = "list"  # the scores in a band
    ABOVE = "above"
    BELOW = "below"
    EQUAL = "equal"
    WHERE = "where"  # the scores that meet a condition (``ComputedSlots.condition``)
    MEAN = "mean"


@dataclass
class ComputedSlots:
    op: Operation | None = None
    threshold: int | None = None
    scope: str | None = "criterion"  # "criterion" | "headline" | "section" | "key-question"
    across: bool = False  # one extreme over every loaded report
    condition: Condition | None = None  # for WHERE: "below 50%", "between 40% and 50%"
    many: int = 1  # for MIN/MAX: "the two lowest"
    both: bool = False  # for MIN/MAX: "the strongest and weakest", both ends


@rule(Route.FALLBACK, priority=7)
def ranked_by_unmeasured(intent: Intent, c: Clues) -> Route | None:
    """ "Which worker had the biggest caseload?", "which YOT had the most complaints?": a pick
    ranked by nothing the reports measure is no computation or comparison of their scores;
    the passages are searched, and only one that states such a ranking answers."""
    if c.followup:
        return None
    # a bound on a count of something else ("waits of over 60 days") is a condition on what
    # is picked too, though on no score
    condition = asked_condition(c.q, c.scoped or c.reports) or c.s.threshold or sets_bound(c.q)
    # "which schools were rated inadequate?": a pick by a rating word is a condition too
    rated = not condition and _picks_by_rating(c)
    if not _unmeasured(c, bool(condition or rated)):
        return None
    # a ranking, or for a condition ("which workers had caseloads above 20?") a figure, or for
    # a rating a passage that gives the thing picked a judgement
    # ("did more than half of the victims get a visit?": a share of the group)
    figure = "share" if bounds_a_share(c.q) else "number"
    intent.asks = "judgement" if rated else figure if condition else "ranking"
    return Route.FALLBACK


def _picks_by_rating(c: Clues) -> bool:
    from assistant.answers.routes.rated import asked_rating

    return bool(CUES["rated-which"].search(c.q) and asked_rating(c.qg, c.reports))


@rule(Route.COMPUTED, priority=70)
def computation(intent: Intent, c: Clues) -> Route | None:
    """Lowest, highest, counts, lists by band or threshold, means over the stored scores."""
    s, q = c.s, c.q
    condition = asked_condition(q, c.scoped or c.reports)
    has_op = (
        s.minimum
        or s.maximum
        or s.threshold
        or condition
        or ((s.count or asks_proportion(q)) and (intent.bands or s.criteria_word))
        or (intent.bands and CUES["which"].search(q))
        or (s.equal and (CUES["which"].search(q) or s.count))
        or (
            CUES["mean"].search(q)
            and not CUES["national"].search(q)
            and (s.score_cue or s.criteria_word)
        )
    )
    if (
        not has_op
        or intent.kind
        # "did more than half of the cases have a plan?": a share of cases, not the scores
        or (condition and bounds_a_share(q))
        # "where was it judged most harshly?" asks for a part of the work, not a place
        or (intent.context_kinds and not (s.minimum or s.maximum))
        or (
            s.own_targets
            and any(t.type == Role.CRITERION for t in s.own_targets)
            and not (s.count or s.threshold or condition or intent.bands)
        )
    ):
        return None

    slots = ComputedSlots()
    score_targets = s.score_targets
    if c.followup and c.previous and c.previous.get("route") == "computed":
        # "and the lowest?": the previous computation's scope and reports, another op.
        slots.scope = c.previous.get("scope") or slots.scope
        score_targets = s.own_targets
    if CUES["scope-headline"].search(q):
        slots.scope = "headline"
    elif CUES["scope-section"].search(q):
        slots.scope = "section"
    level = level_asked(q)
    if level == "key-question":
        slots.scope = level
    if condition:
        slots.op = Operation.WHERE
        slots.condition = condition if isinstance(condition, Condition) else None
    elif s.threshold:
        word = s.threshold.group(1).lower()
        slots.op = (
            Operation.BELOW if word in ("below", "under", "less than", "lower than") else "above"
        )
        slots.threshold = int(s.threshold.group(2))
    elif s.equal and not intent.bands:
        slots.op = Operation.EQUAL
        slots.threshold = int(s.equal.group(1))
    elif s.count or asks_proportion(q):
        slots.op = Operation.COUNT
    elif s.minimum:
        slots.op = Operation.MIN
        slots.many = how_many(q)
        slots.both = bool(s.maximum)
    elif s.maximum:
        slots.op = Operation.MAX
        slots.many = how_many(q)
    elif intent.bands:
        slots.op = Operation.LIST
    else:
        slots.op = Operation.MEAN
    intent.targets = [t for t in score_targets if t.type == Role.OVERALL]
    if slots.op in ("count", "list", "above", "below", "equal", "where") and not s.criteria_word:
        # "Which reports had a DRASTIC safeguarding score?": that measure, in each report.
        intent.targets += [t for t in score_targets if t.type in (Role.HEADLINE, Role.CRITERION)]
    if s.extreme_across:
        slots.across = True
        if len(c.named) < 2:
            intent.reports = [r.id for r in c.reports]
    intent.slots = slots
    return Route.COMPUTED


def asked_condition(q: str, reports: Sequence[Report]) -> Condition | bool | None:
    """The condition a threshold question sets: on percentages (through the language layer),
    on a rating scale ("below Good") or the worst level of a scale ("in the red"); True when
    the condition is one on ratings, decided for each report's own scale."""
    if worst_level(q):
        return True
    if rating_condition(q, _rated(reports)):
        return True
    return condition_in(q)


@persisted("rated-scales")  # saved once per store change: a fresh process reads no report
def _rated(reports: Sequence[Report]) -> list[Score]:
    """One measure for each rating word the reports use, with its rank (read once per set)."""
    seen: dict[tuple[str, str | None], Score] = {}
    for r in reports:
        for s in r.all_scores():
            if s.unit == Unit.RATING:
                seen.setdefault((str(r.format), s.rating), s)
    return list(seen.values())


def _unmeasured(c: Clues, condition: bool = False) -> bool:
    from assistant.answers.by_kind import names_of
    from assistant.answers.conditions import unmeasured

    names = names_of(c, described=condition)  # a ranking by "caseloads" is by no measure
    return bool(unmeasured(c.q, c.scoped or c.reports, names, condition))


@follow_up(Route.COMPUTED)
def inherit(intent: Intent, previous: dict, c: Clues) -> Route:
    intent.bands = intent.bands or previous.get("bands", [])
    op = previous.get("op")
    condition = previous.get("condition")
    intent.slots = ComputedSlots(
        Operation(op) if op else None,
        previous.get("threshold"),
        previous.get("scope"),
        condition=Condition(**condition) if isinstance(condition, dict) else None,
    )
    return Route.COMPUTED


@answers(Route.COMPUTED, slots=ComputedSlots)
def answer(intent: Intent, ctx: Context) -> Answer:
    op = intent.slots.op
    levels = levels_asked(intent.question, intent.targets)
    if op in (None, Operation.COUNT) and not intent.bands and levels:
        # "every key question score", "all of its scores, criteria included": the levels
        # asked for, each listed in full with its count, not one scope's count
        targets = list_targets(intent.question, intent.targets)
        return answer_list(levels, ctx.scoped, targets, "computed")
    return answer_computed(intent, ctx.scoped)

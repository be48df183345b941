"""Score questions: a measure's value and band, or the headline scores."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answers import stated
from assistant.answers.citations import from_source
from assistant.answers.compose import (
    Answer,
    Composer,
    band_text,
    label,
    loaded_list,
    not_found,
    score_name,
    target_of,
)
from assistant.answers.how_it_went import how_it_went
from assistant.answers.intent import (
    CUES,
    SCORED,
    FindingKind,
    Intent,
    Target,
    catalog,
    is_bare_target,
)
from assistant.answers.list_by import listed_by_unmeasured
from assistant.answers.passages import content_words
from assistant.answers.plain_words import in_report_words
from assistant.answers.registry import Context, Route, answers, follow_up, rule
from assistant.answers.routes.findings import add_area_findings, answer_findings
from assistant.answers.routing import Clues
from assistant.answers.score_lists import (
    answer_list,
    criteria_named,
    levels_asked,
    list_targets,
    ratings_only,
    scores_at,
)
from ingest.model import Report, Role, Score, Unit
from ingest.text.stemming import stem
from ingest.text.tokens import stems, words

_BAND_WORDS = frozenset(
    stem(b.lower())
    for b in ("MINIMUM", "MODERATE", "SUBSTANTIAL", "DRASTIC", "improvement", "required")
)


def _measure_order(label: str) -> tuple:
    number = re.match(r"(\d)\.(\d)", label)
    return (1, label) if number else (0, label)


def answer_score(
    intent: Intent,
    scoped: Sequence[Report],
    topic: Sequence[str] = (),
    loaded: Sequence[Report] = (),
) -> Answer:
    """A score's value and band; with no measure named, the headline scores.

    A question about a measure the reports do not score ("the score for victim work") is
    not answered with some other score."""
    out = Composer()
    targets = intent.targets
    unscored = [w for w in topic if w not in _BAND_WORDS]
    if not targets and unscored:
        names = sorted({n.label for n in catalog(scoped).names}, key=_measure_order)
        shown = [w for w in words(intent.question) if stem(w) in unscored] or unscored
        return not_found(
            f"The reports give no score for “{' '.join(dict.fromkeys(shown))}”. They score: "
            + "; ".join(names)
            + ".",
            "score",
        )
    if not targets:
        # Every report's own headline measures, not the first report's alone.
        keys = dict.fromkeys(s.key for r in scoped for s in r.headline_scores)
        targets = [Target("headline", k) for k in keys]
        if len(targets) == 0:
            return not_found("The loaded reports give no scores.", "score")
    missing: list[str] = []
    labels = {n.target: n.label for n in catalog(loaded or scoped).names}
    verdicts = bool(intent.bands) and len(targets) == 1
    scale = [s.rating for r in scoped for s in r.all_scores() if s.rating]
    for report in scoped:
        lines = []
        seen: list[Score] = []
        for t in targets:
            score = t.score_in(report)
            if score is None and (parts := _parts_of(report, t)):
                # A domain judged only through its standards ("how was resettlement rated?"):
                # each standard's own measure, rather than "no score".
                for part in parts:
                    if not any(part is s for s in seen):
                        seen.append(part)
                        cite = out.cite(from_source(report, part.source))
                        lines.append(("", f"{score_name(part)}: {part.display()}", cite))
                continue
            if score is None:
                missing.append(_missing_measure(report, t, labels, brief=len(scoped) > 1))
                continue
            if any(score is s for s in seen):
                continue  # two names for one measure
            seen.append(score)
            verdict = ""
            if verdicts and score.band:
                verdict = "Yes. " if score.band in intent.bands else "No. "
            elif len(targets) == 1 and (said := stated.verdict(intent.question, score, scale)):
                verdict = f"{said}. "
            cite = out.cite(from_source(report, score.source))
            lines.append(
                (
                    verdict,
                    f"{score_name(score)}: {score.display()}{band_text(score)}",
                    cite + previous_text(out, report, score),
                )
            )
        if not lines:
            continue
        if len(lines) == 1:
            verdict, line, cite = lines[0]
            out.add(f"{verdict}{label(report)}: {line}{cite}.")
        else:
            out.add(f"{label(report)}:")
            out.lines += [f"- {v}{line}{cite}" for v, line, cite in lines]
    if not out.citations:
        what = "; ".join(missing) or "The loaded reports give no score for that measure."
        return not_found(what, "score")
    out.lines += missing
    return out.answer("score")


def previous_text(out: Composer, report: Report, score: Score) -> str:
    """A reinspection's earlier value of ``score`` and the change since, cited; "" if none."""
    prev = score.previous
    if prev is None or prev.value is None or score.value is None or score.unit != Unit.PERCENT:
        return ""
    change = score.value - prev.value
    moved = "up" if change > 0 else "down" if change < 0 else "unchanged"
    by = f" {abs(change):g} percentage points" if change else ""
    year = f" ({prev.year})" if prev.year else ""
    cite = (
        ""
        if prev.source.quote == score.source.quote
        else out.cite(from_source(report, prev.source))
    )
    return f"; previous score{year}: {prev.value:g}%{cite}, {moved}{by}"


def answer_earlier(intent: Intent, scoped: Sequence[Report]) -> Answer:
    """ "What was the previous score?": a reinspection's earlier score where the report gives
    one; otherwise the stored scores are each report's own, so an earlier inspection's score
    is not among them (and a near miss is no answer)."""
    out = Composer()
    for report in scoped:
        targets = intent.targets or [Target("headline", s.key) for s in report.headline_scores]
        for t in targets:
            score = t.score_in(report)
            if score is None or score.previous is None:
                continue
            said = stated.verdict(intent.question, score, earlier=True) if len(targets) == 1 else ""
            cite = out.cite(from_source(report, score.source))
            out.add(
                (f"{said}. " if said else "")
                + f"{label(report)}: {score_name(score)}: {score.display()}{cite}"
                + previous_text(out, report, score)
                + "."
            )
    if out.citations:
        return out.answer("score")
    return not_found(
        f"The scores I hold are those of each loaded report's own inspection "
        f"({loaded_list(scoped)}); none of them is an earlier inspection's score, so I cannot "
        "give an earlier score or the change since. Ask for the report's own score instead.",
        "score",
    )


def _parts_of(report: Report, target: Target) -> list[Score]:
    """The measures of a section that has none of its own: its criteria or standards."""
    if target.type != Role.OVERALL or not target.key.isdigit():
        return []
    parts = scores_at(report, "criterion", (target.key,))
    return [s for s in parts if s is not None and s.value is not None]


def _missing_measure(report: Report, target: Target, labels: dict, brief: bool = False) -> str:
    """Why ``report`` gives no score for ``target``, naming what it does score instead (unless
    ``brief``: other reports' scores answer the question)."""
    if target.type == "criterion":
        name = labels.get(target)
        what = f"criterion “{name.split(' ', 1)[1]}”" if name and target.name else target.key
        if not name and not target.name:
            what = f"criterion {target.key}"
        if brief:
            return f"({label(report)} scores no {what}.)"
        own = "; ".join(f"{c.number} {c.name}" for c in report.criteria)
        return f"{label(report)} scores no {what} (its criteria: {own})."
    # by the measure's name where a loaded report names it ("Work in courts"), not its key ("6")
    return f"{label(report)} gives no score for {labels.get(target) or target.key}."


@rule(Route.SCORE, priority=80)
def band_asked(intent: Intent, c: Clues) -> Route | None:
    """“Was Sefton's safeguarding drastic?”: the score, with a yes or no."""
    s = c.s
    if intent.bands and s.score_targets and not intent.kind and not CUES["recommend"].search(c.q):
        intent.targets = s.score_targets
        return Route.SCORE
    return None


@rule(Route.SCORE, priority=67)
def levels_listed(intent: Intent, c: Clues) -> Route | None:
    """“What did each key question of court planning get?”, “run through its standards one
    by one”: every measure of the level named (of the standards or sections it names) listed,
    before the share route matches one key question by its words. A lowest, a threshold, a
    band, a comparison or a finding asked of the list is another route's."""
    levels = levels_asked(c.q, c.s.own_targets)
    if not levels:
        return None
    s = c.s
    if intent.kind or intent.bands or s.minimum or s.maximum or s.threshold or s.many_reports:
        return None
    # "key questions at 90% plus", "every standard rated below good": a threshold the cue
    # did not name, on percentages or on a rating scale
    from assistant.answers.routes.computed import asked_condition

    if asked_condition(c.q, c.scoped or c.reports):
        return None
    intent.targets = c.s.own_targets
    return Route.SCORE


@rule(Route.SCORE, priority=130)
def score_asked(intent: Intent, c: Clues) -> Route | None:
    s = c.s
    if (
        s.score_cue
        and not c.why
        # "Ofsted's rating of Sefton" asks for a score, "what is the RoSH score" too; only a
        # definitional question about a term is left to the glossary.
        and (
            s.score_targets or intent.bands or not intent.terms or not CUES["glossary"].search(c.qg)
        )
        and (s.score_targets or not intent.context_kinds)
        and not CUES["average"].search(c.q)
    ):
        intent.targets = s.score_targets
        return Route.SCORE
    return None


@rule(Route.SCORE, priority=200)
def measure_named(intent: Intent, c: Clues) -> Route | None:
    """The question only names a measure ("1.3?", "Sefton sustaining outcomes")."""
    s = c.s
    areas = [r.area for r in c.reports]
    intent.targets = (
        s.score_targets if s.score_targets and is_bare_target(c.q, c.cat, areas) else []
    )
    return Route.SCORE if intent.targets else None


@follow_up(Route.SCORE)
def inherit(intent: Intent, previous: dict, c: Clues) -> Route:
    intent.targets = c.targets(SCORED)
    return Route.SCORE


@answers(Route.SCORE)
def answer(intent: Intent, ctx: Context) -> Answer:
    by = listed_by_unmeasured(intent.question, ctx.scoped)
    if by:  # "scores for each school": no report scores anything per school
        return not_found(
            f"The loaded reports give no scores by {by}; they score: "
            + "; ".join(n.label for n in catalog(ctx.scoped).names)
            + ".",
            "score",
        )
    levels = levels_asked(intent.question, intent.targets)
    if levels and not intent.earlier and not intent.bands:
        rated = ratings_only(intent.question)
        targets = list_targets(intent.question, intent.targets)
        return answer_list(levels, ctx.scoped, targets, "score", rated)
    if levels and intent.earlier and not intent.bands:
        # "its criterion scores, with last time's": each measure of the level with its earlier
        sections = [t.key for t in intent.targets if t.type == Role.OVERALL]
        listed = [
            target_of(s) for r in ctx.scoped for lvl in levels for s in scores_at(r, lvl, sections)
        ]
        intent.targets = list(dict.fromkeys(listed)) or intent.targets
    if intent.earlier:
        return answer_earlier(intent, ctx.scoped)
    # "how did Eastmere do on its work in courts?": the area's judgement with its key findings
    went = how_it_went(
        intent, ctx.scoped, add_area_findings, lambda: _findings_by_topic(intent, ctx)
    )
    if went is not None and not levels and not intent.bands:
        return went
    topic = content_words(intent.question, ctx.passages.area_words())
    if _judgements_asked(intent, ctx.scoped, topic):
        return answer_list(("area",), ctx.scoped, [], "score", True)
    if not levels:
        listed = criteria_named(intent.question, ctx.scoped, _list_topic(topic))
        if listed:  # "every criterion in the risk section"
            return answer_list(("criterion",), ctx.scoped, [], "score", only=listed)
    return answer_score(intent, ctx.scoped, topic, ctx.loaded)


def _findings_by_topic(intent: Intent, ctx: Context) -> Answer:
    """The findings holding the words of a question that asks how something went."""
    asking = Intent(route=Route.FINDINGS, question=intent.question, kind=FindingKind.BOTH)
    topic = in_report_words(content_words(intent.question, ctx.passages.area_words()))
    return answer_findings(asking, ctx.scoped, topic, ctx.index.vocabulary, asked=True)


def _list_topic(topic: Sequence[str]) -> list[str]:
    """What a list of criteria is asked about, without the words that ask for the list."""
    asking = set(stems("criterion criteria standard standards section sections part parts"))
    return [w for w in topic if w not in asking]


def _judgements_asked(intent: Intent, scoped: Sequence[Report], topic: Sequence[str]) -> bool:
    """A question for a judgement that names no measure ("what judgement did each area get?"),
    of reports judged by areas of work with no overall rating: their judgements answer it."""
    if intent.targets or not ratings_only(intent.question):
        return False
    if any(r.headline_scores for r in scoped) or not any(scores_at(r, "area") for r in scoped):
        return False
    return all(w in _RATING_WORDS or w in _BAND_WORDS for w in topic)


# the stems of the words that ask for a rating or judgement ("judgement" is "judg")
_RATING_WORDS = frozenset(
    stem(w) for w in ("rating", "ratings", "rated", "judgement", "judgment", "judged")
)

"""Claims over the same measure in several loaded areas: rankings and averages across them."""

from __future__ import annotations

import re

from assistant.claims.measure import qualifier, resolve_measure
from assistant.claims.scope import Scope
from assistant.claims.subjects import Measure, ReportIndex
from assistant.claims.verdict import (
    CONTRADICTED,
    SUPPORTED,
    Judgement,
    combine_verdicts,
    flip,
    score_evidence,
    score_text,
    unverifiable_because,
    verdict_lead,
    verdict_of,
)
from assistant.claims.wording import MEAN, MIN_WORDS, SUPERLATIVE, negation_in
from ingest.text.numbers import (
    Quantity,
    compare,
    format_value,
    quantity_of,
    unit_class,
    word_to_number,
)
from ingest.text.numbers import numbers_in as _numbers_in
from ingest.text.resources import cue_patterns

CUES = cue_patterns("assistant.claims", "cues.yaml")


def _in_every_report(
    base: Measure, indexes: list[ReportIndex]
) -> list[tuple[ReportIndex, Measure]] | Judgement:
    """``base``'s counterpart in each report, or unverifiable if one report has none."""
    values: list[tuple[ReportIndex, Measure]] = []
    for idx in indexes:
        same = same_measure(base, idx)
        if same is None:
            return unverifiable_because(f"{idx.report.id} has no score matching {base.label}.")
        values.append((idx, same))
    return values


def same_measure(measure: Measure, idx: ReportIndex) -> Measure | None:
    """The score of ``idx`` that is the same measure as ``measure`` of another report.

    Headline and section scores match by key; criteria by name, since reports number them
    differently (Safeguarding is 1.3 in one report and 1.4 in another).
    """
    if measure in idx.measures:
        return measure
    for m in idx.measures:
        if m.kind != measure.kind:
            continue
        if m.kind != "criterion" and m.score.key == measure.score.key:
            return m
        if m.kind == "criterion" and m.aliases and m.aliases[0] == measure.aliases[0]:
            return m
    return None


AREA_SET = CUES["area-set"]


def cross_area(text: str, idx: ReportIndex) -> re.Match[str] | None:
    """A superlative over areas ("the highest Safeguarding score of the five areas"), not over
    the scores of one report ("the lowest-scoring criterion")."""
    sup = SUPERLATIVE.search(text)
    if not sup:
        return None
    group = AREA_SET.search(text)
    if group:
        return group
    # "had the highest Safeguarding score": the superlative qualifies one named measure.
    after = re.split(r"\b(?:score|scores|rating|result|figure)\b|[,;.]", text[sup.end() :])[0]
    after = re.sub(r"^[-\s]*scor\w*", "", after)
    if not after.strip() or _set_noun_kind(after) is not None:
        return None
    if resolve_measure(after, idx).measure is not None and re.search(
        r"\b(?:score|scores|rating)\b", text[sup.end() :], re.IGNORECASE
    ):
        return sup
    return None


def _set_noun_kind(text: str) -> str | None:
    low = text.lower()
    if "headline" in low:
        return "headline"
    if re.search(r"\b(criteria|criterion)\b", low):
        return "criterion"
    if re.search(r"\b(sections?|overall scores?|section scores?)\b", low):
        return "overall"
    return None


def judge_across(
    text: str, scope: Scope, indexes: list[ReportIndex], group: re.Match[str]
) -> Judgement:
    """A superlative over areas: only judged when every area it ranges over is loaded."""
    sup = SUPERLATIVE.search(text)
    assert sup is not None
    lowest = sup.group(1).lower() in MIN_WORDS
    # Only a set that is exactly the loaded reports can be ranked: "of the five areas" with five
    # loaded, "of these areas"; never "of any YOT", "in England" or an unnamed set.
    exact = group.re is AREA_SET and _exact_set(group, indexes)
    if len(indexes) < 2 or not exact:
        loaded = ", ".join(i.report.id for i in indexes)
        return unverifiable_because(
            f"The claim ranks areas ('{group.group(0).strip()}'), but {len(indexes)} "
            f"report(s) are loaded ({loaded}); a ranking can only be checked over a set of "
            "areas that are all loaded, named as such (e.g. 'of the five areas')."
        )
    rest = text[: sup.start()] + " " + text[sup.end() :]
    rest = AREA_SET.sub(" ", rest)
    subject_idx = scope.reports[0] if scope.explicit and len(scope.reports) == 1 else None
    base = resolve_measure(rest, subject_idx or indexes[0]).measure
    if base is None:
        return unverifiable_because("The claim ranks areas but does not say on which score.")
    values = _in_every_report(base, indexes)
    if isinstance(values, Judgement):
        return values
    target = (min if lowest else max)(m.score.value for _, m in values)
    at = [(i, m) for i, m in values if m.score.value == target]
    verdicts: list[str] = []
    if subject_idx is not None:
        verdicts.append(SUPPORTED if any(i is subject_idx for i, _ in at) else CONTRADICTED)
    for q in _numbers_in(text):
        if unit_class(q) == "pct" and q.role is None:
            verdicts.append(verdict_of(compare(q, quantity_of(target, "%"))))
    if not verdicts:
        return unverifiable_because("The claim ranks areas but names no area or figure to check.")
    if negation_in(text) == "attached":
        verdicts = [flip(v) for v in verdicts]
    verdict = combine_verdicts(verdicts)
    word = "lowest" if lowest else "highest"
    listing = "; ".join(f"{i.report.id} {score_text(m.score)}" for i, m in values)
    names = " and ".join(i.report.id for i, _ in at)
    explanation = (
        f"{verdict_lead(verdict)}: of the {len(values)} loaded areas, the {word} {base.label} is "
        f"{names} ({format_value(target)}). All: {listing}."
    )
    ev = [score_evidence(i, m.score) for i, m in values]
    return Judgement(verdict, ev, explanation, base)


ORDINALS = {
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
}


def _exact_set(group: re.Match[str], indexes: list[ReportIndex]) -> bool:
    """Whether "of the five areas" / "across these areas" is exactly the loaded reports."""
    size_word = group.group(1) if group.lastindex else None
    if size_word and size_word.lower() in ("loaded", "inspected", "these", "those"):
        size_word = None
    over = group.group(0).lower()
    if size_word:
        return word_to_number(size_word) == len(indexes)
    return bool(re.search(r"\b(these|loaded)\b", over))


def judge_across_mean(
    text: str, scope: Scope, indexes: list[ReportIndex], group: re.Match[str]
) -> Judgement:
    """'The average Safeguarding score across the five areas was 59.6%'."""
    if len(indexes) < 2 or not _exact_set(group, indexes):
        return unverifiable_because(
            f"The claim averages over '{group.group(0).strip()}', but the loaded reports "
            f"({', '.join(i.report.id for i in indexes)}) are not named as that set."
        )
    rest = AREA_SET.sub(" ", MEAN.sub(" ", text))
    base = resolve_measure(rest, indexes[0]).measure
    pcts = [q for q in _numbers_in(rest) if unit_class(q) == "pct" and q.role is None]
    if base is None or not pcts:
        return unverifiable_because("The claim averages over areas but names no score and figure.")
    values = _in_every_report(base, indexes)
    if isinstance(values, Judgement):
        return values
    mean = sum(m.score.value for _, m in values) / len(values)
    stored = Quantity("", 0, 0, round(mean, 2), "%", decimals=2)
    verdict = verdict_of(compare(pcts[0], stored))
    listing = "; ".join(f"{i.report.id} {format_value(m.score.value)}" for i, m in values)
    explanation = (
        f"{verdict_lead(verdict)}: the mean of {base.label} over the {len(values)} loaded areas is "
        f"{mean:.1f}% ({listing}); the claim says {qualifier(pcts[0])}."
    )
    return Judgement(verdict, [score_evidence(i, m.score) for i, m in values], explanation)

"""Counts over a report's stored structure: how many of its recommendations are for an owner,
how many of its standards (or areas of work) got a rating, how many of its key questions
were above or below a share ("half of the recommendations were for the Chair of the
Management Board", "three of the standards were rated Good", "most key questions were above
60%"). The claimed amount is read from the words before the list's noun: a number ("two of
the eight"), a fraction ("half", "a third"), a share ("25% of") or a word ("most", "all",
"none").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from assistant.claims.measure import qualifier
from assistant.claims.subjects import ReportIndex
from assistant.claims.units import rating_in
from assistant.claims.verdict import (
    CONTRADICTED,
    SUPPORTED,
    UNVERIFIABLE,
    Evidence,
    Judgement,
    flip,
    verdict_lead,
)
from assistant.claims.wording import negation_in
from ingest.model import Role, Score, Unit
from ingest.text.numbers import Quantity, compare, quantity_of, unit_class
from ingest.text.numbers import numbers_in as _numbers_in
from ingest.text.resources import cue_patterns
from ingest.text.stopwords import CLAIM_STOPWORDS

CUES = cue_patterns("assistant.claims", "cues.yaml")
_LIST = CUES["tally-list"]
_WORD = CUES["tally-word"]
_OWNER = CUES["tally-owner"]


@dataclass
class _Counted:
    """The members of a list, those that meet the claim's condition, and how to cite them."""

    label: str  # "recommendations for the Chair of the Management Board"
    members: list[tuple[str, Evidence]]  # (a short name of the member, its evidence)
    meeting: list[str]


def _claimed(before: str) -> tuple[str, Quantity | None] | None:
    """What the words before the list's noun say of its size: ("count", 2 of 8), ("share",
    50%), or a word ("most", "all", ...)."""
    qs = [q for q in _numbers_in(before) if q.role is None]
    word = _WORD.search(before)
    if qs and before[qs[-1].end :].strip(" ").lower() in ("", "of", "of the", "of its"):
        q = qs[-1]
        if q.unit == "fraction" and q.qualifier is None:
            return "fraction", q  # "half of the eight": four, exactly
        if unit_class(q) == "pct":
            return "share", q  # "25% of", "fewer than half of"
        if q.unit in ("count", "number"):
            return "count", q
    if word is not None:
        return " ".join(word.group(1).lower().split()), None
    return None


def judge_tally(text: str, idx: ReportIndex) -> Judgement | None:
    """A verdict on a count over one report's lists, or None when the claim is no such count."""
    noun = _LIST.search(text)
    if noun is None:
        return None
    before = re.split(r"[;:]|,\s", text[: noun.start()])[-1]
    said = _claimed(before)
    if said is None:
        return None
    after = text[noun.end() :]
    counted = _counted(" ".join(noun.group(1).lower().split()), after, idx)
    if counted is None:
        return None
    if isinstance(counted, Judgement):
        return counted
    k, n = len(counted.meeting), len(counted.members)
    if n == 0:
        return Judgement(UNVERIFIABLE, [], f"{idx.report.id} lists no {counted.label}.")
    kind, q = said
    verdict, stated = _verdict(kind, q, k, n)
    if negation_in(text) == "attached" and verdict != UNVERIFIABLE:
        verdict = flip(verdict)
    which = ", ".join(counted.meeting) or "none"
    explanation = (
        f"{verdict_lead(verdict)}: in {idx.report.id}, {k} of the {n} {counted.label} "
        f"({which}); the claim says {stated}."
    )
    return Judgement(verdict, [e for _, e in counted.members], explanation, held=f"{k} of {n}")


def _verdict(kind: str, q: Quantity | None, k: int, n: int) -> tuple[str, str]:
    """The verdict of a claimed amount against k of n, and the amount as the claim put it."""
    if kind == "count" and q is not None:
        size_ok = q.total is None or q.total == n
        claimed = Quantity(q.text, q.start, q.end, q.value, "count", qualifier=q.qualifier)
        v = compare(claimed, quantity_of(k, "count"))
        verdict = SUPPORTED if v == SUPPORTED and size_ok else CONTRADICTED
        if v not in (SUPPORTED, CONTRADICTED):
            verdict = UNVERIFIABLE
        return verdict, q.text
    if kind == "share" and q is not None:
        v = compare(q, Quantity("", 0, 0, 100 * k / n, "%", decimals=3))
        return (v if v in (SUPPORTED, CONTRADICTED) else UNVERIFIABLE), qualifier(q)
    if kind == "fraction" and q is not None:
        exact = q.value * n
        if math.isclose(exact, round(exact)):
            return (SUPPORTED if k == round(exact) else CONTRADICTED), q.text
        # "a third" of eight: two or three may both be meant; anything else is not.
        near = {math.floor(exact), math.ceil(exact)}
        return (UNVERIFIABLE if k in near else CONTRADICTED), q.text
    rule = {
        "all": k == n,
        "every": k == n,
        "each": k == n,
        "none": k == 0,
        "no": k == 0,
        "neither": k == 0 and n == 2,
        "most": k > n / 2,
        "majority": k > n / 2,
        "minority": k < n / 2,
        "few": k < n / 2,
        "fewer than half": k < n / 2,
        "only one": k == 1,
        "just one": k == 1,
    }
    return (SUPPORTED if rule.get(kind, False) else CONTRADICTED), kind


def _counted(noun: str, after: str, idx: ReportIndex) -> _Counted | Judgement | None:
    r = idx.report
    if noun == "recommendations":
        owner = _OWNER.match(after)
        if owner is None:
            return None
        who_text = owner.group(1).strip()
        who = set(re.findall(r"[a-z]+", who_text.lower())) - CLAIM_STOPWORDS
        if not who:
            return None
        members = [
            (f"{i.position}", _item_evidence(idx, i, r.recommendations)) for i in r.recommendations
        ]
        meeting = [
            f"{i.position} ({i.owner})"
            for i in r.recommendations
            if i.owner and who <= set(re.findall(r"[a-z]+", i.owner.lower()))
        ]
        owners = sorted({i.owner for i in r.recommendations if i.owner})
        if not owners:
            return Judgement(
                UNVERIFIABLE, [], f"{r.id} does not say who its recommendations are for."
            )
        return _Counted(f"recommendations for {who_text}", members, meeting)
    if noun == "key questions":
        qs = [q for q in _numbers_in(after) if unit_class(q) == "pct" and q.qualifier]
        if not qs:
            return None
        threshold = qs[0]
        kqs = [s for s in r.measures if s.kind == Role.KEY_QUESTION and s.value is not None]
        members = [(_kq_name(s), _score_evidence(idx, s)) for s in kqs]
        meeting = [
            _kq_name(s)
            for s in kqs
            if compare(threshold, quantity_of(float(s.value), "%")) == SUPPORTED
        ]
        return _Counted(f"key questions {qualifier(threshold)}", members, meeting)
    # standards, areas of work, judgements: the rated measures other than the overall rating
    word = rating_in(after, [idx])
    if word is None:
        return None
    rated = [
        s for s in r.all_scores() if s.unit == Unit.RATING and s.kind != Role.HEADLINE and s.rating
    ]
    if not rated:
        return Judgement(UNVERIFIABLE, [], f"{r.id} rates no {noun}.")
    members = [(s.name, _score_evidence(idx, s)) for s in rated]
    meeting = [s.name for s in rated if (s.rating or "").lower() == word.lower()]
    return _Counted(f"{noun} rated {word}", members, meeting)


def _kq_name(s: Score) -> str:
    return f"{s.parent} {s.display()}" if s.parent else s.display()


def _score_evidence(idx: ReportIndex, s: Score) -> Evidence:
    src = s.source
    return Evidence(idx.report.id, src.section, src.heading, src.quote, s.display())


def _item_evidence(idx: ReportIndex, item, items) -> Evidence:
    src = item.source
    who = f" ({item.owner})" if item.owner else ""
    return Evidence(
        idx.report.id,
        src.section,
        src.heading,
        src.quote,
        f"item {item.position} of {len(items)}{who}",
    )

"""Like with like: which measures may be set against each other, and which is lowest or
highest among them.

A percentage is compared only with percentages, a share of cases with shares, points only with
points out of the same maximum, and a rating only with ratings of the same scale (the scale is
the report format's: a 2012-2017 "Good" is not a ratings-framework "Good"). A rating's value is
its rank on its scale, 1 the best, so the lowest rating is the one with the largest rank.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from ingest.model import Report, Score, Unit

T = TypeVar("T")

# (unit, maximum for points, rating scale): measures with the same kind may be compared.
Kind = tuple[str, int | None, str | None]


def kind_of(score: Score, report: Report | None = None) -> Kind:
    maximum = score.maximum if score.unit == Unit.POINTS else None
    scale = str(report.format) if report is not None and score.unit == Unit.RATING else None
    return (str(score.unit), maximum, scale)


def merit(score: Score) -> float | None:
    """How good a value is, higher better: a percentage as it is, a rating by its rank."""
    if score.value is None:
        return None
    return -float(score.value) if score.unit == Unit.RATING else float(score.value)


def by_kind(pairs: Sequence[tuple[Report, Score]]) -> list[list[tuple[Report, Score]]]:
    """``pairs`` grouped by the kind of measure, in the order each kind first appears."""
    groups: dict[Kind, list[tuple[Report, Score]]] = {}
    for report, score in pairs:
        if merit(score) is not None:
            groups.setdefault(kind_of(score, report), []).append((report, score))
    return list(groups.values())


def extreme(items: Sequence[T], score_of, op: str) -> list[T]:
    """The lowest (``op`` "min") or highest items of one kind of measure: every item tied."""
    rated = [(merit(score_of(i)), i) for i in items]
    rated = [(m, i) for m, i in rated if m is not None]
    if not rated:
        return []
    best = (min if op == "min" else max)(m for m, _ in rated)
    return [i for m, i in rated if m == best]


def extremes_of_scores(report: Report, scores: Sequence[Score], op: str) -> list[Score]:
    """The lowest or highest of one report's ``scores``, of the kind most of them are: a
    report scoring its criteria by rating has no percentage to set among them."""
    groups = by_kind([(report, s) for s in scores])
    if not groups:
        return []
    main = max(groups, key=len)
    return extreme([s for _, s in main], lambda s: s, op)


def mean_text(scores: Sequence[Score]) -> str:
    """ " Their average: 50.0% (of 3)." over like measures only; "" when they are not alike or
    are ratings (a word on a scale has no average)."""
    kinds = {kind_of(s) for s in scores}
    values = [float(s.value) for s in scores if s.value is not None]
    if len(kinds) != 1 or len(values) < 2 or scores[0].unit == Unit.RATING:
        return ""
    mean = sum(values) / len(values)
    first = scores[0]
    if first.unit == Unit.POINTS:
        shown = f"{mean:.1f}/{first.maximum}" if first.maximum else f"{mean:.1f} points"
    else:
        shown = f"{mean:.1f}%" + (" of cases" if first.unit == Unit.SHARE else "")
    return f" Their average: {shown} (the mean of these {len(values)})."

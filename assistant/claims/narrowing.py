"""A claim that names no area, with many reports loaded: judged against the reports whose text
is closest to it, not every one.

With a handful of reports loaded, such a claim is judged against each ("supported for Sefton
2009, 38%; contradicted for Northvale 2010, 71%"). With hundreds, judging each takes most of a
second and lists hundreds of verdicts nobody reads; so above ``over`` reports it is judged
against the ``keep`` reports a keyword search of the claim ranks first (the caller supplies the
search: claims know nothing of retrieval), and the answer says how many were judged of how
many and that naming an area checks it against that report. A ranking over areas ("the
lowest", "the average") or a claim about every area needs every report and is never narrowed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from assistant.claims.scope import Scope
from assistant.claims.verdict import ClaimResult
from assistant.claims.wording import CUES, MEAN, SUPERLATIVE

_EVERY_AREA = CUES["every-area"]


@dataclass(frozen=True)
class Narrowing:
    related: Callable[[str, int], Sequence[str]]  # (claim, how many) -> report ids, best first
    over: int  # narrow only a scope of more reports than this
    keep: int  # judge against at most this many


def narrowed(text: str, scope: Scope, narrowing: Narrowing | None) -> Scope | None:
    """The scope a claim naming no area is judged in when ``narrowing`` applies, else None."""
    if narrowing is None or scope.explicit or scope.by_year:
        return None
    if (
        len(scope.reports) <= narrowing.over
        or SUPERLATIVE.search(text)
        or MEAN.search(text)
        or _EVERY_AREA.search(text)
    ):
        return None
    rank = {rid: n for n, rid in enumerate(narrowing.related(text, narrowing.keep))}
    chosen = sorted(
        (i for i in scope.reports if i.report.id in rank), key=lambda i: rank[i.report.id]
    )
    return Scope(chosen[: narrowing.keep])


def noted(result: ClaimResult, judged: int, loaded: int) -> ClaimResult:
    """``result`` saying it was judged against ``judged`` of ``loaded`` reports."""
    if judged:
        note = (
            f" The claim names no area: of the {loaded} loaded reports it was checked against "
            f"the {judged} whose text is closest to it. Name an area to check it against that "
            "report."
        )
    else:
        note = (
            f" The claim names no area, and none of the {loaded} loaded reports has text close "
            "to it. Name an area to check it against that report."
        )
    return replace(result, explanation=result.explanation + note)

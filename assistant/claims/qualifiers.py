"""Every qualifier of a claim counts: the census, the period, the year and the group of cases a
claim gives its figure for must be the ones the report's statement gives it for. A figure the
report gives for the 2001 Census does not bear out a claim about the 2011 Census, however
equal the numbers; such a claim is unverifiable, never supported.
"""

from __future__ import annotations

import re

from ingest.text.qualifiers import Qualifiers, qualifiers_in
from ingest.text.stemming import prefix_stem
from ingest.text.tokens import letter_words


def _periods(ps: frozenset[tuple[int, int]]) -> str:
    return " and ".join(f"{a}/{b % 100:02d}" for a, b in sorted(ps))


def _held(statement: str, context: str) -> Qualifiers:
    """The statement's own qualifiers, each kind taken from its paragraph when the sentence
    gives none of that kind ("In 2008/09 ... . The rate was 38 per 1,000.")."""
    own, around = qualifiers_in(statement), qualifiers_in(context)
    return Qualifiers(
        own.census or around.census,
        own.periods or around.periods,
        own.years | around.years,
        own.groups | around.groups,
    )


def qualifier_conflicts(
    claim: str, statement: str, context: str = "", report_years: frozenset[int] = frozenset()
) -> list[str]:
    """Why the statement's figure cannot bear out the claim: one note for each qualifier the
    claim states that the statement does not give its figure for (empty when none)."""
    said = qualifiers_in(claim)
    if not (said.census or said.periods or said.years or said.groups):
        return []
    held = _held(statement, context)
    notes: list[str] = []
    for c in sorted(said.census - held.census):
        given = (
            f"the {' and '.join(str(x) for x in sorted(held.census))} Census"
            if held.census
            else "no census"
        )
        notes.append(f"the claim says the {c} Census; the report gives this figure for {given}")
    for p in sorted(said.periods - held.periods):
        given = _periods(held.periods) if held.periods else "no such period"
        said_p = _periods(frozenset({p}))
        notes.append(f"the claim says {said_p}; the report's figure is for {given}")
    known = held.years | held.census | report_years
    known |= {y for a, b in held.periods for y in range(a, b + 1)}
    for y in sorted(said.years - known):
        notes.append(f"the claim says {y}; the report does not give this figure for {y}")
    words = {prefix_stem(w.lower()) for w in letter_words(f"{statement} {context}")}
    for g in sorted(said.groups):
        if prefix_stem(g) not in words:
            notes.append(f"the claim is about {g} cases; the report's figure is not said to be")
    return notes


def narrower_groups(claim: str, statement: str) -> list[str]:
    """Why a figure the statement gives for a group of cases ("in 86% of custody cases") does
    not contradict a claim that does not say it is about that group ("20% of young people were
    in custody" is a share of another whole): one note for each such group."""
    if re.search(r"\bcases?\b", claim, re.I):
        # a share of cases: the group's cases are part of the claim's ("50% of cases" is
        # borne out or not by the figures of every group of them)
        return []
    said = qualifiers_in(claim).groups
    return [
        f"the report's figure is for {g} cases only; the claim does not say it is about them"
        for g in sorted(qualifiers_in(statement).groups - said)
    ]

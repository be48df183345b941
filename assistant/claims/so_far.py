"""Claims about the table of the areas inspected so far (ingest/so_far.py): "the average
safeguarding score of the areas inspected so far was 63%", "Wessex Vale's 64% was above the
average of 63% for the areas inspected so far". Each figure the claim gives a statistic is
checked against the row's, the area's own figure against the area's, and "above"/"below"
against the two; the row is quoted as evidence."""

from __future__ import annotations

import re

from assistant.claims.scope import Scope
from assistant.claims.verdict import (
    CONTRADICTED,
    SUPPORTED,
    Evidence,
    Judgement,
)
from ingest.model import Fact
from ingest.so_far import named_rows, rows, statistic
from ingest.text.resources import cue_patterns

CUES = cue_patterns("assistant.claims", "cues.yaml")
_FIGURE = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*%")
# The words that name each statistic of the table, in a claim.
_STATISTIC = {
    "lowest": re.compile(r"\b(?:lowest|worst|minimum|bottom)\b", re.I),
    "highest": re.compile(r"\b(?:highest|best|maximum|top)\b", re.I),
    "average": re.compile(r"\b(?:average|mean)\b", re.I),
}


# A comparison word that puts the area's figure above the statistic (otherwise below it).
_UP = re.compile(r"above|higher|better|greater|more|exceed|outscored|outperformed|ahead", re.I)


def _figure_after(text: str, at: int) -> tuple[float, int] | None:
    m = _FIGURE.search(text, at)
    return (float(m.group(1)), m.start()) if m else None


def judge_so_far(text: str, scope: Scope) -> Judgement | None:
    """A verdict on a claim about the table, or None when the claim is none (or the report
    prints no such table, or the claim names no row of it)."""
    if not scope.reports or not CUES["so-far"].search(text):
        return None
    report = scope.reports[0].report
    table = rows(report)
    named = named_rows(text, table)
    if len(named) != 1:
        return None
    facts = table[named[0]]
    by_stat: dict[str, Fact] = {s: f for f in facts if (s := statistic(f))}
    own = facts[0].value
    wrong: list[str] = []
    checked: list[str] = []
    used: set[int] = set()
    for stat, word in _STATISTIC.items():
        m = word.search(text)
        if not m or stat not in by_stat:
            continue
        found = _figure_after(text, m.end())
        if found is None:
            continue
        said, at = found
        used.add(at)
        value = by_stat[stat].compared_value or 0.0
        (checked if said == value else wrong).append(
            f"the {stat} {value:g}% (the claim: {said:g}%)"
        )
    # the area's own figure: a percentage the claim gives that is no statistic's
    for m in _FIGURE.finditer(text):
        if m.start() in used:
            continue
        said = float(m.group(1))
        (checked if said == own else wrong).append(f"{named[0]} {own:g}% (the claim: {said:g}%)")
    direction = CUES["comparative"].search(text)
    stat = next((s for s, word in _STATISTIC.items() if word.search(text)), None)
    against = by_stat.get(stat) if direction and stat else None
    if direction and against is not None and against.compared_value is not None:
        up = _UP.search(direction.group(0)) is not None
        than = against.compared_value
        right = own > than if up else own < than
        side = "above" if own > than else "below" if own < than else "level with"
        (checked if right else wrong).append(f"{own:g}% is {side} the {stat}, {than:g}%")
    if not checked and not wrong:
        return None
    row = facts[0].source
    evidence = [Evidence(report.id, row.section, row.heading, row.quote, f"{own:g}%")]
    where = f"{report.id}, the scores of the areas inspected so far ({named[0]})"
    if wrong:
        return Judgement(
            CONTRADICTED, evidence, f"Contradicted: in {where}: " + "; ".join(wrong) + "."
        )
    return Judgement(SUPPORTED, evidence, f"Supported: in {where}: " + "; ".join(checked) + ".")

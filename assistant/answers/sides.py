"""The two sides of a comparison within one report, each read for the measure it names on its
own: in "put the safeguarding assessment next to safeguarding in delivery" the first side is
1.3 (safeguarding in the assessment section) and the second 2.3 (in the delivery section),
which one reading of the whole question cannot tell apart. The joining words are data
(``sides.yaml``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.answers.conditions import level_asked
from assistant.answers.intent import SCORED, Catalog, Target, catalog, resolve_targets, stems
from ingest.model import Role
from ingest.text.resources import load_cues

if TYPE_CHECKING:
    from assistant.answers.routing import Clues

_CUES = load_cues("assistant.answers", "sides.yaml")


def sides(question: str) -> list[str]:
    """``question`` split at the first word that joins two compared sides; [] when none does."""
    m = _CUES["join"].pattern.search(question)
    if not m:
        return []
    start, end = (m.start("join"), m.end("join")) if m.groupdict().get("join") else m.span()
    left, right = question[:start].strip(), question[end:].strip()
    return [left, right] if left and right else []


def compared_targets(c: Clues) -> list[Target]:
    """The measures a comparison names, one reading per side when it has two sides that each
    name a measure; otherwise those the whole question names."""
    parts = sides(c.q)
    reports = c.scoped or c.reports
    cat = catalog(reports)  # the names of the reports in question, not of every one loaded
    found: list[Target] = []
    for part in parts:
        targets = resolve_targets(part, cat, SCORED, reports) or _section_named(part, cat)
        if not targets:
            return c.s.score_targets
        found += [t for t in targets if t not in found]
    return found if len(found) >= 2 else c.s.score_targets


def _section_named(part: str, cat: Catalog) -> list[Target]:
    """ "the assessment section", "its assessment": the one section whose name shares a word
    with a side that names no measure of its own."""
    words = set(stems(part.replace("-", " ")))
    hits = [
        n.target
        for n in cat.names
        if n.target.type == Role.OVERALL and n.tokens and n.tokens & words
    ]
    return hits if len(hits) == 1 else []


# The levels of measure a comparison may name instead of its measures ("compare the three
# headline scores", "how do the sections compare?"), as the role of their targets.
_LEVEL_ROLES = {"headline": Role.HEADLINE, "section": Role.OVERALL}


def level_targets(c: Clues) -> list[Target]:
    """Every measure of the level a comparison names and no measure of its own: "how do the
    sections compare?" sets each section's overall score side by side; [] when it names no
    level, or its reports have fewer than two measures of it."""
    role = _LEVEL_ROLES.get(level_asked(c.q) or "")
    if role is None:
        return []
    found = list(
        dict.fromkeys(
            n.target for n in catalog(c.scoped or c.reports).names if n.target.type == role
        )
    )
    return found if len(found) >= 2 else []

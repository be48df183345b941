"""One report's measures put in order: "rank Sefton's criteria", "Harrowfield's standards from
worst to best", "the criteria, lowest first".

The words that ask for an order are data (``ordering`` in ``cues.yaml``). Such a question may
hold both "worst" and "best", which alone would read as a pick of the lowest and the highest
(the computed route); asked of one report it is the compare route's ranking, every measure of
the level in order (of the sections it names), worst first when it says so (``worst-first``).
Several reports ranked on one measure are the compare route's own (``across_reports``)."""

from __future__ import annotations

from assistant.answers.conditions import how_many
from assistant.answers.intent import CUES, Intent, direction_of
from assistant.answers.registry import Route, rule
from assistant.answers.routes.compare import CompareSlots
from assistant.answers.routes.computed import asked_condition
from assistant.answers.routing import Clues


@rule(Route.COMPARE, priority=49)
def ranked_within_one(intent: Intent, c: Clues) -> Route | None:
    """Every measure of one report, in order."""
    if not CUES["ordering"].search(c.q) or len(c.scoped) != 1 or intent.kind:
        return None
    if how_many(c.q) > 1 or asked_condition(c.q, c.scoped):
        return None  # "the top three", "rank those under 50%": a pick, not the whole order
    intent.targets = c.s.score_targets  # the sections named narrow it
    intent.slots = CompareSlots(direction_of(c.q))
    return Route.COMPARE

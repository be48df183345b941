"""The kinds of question (routes) and what each registers: how it is recognised, how a
follow-up inherits it, and how it is answered.

Each route is one module of ``assistant/answers/routes``; importing that package registers
them all. ``routing.parse`` runs the registered detection rules in order of their priority
(lower first; the first rule that claims a question decides its route), so the order is data
declared beside each rule, not the order of a chain of conditions.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.answers.compose import Answer
    from assistant.answers.intent import Intent
    from assistant.answers.passages import Passages
    from assistant.answers.retrieve import ChunkIndex
    from assistant.answers.routing import Clues
    from ingest.model import Report


class Route(StrEnum):
    GLOSSARY = "glossary"
    SCORE = "score"
    FINDINGS = "findings"
    RECOMMENDATIONS = "recommendations"
    COMPUTED = "computed"
    COMPARE = "compare"
    CONTEXT = "context"
    CLAIM = "claim"
    SUMMARY = "summary"
    BANDS = "bands"
    RATED = "rated"
    SHARE = "share"
    DOMAINS = "domains"
    SO_FAR = "so-far"
    LISTING = "listing"  # reports picked by their catalogue fields (region, year, rating)
    FALLBACK = "fallback"


@dataclass
class Context:
    """What a route's answer may draw on besides the intent."""

    scoped: list[Report]  # the reports the question is about
    loaded: list[Report]  # every loaded report
    index: ChunkIndex
    passages: Passages


# A rule returns the route it decides (it may fill the intent's slots), or None to pass.
Detect = Callable[["Intent", "Clues"], "Route | None"]
# A follow-up rule: a question with no cue of its own, asked after one of this route; it
# returns the route the follow-up takes (its own, or another when it asks something else).
FollowUp = Callable[["Intent", dict, "Clues"], Route]
Handler = Callable[["Intent", Context], "Answer"]


@dataclass(frozen=True)
class Rule:
    priority: int
    route: Route | None  # the route the rule decides, None for a rule of the router itself
    detect: Detect

    @property
    def name(self) -> str:
        return f"{self.detect.__module__.rsplit('.', 1)[-1]}.{self.detect.__name__}"


RULES: list[Rule] = []
FOLLOW_UPS: dict[Route, FollowUp] = {}
HANDLERS: dict[Route, Handler] = {}
SLOTS: dict[Route, type] = {}  # each route's own slots (a dataclass), when it has any


def rule(route: Route | None, priority: int) -> Callable[[Detect], Detect]:
    """Register a detection rule for ``route``; ``priority`` orders it among all rules."""

    def register(fn: Detect) -> Detect:
        if any(r.priority == priority for r in RULES):
            raise ValueError(f"two rules share priority {priority}")
        RULES.append(Rule(priority, route, fn))
        RULES.sort(key=lambda r: r.priority)
        return fn

    return register


def follow_up(route: Route) -> Callable[[FollowUp], FollowUp]:
    """Register how a cue-less follow-up to a ``route`` question inherits it."""

    def register(fn: FollowUp) -> FollowUp:
        FOLLOW_UPS[route] = fn
        return fn

    return register


def answers(route: Route, slots: type | None = None) -> Callable[[Handler], Handler]:
    """Register the function that answers ``route`` questions, and the route's own slots."""

    def register(fn: Handler) -> Handler:
        HANDLERS[route] = fn
        if slots is not None:
            SLOTS[route] = slots
        return fn

    return register


@cache
def load_routes() -> None:
    """Import every module of ``assistant/answers/routes`` (each registers itself)."""
    import assistant.answers.routes as package

    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")


def dispatch(intent: Intent, context: Context) -> Answer:
    """The answer of the route the question was given."""
    return HANDLERS[Route(intent.route)](intent, context)

"""The kinds of question are registered, each with its rules, follow-up and answer."""

from __future__ import annotations

from dataclasses import fields

from assistant.answers.intent import Intent
from assistant.answers.registry import FOLLOW_UPS, HANDLERS, RULES, SLOTS, Route, load_routes
from assistant.answers.routing import parse
from ingest.model import BANDS, Criterion, Report, Score, Section, Source

load_routes()


def _report() -> Report:
    def src(section: str, quote: str) -> Source:
        return Source(section, quote, quote, 0)

    def score(key: str, name: str, value: int, kind: str) -> Score:
        return Score(key, name, value, BANDS[1], kind, src(key, f"{name} {value}%"))

    criteria = [
        Criterion("1.1", "Risk of Harm", "", score("1.1", "1.1 Risk of Harm", 55, "criterion")),
        Criterion("1.2", "Safeguarding", "", score("1.2", "1.2 Safeguarding", 71, "criterion")),
    ]
    return Report(
        id="northam-2010",
        area="Northam",
        year=2010,
        title="Inspection of youth offending work in Northam",
        text="Northam",
        headline_scores=[score("safeguarding", "Safeguarding", 64, "headline")],
        criteria=criteria,
        sections=[Section(1, "Assessment", None)],
    )


def test_every_route_is_answered_and_rules_are_ordered_by_priority():
    assert set(HANDLERS) == set(Route)
    priorities = [r.priority for r in RULES]
    assert priorities == sorted(priorities)
    assert len(set(priorities)) == len(priorities)
    decided = {r.route for r in RULES if r.route is not None}
    assert decided == set(Route)  # every route can be chosen by some rule
    # The routes whose follow-ups carry something forward say how.
    for route in (Route.GLOSSARY, Route.SCORE, Route.COMPUTED, Route.COMPARE, Route.CONTEXT):
        assert route in FOLLOW_UPS


def test_intent_holds_only_what_every_question_has():
    names = {f.name for f in fields(Intent)}
    assert not names & {"op", "threshold", "scope", "direction", "numbers", "claim"}
    assert {"op", "threshold", "scope"} <= {f.name for f in fields(SLOTS[Route.COMPUTED])}


def test_route_slots_are_filled_and_stored_with_the_turn():
    report = _report()
    intent = parse("Which criterion scored lowest?", [report], set())
    assert intent.route == Route.COMPUTED
    assert intent.slots.op == "min"
    state = intent.state()
    assert state["route"] == "computed" and state["op"] == "min"
    # A follow-up with no cue of its own inherits the computation.
    again = parse("and in Northam?", [report], set(), previous=state)
    assert again.route == Route.COMPUTED and again.slots.op == "min"


def test_the_first_rule_by_priority_decides():
    report = _report()
    # A claim about a score is a claim (priority 20), not a score question (priority 130).
    intent = parse("Is it true that the safeguarding score was 64%?", [report], set())
    assert intent.route == Route.CLAIM
    assert intent.slots.claim == "the safeguarding score was 64%"
    assert parse("What was the safeguarding score?", [report], set()).route == Route.SCORE

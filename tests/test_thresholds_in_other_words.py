"""Thresholds, shares and checks of a figure in other words: "90% plus", "south of 40%",
"didn't make it to 50", a bound on something no report measures, a statement of a figure asked
with a rising "?", a share a thematic states as a count out of a total, and a share of people
that no score answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from answer_fakes import make_findings

from assistant.answers.conditions import Condition, condition_in, sets_bound
from assistant.answers.intent import CUES
from ingest.readers import read_report
from ingest.text.resources import load_cues

FORMATS = Path(__file__).resolve().parent / "data" / "formats"
WESSEX = Path(__file__).resolve().parent / "data" / "wessex-vale-yot-2011.txt"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Harrowfield out-of-court key questions at 90% plus", Condition(">=", 90)),
        ("which criteria got 70%+", Condition(">=", 70)),
        ("Penmarrow key questions south of 40%", Condition("<", 40)),
        ("which scores were north of 60 per cent", Condition(">", 60)),
        ("give me the scores that didnt make it to 50", Condition("<", 50)),
        ("which criteria didn't make it to 50%?", Condition("<", 50)),
        ("which criteria got to 60", Condition(">=", 60)),
    ],
)
def test_a_bound_in_other_words(question, expected):
    assert condition_in(question) == expected


def test_a_bare_count_of_something_is_still_no_bound_on_scores():
    assert condition_in("did they make 20 recommendations?") is None
    assert condition_in("how many children aged over 10") is None


def test_a_bound_on_anything_is_told_from_no_bound():
    assert sets_bound("did any offices have waits of over 60 days?")
    assert sets_bound("which workers had caseloads above 20?")
    assert not sets_bound("how many days did the inspection take?")


def test_the_rising_claim_cue_matches_its_examples_and_not_its_counterexamples():
    cue = load_cues("assistant.answers", "cues.yaml")["claim-rising"]
    assert cue.examples and cue.counterexamples
    for e in cue.examples:
        assert CUES["claim-rising"].search(e), e
    for e in cue.counterexamples:
        assert not CUES["claim-rising"].search(e), e


def test_a_threshold_named_by_its_level_is_no_list_of_the_level():
    from assistant.answers.routing import parse

    report = read_report((FORMATS / "ratings-harrowfield-2021.txt").read_text())
    intent = parse("Harrowfield out-of-court key questions at 90% plus", [report], set())
    assert intent.route == "computed", intent.route
    assert intent.slots.condition == Condition(">=", 90)


@pytest.fixture(scope="module")
def wessex(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("wessex") / "store", reports=[WESSEX])


def test_a_statement_of_a_figure_asked_with_a_rising_question_mark_is_checked(wessex):
    a = wessex.ask("Wessex Vale accommodation by the end of the sentence was 94%?")
    assert a.route == "claim" and a.answer.startswith("No"), a.answer
    assert "91%" in a.answer, a.answer


def test_a_pick_bounded_on_something_unmeasured_is_not_answered_with_a_fact(wessex):
    a = wessex.ask("did any Wessex Vale offices have waits of over 60 days?")
    assert not a.found, a.answer
    assert "January 2011" not in a.answer, a.answer


@pytest.fixture(scope="module")
def formats(tmp_path_factory):
    reports = [
        FORMATS / name
        for name in (
            "general-thematic-resettlement-2019.txt",
            "ratings-harrowfield-2021.txt",
            "inspection-2012-mutated-redbank-2016.txt",
        )
    ]
    return make_findings(tmp_path_factory.mktemp("formats") / "store", reports=reports)


def test_a_share_a_thematic_states_as_a_count_of_a_total_is_found(formats):
    a = formats.ask("what share of children had accommodation confirmed before release?")
    assert a.found, a.answer
    assert "27 of the 48" in a.answer, a.answer


def test_a_share_of_people_no_report_states_is_not_answered_with_ratings(formats):
    a = formats.ask("what percentage of Redbank children were at risk of sexual exploitation?")
    assert not a.found, a.answer
    assert "Poor" not in a.answer and "Requires improvement" not in a.answer, a.answer


def test_a_stated_share_answers_only_when_it_says_what_is_asked(formats):
    # the thematic states a share of children released with an address, not with a mentor
    a = formats.ask("what share of children were given a mentor before release?")
    assert not a.found, a.answer
    assert "27 of the 48" not in a.answer, a.answer

"""Thresholds said in words and checked yes or no, over the fictional Wessex Vale report."""

from __future__ import annotations

from pathlib import Path

import pytest
from answer_fakes import make_findings

WESSEX = Path(__file__).resolve().parent / "data" / "wessex-vale-yot-2011.txt"


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("thresholds") / "store", reports=[WESSEX])


def test_a_bound_said_in_words_lists_the_criteria_under_it(findings):
    a = findings.ask("which criteria were below sixty")
    assert a.found, a.answer
    for value in ("55%", "58%", "49%"):
        assert value in a.answer, a.answer
    assert "62 %" not in a.answer and "81%" not in a.answer, a.answer


@pytest.mark.parametrize(
    ("question", "lead", "value"),
    [
        ("did wessex vale get more than 80% on reducing reoffending delivery?", "Yes", "81%"),
        ("did wessex vale get under 50% on achievement of outcomes?", "Yes", "49%"),
        ("did wessex vale get over 60% on achievement of outcomes?", "No", "49%"),
    ],
)
def test_one_named_score_against_a_bound_asked_yes_or_no_leads_with_the_verdict(
    findings, question, lead, value
):
    a = findings.ask(question)
    assert a.found, a.answer
    assert a.answer.startswith(lead), a.answer
    assert value in a.answer, a.answer
    assert a.citations, a.answer


def test_a_list_asked_with_a_bound_has_no_yes_or_no(findings):
    a = findings.ask("which criteria scored over 75%?")
    assert not a.answer.startswith(("Yes", "No:")), a.answer
    assert "79%" in a.answer and "81%" in a.answer, a.answer


HARROWFIELD = Path(__file__).resolve().parent / "data" / "formats" / "ratings-harrowfield-2021.txt"


@pytest.fixture(scope="module")
def rated(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("rated") / "store", reports=[HARROWFIELD])


def test_a_pick_by_rating_of_something_no_report_rates_is_not_found(rated):
    a = rated.ask("which schools were rated inadequate?")
    assert not a.found, a.answer
    assert not a.citations, a.answer
    # the same pick of what the report rates is answered
    a = rated.ask("which of Harrowfield's standards were judged inadequate?")
    assert a.found, a.answer
    assert "Planning" in a.answer and "Out-of-court disposal policy" in a.answer, a.answer

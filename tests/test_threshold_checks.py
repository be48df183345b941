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


def test_a_standard_named_in_part_is_told_from_the_domain_whose_name_it_holds(rated):
    # "out-of-court disposal policy" holds the whole domain name "Out-of-court disposals"
    # and more of 3.4's: the standard is meant, and a yes/no check of its rating says Yes
    a = rated.ask("was out-of-court disposal policy rated inadequate at harrowfield")
    assert a.found, a.answer
    assert a.answer.startswith("Yes"), a.answer
    assert "3.4" in a.answer and "3.1" not in a.answer, a.answer


def test_a_share_of_a_group_needs_a_unit_that_names_the_group():
    from assistant.answers.answer_type import names_group

    # the question names no group: any share may answer
    assert names_group("In 74% of cases there was an intervention plan.", "what share had a plan?")
    # "in care" is not "social care"; "girls" is not in a share of all the cases
    assert not names_group(
        "informed by contact with children's social care services in only 22% of cases",
        "what proportion of the young people were in care?",
    )
    assert not names_group(
        "Children had been actively involved in the planning process in only 55% of cases.",
        "what share of cases involved girls?",
    )
    assert names_group("Girls made up 12% of the cases.", "what share of cases involved girls?")


def test_a_share_asked_of_a_group_no_unit_names_is_not_found(findings):
    a = findings.ask("what share of cases involved girls?")
    assert not a.found and not a.citations, a.answer
    a = findings.ask("what proportion of the young people in the sample were in care?")
    assert not a.found and not a.citations, a.answer
    a = findings.ask("how often did the intervention plans set clear targets")
    assert a.found and "69%" in a.answer, a.answer


SEFTON = Path(__file__).resolve().parents[1] / "data" / "reports" / "sefton-yot-2009.txt"


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("pair") / "store", reports=[SEFTON, WESSEX])


def test_a_comparison_of_something_no_report_measures_is_not_their_scores(pair):
    a = pair.ask("was staff turnover higher in Sefton or in Wessex Vale?")
    assert not a.found, a.answer
    assert "38%" not in a.answer, a.answer
    # a comparison of the reports themselves, or of what they measure, is still answered
    a = pair.ask("which did better, Sefton or Wessex Vale?")
    assert a.found and "38%" in a.answer and "64%" in a.answer, a.answer
    a = pair.ask("which yot did worse on risk of harm, sefton or wessex?")
    assert a.found and "36%" in a.answer and "57%" in a.answer, a.answer


def test_a_stated_percentage_with_a_tag_is_checked_as_a_claim(pair):
    a = pair.ask("sefton got 40% on safeguarding, right?")
    assert a.answer.startswith("No"), a.answer
    assert "38%" in a.answer, a.answer
    a = pair.ask("Wessex Vale scored 64% on safeguarding - is that right?")
    assert a.answer.startswith("Yes"), a.answer


def test_points_or_a_rating_stated_with_a_tag_are_checked_as_a_claim(rated):
    a = rated.ask("Harrowfield scored 30 out of 36, right?")
    assert a.answer.startswith("No"), a.answer
    assert "17/36" in a.answer, a.answer
    a = rated.ask("Harrowfield was rated Requires improvement overall, yeah?")
    assert a.answer.startswith("Yes"), a.answer
    # a rating of a measure the statement does not tell apart is no verdict either way
    a = rated.ask("planning was rated Good, right?")
    assert not a.answer.startswith(("Yes", "No")), a.answer


def test_any_measure_with_a_rating_asked_yes_or_no_lists_those_rated_so(rated):
    a = rated.ask("were any standards rated inadequate?")
    assert a.found and "2.2 Planning" in a.answer and "3.4" in a.answer, a.answer
    assert "3.1" not in a.answer, a.answer
    a = rated.ask("was anything rated outstanding?")
    assert a.found and "3.1 Assessment" in a.answer and "2.2" not in a.answer, a.answer


def test_the_measures_of_one_report_ranked_best_first(rated):
    a = rated.ask("rank the standards")
    assert a.found, a.answer
    order = [a.answer.index(n) for n in ("3.1 Assessment", "1.1 Governance", "2.2 Planning")]
    assert order == sorted(order), a.answer  # Outstanding, Good, ..., Inadequate
    assert "Overall rating" not in a.answer, a.answer


def test_a_list_asked_by_naming_and_a_fraction_as_a_bound(pair):
    a = pair.ask("name Sefton's criteria in the drastic band")
    assert a.found and "28%" in a.answer and "41%" in a.answer, a.answer
    a = pair.ask("which Sefton criteria scored less than a third?")
    assert a.found and "33.3%" in a.answer and "33.33" not in a.answer, a.answer


LOWMOOR = (
    Path(__file__).resolve().parent
    / "data"
    / "formats"
    / "ratings-missing-standard-lowmoor-2021.txt"
)


def test_a_pick_ranked_by_a_word_that_only_describes_an_area_is_by_no_measure(tmp_path):
    # "caseloads" hints at the Staff standard, but a team ranked by caseloads is no standard
    findings = make_findings(tmp_path / "store", reports=[LOWMOOR])
    a = findings.ask("which Lowmoor team had the biggest caseloads?")
    assert not a.found and not a.citations, a.answer
    a = findings.ask("which Lowmoor standard was best?")
    assert a.found and "Outstanding" in a.answer, a.answer

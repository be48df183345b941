"""Lists, orders and picks of one report's measures asked in other words: a ranking "from worst
to best", the members of a list spelt out in brackets, a standard's percentages, a part only
another report has, and a year set against "now"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from answer_fakes import make_findings

from assistant.answers.conditions import picked
from assistant.answers.intent import CUES, Target
from assistant.answers.kinds import load_kinds
from assistant.answers.score_lists import ALL, levels_asked
from ingest.model import Role

DATA = Path(__file__).resolve().parent / "data"
WESSEX = DATA / "wessex-vale-yot-2011.txt"
HARROWFIELD = DATA / "formats" / "ratings-harrowfield-2021.txt"
COLD_ASHBY = DATA / "formats" / "ratings-mutated-cold-ashby-2023.txt"
NORTHBRIDGE = DATA / "formats" / "core-reinspection-northbridge-2011.txt"


@pytest.fixture(scope="module")
def wessex(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("ranked-wessex") / "store", reports=[WESSEX])


@pytest.fixture(scope="module")
def rated(tmp_path_factory):
    store = tmp_path_factory.mktemp("ranked-rated") / "store"
    return make_findings(store, reports=[HARROWFIELD, COLD_ASHBY])


def _order(answer: str, values: list[str]) -> list[int]:
    return [answer.index(v) for v in values]


def test_a_ranking_from_worst_to_best_lists_every_criterion_worst_first(wessex):
    # "worst" and "best" together ask for an order, not for the lowest and the highest only
    a = wessex.ask("rank Wessex Vale's criteria from worst to best")
    assert a.found, a.answer
    values = ["49%", "55%", "58%", "62%", "66%", "73%", "79%", "81%"]
    assert _order(a.answer, values) == sorted(_order(a.answer, values)), a.answer


def test_a_ranking_with_no_order_named_is_best_first(wessex):
    a = wessex.ask("rank Wessex Vale's criteria")
    assert a.found, a.answer
    values = ["81%", "79%", "73%", "66%", "62%", "58%", "55%", "49%"]
    assert _order(a.answer, values) == sorted(_order(a.answer, values)), a.answer


def test_a_ranking_of_a_named_reports_ratings_puts_outstanding_first(rated):
    a = rated.ask("rank Harrowfield's standards from best to worst")
    assert a.found, a.answer
    assert "Cold Ashby" not in a.answer, a.answer
    first, last = a.answer.index("Outstanding"), a.answer.rindex("Inadequate")
    assert first < a.answer.index("Good") < last, a.answer


def test_the_two_lowest_are_still_a_pick_not_a_ranking(wessex):
    a = wessex.ask("what were Wessex Vale's two lowest criterion scores?")
    assert a.found and "49%" in a.answer and "55%" in a.answer, a.answer
    assert "81%" not in a.answer, a.answer


def test_a_pick_within_a_part_the_named_report_lacks_is_not_found(rated):
    # only Cold Ashby has a resettlement domain: Harrowfield's other standards are not asked
    a = rated.ask("what was the weakest resettlement standard in Harrowfield?")
    assert not a.found, a.answer
    assert "Inadequate" not in a.answer, a.answer
    a = rated.ask("what was the weakest resettlement standard?")
    assert a.found and "4.1 Resettlement" in a.answer, a.answer
    assert "Harrowfield" not in a.answer, a.answer


def test_a_standards_percentages_are_its_key_questions(rated):
    a = rated.ask("which percentages sit under Harrowfield's out-of-court assessment standard?")
    assert a.found, a.answer
    for value in ("96%", "92%", "90%"):
        assert value in a.answer, a.answer


def test_the_ratings_taken_one_after_another_list_every_standard(rated):
    a = rated.ask("take me through the Cold Ashby ratings one after another")
    assert a.found, a.answer
    for name in ("1.1 Governance and leadership", "2.2 Planning", "4.1 Resettlement"):
        assert name in a.answer, a.answer
    assert "Harrowfield" not in a.answer, a.answer


@pytest.mark.parametrize(
    ("question", "targets", "levels"),
    [
        # the sections named in brackets spell the list out, they do not narrow it
        (
            "what totals did Northam get for its three parts (assessment, delivery, outcomes)?",
            [Target(Role.OVERALL, "3")],
            ("section",),
        ),
        ("the three big numbers on the front of the Northam report", [], ("headline",)),
        ("take me through the Northam ratings one after another", [], ALL),
        (
            "which percentages sit under Northam's out-of-court assessment standard?",
            [Target(Role.CRITERION, "3.1")],
            ("key-question",),
        ),
        # one section named without brackets is still that section's own list
        ("all the scores for section 2", [Target(Role.OVERALL, "2")], ("section", "criterion")),
    ],
)
def test_list_levels_in_other_words(question, targets, levels):
    assert levels_asked(question, targets) == levels


def test_now_set_against_a_year_is_no_word_of_time_after_the_inspection():
    timing = re.compile(load_kinds().timing, re.I)
    assert not timing.search("northam likelihood of reoffending: 2010 vs now")
    assert not timing.search("safeguarding, 2010 versus now?")
    assert timing.search("is safeguarding any better now?")
    assert CUES["previous"].search("northam likelihood of reoffending: 2010 vs now")


def test_a_year_against_now_compares_a_reinspection_with_its_earlier_score(tmp_path):
    findings = make_findings(tmp_path / "store", reports=[NORTHBRIDGE])
    a = findings.ask("northbridge likelihood of reoffending: 2010 vs now")
    assert a.found, a.answer
    assert "70%" in a.answer and "52%" in a.answer, a.answer


def test_two_reports_alongside_each_other_are_compared(tmp_path):
    findings = make_findings(tmp_path / "store", reports=[WESSEX, NORTHBRIDGE])
    a = findings.ask(
        "show me the outcomes totals for Wessex Vale and Northbridge alongside each other"
    )
    assert a.found, a.answer
    assert "58%" in a.answer and "61%" in a.answer, a.answer


def test_a_pick_among_things_no_report_measures_after_which_of_is_not_found(wessex):
    assert picked("which of Northam's three sites performed worst?") == ["sites"]
    assert picked("which of Northam's sections was the strongest") == ["sections"]
    a = wessex.ask("which of Wessex Vale's three sites performed worst?")
    assert not a.found, a.answer
    a = wessex.ask("which of Wessex Vale's sections was the strongest?")
    assert a.found and "68" in a.answer, a.answer


def test_two_sides_joined_by_a_bare_or_before_the_direction_are_compared(wessex):
    a = wessex.ask("in Wessex Vale did assessment or delivery come out lower overall")
    assert a.found, a.answer
    assert "65%" in a.answer and "68" in a.answer, a.answer


def test_the_bits_under_a_section_are_its_criteria(wessex):
    a = wessex.ask("the bits under outcomes in Wessex Vale, how did they score?")
    assert a.found and "49%" in a.answer and "73%" in a.answer, a.answer


def test_a_range_of_criteria_names_those_between(wessex):
    a = wessex.ask("scores for 2.1-2.3")
    assert a.found, a.answer
    for value in ("58%", "81%", "66%"):
        assert value in a.answer, a.answer
    # "compare 1.1 to 1.3" has two sides, not a range
    a = wessex.ask("compare 1.1 to 1.3")
    assert a.found and "55%" in a.answer and "79%" not in a.answer, a.answer


def test_a_sections_key_question_results_are_its_key_questions(rated):
    a = rated.ask("Cold Ashby key question results for court disposals")
    assert a.found, a.answer
    assert "88%" in a.answer and "57%" in a.answer, a.answer
    assert "86%" not in a.answer, a.answer  # an out-of-court key question


def test_a_bare_name_and_plural_lists_every_rating(rated):
    a = rated.ask("harrowfield grades pls")
    assert a.found, a.answer
    assert "2.2 Planning" in a.answer and "3.1 Assessment" in a.answer, a.answer


@pytest.mark.parametrize(
    ("question", "targets", "levels"),
    [
        ("wot did northam get on the 8 criterias", [], ("criterion",)),
        ("eastmere grades pls", [], ALL),
        ("the bits under outcomes, how did they score?", [Target(Role.OVERALL, "3")], None),
        (
            "Northam key question results for court disposals",
            [Target(Role.OVERALL, "2")],
            ("key-question",),
        ),
    ],
)
def test_more_list_levels_in_other_words(question, targets, levels):
    if levels is None:  # the section's own measures
        levels = ("section", "criterion")
    assert levels_asked(question, targets) == levels


def test_a_score_asked_now_is_the_reports_own():
    timing = re.compile(load_kinds().timing, re.I)
    assert not timing.search("what's Northam's highest headline score now?")
    assert timing.search("has Northam got a speech and language therapist now?")


def test_a_part_one_report_lacks_is_compared_by_the_standards_of_the_one_that_has_it(rated):
    a = rated.ask("how does Harrowfield's resettlement compare with Cold Ashby's?")
    assert a.found, a.answer
    assert "4.1 Resettlement" in a.answer and "Good" in a.answer, a.answer
    assert "Harrowfield" in a.answer, a.answer  # named as having none


def test_the_least_good_is_the_worst_not_those_rated_good(rated):
    a = rated.ask("which Cold Ashby out-of-court standard was the least good?")
    assert a.found, a.answer
    assert "3.3 Implementation and delivery" in a.answer, a.answer
    assert "rated Good" not in a.answer and "3.2 Planning" not in a.answer, a.answer


def test_a_list_by_something_no_report_scores_is_not_found(rated):
    a = rated.ask("list Harrowfield's scores for each school")
    assert not a.found, a.answer
    assert "school" in a.answer, a.answer
    a = rated.ask("list Harrowfield's ratings for each standard")
    assert a.found and "2.2 Planning" in a.answer, a.answer


def test_a_scorecard_is_every_rating(rated):
    a = rated.ask("Harrowfield's scorecard?")
    assert a.found, a.answer
    assert "2.2 Planning" in a.answer and "3.4 Out-of-court" in a.answer, a.answer


def test_results_across_a_level_are_its_scores_not_outcomes(wessex):
    a = wessex.ask("what were Wessex Vale's results across the eight criteria?")
    assert a.found, a.answer
    assert "55%" in a.answer and "81%" in a.answer, a.answer


def test_the_strongest_and_weakest_bits_are_both_ends(wessex):
    a = wessex.ask("what are the strongest and weakest bits of the Wessex Vale report")
    assert a.found, a.answer
    assert "81%" in a.answer and "49%" in a.answer, a.answer


@pytest.fixture(scope="module")
def two(tmp_path_factory):
    store = tmp_path_factory.mktemp("ranked-two") / "store"
    return make_findings(store, reports=[WESSEX, NORTHBRIDGE])


def test_a_level_listed_for_both_reports_is_each_reports_list(two):
    a = two.ask("could I have the criterion scores from both reports, one list each")
    assert a.found, a.answer
    assert "8 criteria" in a.answer and "81%" in a.answer and "54%" in a.answer, a.answer
    # set against each other, the same level is a comparison
    a = two.ask("compare the headline scores of the two reports")
    assert a.found and "highest" in a.answer.lower(), a.answer


def test_a_difference_in_points_is_no_count(two):
    a = two.ask("by how many points did Wessex Vale beat Northbridge on safeguarding?")
    assert a.found, a.answer
    assert "64%" in a.answer and "61%" in a.answer, a.answer


def test_a_list_per_two_word_noun_no_report_scores_is_not_found(two):
    a = two.ask("list the scores per case manager for Wessex Vale")
    assert not a.found, a.answer


def test_a_size_set_against_another_asks_for_a_number(two):
    a = two.ask("was Wessex Vale's management board bigger than Northbridge's?")
    assert not a.found, a.answer


def test_an_extreme_key_question_within_a_named_part(rated):
    a = rated.ask("in Harrowfield's out-of-court work, which key question scored lowest?")
    assert a.found and "75%" in a.answer, a.answer
    assert "39%" not in a.answer, a.answer


def test_the_best_of_two_named_choices_is_the_better(tmp_path):
    eastmere = DATA / "formats" / "inspection-2012-eastmere-2014.txt"
    redbank = DATA / "formats" / "inspection-2012-mutated-redbank-2016.txt"
    findings = make_findings(tmp_path / "store", reports=[eastmere, redbank])
    a = findings.ask("who got judged best on protecting the public, Eastmere or Redbank?")
    assert a.found, a.answer
    assert "Unsatisfactory" in a.answer and "Poor" in a.answer, a.answer


def test_a_range_across_sections_names_every_standard_between(rated):
    a = rated.ask("Harrowfield's standards and grades, 1.1 through to 3.4")
    assert a.found, a.answer
    for name in ("1.1 Governance", "2.2 Planning", "3.4 Out-of-court"):
        assert name in a.answer, a.answer


def test_a_criterion_number_after_under_is_no_bound(wessex):
    assert not CUES["threshold"].search("what were the strengths under 2.1?")
    assert CUES["threshold"].search("which criteria were under 60%?")
    a = wessex.ask("what were the strengths under 2.1?")
    assert a.found and "83%" in a.answer, a.answer

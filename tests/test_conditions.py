"""Threshold and extremes questions: the condition, the count and the level they ask for, and
what an extremes question ranks by (assistant/answers/conditions.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answers.conditions import (
    _CUES,
    Condition,
    at_worst_level,
    condition_in,
    how_many,
    level_asked,
    ranked_by,
    rating_condition,
    scores_of_level,
    unmeasured,
)
from ingest.model import Role, Score, Source, Unit
from ingest.readers import read_report

FORMATS = Path(__file__).parent / "data" / "formats"


@pytest.mark.parametrize("name", sorted(_CUES))
def test_every_cue_matches_its_examples_and_not_its_counterexamples(name):
    cue = _CUES[name]
    assert cue.examples
    for example in cue.examples:
        assert cue.pattern.search(example), example
    for counter in cue.counterexamples:
        assert not cue.pattern.search(counter), counter


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("which criteria scored below 50%?", Condition("<", 50)),
        ("which criteria landed between 40 and 50 percent?", Condition("range", 40, 50)),
        ("which criteria sat in the 55 to 65% range?", Condition("range", 55, 65)),
        ("what criteria hit 60 per cent or more?", Condition(">=", 60)),
        ("which criteria got at least 70%?", Condition(">=", 70)),
        ("which criteria fell short of 60%?", Condition("<", 60)),
        ("any key questions below half?", Condition("<", 50)),
        ("wich criterias were below 30 % in sefton", Condition("<", 30)),
        ("which criteria didn't reach 50%?", Condition("<", 50)),
        ("which criteria did not get over 60%?", Condition("<=", 60)),
        ("which areas scored worse than 40%?", Condition("<", 40)),
        ("which criteria were above the 50% mark?", Condition(">", 50)),
        ("which criteria missed the 50% mark?", Condition("<", 50)),
        ("which criteria didn't reach the 50% mark?", Condition("<", 50)),
    ],
)
def test_the_condition_is_read_through_the_language_layer(question, expected):
    assert condition_in(question) == expected


def test_no_condition_without_a_comparison():
    assert condition_in("what was the safeguarding score?") is None
    assert condition_in("is the safeguarding score 38%?") is None


def test_a_range_is_inclusive_and_a_bound_exclusive_as_asked():
    assert Condition("range", 40, 50).holds(50) and Condition("range", 40, 50).holds(40)
    assert not Condition("<", 60).holds(60) and Condition("<=", 60).holds(60)
    assert Condition(">=", 60).text() == "at or above 60%"
    assert Condition("range", 40, 50).text() == "between 40% and 50%"


@pytest.mark.parametrize(
    ("question", "n"),
    [
        ("what were the two lowest criterion scores?", 2),
        ("top three criteria for the YOT?", 3),
        ("which criterion scored lowest?", 1),
        ("which key questions were in the bottom 4?", 4),
        ("what was the lowest 50% score?", 1),
    ],
)
def test_how_many_extremes_are_asked_for(question, n):
    assert how_many(question) == n


def test_the_level_a_question_ranges_over():
    assert level_asked("which key questions were under 60%?") == "key-question"
    assert level_asked("were any headline scores under 40%?") == "headline"
    assert level_asked("which sections scored under 50%?") == "section"
    assert level_asked("which criteria scored under 50%?") is None


def _rating(name: str, word: str, rank: int) -> Score:
    return Score(
        name, name, rank, None, Role.CRITERION, Source("1.1", name, word, 0), Unit.RATING, word
    )


def test_a_rating_condition_compares_ranks_on_the_scale():
    scores = [
        _rating("1.1", "Outstanding", 1),
        _rating("1.2", "Good", 2),
        _rating("1.3", "Requires improvement", 3),
        _rating("1.4", "Inadequate", 4),
    ]
    below = rating_condition("which standards were rated below Good?", scores)
    assert below is not None and below.label == "below Good"
    assert [s.rating for s in scores if below.holds(s.value)] == [
        "Requires improvement",
        "Inadequate",
    ]
    at_least = rating_condition("which standards were Good or better?", scores)
    assert at_least is not None
    assert [s.rating for s in scores if at_least.holds(s.value)] == ["Outstanding", "Good"]
    assert rating_condition("which standards were rated Good?", scores) is None
    assert at_worst_level(scores[3]) and not at_worst_level(scores[2])


def test_not_good_enough_is_below_good_and_is_said_so():
    scores = [_rating("1.1", "Good", 2), _rating("1.2", "Inadequate", 4)]
    cond = rating_condition("which standards weren't good enough?", scores)
    assert cond is not None and cond.label == "below Good"  # not "rated weren't good enough"
    assert [s.rating for s in scores if cond.holds(s.value)] == ["Inadequate"]


def test_areas_of_work_stand_in_for_criteria_in_a_report_without_criteria():
    report = read_report((FORMATS / "inspection-2012-eastmere-2014.txt").read_text())
    scores, noun = scores_of_level(report, None)
    assert noun == "area of work" and scores
    assert all(s.kind == Role.AREA for s in scores)


def test_a_ranking_by_something_no_report_measures_is_told_from_one_they_measure():
    report = read_report((FORMATS / "ratings-harrowfield-2021.txt").read_text())
    assert ranked_by("which worker had the biggest caseload in Harrowfield?") == ["caseload"]
    assert ranked_by("what was the biggest problem?") == []  # not a pick of one
    assert ranked_by("what was the highest number of cases any worker held?") == [
        "cases",
        "any",
        "worker",
    ]
    assert unmeasured("which worker had the biggest caseload in Harrowfield?", [report], [])
    assert unmeasured("which team had the most staff sickness?", [report], []) == ["sickness"]
    assert not unmeasured("which standard did Harrowfield do best on?", [report], [])
    assert not unmeasured("which key question had the lowest share of cases?", [report], [])


def test_a_ratings_report_calls_its_criteria_standards():
    report = read_report((FORMATS / "ratings-harrowfield-2021.txt").read_text())
    scores, noun = scores_of_level(report, None)
    assert noun == "standard" and len(scores) == len(report.criteria)
    assert scores_of_level(report, "key-question")[1] == "key question"


def test_a_pick_by_something_unmeasured_is_searched_for_a_stated_ranking():
    from assistant.answers.routing import parse

    reports = [
        read_report((FORMATS / name).read_text())
        for name in ("core-reinspection-northbridge-2011.txt", "inspection-2012-eastmere-2014.txt")
    ]
    intent = parse("which YOT had the most complaints?", reports, set())
    assert intent.route == "fallback" and intent.asks == "ranking"
    # ranked by a measure the reports hold: computed over the scores
    intent = parse("which YOT had the lowest safeguarding score?", reports, set())
    assert intent.route != "fallback" and intent.asks != "ranking"


def test_both_ends_when_both_are_asked_for():
    from assistant.answers.routing import parse

    report = read_report((FORMATS / "core-reinspection-northbridge-2011.txt").read_text())
    intent = parse("which were the strongest and weakest criteria?", [report], set())
    assert intent.route == "computed" and intent.slots.both


def test_a_threshold_over_something_unmeasured_asks_for_a_stated_figure():
    from assistant.answers.routing import parse

    reports = [
        read_report((FORMATS / name).read_text())
        for name in ("core-reinspection-northbridge-2011.txt", "inspection-2012-eastmere-2014.txt")
    ]
    intent = parse("which workers had caseloads above 20?", reports, set())
    assert intent.route == "fallback" and intent.asks == "number"
    intent = parse("which YOTs had a safeguarding score below 50%?", reports, set())
    assert intent.route == "computed"


def test_not_rated_one_or_another_is_below_the_first_and_is_said_so():
    scores = [
        _rating("1.1", "Outstanding", 1),
        _rating("1.2", "Good", 2),
        _rating("1.3", "Requires improvement", 3),
    ]
    cond = rating_condition("standards not rated good or outstanding", scores)
    assert cond is not None and cond.label == "below Good"
    assert [s.rating for s in scores if cond.holds(s.value)] == ["Requires improvement"]


def test_a_threshold_pick_named_past_the_area_is_read_up_to_its_verb():
    from assistant.answers.conditions import picked

    # what is picked, past the area's name, up to the verb
    assert picked("which Sefton case managers had caseloads over 15?", True) == [
        "sefton",
        "case",
        "managers",
    ]
    # a level of measure among the words: measures are picked
    assert picked("which Harrowfield standards fell below requires improvement?", True) == []
    report = read_report((FORMATS / "ratings-harrowfield-2021.txt").read_text())
    names = [report.area]
    assert unmeasured(
        "which Harrowfield case workers had caseloads over 15?", [report], names, True
    )
    assert not unmeasured(
        "which Harrowfield standards fell below requires improvement?", [report], names, True
    )


def test_bare_figures_bound_scores_only_in_the_range_scores_take():
    assert condition_in("which were between 60 and 80?") == Condition("range", 60, 80)
    assert condition_in("any scores of 30 or less?") == Condition("<=", 30)
    assert condition_in("which criteria got 60 or higher for Wessex Vale?") == Condition(">=", 60)
    # a count of something else, or a number too small to be a score, sets no condition
    assert condition_in("which YOTs had 20 or more recommendations?") is None
    assert condition_in("which reports had 3 or more inadequate standards?") is None
    assert condition_in("between 20 and 50 cases") is None
    # a bare bound said with a comparison word, in figures or in words
    assert condition_in("which criteria were below sixty") == Condition("<", 60)
    assert condition_in("anything under 40?") == Condition("<", 40)
    assert condition_in("which scored over seventy?") == Condition(">", 70)
    assert condition_in("which YOTs had over 50 staff") is None
    # an age is no score
    assert condition_in("how many children aged over 10?") is None


def test_a_question_of_only_asking_words_is_about_the_reports_themselves():
    from assistant.answers.conditions import only_asking

    assert only_asking("how did the two YOTs compare?", ["Sefton", "Wessex Vale"])
    assert only_asking("compare Sefton with Wessex Vale", ["Sefton", "Wessex Vale"])
    assert not only_asking("which service had no written policy?", ["Sefton", "Wessex Vale"])
    assert not only_asking("was staff turnover higher in Sefton?", ["Sefton"])


def test_a_bound_set_on_something_no_report_measures_is_unmeasured():
    from assistant.answers.conditions import compared_noun

    assert compared_noun("which schools had attendance below 80%?") == ["attendance"]
    assert compared_noun("which key questions were under 60%?") == ["questions"]
    assert compared_noun("any Sefton criteria at 30% or below?") == []
    report = read_report((FORMATS / "core-reinspection-northbridge-2011.txt").read_text())
    names = [report.area]
    assert unmeasured("did any staff have caseloads over 20?", [report], names, True)
    assert not unmeasured("anything under 40?", [report], names, True)
    assert not unmeasured("which criteria landed between 40 and 50 percent?", [report], names, True)
    assert not unmeasured("which criteria scored below 50%?", [report], names, True)


def test_a_bound_on_a_count_of_something_is_no_threshold_on_scores():
    from assistant.answers.routing import parse

    report = read_report((FORMATS / "core-reinspection-northbridge-2011.txt").read_text())
    assert parse("which teams had more than 30 cases each?", [report], set()).route != "computed"
    assert parse("anything under 40 in Northbridge?", [report], set()).route == "computed"


def test_a_pick_asked_yes_or_no_picks_what_follows_any():
    from assistant.answers.conditions import picked

    q = "were any of the three Sefton sites above 70% for reoffending?"
    assert picked(q, any_pick=True) == ["sefton", "sites"]
    assert picked("did any workers have caseloads over 20?", any_pick=True) == ["workers"]
    # a level of measure is no pick of something unmeasured
    assert picked("were any of the criteria above 70%?", any_pick=True) == []
    assert picked("were any of the headline scores under 40%?", any_pick=True) == []
    # without "any" the question picks nothing
    assert picked("were the sites above 70%?", any_pick=True) == []


def test_a_pick_asked_yes_or_no_by_something_unmeasured_is_no_computation():
    from assistant.answers.routing import parse

    report = read_report((FORMATS / "core-reinspection-northbridge-2011.txt").read_text())
    for q in (
        "were any of the three Northbridge sites above 70% for reoffending?",
        "did any of the three sites get more than 70% for reoffending?",
    ):
        intent = parse(q, [report], set())
        # not a check of the likelihood of reoffending score, nor a computation over scores
        assert intent.route == "fallback" and intent.asks == "number", q
    intent = parse("were any of the criteria above 70%?", [report], set())
    assert intent.route == "computed"


def test_at_most_and_at_least_are_bounds_not_superlatives():
    from assistant.answers.conditions import ranked_by

    assert ranked_by("which criteria need at most moderate improvement?") == []
    assert ranked_by("which teams had at least 20 cases?") == []
    assert ranked_by("which team had the most cases?") == ["cases"]


def test_a_pick_by_a_condition_ends_at_its_verb_and_reads_past_which_of():
    from assistant.answers.conditions import picked

    # "scored" is no level of measure, though "score" is
    assert picked("which offices scored above 70%?", any_pick=True) == ["offices"]
    assert picked("which of Northam's three offices scored above 70%?", any_pick=True) == [
        "northam",
        "offices",
    ]
    assert picked("which of the criteria scored above 70%?", any_pick=True) == []
    assert picked("which key questions scored under 60%?", any_pick=True) == []


def test_an_ordinal_extreme_asks_for_the_extremes_up_to_it():
    from assistant.answers.conditions import how_many

    assert how_many("which was the second worst criterion?") == 2
    assert how_many("what was the 3rd highest score?") == 3
    assert how_many("the two lowest scores") == 2
    assert how_many("which was the worst criterion?") == 1
    # an ordinal of something else is no count of extremes
    assert how_many("in the second section, which criterion was lowest?") == 1


def test_a_bound_on_a_share_of_a_group_is_no_threshold_on_scores():
    from assistant.answers.conditions import bounds_a_share
    from assistant.answers.routing import parse

    assert bounds_a_share("did more than half of the victims get a visit?")
    assert bounds_a_share("did over a third of children have a plan?")
    assert bounds_a_share("did more than half of the cases have a timely assessment?")
    # a share of the measures themselves is about the scores
    assert not bounds_a_share("were more than half of the criteria below 50%?")
    assert not bounds_a_share("which criteria scored below half?")
    report = read_report((FORMATS / "core-reinspection-northbridge-2011.txt").read_text())
    intent = parse("did more than half of the victims get a visit?", [report], set())
    assert intent.route != "computed" and intent.asks == "share"
    intent = parse("did more than half of the cases have a timely assessment?", [report], set())
    assert intent.route != "computed"
    assert parse("which criteria scored below half?", [report], set()).route == "computed"

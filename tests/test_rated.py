"""Ratings as a condition (assistant/answers/routes/rated.py): every rating word a question
names is looked for."""

from __future__ import annotations

from pathlib import Path

from assistant.answers.routes.rated import answer_rated, asked_ratings
from ingest.readers import read_report

LAYOUTS = Path(__file__).parent / "data" / "layouts"


def _kestrelford():
    return read_report((LAYOUTS / "ratings-cells-kestrelford-2023.txt").read_text())


def test_two_rating_words_joined_are_both_asked_for_in_the_question_s_order():
    report = _kestrelford()
    assert asked_ratings("which standards got outstanding or good?", [report]) == [
        "Outstanding",
        "Good",
    ]
    assert asked_ratings("which were rated requires improvement?", [report]) == [
        "Requires improvement"
    ]
    assert asked_ratings("which standards were weakest?", [report]) == []


def test_an_answer_for_two_rating_words_lists_the_measures_rated_either():
    report = _kestrelford()
    answer = answer_rated("which standards did Kestrelford get outstanding or good for?", [report])
    assert answer.found
    assert "rated Outstanding or Good" in answer.answer
    assert "2.4 Reviewing" not in answer.answer  # rated Inadequate
    assert "1.1 Governance and leadership (Outstanding)" in answer.answer
    assert "1.2 Staff (Good)" in answer.answer


def test_a_pick_by_a_rating_of_reports_that_give_percentages_says_they_give_none():
    from assistant.answers.routing import parse

    formats = Path(__file__).parent / "data" / "formats"
    core = read_report((formats / "core-reinspection-northbridge-2011.txt").read_text())
    for q in ("which criteria were rated good?", "was anything rated inadequate?"):
        assert parse(q, [core], set()).route == "rated", q
        answer = answer_rated(q, [core])
        assert not answer.found and "give no ratings" in answer.answer
    # "good enough" is no rating
    assert parse("which criteria were rated good enough?", [core], set()).route != "rated"


def test_a_pick_by_a_rating_of_a_named_measure_keeps_to_that_measure():
    formats = Path(__file__).parent / "data" / "formats"
    reports = [
        read_report((formats / name).read_text())
        for name in ("ratings-harrowfield-2021.txt", "ratings-markdown-penmarrow-2024.txt")
    ]
    answer = answer_rated("which reports were rated Inadequate for planning?", reports)
    assert answer.found
    assert "Planning (Inadequate)" in answer.answer
    # Penmarrow's other Inadequate standards are no planning
    assert "1.2 Staff" not in answer.answer and "Out-of-court disposal policy" not in answer.answer
    # a rating word names no measure: "Requires improvement" is not a measure of improvement
    every = answer_rated("which standards were rated requires improvement?", reports)
    assert "1.3 Partnerships and services" in every.answer
    # nor does the rating said in other words
    needed = answer_rated("how many Harrowfield standards needed improvement?", reports[:1])
    assert "4 of the 12" in needed.answer


def test_which_report_had_more_of_a_rating_compares_the_counts():
    from assistant.answers.routing import parse

    formats = Path(__file__).parent / "data" / "formats"
    reports = [
        read_report((formats / name).read_text())
        for name in ("ratings-harrowfield-2021.txt", "ratings-markdown-penmarrow-2024.txt")
    ]
    q = "which had more inadequate standards, Harrowfield or Penmarrow?"
    assert parse(q, reports, set()).route == "rated"
    answer = answer_rated(q, reports)
    assert "Most rated Inadequate: Penmarrow (2024), with 6." in answer.answer
    fewest = answer_rated("which YOS got the fewest inadequate ratings?", reports)
    assert "Fewest rated Inadequate: Harrowfield (2021), with 2." in fewest.answer
    # ranked by a rating the reports give: no pick by something unmeasured
    assert parse("which YOS got the most outstanding ratings?", reports, set()).route == "rated"


def test_a_measure_named_in_a_report_s_own_words_is_its_own():
    from assistant.answers.routing import parse

    formats = Path(__file__).parent / "data" / "formats"
    reports = [
        read_report((formats / name).read_text())
        for name in ("ratings-harrowfield-2021.txt", "inspection-2012-eastmere-2014.txt")
    ]
    # "court work" is Harrowfield's Court disposals, though Eastmere has "Work in courts"
    intent = parse("harrowfield court work rating", reports, set())
    assert [str(t) for t in intent.targets] == ["overall:2"]
    assert intent.reports == ["harrowfield-2021"]

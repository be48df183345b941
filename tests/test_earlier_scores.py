"""A threshold asked of the inspection before, and of a decade of scores ("in the 40s"):
the earlier values a reinspection prints, never this inspection's own
(assistant/answers/earlier_scores.py, assistant/answers/conditions.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from answer_fakes import make_findings

from assistant.answers.conditions import Condition, condition_in
from assistant.answers.earlier_scores import asks_earlier, earlier
from ingest.readers import read_report

DATA = Path(__file__).resolve().parent / "data"
NORTHBRIDGE = DATA / "formats" / "core-reinspection-northbridge-2011.txt"
WESSEX = DATA / "wessex-vale-yot-2011.txt"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("which criteria landed in the 40s?", Condition("range", 40, 49.9)),
        ("anything in the sixties?", Condition("range", 60, 69.9)),
        ("which bits scored in the 70%s", Condition("range", 70, 79.9)),
        ("any key questions in the high 50s?", Condition("range", 55, 59)),
        ("which criteria were in the low 30's", Condition("range", 30, 34)),
    ],
)
def test_a_decade_of_scores_is_a_range(question, expected):
    assert condition_in(question) == expected


def test_a_decade_of_years_or_a_count_is_no_range_of_scores():
    assert condition_in("what happened in the 1990s?") is None
    assert condition_in("what did they find in the 40 cases?") is None


def test_the_earlier_inspection_is_asked_by_its_words_or_by_its_year():
    scores = [c.score for c in read_report(NORTHBRIDGE.read_text()).criteria]
    assert asks_earlier("which criteria were below 50% at the previous inspection?")
    assert asks_earlier("which criteria were under 50% last time?")
    assert asks_earlier("criteria under 50 back in 2010", scores)
    assert not asks_earlier("criteria under 50 in 2011", scores)
    assert not asks_earlier("which criteria were below 50%?", scores)


def test_earlier_scores_carry_the_earlier_value_and_where_it_is_printed():
    report = read_report(NORTHBRIDGE.read_text())
    before = earlier([c.score for c in report.criteria])
    assert [s.value for s in before] == [41, 55, 47, 39, 58, 50, 44, 60]
    for s in before:
        assert s.source.quote in report.text and "Previous score (2010)" in s.source.quote
        assert s.band is None and "(previous, 2010)" in s.name
    # a report that prints no earlier values has none
    assert earlier([c.score for c in read_report(WESSEX.read_text()).criteria]) == []


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("earlier") / "store", reports=[NORTHBRIDGE])


def test_a_threshold_at_the_previous_inspection_lists_the_earlier_scores(findings):
    a = findings.ask("which criteria were below 50% at the previous inspection?")
    assert a.found, a.answer
    for value in ("41%", "47%", "39%", "44%"):
        assert value in a.answer, a.answer
    assert "54%" not in a.answer and "56%" not in a.answer, a.answer
    assert all("Previous score (2010)" in c.quote for c in a.citations), a.citations
    # this inspection's own: none is below 50%
    now = findings.ask("which criteria were below 50%?")
    assert not now.found and "41%" not in now.answer, now.answer


def test_a_threshold_at_the_previous_inspection_of_a_first_inspection_is_not_found(
    tmp_path_factory,
):
    f = make_findings(tmp_path_factory.mktemp("first") / "store", reports=[WESSEX])
    a = f.ask("which criteria were below 50% at the previous inspection?")
    assert not a.found, a.answer
    assert "49%" not in a.answer, a.answer

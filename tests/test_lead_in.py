"""A lead-in of purpose or greeting before the question ("for the improvement plan, ...") is
dropped before the question is read (assistant/answers/lead_in.py, lead_in.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
from answer_fakes import make_findings

from assistant.answers.lead_in import without_lead_in
from ingest.text.resources import load_yaml

_DATA = load_yaml("assistant.answers", "lead_in.yaml")
COLD_ASHBY = (
    Path(__file__).resolve().parent / "data" / "formats" / "ratings-mutated-cold-ashby-2023.txt"
)


@pytest.mark.parametrize(("question", "expected"), [tuple(e) for e in _DATA["examples"]])
def test_a_lead_in_is_dropped(question, expected):
    assert without_lead_in(question) == expected


@pytest.mark.parametrize("question", _DATA["not"])
def test_a_lead_in_that_names_what_is_asked_or_leaves_too_little_stays(question):
    assert without_lead_in(question) == question


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("lead-in") / "store", reports=[COLD_ASHBY])


def test_the_words_of_a_purpose_are_not_read_as_what_is_asked(findings):
    # "improvement plan" is no band and no planning standard
    a = findings.ask("for the improvement plan, list every standard rated below good")
    assert a.found, a.answer
    assert "2.2 Planning" in a.answer and "3.3 Implementation and delivery" in a.answer, a.answer
    assert "Outstanding" not in a.answer, a.answer


def test_a_check_asked_as_double_checking_is_checked(findings):
    a = findings.ask("double-checking: Cold Ashby got Outstanding for governance and leadership")
    assert a.found and a.answer.startswith("Yes"), a.answer

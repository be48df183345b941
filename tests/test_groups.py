"""A question about one group of children ("girls", "children in care") is answered only by a
unit that names the group: every child's rate is no answer for girls."""

from __future__ import annotations

import pytest

from assistant.answers.citations import Citation
from assistant.answers.compose import Answer
from assistant.answers.groups import asked_groups, checked_groups
from ingest.text.resources import load_yaml

DATA = load_yaml("assistant.answers", "groups.yaml")


@pytest.mark.parametrize("question", DATA["examples"])
def test_examples_name_a_group(question):
    assert asked_groups(question)


@pytest.mark.parametrize("question", DATA["not"])
def test_counterexamples_name_none(question):
    assert asked_groups(question) == []


def _answer(quote: str) -> Answer:
    cite = Citation("northam-2020", "context", "Area", quote)
    return Answer(f"{quote} [1]", True, [cite], passages=[quote])


def test_a_rate_of_every_child_is_no_answer_for_girls():
    answer = checked_groups(_answer("The reoffending rate was 41%."), "reoffending rate for girls?")
    assert not answer.found
    assert answer.citations == []
    assert answer.related and "41%" in answer.related[0].quote


def test_a_unit_that_names_the_group_answers():
    quote = "Girls reoffended at a rate of 22%."
    answer = checked_groups(_answer(quote), "what was the reoffending rate for girls?")
    assert answer.found and answer.citations[0].quote == quote


def test_a_group_written_otherwise_in_the_report_counts():
    quote = "Nine of the children were looked after by the local authority."
    assert checked_groups(_answer(quote), "how many were in care?").found
    assert checked_groups(_answer(quote), "how many were looked-after?").found
    assert checked_groups(_answer(quote), "how many girls were in care?").found is False


def test_a_report_about_the_group_answers_for_it_throughout():
    from ingest.model import Report

    report = Report("journey-2019", "Journey", "Children leaving custody", "text")
    quote = "Accommodation was confirmed for 27 of the 48 children."
    cite = Citation("journey-2019", "body", "What we found", quote)
    answer = Answer(f"{quote} [1]", True, [cite], passages=[quote])
    question = "what did the inspection of custody leavers find?"
    assert checked_groups(answer, question).found is False
    assert checked_groups(answer, question, [report]).found

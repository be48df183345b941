"""The answer-type check: a question that asks for a number, date, place, person, count or
definition is found only when a cited unit holds one; otherwise its passages are related."""

from __future__ import annotations

import pytest

from assistant.answers.answer_type import TYPES, checked, holds
from assistant.answers.citations import Citation
from assistant.answers.compose import Answer
from assistant.answers.intent import Intent


@pytest.mark.parametrize("name", sorted(TYPES))
def test_each_type_matches_its_examples(name):
    cue = TYPES[name]
    assert cue.examples
    for text in cue.examples:
        assert cue.pattern.search(text), (name, text)
    for text in cue.counterexamples:
        assert not cue.pattern.search(text), (name, text)


def _answer(*quotes: tuple[str, str]) -> Answer:
    cites = [Citation("northam-2010", section, "Heading", quote) for section, quote in quotes]
    return Answer("text", True, cites, route="fallback", passages=[q for _, q in quotes])


def _intent(asks: str | None) -> Intent:
    return Intent(route="fallback", question="q", asks=asks)


def test_an_answer_holding_what_is_asked_stays_found():
    answer = _answer(("inspection-data", "Fieldwork was undertaken in May 2010."))
    assert checked(answer, _intent("date")) is answer


def test_passages_that_only_share_words_are_related_not_the_answer():
    answer = _answer(
        ("summary", "Inspection of youth justice services in Northam"),
        ("recommendations", "make sure every child has a plan"),
    )
    out = checked(answer, _intent("number"))
    assert not out.found and not out.citations
    assert [c.quote for c in out.related] == [c.quote for c in answer.citations]
    assert "related" in out.answer and out.to_dict()["related"]


def test_a_glossary_entry_names_no_person():
    entry = Citation("northam-2010", "glossary", "Glossary", "Screening Interview for Staff")
    assert not holds("person", entry, entry.quote)
    finding = Citation("northam-2010", "1.1", "1.1", "Inspectors spoke to case managers.")
    assert holds("person", finding, finding.quote)
    answer = _answer(("glossary", "Interview for Staff workers"))
    assert not checked(answer, _intent("person")).found


def test_questions_of_no_answer_type_are_left_alone():
    answer = _answer(("summary", "The board met."))
    assert checked(answer, _intent(None)) is answer
    assert checked(answer, None) is answer

"""Findings of a section, recommendations by owner or topic, summaries and lists of ratings,
asked in plain words of reports in the later formats (fictional fixtures), and questions
about what happened after an inspection, which only a report that states it can answer.
Every expected value was read from the fixture texts by hand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from answer_fakes import make_findings

from assistant.answers.kinds import load_kinds

DATA = Path(__file__).resolve().parent / "data"
FILES = {
    "kestrelford": DATA / "layouts" / "ratings-cells-kestrelford-2023.txt",
    "harrowfield": DATA / "formats" / "ratings-harrowfield-2021.txt",
    "eastmere": DATA / "formats" / "inspection-2012-eastmere-2014.txt",
    "thematic": DATA / "formats" / "general-thematic-resettlement-2019.txt",
    "westbury": DATA / "formats" / "general-improvement-plan-westbury-2023.txt",
}


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("lists") / "store", reports=list(FILES.values()))


def _text(answer) -> str:
    return " ".join(answer.answer.split())


def _quotes_in(answer, name: str) -> list[str]:
    text = FILES[name].read_text(encoding="utf-8")
    return [c.quote for c in answer.citations if c.quote in text]


@pytest.mark.parametrize(
    "question,report,expected,absent",
    [
        # a recommendation by what it asks for, with its owner
        (
            "who has to sort out somewhere to live for kids coming out of custody in Kestrelford?",
            "kestrelford",
            ["somewhere settled to live", "director of children's services"],
            ["suitable room"],
        ),
        # the strengths of the standard the question describes, not every standard's
        (
            "what did inspectors like about how the board runs things in Kestrelford?",
            "kestrelford",
            ["challenges partners who do not attend"],
            ["case management system is reliable"],
        ),
        # every rating, and only ratings (no key question's share of cases)
        (
            "list every rating Kestrelford got",
            "kestrelford",
            ["Reviewing Inadequate", "Resettlement policy and provision Requires improvement"],
            ["% of cases"],
        ),
        # the ratings of a domain named in other words: out-of-court is not court work
        (
            "what ratings did Harrowfield get for its out-of-court work?",
            "harrowfield",
            ["3.1 Assessment Outstanding", "3.4 Out-of-court disposal policy"],
            ["2.2 Planning"],
        ),
        # a 2012-2017 report's judgements of each area of work
        (
            "how was each area of work judged in Eastmere?",
            "eastmere",
            ["Protecting the public Unsatisfactory", "Governance and partnerships Poor"],
            [],
        ),
        # a judgement asked for with no area named, of a report with no overall judgement
        (
            "which judgement did Eastmere get for each area?",
            "eastmere",
            ["Work in courts Satisfactory", "Governance and partnerships Poor"],
            [],
        ),
        # the key findings of the area a question names by one of its words
        (
            "what worried the inspectors about Eastmere's governance?",
            "eastmere",
            ["did not receive information about the quality of work"],
            ["Breach action"],
        ),
        # a summary of a report with no headline scores: its judgements and the foreword
        (
            "what did inspectors conclude about Eastmere overall?",
            "eastmere",
            ["Protecting the public Unsatisfactory", "protected well enough"],
            [],
        ),
        # a thematic report named by its subtitle's words, summarised by what it found
        (
            "main takeaways from the resettlement thematic?",
            "thematic",
            ["27 of the 48"],
            [],
        ),
        # one standard's name in two domains: the domain the question names decides
        (
            "what were Harrowfield's strengths in out-of-court planning?",
            "harrowfield",
            ["Plans are agreed with the child and their parents"],
            ["language children can understand"],
        ),
        # a recommendation's owner named with the area: the area's words name no owner
        (
            "what has the director of children's services in Kestrelford been asked to do?",
            "kestrelford",
            ["suitable room", "somewhere settled to live"],
            ["reviews of court cases"],
        ),
        (
            "sum up Eastmere for me",
            "eastmere",
            ["Governance and partnerships Poor"],
            [],
        ),
        # what happened after an inspection, where a document states it
        (
            "has Westbury started the recommended actions yet?",
            "westbury",
            ["have started"],
            [],
        ),
    ],
)
def test_answered_from_the_right_part(findings, question, report, expected, absent):
    a = findings.ask(question)
    assert a.found, a.answer
    for value in expected:
        assert value in _text(a), (value, a.answer)
    for value in absent:
        assert value not in _text(a), (value, a.answer)
    assert _quotes_in(a, report), a.citations


@pytest.mark.parametrize(
    "question",
    [
        "has Kestrelford provided the room in the north of the county yet?",
        "did Harrowfield get a speech and language therapist in the end?",
        "has Eastmere produced its improvement plan since the inspection?",
    ],
)
def test_what_happened_after_the_inspection_is_not_found_in_the_report(findings, question):
    """The report says what should be done, not whether it was: found is false, and the
    passages that share its words are offered as related, never as the answer."""
    a = findings.ask(question)
    assert not a.found, a.answer
    assert a.citations == []


@pytest.mark.parametrize(
    "question,after",
    [
        ("has the post been filled yet?", True),
        ("has anything changed since the inspection?", True),
        ("has Northam been re-rated since?", True),
        ("did they recruit permanent managers in the end?", True),
        ("is there a manager in post now?", True),
        ("how has the safeguarding score changed since the last inspection?", False),
        ("has the score gone up since 2010?", False),
        ("what was the average score of the areas inspected so far?", False),
        ("was there a manager in post during the inspection?", False),
    ],
)
def test_words_of_time_after_the_inspection(question, after):
    assert bool(re.search(load_kinds().timing, question, re.I)) is after

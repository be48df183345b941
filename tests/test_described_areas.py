"""Areas of work named by what they do (assistant/answers/described_areas.yaml): the title
words a description adds are those of the loaded reports' own names, and only when the
question names no measure in full; the routes read them (findings of an area of a 2012-2017
report, a ratings standard, a core case criterion)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answers.described_areas import (
    described_names,
    describing_words,
    descriptions,
)
from assistant.answers.intent import catalog, name_tokens
from assistant.answers.routes.findings import answer_findings
from assistant.answers.routing import parse
from ingest.readers import read_report

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ROOT / "tests" / "data" / "formats"


def _report(name: str):
    return read_report((FORMATS / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def eastmere():
    return _report("inspection-2012-eastmere-2014.txt")


@pytest.fixture(scope="module")
def lowmoor():
    return _report("ratings-missing-standard-lowmoor-2021.txt")


def _titles(report):
    cat = catalog([report])
    return [*(n.tokens for n in cat.names), *cat.section_tokens.values()]


def test_every_entry_has_names_and_words():
    assert len(descriptions()) >= 8
    for d in descriptions():
        assert d.names and d.words


@pytest.mark.parametrize(
    ("question", "form"),
    [
        ("how did they get on keeping kids safe?", "protecting the child"),
        ("what went wrong with keeping the public safe?", "protecting the public"),
        ("anything good about their leadership?", "governance"),
        ("what did they do to stop children committing crime?", "reducing reoffending"),
        # protecting the children is the child's safety, not the public's
        ("what did they get for protecting kids?", "protecting the child"),
    ],
)
def test_a_description_adds_the_title_the_report_uses(eastmere, question, form):
    assert described_names(question, _titles(eastmere), name_tokens) == [form]


def test_the_other_formats_title_is_taken_when_the_first_is_not_held(lowmoor):
    # a ratings report has no "Protecting the public", and the workforce is its Staff standard
    assert described_names("keeping the public safe", _titles(lowmoor), name_tokens) == []
    assert described_names("how is the workforce?", _titles(lowmoor), name_tokens) == ["staff"]
    assert described_names("their diversion work", _titles(lowmoor), name_tokens) == [
        "out-of-court disposals"
    ]


def test_a_question_naming_a_measure_in_full_is_left_alone(eastmere, lowmoor):
    assert (
        described_names("protecting the public: keeping kids safe", _titles(eastmere), name_tokens)
        == []
    )
    assert described_names("planning to keep the child safe", _titles(lowmoor), name_tokens) == []


def test_an_idiom_is_no_description(eastmere):
    titles = _titles(eastmere)
    assert described_names("its judgements across the board", titles, name_tokens) == []
    assert described_names("what did the management board miss?", titles, name_tokens) == [
        "governance"
    ]


def test_context_words_and_stop_words_count(eastmere):
    # "safe" alone is no one's safety; "how well" is not well-being; "other people" are others
    titles = _titles(eastmere)
    assert described_names("is the building safe?", titles, name_tokens) == []
    assert described_names("how well did they do?", titles, name_tokens) == []
    assert described_names("keeping other people safe", titles, name_tokens) == [
        "protecting the public"
    ]


def test_the_describing_words_are_the_questions_own(eastmere):
    words = describing_words(
        "how did they get on keeping young people safe?", _titles(eastmere), name_tokens
    )
    assert words == ["young", "people", "safe"]


def test_a_post_that_owns_recommendations_is_read_but_not_masked(eastmere):
    titles = _titles(eastmere)
    asked = "what's the first thing the management board has to do?"
    assert describing_words(asked, titles, name_tokens) == []
    assert describing_words("how strong was their leadership?", titles, name_tokens) == [
        "leadership"
    ]


def test_a_quantity_asked_of_the_staff_describes_no_area(lowmoor):
    titles = _titles(lowmoor)
    assert describing_words("how is the workforce?", titles, name_tokens) == ["workforce"]
    asked = "which team had the biggest caseloads?"
    assert describing_words(asked, titles, name_tokens) == []


def test_findings_of_an_area_named_by_description(eastmere):
    intent = parse("what went badly with keeping the public safe?", [eastmere], set())
    assert intent.route == "findings"
    found = answer_findings(intent, [eastmere])
    assert found.found
    assert "Protecting the public" in found.answer
    assert "Work in courts" not in found.answer


def test_a_ratings_standard_named_by_description(lowmoor):
    intent = parse("what was good about the workforce?", [lowmoor], set())
    assert intent.route == "findings"
    assert [t.key for t in intent.targets] == ["1.2"]


def test_an_area_described_in_a_how_did_they_get_on_question_is_no_summary():
    # a core case report scores Safeguarding as a headline: described, it is asked about
    northbridge = _report("core-reinspection-northbridge-2011.txt")
    described = parse("how did they get on keeping young people safe?", [northbridge], set())
    assert described.route == "findings"
    assert [t.key for t in described.targets] == ["1.3"]
    assert parse("how did they get on?", [northbridge], set()).route == "summary"


def test_each_loaded_report_gets_its_own_form(eastmere):
    # one report calls the child's safety "Protecting the child", another "Safeguarding": a
    # question across both reads each; one report alone takes only its first form held
    core = _report("core-reinspection-northbridge-2011.txt")
    both = [_titles(eastmere), _titles(core)]
    names = [n for group in both for n in group]
    question = "what went wrong with keeping kids safe?"
    assert described_names(question, names, name_tokens) == ["protecting the child"]
    assert described_names(question, names, name_tokens, both) == [
        "protecting the child",
        "safeguarding",
    ]
    intent = parse(question, [eastmere, core], set())
    assert intent.route == "findings"
    assert ("1.3", "safeguard") in [(t.key, t.name) for t in intent.targets]

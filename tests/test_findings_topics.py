"""Findings asked with no criterion named: the criterion a question names by what it covers,
and an area-of-work report's findings picked by the topic words they hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answers.intent import FindingKind, Intent, kind_asked
from assistant.answers.passages import content_words
from assistant.answers.registry import Route
from assistant.answers.routes.findings import answer_findings
from ingest.readers import read_report
from ingest.text.tokens import stems

GREYHAVEN = Path(__file__).parent / "data" / "layouts" / "full-joint-greyhaven-2016.txt"


def _ask(question: str, report, corpus=None):
    intent = Intent(route=Route.FINDINGS, question=question)
    intent.kind = kind_asked(question) or FindingKind.BOTH
    return answer_findings(intent, [report], content_words(question), corpus)


@pytest.fixture(scope="module")
def greyhaven():
    return read_report(GREYHAVEN.read_text(encoding="utf-8"), source_path=str(GREYHAVEN))


def test_a_criterion_named_by_what_its_general_criterion_covers(fictional_report):
    # "vulnerability assessments": 1.3 Safeguarding assesses vulnerability; 1.1 and 1.2 assess
    # other things, 2.3 reduces vulnerability but assesses nothing
    a = _ask("what was lacking in their vulnerability assessments?", fictional_report)
    assert a.found
    assert {c.section for c in a.citations} == {"1.3"}, a.answer
    assert "58%" in a.answer  # an area for improvement of 1.3 not naming vulnerability


def test_one_topic_word_still_picks_items_wherever_they_stand(fictional_report):
    a = _ask("what concerns were raised about MAPPA?", fictional_report)
    assert a.found and "MAPPA level had not been recorded" in a.answer


def test_area_of_work_findings_picked_by_their_words(greyhaven):
    a = _ask("shortcomings of the board?", greyhaven)
    assert a.found and "different person" in a.answer
    assert "late in ten of the 24 cases" not in a.answer


def test_a_question_asking_no_finding_gets_none(greyhaven):
    assert not _ask("which workers did they speak to, by name?", greyhaven).found


def test_a_topic_word_another_report_uses_is_not_dropped(greyhaven):
    question = "what did inspectors find about victim safety?"
    # read alone, "safety" is no word of this report's findings and "victim" picks a finding;
    # among reports that speak of safety it must match too, and no finding here has both
    assert _ask(question, greyhaven).found
    assert not _ask(question, greyhaven, corpus=set(stems("victim safety"))).found


def test_an_area_of_work_report_asked_for_its_weaknesses_names_every_area(greyhaven):
    # no area named and no topic: each area's key findings, under its name and judgement
    a = _ask("what were their weaknesses?", greyhaven)
    assert a.found
    for area in ("Reducing reoffending", "Protecting the public", "Governance and partnerships"):
        assert area in a.answer
    assert "late in ten of the 24 cases" in a.answer
    # a question asking for no finding is not answered with them
    assert not _ask("which workers did they speak to?", greyhaven).found

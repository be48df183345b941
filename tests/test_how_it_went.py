"""How an area of work went, asked of a report that judges its areas with key findings: the
judgement with the key findings, unless the question asks for the value itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answers.how_it_went import how_it_went
from assistant.answers.intent import Intent, Target
from assistant.answers.registry import Route
from assistant.answers.routes.findings import add_area_findings
from ingest.model import Role
from ingest.readers import read_report

EASTMERE = Path(__file__).parent / "data" / "formats" / "inspection-2012-eastmere-2014.txt"


@pytest.fixture(scope="module")
def eastmere():
    return read_report(EASTMERE.read_text(encoding="utf-8"), str(EASTMERE))


def _went(question: str, targets, reports):
    intent = Intent(route=Route.SCORE, question=question)
    intent.targets = targets
    return how_it_went(intent, reports, add_area_findings)


def _courts(report) -> Target:
    (section,) = [s for s in report.sections if "courts" in s.name.lower()]
    return Target(Role.OVERALL, str(section.number))


def test_how_an_area_went_is_its_judgement_with_its_key_findings(eastmere):
    a = _went("how was Eastmere doing on its work in courts?", [_courts(eastmere)], [eastmere])
    assert a is not None and a.found
    assert "Satisfactory" in a.answer
    assert "Pre-sentence reports were of good quality" in a.answer
    assert "did not always match" in a.answer


def test_the_value_asked_for_keeps_the_score_answer(eastmere):
    assert (
        _went(
            "what judgement did Eastmere get for its work in courts?",
            [_courts(eastmere)],
            [eastmere],
        )
        is None
    )
    assert (
        _went("how did Eastmere do, rating-wise, in courts?", [_courts(eastmere)], [eastmere])
        is None
    )


def test_a_measure_without_key_findings_keeps_the_score_answer(fictional_report):
    # a core case report's sections hold criteria, not key findings
    target = Target(Role.OVERALL, "1")
    assert (
        _went("how did they do on assessment and sentence planning?", [target], [fictional_report])
        is None
    )


def _by_topic(question: str, report):
    from assistant.answers.intent import FindingKind
    from assistant.answers.passages import content_words
    from assistant.answers.plain_words import in_report_words
    from assistant.answers.routes.findings import answer_findings

    asking = Intent(route=Route.FINDINGS, question=question, kind=FindingKind.BOTH)
    topic = in_report_words(content_words(question))
    return lambda: answer_findings(asking, [report], topic, None, asked=True)


def test_how_something_no_measure_names_went_is_read_from_the_findings(fictional_report):
    question = "how did young people moving on to adult services fare?"
    a = _went_by_topic(question, fictional_report)
    assert a is not None and a.found
    assert "transition to adult services" in a.answer


def test_a_value_or_no_how_it_went_cue_keeps_the_score_answer(fictional_report):
    for question in (
        "what proportion of cases were on a referral order?",  # asks a value
        "adult services?",  # asks nothing of how it went
    ):
        assert _went_by_topic(question, fictional_report) is None, question


def _went_by_topic(question: str, report):
    intent = Intent(route=Route.SCORE, question=question)
    return how_it_went(intent, [report], add_area_findings, _by_topic(question, report))


def test_an_area_of_work_report_answers_by_topic_when_findings_are_known_to_be_asked(eastmere):
    # "were children helped with alcohol?" has no cue asking findings: routed to findings by
    # its nearest examples, the route says findings are asked, and the topic picks them
    from assistant.answers.intent import FindingKind
    from assistant.answers.routes.findings import answer_findings
    from ingest.text.tokens import stems

    question = "were children helped with alcohol?"
    intent = Intent(route=Route.FINDINGS, question=question, kind=FindingKind.BOTH)
    topic = stems("alcohol")
    assert not answer_findings(intent, [eastmere], topic).found
    a = answer_findings(intent, [eastmere], topic, asked=True)
    assert a.found and "use of alcohol" in a.answer

"""A summary cue with a topic the findings hold ("what did inspectors think of the home
visits?") asks for the findings of that topic, not for the report in brief."""

from __future__ import annotations

from assistant.answers.registry import Route
from assistant.answers.routing import parse
from ingest.text.tokens import stems


def _route(question: str, report) -> Route:
    return parse(question, [report], set(stems(report.text))).route


def test_a_topic_the_findings_hold_is_asked_of_the_findings(fictional_report):
    assert _route("what did inspectors think of the home visits?", fictional_report) == (
        Route.FINDINGS
    )


def test_the_report_in_brief_is_still_a_summary(fictional_report):
    for question in (
        "what did inspectors think of Wessex Vale?",
        "Wessex Vale in a sentence?",
        # "the management board" is who the summary is for: the findings do not name a board
        "main points from the Wessex Vale report for the management board",
    ):
        assert _route(question, fictional_report) == Route.SUMMARY, question

"""A year in a question: a year the named area's own facts are dated by qualifies a fact of the
loaded report; any other year asks for a report of that area that is not loaded."""

from __future__ import annotations

from assistant.answers.intent import find_reports
from ingest.model import Paragraph, Report, Source

_FACT = "The team supervised 80 children on court orders during 2015."


def _report() -> Report:
    text = "Northam\n" + _FACT + "\n"
    return Report(
        id="northam-2016",
        area="Northam",
        title="An inspection of youth offending work in Northam",
        text=text,
        year=2016,
        context=[Paragraph(_FACT, Source("context", "About Northam", _FACT, text.index(_FACT)))],
    )


def test_a_year_the_areas_facts_are_dated_by_keeps_the_report():
    ids, unknown = find_reports("how many children did Northam supervise in 2015?", [_report()])
    assert ids == ["northam-2016"] and unknown == []


def test_another_year_asks_for_a_report_not_loaded():
    ids, unknown = find_reports("what was Northam's reoffending rate in 2019?", [_report()])
    assert ids == [] and unknown == ["Northam 2019"]

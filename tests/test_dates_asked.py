"""Dates as the report prints them, and questions about what comes after a report."""

from __future__ import annotations

from assistant.answers.dates import answer_dates, asks_date, publication_date
from assistant.answers.intent import FindingKind, kind_asked
from ingest.model import Report


def _report(text: str, published: str) -> Report:
    return Report(id="northam-2023", area="Northam", title="t", text=text, published=published)


def test_the_publication_date_keeps_the_day_the_report_prints():
    report = _report("Inspection of Northam\nPublished 14 September 2023\n", "September 2023")
    dated = publication_date(report)
    assert dated is not None and dated.when == "14 September 2023"
    assert dated.citation.quote == "14 September 2023"
    answer = answer_dates("when did the report come out?", [report], "context")
    assert answer is not None and "14 September 2023" in answer.answer
    # a report that prints no day keeps its month
    plain = _report("Inspection of Northam\nJune 2009\n", "June 2009")
    assert publication_date(plain).when == "June 2009"


def test_a_question_about_after_the_report_asks_no_date_it_states():
    assert asks_date("when was the fieldwork in Northam?")
    for q in ("when are inspectors going back to Northam?", "when is the next inspection?"):
        assert not asks_date(q), q


def test_whether_something_was_done_well_asks_for_both_sides():
    assert kind_asked("were risk management plans done well?") == FindingKind.BOTH
    assert kind_asked("what did the YOT do well?") == FindingKind.STRENGTH


def test_a_question_for_the_fieldwork_is_not_answered_by_the_publication_date():
    report = _report("Inspection of Northam\nPublished 14 September 2023\n", "September 2023")
    assert answer_dates("what date did the fieldwork start?", [report], "context") is None
    assert answer_dates("when were the inspectors on site?", [report], "context") is None
    # asked when the inspection was, the report's own date is the one it gives
    answer = answer_dates("when was the Northam inspection?", [report], "context")
    assert answer is not None and "published" in answer.answer
    fielded = _report("Fieldwork was undertaken in June 2023.\nPublished 14 September 2023\n", "")
    answer = answer_dates("what date did the fieldwork start?", [fielded], "context")
    assert answer is not None and "June 2023" in answer.answer

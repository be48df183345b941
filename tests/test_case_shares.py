"""Shares of cases stated in a core case report's prose (assistant/answers/case_shares.py)."""

from __future__ import annotations

from pathlib import Path

from assistant.answers.case_shares import best_shares, stated_shares
from assistant.answers.routing import parse
from ingest.readers import read_report

NORTHBRIDGE = Path(__file__).parent / "data" / "formats" / "core-reinspection-northbridge-2011.txt"


def _report():
    return read_report(NORTHBRIDGE.read_text())


def test_every_stated_share_quotes_the_report_exactly():
    report = _report()
    shares = stated_shares(report)
    assert shares
    for s in shares:
        assert s.citation.quote in report.text
    # a share in figures, and one in words
    sentences = [s.sentence for s in shares]
    assert "Plans had been reviewed at the required intervals in only 58% of cases." in sentences
    assert any("only two of the six cases" in s for s in sentences)


def test_a_share_in_words_answers_what_it_is_a_share_of():
    report = _report()
    best = best_shares("what share of risk management plans were of sufficient quality?", report)
    assert [s.sentence for s in best] == [
        "Risk management plans were of sufficient quality in only two of the six cases that "
        "needed one."
    ]


def test_the_sentence_that_fits_the_question_best_answers_it():
    report = _report()
    best = best_shares("how often had plans been reviewed at the required intervals?", report)
    assert [s.sentence for s in best] == [
        "Plans had been reviewed at the required intervals in only 58% of cases."
    ]
    assert best[0].where.startswith("1.2")
    # a share the report states nowhere is no answer
    assert best_shares("what percentage of cases were girls?", report) == []


def test_a_sentence_sharing_only_a_few_of_the_words_asked_is_no_answer():
    report = _report()
    # "plans" and "cases" alone: what was asked of them (visits at home) is in no sentence
    assert best_shares("how many plans did staff check at home visits in cases?", report) == []
    # the report's own area is no word the sentence must say
    best = best_shares("how often had Northbridge plans been reviewed on time?", report)
    assert [s.sentence for s in best] == [
        "Plans had been reviewed at the required intervals in only 58% of cases."
    ]


def test_a_share_of_cases_question_of_a_core_case_report_is_a_share_route():
    report = _report()
    assert parse("how often had plans been reviewed on time?", [report], set()).route == "share"
    assert parse("what percentage of cases were girls?", [report], set()).route != "share"


def test_the_cases_a_share_is_of_are_not_what_it_says_of_them():
    wessex = read_report((Path(__file__).parent / "data" / "wessex-vale-yot-2011.txt").read_text())
    # "in 90% of community cases": the share of community cases that had ETE work, not the
    # share of young people in the community
    assert best_shares("what share of young people were in the community?", wessex) == []
    best = best_shares("how often did staff work with ETE staff in community cases?", wessex)
    assert best and "90% of community cases" in best[0].sentence

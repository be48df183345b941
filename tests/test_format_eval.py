"""The per-format table (assistant/format_eval.py): its data file names real fixtures with
questions and claims, and one format's row counts what the reader found and scores its
questions (the rest of the table is benchmarks/formats_table.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from answer_fakes import make_findings

from assistant.format_eval import COUNTS, count_report, evaluate_case, load_cases, table_rows
from ingest.readers import read_report

CASES = {c.name: c for c in load_cases()}


def test_every_format_has_a_file_and_a_handful_of_rows():
    assert {
        "core case",
        "reinspection",
        "comparison",
        "2012-2017",
        "ratings",
        "ratings markdown",
        "missing standard",
        "general thematic",
        "general plan",
    } <= set(CASES)
    for case in CASES.values():
        assert case.file.is_file(), case.file
        assert len(case.questions) >= 3 and len(case.claims) >= 2, case.name
        assert all(c.verdict in ("supported", "contradicted", "unverifiable") for c in case.claims)
        assert all(q.must or not q.found for q in case.questions), case.name


def test_counts_of_the_missing_standard_report():
    """Counted by hand from the fixture: 11 standards (3.3 is missing) and the overall rating,
    points 15/33, three key questions under each of 2.1-2.4 and 3.1-3.2, four
    recommendations each under its owner, four glossary terms."""
    report = read_report(CASES["missing standard"].file.read_text(encoding="utf-8"))
    counts = count_report(report)
    assert counts == {
        "measures": 31,
        "ratings": 12,
        "points": 1,
        "key questions": 18,
        "findings": 27,
        "recommendations": 4,
        "with owner": 4,
        "facts": 7,
        "glossary": 4,
    }
    assert list(counts) == list(COUNTS)


def _maker(store: Path, files: list[Path]):
    return make_findings(store, reports=files)


def test_one_format_row(tmp_path):
    case = CASES["ratings markdown"]
    result = evaluate_case(case, _maker)
    assert result.format == "ratings"
    assert result.counts["ratings"] == 13 and result.counts["key questions"] == 2
    assert result.counts["points"] == 1 and result.counts["with owner"] == 3
    rows = [*case.questions, *case.claims]
    held = sum(r.held_out for r in rows)
    assert held >= 2 and (result.total, result.held_total) == (len(rows) - held, held)
    assert result.right == result.total, result.misses
    header, row = table_rows([result])
    assert header[-2:] == ["right", "held out"] and row[0] == "ratings markdown"
    assert row[-2] == f"{result.total}/{result.total}"
    assert row[-1] == f"{result.held_right}/{held}"


def test_a_wrong_expectation_is_counted_as_a_miss(tmp_path):
    case = CASES["general plan"]
    tuned = [c for c in case.claims if not c.held_out]
    assert tuned[0].verdict == "supported"
    wrong_claim = type(tuned[0])(tuned[0].claim, "contradicted")
    wrong = type(case)(case.name, case.file, case.questions[:1], [wrong_claim])
    result = evaluate_case(wrong, _maker)
    assert (result.right, result.total, result.held_total) == (1, 2, 0)
    assert result.misses and "supported, not contradicted" in result.misses[0]


@pytest.mark.parametrize("name", ["ratings", "2012-2017"])
def test_counts_follow_the_reader(name):
    report = read_report(CASES[name].file.read_text(encoding="utf-8"))
    counts = count_report(report)
    assert counts["ratings"] == sum(1 for s in report.all_scores() if s.rating)
    assert counts["with owner"] == counts["recommendations"] > 0

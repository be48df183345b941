"""Questions and claims over the reports of every format (tests/formats_table.py): the answer
says what it must (a rating as its word, points as "17/36", never a rating as a percentage),
every citation quotes its report verbatim, and each claim gets its verdict with evidence
quoted from the report it is about."""

from __future__ import annotations

from pathlib import Path

import pytest
from answer_fakes import make_findings
from formats_table import CLAIMS, QUESTIONS

from assistant.claims import check_claim

FORMATS = Path(__file__).resolve().parent / "data" / "formats"
# The mutated Wessex Vale copy has the same report id as the original: one of the two.
FILES = [p for p in sorted(FORMATS.glob("*.txt")) if "core-comparison-mutated" not in p.name]


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("formats") / "store", reports=FILES)


@pytest.fixture(scope="module")
def texts(findings):
    return {r.id: r.text for r in findings.reports()}


def _question_id(row) -> str:
    return f"{row[0]}:{row[1]}:{row[2]}"


@pytest.mark.parametrize("row", QUESTIONS, ids=_question_id)
def test_question_over_every_format(findings, texts, row):
    _, _, question, must, must_not, found = row
    a = findings.ask(question)
    said = a.answer.lower()
    assert a.found is found, a.answer
    for m in must:
        assert m.lower() in said, a.answer
    for m in must_not:
        assert m.lower() not in said, a.answer
    if found:
        assert a.citations, a.answer
    for c in a.citations:
        assert c.quote and c.quote in texts[c.report], c


@pytest.mark.parametrize("row", CLAIMS, ids=_question_id)
def test_claim_over_every_format(findings, texts, row):
    _, _, claim, verdict, report = row
    result = check_claim(claim, findings.reports())
    assert result.verdict == verdict, result.explanation
    assert result.explanation
    if verdict != "unverifiable":
        assert result.evidence, result.explanation
        if report is not None:
            assert any(e.report == report for e in result.evidence), result.evidence
    for e in result.evidence:
        assert e.quote in texts[e.report], e


def test_a_contradicted_rating_quotes_the_stored_rating(findings):
    result = check_claim("Harrowfield was rated Good overall.", findings.reports())
    assert result.verdict == "contradicted"
    assert "Requires improvement" in result.explanation
    assert any("Requires improvement" in e.quote for e in result.evidence)


def test_a_rating_is_never_printed_as_a_percentage(findings):
    a = findings.ask("What was Harrowfield rated overall?")
    assert "Requires improvement" in a.answer and "3%" not in a.answer
    a = findings.ask("What was Harrowfield's points score?")
    assert "17/36" in a.answer and "17%" not in a.answer


def test_a_rating_and_a_percentage_are_not_compared(findings):
    result = check_claim("Harrowfield's overall rating was 17%.", findings.reports())
    assert result.verdict == "unverifiable" and "percentage" in result.explanation
    result = check_claim(
        "Northbridge and Moorvale's safeguarding was rated Good.", findings.reports()
    )
    assert result.verdict == "unverifiable" and "percentage" in result.explanation
    # a standard rated with a word, claimed with a figure: never contradicted by its rank
    result = check_claim("Harrowfield scored 80% on its staff.", findings.reports())
    assert result.verdict == "unverifiable" and "Good" in result.explanation
    assert "2%" not in result.explanation


def test_a_markdown_table_row_is_cited_with_its_value(findings):
    """A key question in a Markdown table row: the quote runs past the `|` to the share."""
    a = findings.ask("What share of Penmarrow cases had assessment that kept other people safe?")
    assert a.found and "31%" in a.answer
    (cited,) = [c for c in a.citations if c.report == "penmarrow-2024"]
    assert cited.quote.startswith("Does assessment sufficiently analyse")
    assert cited.quote.endswith("| 31%")
    result = check_claim(
        "In Penmarrow, 40% of cases had assessment that analysed how to keep other people safe.",
        findings.reports(),
    )
    assert result.verdict == "contradicted"
    assert any(e.quote.endswith("| 31%") for e in result.evidence), result.evidence


def test_a_key_question_found_by_retrieval_is_quoted_with_its_share(findings, texts):
    """Retrieval picks sentences out of passages, but a measure's quote is one unit: the key
    question "... safe? 69%" is not cut at its question mark, away from its share."""
    a = findings.ask("Does assessment in Harrowfield analyse how to keep other people safe?")
    assert a.found and "69%" in a.answer
    key_questions = [c for c in a.citations if c.heading.endswith("key questions")]
    assert key_questions, a.citations
    for c in key_questions:
        assert c.quote in texts[c.report]
        assert c.quote.rstrip().endswith("%"), c.quote

"""A ratings-format report laid out unlike the other fixtures (tests/data/layouts/): the table's
cells each on a line of their own ("Overall rating" then "Good"), a resettlement domain judged
only through its standard, "Term: definition" glossary lines with no blank line between them
and a "Background" section of contextual facts. Every value was read from the text by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from answer_fakes import make_findings

from assistant.claims import check_claim
from ingest.model import ReportFormat, Role, Unit
from ingest.readers import read_report

FILE = Path(__file__).resolve().parent / "data" / "layouts" / "ratings-cells-kestrelford-2023.txt"


@pytest.fixture(scope="module")
def report():
    return read_report(FILE.read_text(encoding="utf-8"), str(FILE))


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("layouts") / "store", reports=[FILE])


def test_read_as_a_ratings_report_with_nothing_missing(report):
    assert report.format == ReportFormat.RATINGS
    assert report.missing == []


def test_overall_rating_from_a_label_and_its_cell_on_the_next_line(report):
    overall = next(s for s in report.headline_scores if s.key == "overall")
    assert (overall.unit, overall.rating) == (Unit.RATING, "Good")
    assert overall.source.quote in report.text and "Good" in overall.source.quote
    points = next(s for s in report.headline_scores if s.unit == Unit.POINTS)
    assert (points.value, points.maximum) == (26, 39)


def test_every_standard_rated_with_the_resettlement_one(report):
    ratings = {c.number: c.score.rating for c in report.criteria}
    assert ratings == {
        "1.1": "Outstanding",
        "1.2": "Good",
        "1.3": "Good",
        "1.4": "Requires improvement",
        "2.1": "Good",
        "2.2": "Requires improvement",
        "2.3": "Good",
        "2.4": "Inadequate",
        "3.1": "Good",
        "3.2": "Good",
        "3.3": "Outstanding",
        "3.4": "Good",
        "4.1": "Requires improvement",
    }
    shares = sorted(s.value for s in report.measures if s.kind == Role.KEY_QUESTION)
    assert shares == [27, 39, 44, 58, 74, 81, 93]


def test_colon_glossary_lines_without_blank_lines_between(report):
    got = {g.term: g.definition for g in report.glossary}
    assert set(got) == {"Desistance", "Out-of-court disposal"}
    assert got["Out-of-court disposal"].endswith("agreed by the police and the YJS.")
    for g in report.glossary:
        assert g.source.quote in report.text


def test_background_is_read_as_context(report):
    quotes = " ".join(p.text for p in report.context)
    assert "212 children" in quotes and "29.4%" in quotes


@pytest.mark.parametrize(
    "question,expected",
    [
        ("How was resettlement rated?", "4.1 Resettlement policy and provision: Requires"),
        ("What was Kestrelford's overall rating?", "Good"),
        ("What does desistance mean?", "stops offending"),
        ("What was the reoffending rate?", "29.4%"),
    ],
)
def test_questions(findings, question, expected):
    a = findings.ask(question)
    assert a.found, a.answer
    assert expected in " ".join(a.answer.split()), a.answer
    text = FILE.read_text(encoding="utf-8")
    assert all(c.quote.replace("...", "") in text or c.quote in text for c in a.citations)


@pytest.mark.parametrize(
    "claim,verdict",
    [
        ("Kestrelford was rated Outstanding overall.", "contradicted"),
        ("Kestrelford scored 26 out of 39.", "supported"),
        ("Resettlement was rated Good.", "contradicted"),
        ("The reoffending rate in Kestrelford was 31.2%.", "contradicted"),
        (
            "Two of the five recommendations were for the director of children's services.",
            "supported",
        ),
    ],
)
def test_claims(findings, claim, verdict):
    result = check_claim(claim, findings.reports())
    assert result.verdict == verdict, result

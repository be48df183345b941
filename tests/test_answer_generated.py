"""Generated from the parsed reports themselves (all five, loaded together): every glossary term
is answered with its own report's definition, cited to that glossary; every score is answered
with its own value and band, cited to its own section. Nothing here is written per report."""

from __future__ import annotations

from pathlib import Path

import pytest
from answer_fakes import make_findings

from ingest.parse import parse_report

ROOT = Path(__file__).resolve().parent.parent
FILES = [
    ROOT / "data" / "reports" / "sefton-yot-2009.txt",
    ROOT / "tests" / "data" / "wessex-vale-yot-2011.txt",
    *sorted((ROOT / "tests" / "data" / "variants").glob("*.txt")),
]
REPORTS = [parse_report(p.read_text(encoding="utf-8"), source_path=str(p)) for p in FILES]


def short_name(report) -> str:
    """How people shorten an area: its longest word no other report's area uses
    ("Stockbridge" for Stockbridge-on-Wear, "Ashdown" for Vale of Ashdown)."""
    others = {
        w.lower() for r in REPORTS if r.id != report.id for w in r.area.replace("-", " ").split()
    }
    own = [w for w in report.area.replace("-", " ").split() if w.lower() not in others]
    return max(own, key=len)


def _named(report, how: str) -> str:
    return {"full": report.area, "short": short_name(report), "lower": report.area.lower()}[how]


GLOSSARY = [
    pytest.param(r, e, how, id=f"{r.id}:{e.terms[0]}:{how}")
    for r in REPORTS
    for e in r.glossary
    for how in ("full", "short")
]
CRITERIA = [pytest.param(r, c, id=f"{r.id}:{c.number}") for r in REPORTS for c in r.criteria]
CRITERIA_NAMED = [
    pytest.param(r, c, how, id=f"{r.id}:{c.number}:{how}")
    for r in REPORTS
    for c in r.criteria
    for how in ("full", "short", "lower")
]
HEADLINES = [pytest.param(r, s, id=f"{r.id}:{s.key}") for r in REPORTS for s in r.headline_scores]
OVERALL = [
    pytest.param(r, s, id=f"{r.id}:overall-{s.number}")
    for r in REPORTS
    for s in r.sections
    if s.overall
]


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("generated") / "store", reports=FILES)


def test_the_corpus_is_all_five_reports(findings):
    assert len(REPORTS) == 5 and len({r.id for r in REPORTS}) == 5
    assert {r.id for r in findings.reports()} == {r.id for r in REPORTS}
    assert len(GLOSSARY) >= 120 and len(CRITERIA) >= 40
    shorts = [short_name(r) for r in REPORTS]
    assert len(set(shorts)) == 5 and all(n in r.area for n, r in zip(shorts, REPORTS, strict=True))


def _cites(answer, report_id: str, section: str, quote: str) -> bool:
    return any(
        c.report == report_id and c.section == section and c.quote == quote
        for c in answer.citations
    )


@pytest.mark.parametrize(("report", "entry", "how"), GLOSSARY)
def test_every_glossary_term_is_defined_from_its_own_glossary(findings, report, entry, how):
    a = findings.ask(f"what does {entry.terms[0]} mean in {_named(report, how)}?")
    assert a.found and a.route == "glossary", a.answer
    assert entry.definition.strip() in a.answer, a.answer
    assert _cites(a, report.id, "glossary", entry.source.quote), a.citations
    assert entry.source.quote in report.text


@pytest.mark.parametrize(("report", "criterion", "how"), CRITERIA_NAMED)
def test_every_criterion_score_is_answered_by_number(findings, report, criterion, how):
    s = criterion.score
    a = findings.ask(f"what did {criterion.number} score in {_named(report, how)}?")
    assert a.found and a.route == "score", a.answer
    assert f"{s.value}%" in a.answer and s.band in a.answer, a.answer
    assert criterion.name in a.answer  # the report's own name for its own number
    assert _cites(a, report.id, criterion.number, s.source.quote), a.citations
    # Only this report's score is given.
    assert {c.report for c in a.citations} == {report.id}


@pytest.mark.parametrize(("report", "score"), HEADLINES)
def test_every_headline_score_is_answered_by_name(findings, report, score):
    a = findings.ask(f"what was the {score.name} score in {report.area}?")
    assert a.found and a.route == "score", a.answer
    assert f"{score.value}%" in a.answer and score.band in a.answer, a.answer
    assert _cites(a, report.id, score.source.section, score.source.quote), a.citations
    assert {c.report for c in a.citations} == {report.id}


@pytest.mark.parametrize(("report", "section"), OVERALL)
def test_every_overall_score_is_answered_by_section_name(findings, report, section):
    a = findings.ask(f"overall score for {section.name} in {report.area}")
    assert a.found and a.route == "score", a.answer
    assert f"{section.overall.value}%" in a.answer, a.answer
    assert _cites(a, report.id, str(section.number), section.overall.source.quote)


@pytest.mark.parametrize(("report", "criterion", "how"), CRITERIA_NAMED)
def test_every_criterion_is_found_by_its_name_in_its_own_report(findings, report, criterion, how):
    """Reports number their criteria differently: a name finds this report's own number."""
    a = findings.ask(f"areas for improvement in {criterion.name} in {_named(report, how)}")
    assert a.found and a.route == "findings", a.answer
    assert f"{criterion.number} {criterion.name}" in a.answer, a.answer
    for item in criterion.areas_for_improvement:
        assert _cites(a, report.id, criterion.number, item.source.quote)

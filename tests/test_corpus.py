"""The generated corpus: the same seed gives the same reports, and every generated report, as
text and as PDF, reads back in its intended format with the values written into it."""

from __future__ import annotations

import pytest

from benchmarks.corpus import MIX, generate, pdf_bytes, write_corpus
from ingest.load import load_file
from ingest.model import Report, Unit
from ingest.readers import read_report

N = 2 * len(MIX)  # every layout at least twice
CORPUS = generate(N, seed=7, pdf_share=0.0)


def _value(score):
    return score.rating if score.unit == Unit.RATING else score.value


def assert_reads_as_written(report: Report, generated) -> None:
    exp = generated.expected
    assert report.format == exp.format, generated.name
    assert report.area == exp.area
    assert report.year == exp.year
    assert report.region == exp.region
    assert report.missing == []
    headline = {s.key: _value(s) for s in report.headline_scores}
    assert {k: headline.get(k) for k in exp.headline} == exp.headline
    numbered = {c.number: _value(c.score) for c in report.criteria}
    assert numbered == {k: v for k, v in exp.measures.items() if k[:1].isdigit() and ":" not in k}
    if exp.points:
        points = next(s for s in report.headline_scores if s.unit == Unit.POINTS)
        assert (points.value, points.maximum) == exp.points
    shares = sorted(s.value for s in report.measures if s.unit == Unit.SHARE)
    assert shares == sorted(v for k, v in exp.measures.items() if ":" in k)
    areas = {s.name.lower(): s.rating for s in report.measures if s.kind == "area"}
    assert areas == {k.lower(): v for k, v in exp.measures.items() if not k[:1].isdigit()}
    previous = {s.key: s.previous.value for s in report.all_scores() if s.previous}
    assert previous == exp.previous
    assert len(report.recommendations) == exp.recommendations
    assert [e.term for e in report.glossary] == exp.glossary


def test_same_seed_same_reports_and_a_smaller_corpus_is_a_prefix():
    again = generate(N, seed=7, pdf_share=0.0)
    assert [g.text for g in again] == [g.text for g in CORPUS]
    assert [g.text for g in generate(3, seed=7, pdf_share=0.0)] == [g.text for g in CORPUS[:3]]
    assert generate(3, seed=8)[0].text != CORPUS[0].text


def test_every_layout_and_variant_is_generated():
    made = {(g.expected.format, g.expected.variant) for g in CORPUS}
    assert made == {(f, v) for f, v, _ in MIX}
    assert len({g.expected.area for g in generate(400, seed=7)}) == 400


@pytest.mark.parametrize("generated", CORPUS, ids=[g.name for g in CORPUS])
def test_text_reads_back_in_its_format(generated):
    report = read_report(generated.text, f"{generated.name}.txt")
    assert_reads_as_written(report, generated)


@pytest.mark.parametrize("generated", CORPUS[: len(MIX)], ids=[g.name for g in CORPUS[: len(MIX)]])
def test_pdf_reads_back_in_its_format(generated, tmp_path):
    path = tmp_path / f"{generated.name}.pdf"
    path.write_bytes(pdf_bytes(generated.text))
    loaded = load_file(path, 20 * 1024 * 1024)
    assert len(loaded.page_starts) >= 1
    report = read_report(loaded.text, str(path), loaded.page_starts)
    assert_reads_as_written(report, generated)


def test_write_corpus_writes_a_share_as_pdf(tmp_path):
    written = write_corpus(tmp_path, 30, seed=7, pdf_share=0.3)
    suffixes = [p.suffix for p, _ in written]
    assert 0 < suffixes.count(".pdf") < 30 and ".txt" in suffixes
    assert (tmp_path / "expected.json").exists()
    assert all(p.exists() for p, _ in written)

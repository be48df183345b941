"""Reports of every format through ingest: chunks, the store, `findings reports` and `show`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.storage.chunks import report_chunks
from ingest.readers import read_report

FORMATS = Path(__file__).resolve().parent / "data" / "formats"
runner = CliRunner()


def _reports():
    for path in sorted(FORMATS.glob("*.txt")):
        yield read_report(path.read_text(encoding="utf-8"), source_path=str(path))


def test_every_format_gives_chunks_with_unique_ids_and_exact_quotes():
    kinds: set[str] = set()
    for report in _reports():
        docs = report_chunks(report)
        ids = [d.id for d in docs]
        assert len(ids) == len(set(ids)), report.id
        for d in docs:
            m = d.metadata
            assert report.text[m["start"] : m["start"] + len(m["quote"])] == m["quote"]
            assert d.page_content.strip()
            kinds.add(m["kind"])
    assert {"score", "finding", "body", "recommendation", "glossary", "strength"} <= kinds


def test_chunk_text_says_ratings_and_shares():
    report = next(r for r in _reports() if r.id == "harrowfield-2021")
    text = {d.id.split(":", 1)[1]: d.page_content for d in report_chunks(report)}
    assert text["score:overall"] == "Overall rating rated: Requires improvement"
    assert text["score:points"] == "Points score: 17/36"
    assert text["score:2.2"] == "2.2 Planning rated: Inadequate"
    assert text["score:2.1-q3"] == (
        "Does assessment sufficiently analyse how to keep other people safe? 69% of inspected cases"
    )
    northbridge = next(r for r in _reports() if r.id == "northbridge-and-moorvale-2011")
    chunk = next(d for d in report_chunks(northbridge) if d.id.endswith("score:safeguarding"))
    assert chunk.page_content.endswith("(previous score 43%)")


@pytest.mark.e2e
def test_cli_ingests_every_format_and_says_which(tmp_path):
    from assistant.core import get_findings

    get_findings.cache_clear()
    # The folder holds a mutated copy of one fixture under the same report id: replacing is
    # explicit, so the second of the two needs --replace.
    result = runner.invoke(app, ["ingest", "--replace", str(FORMATS)])
    assert result.exit_code == 0, result.output
    assert "harrowfield-2021: 35 scores, 28 findings, 4 recommendations" in result.output
    assert "eastmere-2014: 6 scores, 16 findings, 5 recommendations" in result.output
    listing = json.loads(runner.invoke(app, ["reports", "--json"]).output)
    formats = {r["id"]: (r["format"], r["format_confidence"]) for r in listing}
    assert formats["harrowfield-2021"] == ("ratings", 1.0)
    assert formats["eastmere-2014"][0] == "inspection-2012"
    assert formats["westbury-youth-justice-partnership-2023"][0] == "general"
    assert formats["wessex-vale-2011"][0] == "core-case"
    table = runner.invoke(app, ["reports"]).output
    assert "ratings" in table and "general" in table and "sure" in table
    shown = runner.invoke(app, ["show", "lowmoor-2021"]).output
    assert "Format: ratings" in shown and "Not found: 3.3" in shown
    assert "Inadequate" in shown and "17/36" not in shown and "15/33" in shown
    shown = runner.invoke(app, ["show", "eastmere-2014"]).output
    assert "key findings" in shown and "Chair of the YOT Management Board" in shown
    findings = get_findings()
    stored = findings.report("harrowfield-2021")
    fresh = read_report(stored.text, source_path=stored.source_path)
    assert stored.criteria == fresh.criteria and stored.measures == fresh.measures
    assert stored.recommendations == fresh.recommendations
    stored = findings.report("northbridge-and-moorvale-2011")
    assert stored.headline_scores[0].previous.value == 43
    assert findings.report("eastmere-2014").sections[0].findings
    got = findings.index.collection.get(where={"kind": "finding"}, include=["metadatas"])
    assert {m["report"] for m in got["metadatas"]} == {"eastmere-2014", "redbank-2016"}

"""End to end: the real model, real Chroma and real SQLite on the real reports."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.core import Findings
from assistant.settings import get_settings
from tests.conftest import FICTIONAL, SAMPLE

pytestmark = pytest.mark.e2e
runner = CliRunner()


def _db_counts(findings: Findings) -> dict[str, int]:
    with findings.store.connect() as db:
        return {
            t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("reports", "scores", "items", "glossary", "facts")
        }


@pytest.fixture
def findings() -> Findings:
    return Findings(get_settings())


def test_ingest_sample_stores_structure_and_chunks(findings, sample_report):
    [result] = findings.ingest([SAMPLE])
    assert result.ok and result.status == "ingested"
    assert result.report_id == "sefton-2009"
    counts = _db_counts(findings)
    assert counts["reports"] == 1
    assert counts["scores"] == 3 + 8 + 3
    assert counts["items"] == 55 + 8  # 55 finding items in the sample + 8 recommendations
    assert counts["glossary"] == len(sample_report.glossary) > 30
    assert findings.index.count("sefton-2009") == result.chunks > counts["items"]
    # One chunk per citable unit, with the metadata retrieval filters on.
    got = findings.index.collection.get(where={"kind": "area"}, include=["metadatas"])
    sections = {m["section"] for m in got["metadatas"]}
    assert sections == {"1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2"}
    assert all(m["quote"] in sample_report.text for m in got["metadatas"])
    stored = findings.report("sefton-2009")
    assert stored.criterion("1.3").score.value == sample_report.criterion("1.3").score.value


def test_reports_round_trip_through_sqlite(findings, sample_report):
    findings.ingest([SAMPLE])
    stored = findings.report("sefton-2009")
    assert stored.text == sample_report.text
    assert stored.headline_scores == sample_report.headline_scores
    assert stored.criteria == sample_report.criteria
    assert stored.glossary == sample_report.glossary
    assert stored.facts == sample_report.facts


def test_dense_search_finds_glossary_meaning(findings):
    findings.ingest([SAMPLE])
    hits = findings.index.vectorstore.similarity_search(
        "Risk of Serious Harm", k=3, filter={"kind": "glossary"}
    )
    assert any("RoSH" in h.page_content for h in hits)


def test_ingest_is_idempotent_and_replaces_changed_file(findings, tmp_path):
    first = findings.ingest([SAMPLE])[0]
    again = findings.ingest([SAMPLE])[0]
    assert again.status == "unchanged"
    assert findings.index.count() == first.chunks
    assert _db_counts(findings)["reports"] == 1

    changed = tmp_path / "sefton.txt"
    text = SAMPLE.read_text(encoding="utf-8").replace("46% SUBSTANTIAL", "47% SUBSTANTIAL")
    changed.write_text(text, encoding="utf-8")
    refused = findings.ingest([changed])[0]  # replacing is explicit
    assert refused.status == "needs-replace" and not refused.ok
    assert findings.report("sefton-2009").criterion("1.1").score.value == 46
    replaced = findings.ingest([changed], replace=True)[0]
    assert replaced.status == "replaced" and replaced.report_id == "sefton-2009"
    assert findings.index.count() == first.chunks  # no duplicates
    assert findings.report("sefton-2009").criterion("1.1").score.value == 47


def test_two_reports_side_by_side(findings):
    results = findings.ingest([SAMPLE, FICTIONAL])
    assert all(r.ok for r in results)
    ids = {r.report_id for r in results}
    assert len(ids) == 2 and set(findings.store.report_ids()) == ids
    assert findings.index.count() == sum(r.chunks for r in results)


def test_failed_chroma_write_leaves_store_as_it_was(findings, monkeypatch, tmp_path):
    findings.ingest([SAMPLE])
    before_db, before_chunks = _db_counts(findings), findings.index.count()
    changed = tmp_path / "sefton.txt"
    changed.write_text(
        SAMPLE.read_text(encoding="utf-8").replace("46% SUBSTANTIAL", "47% SUBSTANTIAL"),
        encoding="utf-8",
    )

    def broken_add(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(findings.index.collection, "add", broken_add, raising=False)
    [result] = findings.ingest([changed], replace=True)
    monkeypatch.undo()
    assert not result.ok and "disk full" in result.error
    assert _db_counts(findings) == before_db
    assert findings.report("sefton-2009").criterion("1.1").score.value == 46
    assert findings.index.count() == before_chunks


def test_sample_ingested_on_first_use(findings):
    assert findings.store.report_ids() == []
    findings.ensure_sample()
    assert findings.store.report_ids() == ["sefton-2009"]
    assert findings.ensure_sample() == []  # only when empty


# --- the CLI -----------------------------------------------------------------------------


def _fresh_cli():
    from assistant.core import get_findings

    get_findings.cache_clear()


def test_cli_ingest_reports_show(tmp_path):
    _fresh_cli()
    result = runner.invoke(app, ["ingest", str(SAMPLE), str(FICTIONAL)])
    assert result.exit_code == 0, result.output
    assert "sefton-2009: 14 scores, 55 findings, 8 recommendations" in result.output
    listing = runner.invoke(app, ["reports", "--json"])
    assert listing.exit_code == 0
    assert '"sefton-2009"' in listing.output and '"safeguarding"' in listing.output
    shown = runner.invoke(app, ["show", "sefton-2009", "--json"])
    assert shown.exit_code == 0
    assert '"Screening Interview for Adolescents' in shown.output
    table = runner.invoke(app, ["show", "sefton-2009"])
    assert "DRASTIC" in table.output and "Chair of Management Board" in table.output
    missing = runner.invoke(app, ["show", "nowhere-2001"])
    assert missing.exit_code == 2 and "No report 'nowhere-2001'" in missing.output


BAD_INPUTS = [
    ("empty.txt", b"", "empty"),
    ("binary.txt", bytes(range(256)) * 8, "binary"),
    ("broken.pdf", b"%PDF-1.4\n1 0 obj <<>> garbage", "PDF"),
    # text with no words at all is refused; any text with words is read (tests/test_readers.py)
    ("marks.txt", b"--- *** ---\n12 34 56\n... %% ...\n", "no usable text"),
    ("notes.docx", b"PK\x03\x04 whatever", "unsupported"),
]


@pytest.mark.parametrize(("name", "content", "reason"), BAD_INPUTS)
def test_cli_bad_input_is_one_line_exit_2_store_unchanged(tmp_path, name, content, reason):
    _fresh_cli()
    assert runner.invoke(app, ["ingest", str(SAMPLE)]).exit_code == 0
    db = get_settings().db_path
    before = sqlite3.connect(db).execute("SELECT count(*) FROM items").fetchone()
    bad = tmp_path / name
    bad.write_bytes(content)
    result = runner.invoke(app, ["ingest", str(bad)])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and str(bad.name) in lines[0] and reason.lower() in lines[0].lower()
    assert "Traceback" not in result.output
    assert sqlite3.connect(db).execute("SELECT count(*) FROM items").fetchone() == before


def test_cli_oversize_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("FINDINGS_MAX_FILE_MB", "0.01")
    get_settings.cache_clear()
    _fresh_cli()
    result = runner.invoke(app, ["ingest", str(SAMPLE)])
    assert result.exit_code == 2 and "limit" in result.output
    assert "sefton" in result.output


def test_cli_good_files_still_ingest_beside_bad_ones(tmp_path):
    _fresh_cli()
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "sefton.txt")
    (folder / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["ingest", str(folder)])
    assert result.exit_code == 2
    assert "ingested sefton-2009" in result.output and "empty.txt" in result.output
    assert get_settings().db_path.exists()
    from assistant.core import get_findings

    assert get_findings().store.report_ids() == ["sefton-2009"]


def test_cli_missing_path_and_empty_folder(tmp_path):
    _fresh_cli()
    result = runner.invoke(app, ["ingest", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2 and "nope.txt" in result.output
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    result = runner.invoke(app, ["ingest", str(empty)])
    assert result.exit_code == 2 and "No report files" in result.output

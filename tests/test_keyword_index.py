"""The persisted keyword index (bm25s, under the store's cache folder) scores every chunk as the
in-memory index does, follows every change to the stored reports, and is never left half-written."""

from __future__ import annotations

from pathlib import Path

import pytest
from answer_fakes import make_findings

from assistant.answers import keyword_index as persisted
from assistant.answers.keyword_index import PersistedIndex, ensure_index, index_key
from assistant.answers.lexical import InvertedIndex, keyword_index
from assistant.answers.retrieve import Retriever
from ingest.text.stopwords import STOPWORDS
from ingest.text.tokens import stems

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ROOT / "tests" / "data" / "formats"
FICTIONAL = ROOT / "tests" / "data" / "wessex-vale-yot-2011.txt"
QUESTIONS = (
    "no RoSH screening",
    "management oversight of safeguarding",
    "Hornby",
    "how did the service work with partners on education and training",
    "recommendation to improve the quality of assessment",
    "case case case assessment",  # a stem asked for more than once counts each time
)


@pytest.fixture
def findings(tmp_path):
    # A handful of fictional reports of different formats, searched through the persisted index.
    reports = [
        ROOT / "data" / "reports" / "sefton-yot-2009.txt",
        FICTIONAL,
        FORMATS / "core-reinspection-northbridge-2011.txt",
        FORMATS / "inspection-2012-eastmere-2014.txt",
        FORMATS / "ratings-harrowfield-2021.txt",
        FORMATS / "general-thematic-resettlement-2019.txt",
    ]
    return make_findings(tmp_path / "store", reports=reports, keyword_index_from=0)


def _cache(findings) -> Path:
    return findings.settings.store / "cache" / "keyword"


def _tokens(question: str) -> list[str]:
    return [t for t in stems(question) if t not in STOPWORDS]


def test_the_persisted_index_ranks_as_the_in_memory_one(findings):
    reports = findings.reports()
    memory = InvertedIndex(reports)
    stored = keyword_index(reports, _cache(findings), persisted_from=0)
    assert isinstance(stored, PersistedIndex)
    assert stored.size == memory.size
    assert dict(stored.frequency) == dict(memory.frequency)
    ids = [r.id for r in reports]
    scopes = [None, ids[:1], ids[1:3], ids]
    for question in QUESTIONS:
        tokens = _tokens(question)
        for scope in scopes:
            want = memory.ranked(tokens, scope, limit=30)
            got = stored.ranked(tokens, scope, limit=30)
            assert want or scope, question  # every question finds chunks of the store
            # the same chunks, in the same order, with the same scores to the last bit
            assert got == want, (question, scope)
            assert [stored.doc(p) for p, _ in got] == [memory.doc(p) for p, _ in want]
        kinds, sections = ["finding", "area"], ["3"]
        assert stored.ranked(tokens, None, None, kinds) == memory.ranked(tokens, None, None, kinds)
        assert stored.ranked(tokens, None, sections) == memory.ranked(tokens, None, sections)


def test_a_search_scoped_to_many_reports_uses_the_weight_mask(findings, monkeypatch):
    reports = findings.reports()
    memory = InvertedIndex(reports)
    stored = keyword_index(reports, _cache(findings), persisted_from=0)
    monkeypatch.setattr(persisted, "FEW_REPORTS", 1)  # three reports are "many" here
    scope = [r.id for r in reports[:3]]
    for question in QUESTIONS:
        tokens = _tokens(question)
        assert stored.ranked(tokens, scope) == memory.ranked(tokens, scope)


def test_a_chunk_is_found_by_its_id(findings):
    reports = findings.reports()
    stored = keyword_index(reports, _cache(findings), persisted_from=0)
    memory = InvertedIndex(reports)
    for pos in range(0, memory.size, 7):
        assert stored.position(memory.doc(pos).id) == pos
    assert stored.position("no-such-report:score:x") is None
    assert stored.position(f"{reports[0].id}:no-such-chunk") is None


def _folders(findings) -> set[str]:
    return {p.name for p in _cache(findings).iterdir() if p.is_dir()}


def _found(findings, word: str) -> set[str]:
    return {h.meta["report"] for h in Retriever(findings).search(word, k=20, dense=False)}


def test_retrieval_reads_the_persisted_index_and_rebuilds_after_a_change(findings, tmp_path):
    retriever = Retriever(findings)
    assert retriever.search("quillfeather", k=20, dense=False) == []
    assert isinstance(retriever.chunk_index().lexical, PersistedIndex)
    first = _folders(findings)
    assert first == {index_key(findings.reports())}

    # a report ingested again with a word no other report uses: found at once
    changed = tmp_path / "wessex-vale-yot-2011.txt"
    changed.write_text(
        FICTIONAL.read_text(encoding="utf-8").replace("checklist", "quillfeather"),
        encoding="utf-8",
    )
    [result] = findings.ingest([changed], replace=True)
    assert result.ok
    assert _found(findings, "quillfeather") == {"wessex-vale-2011"}
    second = _folders(findings)
    assert index_key(findings.reports()) in second - first

    # and removed: gone from the index of the next store state
    findings.remove("wessex-vale-2011")
    assert _found(findings, "quillfeather") == set()
    assert index_key(findings.reports()) in _folders(findings) - second
    # the indexes of earlier store states are pruned to the few most recent
    assert len(_folders(findings)) <= persisted.KEEP + 1


def test_a_failed_build_leaves_no_index(findings, monkeypatch):
    reports = findings.reports()
    cache = _cache(findings)

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("bm25s.BM25.save", broken)
    with pytest.raises(OSError):
        ensure_index(reports, cache)
    assert [p.name for p in cache.iterdir() if p.is_dir()] == []  # nothing half-written
    # a search still answers, from an index built in memory
    assert isinstance(keyword_index(reports, cache, persisted_from=0), InvertedIndex)
    monkeypatch.undo()
    killed = cache / ".abc.left-by-a-killed-build"  # what a build killed mid-way leaves
    (killed / "index").mkdir(parents=True)
    folder = ensure_index(reports, cache)
    assert folder.name == index_key(reports)
    assert not killed.exists()
    assert [p.name for p in cache.iterdir() if p.is_dir()] == [folder.name]
    built = (folder / "chunks.json").stat().st_mtime_ns
    assert ensure_index(reports, cache) == folder  # built once, then read
    assert (folder / "chunks.json").stat().st_mtime_ns == built
    assert isinstance(keyword_index(reports, cache, persisted_from=0), PersistedIndex)


def test_a_small_store_keeps_the_in_memory_index(findings):
    reports = findings.reports()
    cache = _cache(findings)
    assert isinstance(keyword_index(reports, cache, persisted_from=len(reports) + 1), InvertedIndex)
    assert not cache.exists()

"""Ingest in batches: every report of a generated corpus stored whole with one embedding call
per batch, text shared by chunks embedded once, and a changed report handled as before."""

from __future__ import annotations

from pathlib import Path

from answer_fakes import HashEmbedder

from assistant.core import Findings
from assistant.settings import Settings
from assistant.storage.bulk import VectorCache
from benchmarks.corpus import write_corpus


class CountingEmbedder(HashEmbedder):
    def __init__(self):
        self.calls: list[int] = []

    def embed_documents(self, texts):
        self.calls.append(len(texts))
        return super().embed_documents(texts)


def test_cache_embeds_each_text_once_and_drops_the_oldest():
    embedder = CountingEmbedder()
    cache = VectorCache(size=3)
    first = cache.embed(embedder, ["a b", "c d"])
    again = cache.embed(embedder, ["c d", "e f"])
    assert embedder.calls == [2, 1]
    assert again["c d"] == first["c d"] or all(
        abs(x - y) < 1e-6 for x, y in zip(again["c d"], first["c d"], strict=True)
    )
    cache.embed(embedder, ["g h"])  # four texts seen, room for three: "a b" goes
    cache.embed(embedder, ["a b"])
    assert embedder.calls == [2, 1, 1, 1]
    assert (cache.hits, cache.misses) == (1, 5)


def test_a_corpus_is_stored_in_batches_each_report_whole(tmp_path):
    written = write_corpus(tmp_path / "corpus", 9, seed=3, pdf_share=0.2)
    embedder = CountingEmbedder()
    core = Findings(
        Settings(store=tmp_path / "store", auto_ingest_sample=False, ingest_batch=4),
        embedder=embedder,
    )
    seen = []
    results = core.ingest([tmp_path / "corpus"], on_file=seen.append)
    assert [r.status for r in results] == ["ingested"] * 9
    assert seen == results
    assert len(embedder.calls) == 3  # batches of 4, 4 and 1
    chunks = sum(r.chunks for r in results)
    assert sum(embedder.calls) < chunks  # shared texts embedded once
    assert core.index.count() == chunks
    stored = {r.id: r for r in core.reports()}
    for path, generated in written:
        report = next(r for r in stored.values() if r.area == generated.expected.area)
        assert report.format == generated.expected.format, path.name
        assert core.index.count(report.id) == next(
            r.chunks for r in results if r.report_id == report.id
        )
    again = core.ingest([tmp_path / "corpus"])
    assert [r.status for r in again] == ["unchanged"] * 9


def test_changed_and_duplicate_files_in_one_batch(tmp_path):
    [(path, _)] = write_corpus(tmp_path / "a", 1, seed=4, pdf_share=0)
    core = Findings(
        Settings(store=tmp_path / "store", auto_ingest_sample=False), embedder=HashEmbedder()
    )
    assert core.ingest([path])[0].status == "ingested"
    changed = tmp_path / "b" / path.name
    changed.parent.mkdir()
    changed.write_text(path.read_text(encoding="utf-8") + "\nA closing note.\n", encoding="utf-8")
    results = core.ingest([changed, path])
    assert [r.status for r in results] == ["needs-replace", "unchanged"]
    results = core.ingest([changed, Path(path)], replace=True)
    # the same report twice in one batch: the later file is stored after the earlier one
    assert [r.status for r in results] == ["replaced", "replaced"]
    [report] = core.reports()
    assert report.text == path.read_text(encoding="utf-8")  # the later file's version
    versions = core.history(report.id)
    assert len(versions) == 2 and [v.active for v in versions] == [True, False]

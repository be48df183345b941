"""Store many parsed reports at once: one embedding call and one transaction per batch.

The same order as ``Index.replace``, so a kill at any moment leaves every report of the batch
either in its old version or in its new one, whole:

1. every report's chunks go into Chroma under its own version id (invisible to readers until
   that version is active);
2. one transaction writes every report's facts and history, making the new versions active;
3. the other versions' chunks are deleted (left-overs are garbage readers skip and
   `findings doctor` removes).

Text that several chunks share (a standard's rating line, a glossary definition, a general
criterion printed in every report of a format) is embedded once: once per batch, and across
the batches of one ingest through a bounded cache of recent vectors. While one batch is
stored, the next is parsed and embedded (``prepare``), so the two steps overlap.
"""

from __future__ import annotations

import contextlib
import threading
from array import array
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.storage import history
from assistant.storage.chunks import report_chunks
from ingest.batch import parse_files
from ingest.worker import Parsed

if TYPE_CHECKING:
    from assistant.storage.index import Index
    from ingest.model import Report


class VectorCache:
    """The vectors of recently embedded chunk texts, least recently used dropped first; kept
    as float32 arrays (1.5 KB a vector for MiniLM), so the default 40,000 take about 60 MB.
    Safe to use from two threads: the next batch is embedded while this one is stored."""

    def __init__(self, size: int = 40_000):
        self.size = size
        self._vectors: OrderedDict[str, array] = OrderedDict()
        self._lock = threading.Lock()  # the dictionary
        self._model = threading.Lock()  # one embedding call at a time
        self.hits = 0
        self.misses = 0

    def embed(self, embedder, texts: list[str]) -> dict[str, list[float]]:
        """Every text's vector, embedding (in one call) only those not cached."""
        with self._lock:
            todo = [t for t in texts if t not in self._vectors]
            self.hits += len(texts) - len(todo)
            self.misses += len(todo)
        if todo:
            with self._model:
                fresh = embedder.embed_documents(todo)
        else:
            fresh = []
        out = {t: list(v) for t, v in zip(todo, fresh, strict=True)}
        with self._lock:
            for t in texts:
                if t in out:
                    self._vectors[t] = array("f", out[t])
                elif t in self._vectors:
                    self._vectors.move_to_end(t)
                    out[t] = list(self._vectors[t])
            while len(self._vectors) > self.size:
                self._vectors.popitem(last=False)
        missing = [t for t in texts if t not in out]  # dropped by the other thread meanwhile
        if missing:
            out.update(self.embed(embedder, missing))
        return out


def prepare(index: Index, paths: list[Path]) -> list[Parsed]:
    """Parse a batch of files and embed the chunk texts of its new and changed reports into
    the cache: no store is touched, so this runs ahead while the previous batch is stored."""
    parsed = list(parse_files(paths, index.settings.parse_limits))
    texts = {
        d.page_content
        for p in parsed
        if p.report is not None and index.store.sha256_of(p.report.id) != p.report.sha256
        for d in report_chunks(p.report)
    }
    with contextlib.suppress(Exception):  # only a head start: storing embeds what is missing
        index.vector_cache.embed(index.embedder, sorted(texts))
    return parsed


def store_batch(index: Index, reports: list[Report]) -> dict[str, int]:
    """Make each report (distinct ids) the stored version of its id; its chunk count by id.
    Raises when the batch could not be stored; then no report of it has changed."""
    from assistant.storage.index import _add, stored_version, version_id

    ids = [r.id for r in reports]
    plans = []
    with index.lock:
        held_all = index.collection.get(where={"report": {"$in": ids}}, include=["metadatas"])
        held: dict[str, set[str]] = {r: set() for r in ids}
        for chunk_id, meta in zip(held_all["ids"], held_all["metadatas"], strict=True):
            held.setdefault(str(meta.get("report")), set()).add(chunk_id)
        stale: set[str] = set()
        for report in reports:
            docs = report_chunks(report)
            version = version_id(report.sha256)
            chunk_ids = [f"{report.id}@{version}:{d.id.split(':', 1)[1]}" for d in docs]
            same = index.store.sha256_of(report.id) == report.sha256
            mine = {i for i in held[report.id] if stored_version(i) == version}
            if mine and not same:
                stale |= mine  # an earlier attempt at this version that never became active
                mine = set()
            todo = [k for k, i in enumerate(chunk_ids) if i not in mine]
            plans.append((report, docs, version, chunk_ids, same, mine, todo))
        if stale:
            index.collection.delete(ids=sorted(stale))
        # Embed before touching either store: it is the slow step most likely to fail.
        texts = sorted({p[1][k].page_content for p in plans for k in p[6]})
        vectors = index.vector_cache.embed(index.embedder, texts)
        try:
            for _, docs, version, chunk_ids, _, _, todo in plans:
                _add(
                    index.collection,
                    [chunk_ids[k] for k in todo],
                    [docs[k] for k in todo],
                    [vectors[docs[k].page_content] for k in todo],
                    version,
                )
            with index.store.connect() as db:
                for report, *_ in plans:
                    history.record_active(db, report.id)
                    index.store.write_report(db, report)
                    history.record(db, report)
        except Exception:
            for _, _, _, chunk_ids, same, _, _ in plans:
                if not same:
                    index._discard(set(chunk_ids))
            raise
        old: set[str] = set()
        for report, _, version, chunk_ids, _, mine, _ in plans:
            old |= {i for i in held[report.id] if stored_version(i) != version}
            old |= mine - set(chunk_ids)
        index._discard(old)
    return {p[0].id: len(p[1]) for p in plans}

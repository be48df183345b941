"""The keyword index of a large store, persisted: a bm25s index of every chunk, built once per
set of stored report versions and memory-mapped by every process after.

Building the in-memory index (``lexical.InvertedIndex``) tokenises every report in each process:
seconds at a few hundred reports, before the first keyword search of that process. This one is
written under ``<store>/cache/keyword/<key>/``, where ``key`` digests the stored report versions
(and the code that tokenises and chunks them), so any process of any machine holding that store
folder, and every later start, loads it instead; a store change (ingest, remove, rollback) gives
a new key and one new build, by whichever process first searches (or warms) after it.

The tokens are the project's own stems (``ingest.text.tokens.stems``), handed to bm25s
pre-tokenised. The score of each (chunk, stem) pair is worked out here, in float64 and in the
order of operations of the in-memory index, because bm25s's own idf variants lack the floor
Okapi BM25 gives words found in most chunks: so both indexes give every chunk the same score to
the last bit, and rankings do not depend on which one a store uses. bm25s keeps the sparse
matrix, saves and memory-maps it, and sums a query's columns (``weight_mask`` scopes a search to
many reports; a few are read from their own rows of each column).

A build writes into a temporary folder renamed into place when complete, under a lock file so
two processes do not build the same index at once: a folder under its key is always whole.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from pathlib import Path

import numpy as np
from filelock import FileLock
from langchain_core.documents import Document

from assistant.answers.lexical import K1, B, InvertedIndex, report_docs
from assistant.answers.lexicon import per_report, report_key
from ingest.model import Report

log = logging.getLogger(__name__)

FORMAT = 1  # bumped when the files written here change
KEEP = 2  # indexes of earlier store states kept beside the current one (a process may use one)
FEW_REPORTS = 20  # a search of at most this many reports reads their rows of each column only
CHUNKS = "chunks.json"  # report ids, sections and kinds, beside bm25s's own files

# The code a stored index depends on: a change to how text is tokenised or chunked is a new key.
_ROOT = Path(__file__).resolve().parent.parent.parent
_SOURCES = (
    "ingest/text/tokens.py",
    "ingest/text/stemming.py",
    "ingest/text/stopwords.py",
    "ingest/text/stopwords.yaml",
    "ingest/model.py",
    "assistant/storage/chunks.py",
    "assistant/answers/lexical.py",
    "assistant/answers/keyword_index.py",
)


def _code_digest() -> str:
    h = hashlib.sha256(str(FORMAT).encode())
    for name in _SOURCES:
        path = _ROOT / name
        h.update(name.encode() + b"\0" + (path.read_bytes() if path.exists() else b""))
    return h.hexdigest()


_CODE = _code_digest()


def index_key(reports: Sequence[Report]) -> str:
    """The name of the index of these report versions, in this order, with this code."""
    h = hashlib.sha256(_CODE.encode())
    for r in reports:
        rid, sha, length = report_key(r)
        h.update(f"{rid}\0{sha}\0{length}\n".encode())
    return h.hexdigest()[:24]


class DocumentFrequency(Mapping[str, int]):
    """How many chunks hold each stem, read from the index's column lengths."""

    def __init__(self, vocab: dict[str, int], indptr: np.ndarray):
        self.vocab = vocab
        self.indptr = indptr

    def __getitem__(self, stem: str) -> int:
        i = self.vocab[stem]
        return int(self.indptr[i + 1] - self.indptr[i])

    def __iter__(self) -> Iterator[str]:
        return iter(self.vocab)

    def __len__(self) -> int:
        return len(self.vocab)


@per_report
def _chunk_numbers(report: Report) -> dict[str, int]:
    return {d.id: n for n, d in enumerate(report_docs(report))}


class PersistedIndex:
    """A stored index, opened: bm25s's score matrix memory-mapped, and where each chunk is."""

    def __init__(self, folder: Path, reports: Sequence[Report]):
        import bm25s

        self.folder = folder
        self.bm25 = bm25s.BM25.load(folder, mmap=True, show_progress=False)
        chunks = json.loads((folder / CHUNKS).read_text(encoding="utf-8"))
        if chunks["reports"] != [r.id for r in reports]:
            raise ValueError(f"{folder.name} indexes other reports")
        self.reports = list(reports)
        self.ordinal = {rid: k for k, rid in enumerate(chunks["reports"])}
        self.sections: list = chunks["sections"]
        self.kinds: list[str] = chunks["kinds"]
        self.offsets = np.load(folder / "offsets.npy")  # report k: positions offsets[k]..[k+1]
        self.section_of = np.load(folder / "sections.npy", mmap_mode="r")
        self.kind_of = np.load(folder / "kinds.npy", mmap_mode="r")
        self.size = int(self.bm25.scores["num_docs"])

    @cached_property
    def frequency(self) -> DocumentFrequency:
        return DocumentFrequency(self.bm25.vocab_dict, self.bm25.scores["indptr"])

    def doc(self, pos: int) -> Document:
        k = int(np.searchsorted(self.offsets, pos, side="right")) - 1
        return report_docs(self.reports[k])[pos - int(self.offsets[k])]

    @cached_property
    def docs(self) -> list[Document]:
        """Every chunk (reads every report's chunks: for tools and tests, not for searches)."""
        return [d for r in self.reports for d in report_docs(r)]

    def position(self, doc_id: str) -> int | None:
        """The position of the chunk with id ``doc_id`` ("<report id>:<key>")."""
        start = 0
        while (cut := doc_id.find(":", start)) > 0:
            k = self.ordinal.get(doc_id[:cut])
            if k is not None:
                n = _chunk_numbers(self.reports[k]).get(doc_id)
                if n is not None:
                    return int(self.offsets[k]) + n
            start = cut + 1
        return None

    def ranked(
        self,
        tokens: Sequence[str],
        reports: Iterable[str] | None = None,
        sections: Iterable[str] | None = None,
        kinds: Iterable[str] | None = None,
        limit: int = 30,
    ) -> list[tuple[int, float]]:
        """As ``InvertedIndex.ranked``: the same chunks, scores and order."""
        vocab = self.bm25.vocab_dict
        ids = [vocab[t] for t in tokens if t in vocab]
        if not ids:
            return []
        wanted = None
        if reports:
            wanted = sorted({self.ordinal[r] for r in reports if r in self.ordinal})
            if not wanted:
                return []
        if wanted is not None and len(wanted) <= FEW_REPORTS:
            pos, values = self._few(ids, wanted)
        else:
            mask = None
            if wanted is not None and len(wanted) < len(self.reports):
                mask = np.zeros(self.size, dtype=np.float64)
                for k in wanted:
                    mask[self.offsets[k] : self.offsets[k + 1]] = 1.0
            scores = self.bm25.get_scores_from_ids(ids, weight_mask=mask)
            pos = np.flatnonzero(scores > 0)
            values = scores[pos]
        keep = values > 0
        if sections:
            codes = [n for n, s in enumerate(self.sections) if s in set(sections)]
            keep &= np.isin(self.section_of[pos], codes)
        if kinds:
            codes = [n for n, s in enumerate(self.kinds) if s in set(kinds)]
            keep &= np.isin(self.kind_of[pos], codes)
        pos, values = pos[keep], values[keep]
        order = np.lexsort((pos, -values))[:limit]
        return [(int(pos[i]), float(values[i])) for i in order]

    def _few(self, ids: list[int], wanted: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """The scores of the chunks of a few reports: each column's rows of those reports
        (rows are in order within a column), summed in the query's order as bm25s sums."""
        scores = self.bm25.scores
        data, indices, indptr = scores["data"], scores["indices"], scores["indptr"]
        found_pos, found_values = [], []
        for k in wanted:
            lo, hi = int(self.offsets[k]), int(self.offsets[k + 1])
            local = np.zeros(hi - lo, dtype=np.float64)
            for i in ids:
                start, end = int(indptr[i]), int(indptr[i + 1])
                rows = indices[start:end]
                a, b = np.searchsorted(rows, [lo, hi])
                local[rows[a:b] - lo] += data[start + a : start + b]
            hit = np.flatnonzero(local)
            found_pos.append(hit + lo)
            found_values.append(local[hit])
        return np.concatenate(found_pos), np.concatenate(found_values)


# --- building -------------------------------------------------------------------------


def build(reports: Sequence[Report], folder: Path) -> None:
    """Write the index of ``reports`` into ``folder`` (which must not exist yet)."""
    import bm25s

    memory = InvertedIndex(reports)  # its document frequencies, idf and lengths, exactly
    vocab = {stem_: n for n, stem_ in enumerate(memory.idf)}
    idf = np.fromiter(memory.idf.values(), dtype=np.float64, count=len(vocab))
    rows: list[int] = []
    cols: list[int] = []
    tfs: list[int] = []
    for part, offset in zip(memory.parts, memory.offsets, strict=True):
        for stem_, posting in part.postings.items():
            col = vocab[stem_]
            for n, tf in posting:
                rows.append(offset + n)
                cols.append(col)
                tfs.append(tf)
    row = np.asarray(rows, dtype=np.int64)
    col = np.asarray(cols, dtype=np.int64)
    tf = np.asarray(tfs, dtype=np.float64)
    dl = np.asarray(memory.lengths, dtype=np.float64)[row]
    avgdl = memory.avgdl
    # The in-memory index's expression, element by element: the same float64 operations in the
    # same order, so the same bits.
    data = idf[col] * (tf * (K1 + 1) / (tf + K1 * (1 - B + B * dl / avgdl)))
    order = np.lexsort((row, col))  # by column, rows ascending within one
    indptr = np.zeros(len(vocab) + 1, dtype=np.int64)
    np.cumsum(np.bincount(col, minlength=len(vocab)), out=indptr[1:])

    bm25 = bm25s.BM25(k1=K1, b=B, method="atire", dtype="float64", int_dtype="int32")
    bm25.scores = {
        "data": data[order],
        "indices": row[order].astype(np.int32),
        "indptr": indptr,
        "num_docs": len(memory.docs),
    }
    bm25.vocab_dict = vocab
    bm25.nonoccurrence_array = None

    sections: dict = {}
    kinds: dict[str, int] = {}
    section_of = [sections.setdefault(d.metadata["section"], len(sections)) for d in memory.docs]
    kind_of = [kinds.setdefault(d.metadata["kind"], len(kinds)) for d in memory.docs]
    folder.mkdir(parents=True)
    bm25.save(folder, show_progress=False)
    np.save(folder / "offsets.npy", np.asarray([*memory.offsets, len(memory.docs)], np.int64))
    np.save(folder / "sections.npy", np.asarray(section_of, dtype=np.int32))
    np.save(folder / "kinds.npy", np.asarray(kind_of, dtype=np.int32))
    chunks = {"reports": [r.id for r in reports], "sections": list(sections), "kinds": list(kinds)}
    (folder / CHUNKS).write_text(json.dumps(chunks), encoding="utf-8")


def ensure_index(reports: Sequence[Report], cache: Path) -> Path:
    """The folder of the index of ``reports`` under ``cache``, built first when missing."""
    final = cache / index_key(reports)
    if (final / CHUNKS).exists():
        return final
    cache.mkdir(parents=True, exist_ok=True)
    with FileLock(str(cache / ".lock")):
        if (final / CHUNKS).exists():  # another process built it while this one waited
            return final
        tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}.", dir=cache))
        try:
            build(reports, tmp / "index")
            os.rename(tmp / "index", final)  # whole, or not there at all
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        _prune(cache, final)
    return final


def _prune(cache: Path, current: Path) -> None:
    """Drop the indexes of older store states, but the ``KEEP`` most recent, and what a build
    that was killed left (a hidden folder: builds only run under the lock, held here)."""
    for left in cache.glob(".*"):
        if left.is_dir():
            shutil.rmtree(left, ignore_errors=True)
    older = sorted(
        (p for p in cache.iterdir() if p.is_dir() and p != current and not p.name.startswith(".")),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for stale in older[KEEP:]:
        shutil.rmtree(stale, ignore_errors=True)


_OPEN: OrderedDict[Path, PersistedIndex] = OrderedDict()
_OPEN_LOCK = threading.Lock()


def persisted_index(reports: Sequence[Report], cache: Path) -> PersistedIndex | None:
    """The persisted index of ``reports``, opened once per process; None when it can be neither
    read nor written (a read-only store: the caller builds one in memory)."""
    try:
        folder = ensure_index(reports, cache)
        with _OPEN_LOCK:
            if folder in _OPEN:
                _OPEN.move_to_end(folder)
                return _OPEN[folder]
        opened = PersistedIndex(folder, reports)
    except (OSError, ValueError, KeyError) as e:
        log.warning("keyword index under %s not usable (%s): built in memory", cache, e)
        return None
    with _OPEN_LOCK:
        _OPEN[folder] = opened
        while len(_OPEN) > KEEP:
            _OPEN.popitem(last=False)
    return opened

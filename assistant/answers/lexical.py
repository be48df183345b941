"""The keyword half of hybrid retrieval: an inverted index of the chunks' stems, BM25-scored.

Each report version is tokenised once (``report_terms``, cached per version): its chunks, their
lengths and a posting list per stem. The index of a set of reports only adds up document
frequencies; a search reads the postings of the query's stems in the reports it is scoped to,
so a question about one report touches that report's postings alone, and no question scores
every chunk of the store. Scores are those of Okapi BM25 as rank_bm25 computes them (the same
k1, b and floor for common words), so rankings did not move when the index replaced it.

This index is built in memory by each process, which costs little for a few reports and follows
a store change report by report. A large store is searched through the persisted index of
``keyword_index.py`` instead, which scores to the same bits (``keyword_index`` picks one).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from langchain_core.documents import Document

from assistant.answers.lexicon import per_report
from assistant.storage.chunks import report_chunks
from ingest.model import Report
from ingest.text.tokens import stems

K1 = 1.5  # term frequency saturation
B = 0.75  # length normalisation
EPSILON = 0.25  # a stem in most chunks scores this share of the average idf, not below zero


@dataclass(frozen=True)
class ReportTerms:
    """One report version's chunks, tokenised."""

    docs: tuple[Document, ...]
    lengths: tuple[int, ...]  # stems per chunk
    postings: dict[str, tuple[tuple[int, int], ...]]  # stem -> (chunk number, count) pairs


@per_report
def report_docs(report: Report) -> tuple[Document, ...]:
    """One report version's chunks, made once."""
    return tuple(report_chunks(report))


@per_report
def report_terms(report: Report) -> ReportTerms:
    docs = report_docs(report)
    lengths = []
    postings: dict[str, list[tuple[int, int]]] = {}
    for n, doc in enumerate(docs):
        tokens = stems(doc.page_content)
        lengths.append(len(tokens))
        for stem_, count in Counter(tokens).items():
            postings.setdefault(stem_, []).append((n, count))
    return ReportTerms(docs, tuple(lengths), {k: tuple(v) for k, v in postings.items()})


class InvertedIndex:
    """The chunks of a set of reports, positioned one report after another."""

    def __init__(self, reports: Sequence[Report]):
        self.parts = [report_terms(r) for r in reports]
        self.report_ids = [r.id for r in reports]
        self.offsets: list[int] = []
        self.docs: list[Document] = []
        self.lengths: list[int] = []
        frequency: Counter = Counter()  # chunks holding each stem
        for part in self.parts:
            self.offsets.append(len(self.docs))
            self.docs.extend(part.docs)
            self.lengths.extend(part.lengths)
            frequency.update({s: len(p) for s, p in part.postings.items()})
        self.frequency = frequency
        n = len(self.docs)
        self.avgdl = sum(self.lengths) / n if n else 0.0
        self.idf: dict[str, float] = {}
        negative = []
        for word, freq in frequency.items():
            idf = math.log(n - freq + 0.5) - math.log(freq + 0.5)
            self.idf[word] = idf
            if idf < 0:
                negative.append(word)
        average = sum(self.idf.values()) / len(self.idf) if self.idf else 0.0
        for word in negative:
            self.idf[word] = EPSILON * average

    def _parts(self, reports: Iterable[str] | None) -> list[int]:
        if not reports:
            return list(range(len(self.parts)))
        wanted = set(reports)
        return [k for k, rid in enumerate(self.report_ids) if rid in wanted]

    def scores(
        self, tokens: Sequence[str], reports: Iterable[str] | None = None
    ) -> dict[int, float]:
        """BM25 score of every chunk (by position) holding a stem of ``tokens``, within
        ``reports`` (ids; all when empty)."""
        out: dict[int, float] = {}
        parts = self._parts(reports)
        for q in tokens:
            idf = self.idf.get(q) or 0
            for k in parts:
                posting = self.parts[k].postings.get(q)
                if not posting:
                    continue
                offset = self.offsets[k]
                for n, tf in posting:
                    pos = offset + n
                    dl = self.lengths[pos]
                    # the order of operations of rank_bm25, so the floats agree to the last bit
                    value = idf * (tf * (K1 + 1) / (tf + K1 * (1 - B + B * dl / self.avgdl)))
                    out[pos] = out.get(pos, 0.0) + value
        return out

    @property
    def size(self) -> int:
        return len(self.docs)

    def doc(self, pos: int) -> Document:
        return self.docs[pos]

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {d.id: n for n, d in enumerate(self.docs)}

    def position(self, doc_id: str) -> int | None:
        """The position of the chunk with id ``doc_id``; None when no report holds it."""
        return self._positions.get(doc_id)

    def ranked(
        self,
        tokens: Sequence[str],
        reports: Iterable[str] | None = None,
        sections: Iterable[str] | None = None,
        kinds: Iterable[str] | None = None,
        limit: int = 30,
    ) -> list[tuple[int, float]]:
        """The ``limit`` best chunks with a positive score, of ``reports``, ``sections`` and
        ``kinds`` (each: any when empty), best first, ties in chunk order."""
        sections, kinds = set(sections or ()), set(kinds or ())
        scored = [
            (pos, value)
            for pos, value in self.scores(tokens, reports).items()
            if value > 0
            and (not sections or self.docs[pos].metadata["section"] in sections)
            and (not kinds or self.docs[pos].metadata["kind"] in kinds)
        ]
        scored.sort(key=lambda x: (-x[1], x[0]))
        return scored[:limit]


def keyword_index(reports: Sequence[Report], cache: Path | None = None, persisted_from: int = 0):
    """The keyword index of ``reports``: the persisted one under ``cache`` from
    ``persisted_from`` reports on, else (or when it cannot be written) one built in memory.
    Both answer ``size``, ``doc``, ``position``, ``frequency`` and ``ranked`` alike."""
    if cache is not None and reports and len(reports) >= persisted_from:
        from assistant.answers.keyword_index import persisted_index

        found = persisted_index(reports, cache)
        if found is not None:
            return found
    return InvertedIndex(reports)

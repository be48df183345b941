"""Hybrid retrieval over report chunks: dense (Chroma) + lexical (BM25), fused by rank.

Queries are expanded from the reports' own glossaries, so "RoSH" also matches "Risk of Serious
Harm" and the other way round; every search can be filtered by report, section and kind.
"""

from __future__ import annotations

import difflib
import math
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from langchain_core.documents import Document

from assistant.answers.derived import persisted
from assistant.answers.lexical import keyword_index
from assistant.answers.lexicon import (
    GlossaryGroups,
    GlossaryIndex,
    per_report,
    per_reports,
    report_words,
)
from assistant.storage.index import version_id
from ingest.model import GlossaryEntry, Report
from ingest.text.stemming import stem
from ingest.text.stopwords import STOPWORDS
from ingest.text.terms import term_pattern
from ingest.text.tokens import stems, words
from ingest.text.typos import is_slip_of

# A dense search within at most this many reports compares their vectors directly.
EXACT_REPORTS = 20
VECTOR_CACHE = 512  # report versions whose vectors are kept in memory (about 120 KB each)
RRF_K = 60  # the usual reciprocal-rank-fusion constant: damps the weight of the very top ranks


@dataclass
class Hit:
    """A retrieved chunk with its fused score and the evidence behind it."""

    doc: Document
    score: float  # reciprocal rank fusion
    dense: float | None = None  # cosine similarity, when the dense search found it
    lexical: float | None = None  # BM25 score, when the lexical search found it

    @property
    def id(self) -> str:
        return self.doc.id or ""

    @property
    def meta(self) -> dict:
        return self.doc.metadata


@dataclass
class Expansion:
    """A query with glossary terms and their expansions added."""

    text: str
    terms: list[GlossaryEntry] = field(default_factory=list)


def _definition_head(definition: str) -> str:
    """The words a term abbreviates: the definition up to its first ':', '.', ' - ' or ','."""
    head = re.split(r"[:.;,(]| - | — ", definition.replace("\n", " "), maxsplit=1)[0]
    return head.strip(" “”\"'‘’")


def entry_terms(entry: GlossaryEntry) -> list[str]:
    """Every spelling the entry answers to: its terms, and 'YOS/T' read as 'YOS' and 'YOT'."""
    found: list[str] = []
    for t in [*entry.terms, entry.term]:
        t = t.strip(" “”\"'‘’")
        if t and t not in found:
            found.append(t)
        m = re.fullmatch(r"([A-Za-z]+)/([A-Za-z]{1,2})", t)
        if m and len(m.group(2)) < len(m.group(1)):
            stem_ = m.group(1)[: -len(m.group(2))]
            for alt in (m.group(1), stem_ + m.group(2)):
                if alt not in found:
                    found.append(alt)
    return found


@persisted("glossary")
def glossary_groups(reports: Sequence[Report]) -> GlossaryGroups:
    """Where the glossary entries of ``reports`` are, grouped by how they read."""
    return GlossaryGroups.build(reports, entry_terms, _definition_head)


@per_reports
def glossary_index(reports: Sequence[Report]) -> GlossaryIndex:
    """The glossary entries of ``reports``, grouped by how they read (once per store change)."""
    return GlossaryIndex(reports, parts=glossary_groups(reports))


def expand_query(query: str, reports: Iterable[Report]) -> Expansion:
    """Add to ``query`` the expansion of each glossary term it names, and vice versa."""
    index = glossary_index(list(reports))
    added: list[str] = []
    matched = []
    q_lower = f" {' '.join(words(query))} "
    present = set(index.spellings_in(query))
    for group in index.groups:
        head, head_words = group.head, group.head_words
        named = any(t in present and term_pattern(t).search(query) for t in group.spellings)
        spelled = len(head_words.split()) >= 2 and f" {head_words} " in q_lower
        if named and head and head not in added:
            added.append(head)
        if spelled and group.term not in added:
            added.append(group.term)
        if named or spelled:
            matched.append(group)
    hits: list[GlossaryEntry] = []
    seen: set[str] = set()  # entries are unhashable; equal entries print the same
    for _, entry in index.entries_of(matched):
        key = repr(entry)
        if key not in seen:
            seen.add(key)
            hits.append(entry)
    text = query if not added else f"{query} ({'; '.join(added)})"
    return Expansion(text=text, terms=hits)


def _naming_text(report: Report) -> list[str]:
    """The names a report gives things: its area, measures, sections and glossary terms."""
    out = [report.area]
    out += [s.key.replace("-", " ") for s in report.headline_scores]
    out += [c.name for c in report.criteria] + [s.name for s in report.sections]
    for g in report.glossary:
        head = _definition_head(g.definition)
        out += g.terms + ([head] if len(head.split()) <= 6 else [])  # an expansion, not prose
    return out


@dataclass(frozen=True)
class _Words:
    """One report version's words: as written, stemmed, and those that name things."""

    surface: frozenset[str]
    vocabulary: frozenset[str]
    names: frozenset[str]


@per_report
def _report_words(report: Report) -> _Words:
    ws = report_words(report)  # the text's words, read once for every index that needs them
    return _Words(
        surface=frozenset(w for w in ws if w.isalpha()),
        vocabulary=frozenset(stem(w) for w in ws),
        names=frozenset(w for w in words(" ".join(_naming_text(report))) if len(w) >= 5),
    )


@persisted("corpus-words")  # saved once per store change: a fresh process reads no report text
def corpus_words(reports: Sequence[Report]) -> _Words:
    """The words of every report together."""
    surface: set[str] = set()
    vocabulary: set[str] = set()
    names: set[str] = set()
    for r in reports:
        w = _report_words(r)
        surface |= w.surface
        vocabulary |= w.vocabulary
        names |= w.names
    return _Words(frozenset(surface), frozenset(vocabulary), frozenset(names))


class ChunkIndex:
    """The chunks of a set of reports, with a BM25 index and the vocabulary they use."""

    def __init__(
        self, reports: Sequence[Report], cache: Path | None = None, persisted_from: int = 0
    ):
        # Built from each report version's own pieces (cached), so a store change only
        # tokenises the reports that changed; the chunks are only read for a search, which
        # many questions (a score, a glossary term) never make.
        self.reports = list(reports)
        words_of = corpus_words(reports)
        # The vocabulary of the whole source text, not just the chunks: a word the reports use
        # anywhere is a word they can answer about.
        self.vocabulary: set[str] = set(words_of.vocabulary)
        self.surface: set[str] = set(words_of.surface)  # the words as written (lower case)
        # Spelling is put right only towards the words that name things: measures, sections,
        # areas and glossary terms ("safegaurding"), never towards any word of the text.
        self.names = sorted(words_of.names)
        # An area's name is put right only from a typing slip ("Seftn", not "Seaton"): a name
        # read as another area's would answer from a report the question never meant.
        self.area_words = frozenset(w for r in reports for w in words(r.area))
        self._lock = threading.Lock()
        # The keyword index: persisted under ``cache`` for a store of ``persisted_from``
        # reports or more (lexical.keyword_index), built in memory below that.
        self._cache_dir = cache
        self._persisted_from = persisted_from

    @property
    def lexical(self):
        with self._lock:
            if "_lexical" not in self.__dict__:
                self._lexical = keyword_index(self.reports, self._cache_dir, self._persisted_from)
            return self._lexical

    @cached_property
    def docs(self) -> list[Document]:
        """Every chunk (a search reads only the chunks it returns)."""
        return self.lexical.docs

    @cached_property
    def idf(self) -> dict[str, float]:
        n = max(self.lexical.size, 1)
        return {t: math.log(1 + n / c) for t, c in self.lexical.frequency.items()}

    def correct(self, question: str, cues: Sequence[str] = ()) -> str:
        """``question`` with misspelt words the reports use put right ("safegaurding"); also
        towards ``cues``, the words a question asks with ("scroe" -> "score")."""

        # a cue word's own inflection ("headlines", "percentages") is no slip
        cue_stems = _stems_of(frozenset(cues))

        def fix(m: re.Match) -> str:
            word = m.group(0)
            low = word.lower()
            if len(low) < 4 or low in self.surface or low in cues:
                return word
            # "scor" stems like "score" but is no word: the cue it is a letter short of.
            same = [c for c in cues if c.startswith(low) and len(c) - len(low) <= 2]
            if same:
                return min(same, key=len)
            if stem(low) in cue_stems:
                return word  # "percentages": another form of a cue word, not a slip of one
            if stem(low) in self.vocabulary:
                return word
            close = []
            if len(low) >= 5:
                close = difflib.get_close_matches(low, self.names, n=1, cutoff=0.85)
                if close and close[0] in self.area_words and not is_slip_of(low, close[0]):
                    return word
                # letters before a word the reports use make another word with a prefix
                # ("unemployment", "nonattendance"), not a slip of it
                if close and low.endswith(close[0]) and len(low) - len(close[0]) >= 2:
                    return word
            if not close:
                # Only a slip within the word: "tower" is not a misspelt "owner".
                pool = [c for c in cues if c[0] == low[0]]
                close = difflib.get_close_matches(low, pool, n=1, cutoff=0.8)
            return close[0] if close else word

        return re.sub(r"[A-Za-z]+", fix, question)

    def idf_of(self, token: str) -> float:
        return self.idf.get(token, math.log(1 + max(self.lexical.size, 1)))


def _matches(meta: dict, reports, sections, kinds) -> bool:
    return (
        (not reports or meta["report"] in reports)
        and (not sections or meta["section"] in sections)
        and (not kinds or meta["kind"] in kinds)
    )


def _where(reports, sections, kinds) -> dict | None:
    conditions = [
        {name: {"$in": list(values)}}
        for name, values in (("report", reports), ("section", sections), ("kind", kinds))
        if values
    ]
    if not conditions:
        return None
    return conditions[0] if len(conditions) == 1 else {"$and": conditions}


class Retriever:
    """Hybrid search over the chunks of the reports a ``Findings`` core holds."""

    def __init__(self, findings):
        self.findings = findings
        self._lock = threading.Lock()
        self._cache: tuple[tuple, ChunkIndex] | None = None
        self._vector_cache: OrderedDict[tuple[str, str], tuple] = OrderedDict()
        # A question looked up report by report embeds the same words each time: the last
        # query's vector is kept (one tuple, replaced whole, so threads never see half of it).
        self._last_query: tuple[str, list[float]] | None = None

    def chunk_index(self, reports: Sequence[Report] | None = None) -> ChunkIndex:
        """The BM25 index of the stored reports, rebuilt only when they change."""
        reports = self.findings.reports() if reports is None else reports
        key = tuple(r.version_key() for r in reports)
        with self._lock:
            if self._cache is None or self._cache[0] != key:
                settings = self.findings.settings
                cache = settings.store / "cache" / "keyword"
                self._cache = (key, ChunkIndex(reports, cache, settings.keyword_index_from))
            return self._cache[1]

    def search(
        self,
        query: str,
        k: int = 8,
        reports: Sequence[str] | None = None,
        sections: Sequence[str] | None = None,
        kinds: Sequence[str] | None = None,
        expand: bool = True,
        dense: bool = True,
    ) -> list[Hit]:
        """The ``k`` best chunks for ``query`` by reciprocal rank fusion of dense and BM25."""
        loaded = self.findings.reports()
        index = self.chunk_index(loaded)
        if not index.lexical.size:
            return []
        text = expand_query(query, loaded).text if expand else query
        hits: dict[str, Hit] = {}
        for rank, (pos, value) in enumerate(self._lexical(index, text, reports, sections, kinds)):
            doc = index.lexical.doc(pos)
            hit = hits.setdefault(doc.id, Hit(doc=doc, score=0.0))
            hit.lexical = value
            hit.score += 1.0 / (RRF_K + rank + 1)
        if dense:
            for rank, (doc_id, sim) in enumerate(
                self._dense(text, k * 3, reports, sections, kinds)
            ):
                pos = index.lexical.position(doc_id)
                if pos is None:
                    continue  # the vector store holds a chunk the SQLite store no longer has
                hit = hits.setdefault(doc_id, Hit(doc=index.lexical.doc(pos), score=0.0))
                hit.dense = sim
                hit.score += 1.0 / (RRF_K + rank + 1)
        return sorted(hits.values(), key=lambda h: h.score, reverse=True)[:k]

    def _lexical(self, index: ChunkIndex, text: str, reports, sections, kinds, limit: int = 30):
        tokens = [t for t in stems(text) if t not in STOPWORDS]
        if not tokens or not index.lexical.size:
            return []
        return index.lexical.ranked(tokens, reports, sections, kinds, limit)

    def _dense(self, text: str, n: int, reports, sections, kinds) -> list[tuple[str, float]]:
        collection = self.findings.index.collection
        last = self._last_query
        if last is not None and last[0] == text:
            vector = last[1]
        else:
            vector = self.findings.embedder.embed_query(text)
            self._last_query = (text, vector)
        # Only the stored versions' chunks: others are a write in progress or its garbage.
        active = {r.id: version_id(r.sha256) for r in self.findings.reports()}
        if reports and set(reports) >= active.keys():
            reports = None  # every report: no report filter
        where = _where(reports, sections, kinds)
        if reports and len(reports) <= EXACT_REPORTS:
            # A few reports: their vectors, read once per version, compared here (exact, and
            # no metadata filter over the whole collection).
            pairs = [(r, active[r]) for r in dict.fromkeys(reports) if r in active]
            return self._exact(collection, vector, max(1, n), pairs, sections, kinds)
        if reports:
            # Some reports: their versions go into the filter, which stays small.
            versions = sorted({active[r] for r in reports if r in active}) or ["-"]
            in_active = {"version": {"$in": versions}}
            where = {"$and": [where, in_active]} if where else in_active
            return self._nearest(collection, vector, max(1, n), where, None)
        # Every report: a filter naming every active version costs more than the search itself
        # (150 ms at 200 reports), so the nearest chunks are fetched and the inactive dropped.
        return self._nearest(collection, vector, max(1, n), where, active)

    def _exact(self, collection, vector, n: int, pairs, sections, kinds):
        import numpy as np

        query = np.asarray(vector, dtype=np.float32)
        query = query / (np.linalg.norm(query) or 1.0)
        found: list[tuple[str, float]] = []
        for report_id, version in pairs:
            ids, metas, matrix = self._vectors(collection, report_id, version)
            keep = [k for k, m in enumerate(metas) if _matches(m, None, sections, kinds)]
            if not keep:
                continue
            rows = matrix[keep]
            norms = np.linalg.norm(rows, axis=1)
            sims = rows @ query / np.where(norms == 0, 1.0, norms)
            found += [(chunk_id(ids[keep[k]]), float(sims[k])) for k in range(len(keep))]
        found.sort(key=lambda x: -x[1])
        return found[:n]

    def _vectors(self, collection, report_id: str, version: str):
        """The stored vectors of one report version (ids, metadata, matrix), kept a while."""
        import numpy as np

        key = (report_id, version)
        with self._lock:
            if key in self._vector_cache:
                self._vector_cache.move_to_end(key)
                return self._vector_cache[key]
        got = collection.get(
            where={"$and": [{"report": report_id}, {"version": version}]},
            include=["embeddings", "metadatas"],
        )
        ids = list(got["ids"])
        embeddings = got.get("embeddings")
        if ids and embeddings is not None:
            matrix = np.asarray(embeddings, dtype=np.float32).reshape(len(ids), -1)
        else:
            matrix = np.zeros((0, 0), dtype=np.float32)
        value = (ids, list(got.get("metadatas") or []), matrix)
        with self._lock:
            self._vector_cache[key] = value
            while len(self._vector_cache) > VECTOR_CACHE:
                self._vector_cache.popitem(last=False)
        return value

    @staticmethod
    def _nearest(collection, vector, n: int, where, active) -> list[tuple[str, float]]:
        fetch = n if active is None else 2 * n
        while True:
            result = collection.query(
                query_embeddings=[vector],
                n_results=fetch,
                where=where,
                include=["distances", "metadatas"],
            )
            ids = result["ids"][0] if result["ids"] else []
            distances = result["distances"][0] if result.get("distances") else [1.0] * len(ids)
            metas = result["metadatas"][0] if result.get("metadatas") else [{}] * len(ids)
            # The collection uses cosine distance: similarity is its complement.
            found = [
                (chunk_id(i), 1.0 - float(d))
                for i, d, m in zip(ids, distances, metas, strict=False)
                if active is None or active.get((m or {}).get("report")) == (m or {}).get("version")
            ]
            if active is None or len(found) >= n or len(ids) < fetch:
                return found[:n]
            fetch *= 4  # garbage crowded the active chunks out: look further


def chunk_id(stored_id: str) -> str:
    """The chunk's own id ("sefton-2009:1.1:area:1") from its id in the vector store, which
    may carry the report version ("sefton-2009@ab12cd:1.1:area:1")."""
    report, sep, rest = stored_id.partition(":")
    return f"{report.split('@', 1)[0]}{sep}{rest}"


@lru_cache(maxsize=8)
def _stems_of(cues: frozenset[str]) -> frozenset[str]:
    return frozenset(stem(c) for c in cues)

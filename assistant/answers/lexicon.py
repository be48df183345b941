"""What the loaded reports name, indexed once per store change rather than per question.

A question is matched against every area spelling and every glossary term the loaded reports
hold. Looping over the reports for each question made every question's cost grow with the
store (seconds at a few hundred reports); these indexes are built once for a set of reports
(``per_reports``: the set changes when a report is ingested, removed or rolled back, in this
process or another sharing the store) and a question only touches the names it contains.
What belongs to one report (its words) is kept per report version, so a store change only
reads the reports that changed.
"""

from __future__ import annotations

import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import wraps
from typing import TypeVar

from ingest.model import GlossaryEntry, Report
from ingest.text.tokens import words

T = TypeVar("T")


def report_key(report: Report) -> tuple:
    """A report version's identity: the same id, file and text read the same."""
    return report.version_key()


class _VersionCache:
    """Values computed from one report version, kept for the most recent versions."""

    def __init__(self, size: int = 4096):
        self.size = size
        self.values: OrderedDict[tuple, object] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, report: Report, make: Callable[[Report], T]) -> T:
        key = report_key(report)
        with self.lock:
            if key in self.values:
                self.values.move_to_end(key)
                return self.values[key]  # type: ignore[return-value]
        value = make(report)
        with self.lock:
            self.values[key] = value
            while len(self.values) > self.size:
                self.values.popitem(last=False)
        return value


def per_report(fn: Callable[[Report], T]) -> Callable[[Report], T]:
    """Cache ``fn(report)`` per report version."""
    cache = _VersionCache()

    @wraps(fn)
    def cached(report: Report) -> T:
        return cache.get(report, fn)

    cached.cache = cache  # type: ignore[attr-defined]
    return cached


def per_reports(fn: Callable[[Sequence[Report]], T]) -> Callable[[Sequence[Report]], T]:
    """Cache ``fn(reports)`` for the last few sets of report versions it was called with."""
    cache: OrderedDict[tuple, T] = OrderedDict()
    lock = threading.Lock()

    @wraps(fn)
    def cached(reports: Sequence[Report]) -> T:
        key = tuple(report_key(r) for r in reports)
        with lock:
            if key in cache:
                cache.move_to_end(key)
                return cache[key]
        value = fn(reports)
        with lock:
            cache[key] = value
            while len(cache) > 8:
                cache.popitem(last=False)
        return value

    cached.cache = cache  # type: ignore[attr-defined]
    return cached


@per_report
def report_words(report: Report) -> frozenset[str]:
    """Every word of the report's text (lower case)."""
    return frozenset(words(report.text))


@per_reports
def word_reports(reports: Sequence[Report]) -> Counter:
    """How many of ``reports`` use each word."""
    counts: Counter = Counter()
    for r in reports:
        counts.update(report_words(r))
    return counts


# --- spellings found in a question -----------------------------------------------------

_LETTER = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LEADING_LETTERS = re.compile(r"[A-Za-z]*")


class SpellingFinder:
    """Which of many lower-case spellings a text contains as whole words, the way
    ``(?<![A-Za-z])spelling(?![A-Za-z])`` searched case-insensitively finds them, but
    looking only at the spellings that start with a word of the text."""

    def __init__(self, spellings: Iterable[str]):
        self.by_head: dict[str, list[str]] = {}
        for s in dict.fromkeys(spellings):
            if s:
                self.by_head.setdefault(_LEADING_LETTERS.match(s).group(0), []).append(s)

    def found(self, text: str) -> set[str]:
        low = text.lower()
        if len(low) != len(text):  # a letter whose lower case is longer: read it the slow way
            return {
                s
                for group in self.by_head.values()
                for s in group
                if re.search(r"(?<![A-Za-z])" + re.escape(s) + r"(?![A-Za-z])", text, re.I)
            }
        out: set[str] = set()
        n = len(low)
        for i in range(n):
            if i and low[i - 1] in _LETTER:
                continue
            head = _LEADING_LETTERS.match(low, i).group(0)
            for s in self.by_head.get(head, ()):
                end = i + len(s)
                if low.startswith(s, i) and (end == n or low[end] not in _LETTER):
                    out.add(s)
        return out


# --- glossary ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GlossaryGroup:
    """Glossary entries (of any number of reports) that read the same: the same spellings
    and the same expansion, so a question names all of them or none."""

    term: str  # the entry's main term
    spellings: tuple[str, ...]  # every spelling the entries answer to (``entry_terms``)
    head: str  # the words the term abbreviates
    head_words: str  # the same, as lower-case words
    rows: tuple[int, ...]  # positions of its entries in ``GlossaryIndex.entries``


@dataclass(frozen=True)
class GlossaryGroups:
    """Where every glossary entry of a set of reports is, grouped by how it reads: plain data,
    saved once per store change (``derived``), so a fresh process reads no report for it."""

    places: tuple[tuple[int, int], ...]  # (report position, entry position) of each entry
    groups: tuple[GlossaryGroup, ...]
    by_spelling: dict[str, list[GlossaryGroup]]

    @classmethod
    def build(cls, reports: Sequence[Report], terms_of, head_of) -> GlossaryGroups:
        places = tuple((i, j) for i, r in enumerate(reports) for j in range(len(r.glossary)))
        keyed: dict[tuple, list[int]] = {}
        for n, (i, j) in enumerate(places):
            entry = reports[i].glossary[j]
            key = (tuple(terms_of(entry)), entry.term, head_of(entry.definition))
            keyed.setdefault(key, []).append(n)
        groups = tuple(
            GlossaryGroup(term, spellings, head, " ".join(words(head)), tuple(rows))
            for (spellings, term, head), rows in keyed.items()
        )
        # A term is only found where its letters are: a cheap test before its pattern.
        by_spelling: dict[str, list[GlossaryGroup]] = {}
        for g in groups:
            for s in g.spellings:
                by_spelling.setdefault(s, []).append(g)
        return cls(places, groups, by_spelling)


class GlossaryIndex:
    """Every glossary entry of a set of reports, grouped by how it reads."""

    def __init__(
        self,
        reports: Sequence[Report],
        terms_of=None,
        head_of=None,
        parts: GlossaryGroups | None = None,
    ):
        self.reports = list(reports)
        parts = parts or GlossaryGroups.build(self.reports, terms_of, head_of)
        self.places = parts.places
        self.groups = list(parts.groups)
        self.by_spelling = parts.by_spelling

    @property
    def entries(self) -> list[tuple[Report, GlossaryEntry]]:
        return [self._entry(n) for n in range(len(self.places))]

    def _entry(self, n: int) -> tuple[Report, GlossaryEntry]:
        i, j = self.places[n]
        report = self.reports[i]
        return report, report.glossary[j]

    def spellings_in(self, text: str) -> list[str]:
        """The spellings whose letters occur in ``text`` (a superset of those it names)."""
        low = text.lower()
        return [s for s in self.by_spelling if _core(s) in low]

    def entries_of(self, groups: Iterable[GlossaryGroup]) -> list[tuple[Report, GlossaryEntry]]:
        """The entries of ``groups``, in report order (only their reports are read)."""
        rows = sorted({n for g in groups for n in g.rows})
        return [self._entry(n) for n in rows]


def _core(term: str) -> str:
    """The letters a term's pattern needs (``ingest.text.terms.term_pattern``)."""
    return term.strip(" “”\"'‘’").rstrip("+").lower()

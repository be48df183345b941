"""Small text helpers shared by retrieval and answering: tokens, stems, sentences (pure)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z0-9]+(?:[+][A-Za-z0-9]*)?|[+]")
_HYPHEN_BREAK = re.compile(r"-\s*\n\s*")
_SPACES = re.compile(r"\s+")
# A sentence ends at . ! or ? followed by space and an opening capital, digit, quote or bracket.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z0-9“\"‘'(])")

_STOPWORDS_TEXT = """
a an the of in on for to and or with about at by from as that this these those it its their
there they them he she his her me my i you your we our us is are was were be been being do
does did done doing have has had having not no nor so than then too very can could would
should will shall may might must what which who whom whose when where why how whats please
tell show give list explain describe say said says any all some much many each every also
just only into onto over under up down out off again further once here both either neither
other others one ones same such own more most less least get got let lets know like want
wanted need about above below between did into there s t re ve ll d m hi hello thanks thank
ok okay yes
"""

STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


def clean(text: str) -> str:
    """Display form of raw source text: line-break hyphenation joined, whitespace collapsed."""
    return _SPACES.sub(" ", _HYPHEN_BREAK.sub("-", text)).strip()


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits; a trailing '+' kept, as in 'YOIS+')."""
    return [w.lower() for w in _WORD.findall(text.replace("’", "'").replace("'s ", " "))]


@lru_cache(maxsize=20000)
def stem(word: str) -> str:
    """A light suffix stripper: enough to match 'assessments' to 'assessment' to 'assess'."""
    w = word.lower()
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith("ies") and len(w) > 5:
        return w[:-3] + "y"
    for suffix in ("ments", "ment", "ings", "ing", "edly", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "ls":
        w = w[:-1]  # planning -> plann -> plan
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


def stems(text: str, drop_stopwords: bool = True) -> list[str]:
    """Stemmed content tokens of ``text``."""
    return [stem(w) for w in words(text) if not (drop_stopwords and w in STOPWORDS)]


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the sentences in ``text``, whitespace trimmed."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start() + len(m.group(0).rstrip())
        yield from _trimmed(text, start, end)
        start = m.end()
    yield from _trimmed(text, start, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        offset = start + len(chunk) - len(chunk.lstrip())
        yield offset, offset + len(stripped)


def find_loose(text: str, needle: str, start: int = 0) -> tuple[int, int] | None:
    """Offsets of ``needle`` in ``text`` allowing any run of whitespace where it has one."""
    parts = [re.escape(p) for p in needle.split()]
    if not parts:
        return None
    m = re.compile(r"\s+".join(parts), re.IGNORECASE).search(text, start)
    return (m.start(), m.end()) if m else None

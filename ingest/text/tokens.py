"""Tokens: words of a question or a passage, their stems, and the display form of raw text."""

from __future__ import annotations

import re

from ingest.text.stemming import stem
from ingest.text.stopwords import STOPWORDS

_WORD = re.compile(r"[A-Za-z0-9]+(?:[+][A-Za-z0-9]*)?|[+]")
# Letters only, as written (an apostrophe and a trailing '+' kept): numbers are read apart.
_LETTER_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019+]*")
_HYPHEN_BREAK = re.compile(r"-\s*\n\s*")
_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """Display form of raw source text: line-break hyphenation joined, whitespace collapsed."""
    return _SPACES.sub(" ", _HYPHEN_BREAK.sub("-", text)).strip()


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits; a trailing '+' kept, as in 'YOIS+')."""
    return [w.lower() for w in _WORD.findall(text.replace("’", "'").replace("'s ", " "))]


def letter_words(text: str) -> list[str]:
    """Words of letters as written ("Sefton's", "YOIS+"), without the numbers among them."""
    return _LETTER_WORD.findall(text)


def stems(text: str, drop_stopwords: bool = True) -> list[str]:
    """Stemmed content tokens of ``text``."""
    return [stem(w) for w in words(text) if not (drop_stopwords and w in STOPWORDS)]

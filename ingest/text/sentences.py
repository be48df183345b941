"""Sentence splitting over raw text: spans, so that every sentence can be quoted exactly."""

from __future__ import annotations

import re

# A sentence ends at . ! or ? (and any closing quotes or brackets) before white space and
# something that can open a sentence: a capital, a digit, an opening quote or bracket.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])")
# "e.g. The" and "No. 5" are not the end of a sentence.
_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|etc|vs|no|approx|cf|mr|mrs|dr|st)\.$", re.IGNORECASE)


def sentence_spans(
    text: str, start: int = 0, end: int | None = None, *, abbreviations: bool = True
) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text[start:end]``, whitespace trimmed.

    With ``abbreviations`` a full stop after a known abbreviation ("e.g.", "No.") ends no
    sentence."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if abbreviations and _ABBREVIATION.search(text[max(start, m.start() - 5) : m.start() + 1]):
            continue
        spans.append((pos, m.end()))
        pos = m.end()
    spans.append((pos, end))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out

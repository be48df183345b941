"""The reader registry: one reader per report layout, chosen by what the text shows.

Every layout reader scores the text from 0 to 1 by its cues (see ``cues.py`` and the YAML
file beside each reader); the general reader scores what is left, 1 minus the best of the
others. The best score wins and becomes ``Report.format_confidence``. A layout reader that
cannot read the text after all hands it to the next best, and finally to the general
reader, which reads any text: only files with no usable text are refused.

A new layout is one new module with a ``score`` and a ``read`` and a line in ``READERS``.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Protocol

from ingest.model import Report
from ingest.parse import NotAReportError
from ingest.readers.core_case import CoreCaseReader
from ingest.readers.general import GeneralReader
from ingest.readers.inspection_2012 import Inspection2012Reader
from ingest.readers.layout import table_cells
from ingest.readers.ratings import RatingsReader
from ingest.readers.region import stated_region

# Text with fewer words than this (of two letters or more) has nothing to ask about.
_MIN_WORDS = 3
_WORD = re.compile(r"[^\W\d_]{2,}")


class Reader(Protocol):
    format: str

    def score(self, text: str) -> float: ...

    def read(self, text: str, source_path: str | None, page_starts: list[int] | None) -> Report: ...


class NoUsableTextError(NotAReportError):
    """The file has no text to read (only numbers, symbols or whitespace)."""


READERS: tuple[Reader, ...] = (CoreCaseReader(), Inspection2012Reader(), RatingsReader())
GENERAL: Reader = GeneralReader()


def detect(text: str) -> list[tuple[Reader, float]]:
    """Every reader with its score for ``text``, best first (the general reader last on a tie)."""
    shown = table_cells(text)
    scored = [(r, r.score(shown)) for r in READERS]
    best = max((s for _, s in scored), default=0.0)
    scored.append((GENERAL, round(1.0 - best, 3)))
    return sorted(scored, key=lambda rs: -rs[1])


def read_report(
    text: str, source_path: str | None = None, page_starts: list[int] | None = None
) -> Report:
    """Read any document with text into a Report; raise NoUsableTextError when it has none."""
    if len(list(islice(_WORD.finditer(text), _MIN_WORDS))) < _MIN_WORDS:
        raise NoUsableTextError("the file has no usable text (no words to read)")
    for reader, confidence in detect(text):
        try:
            report = reader.read(text, source_path, page_starts)
        except NotAReportError:
            continue  # the layout's cues were there but its structure was not: next reader
        report.format = reader.format
        report.format_confidence = confidence
        report.region = report.region or stated_region(report.text)
        return report
    raise NoUsableTextError("the file has no usable text")  # the general reader never refuses


__all__ = ["GENERAL", "READERS", "NoUsableTextError", "Reader", "detect", "read_report"]

"""Parsing costs linear (or near-linear) time in the input: the inputs that were quadratic
or worse, at sizes where a quadratic cost would take minutes."""

from __future__ import annotations

import contextlib
import time

from ingest import glossary
from ingest.parse import NotAReportError, parse_report
from ingest.text.layout import clean_text, ends_open, is_terminated
from tests.adversarial import corpus


def _parse_seconds(name: str) -> float:
    data = corpus()[name]()
    text = data if isinstance(data, str) else data.decode()
    started = time.monotonic()
    with contextlib.suppress(NotAReportError):  # refused or not, it must be quick
        parse_report(text)
    return time.monotonic() - started


def test_a_200_kb_line_of_dots_is_quick():
    assert _parse_seconds("line-00.txt") < 3  # was over five minutes


def test_bare_glossary_terms_then_definitions_are_quick():
    assert _parse_seconds("glossary-terms-defs.txt") < 10  # was over five minutes
    assert _parse_seconds("glossary-quotes.txt") < 5  # cubic before


def test_alignment_band_keeps_within_its_budget():
    lo, hi = glossary._band(5000, 10_000)
    cells = sum(h - low + 1 for low, h in zip(lo, hi, strict=True))
    assert cells <= 2 * glossary._ALIGN_BUDGET + 5000
    assert all(a <= b for a, b in zip(lo, lo[1:], strict=False))  # never decreasing
    assert all(a <= b for a, b in zip(hi, hi[1:], strict=False))
    assert all(i <= low <= h <= 5000 + i for i, (low, h) in enumerate(zip(lo, hi, strict=True)))
    # a real glossary's size gets the exact search: every line a term could start on
    lo, hi = glossary._band(40, 120)
    assert lo == list(range(40)) and hi == [80 + i for i in range(40)]


def test_end_of_passage_checks_look_at_the_tail_only():
    long = "word " * 200_000
    started = time.monotonic()
    for _ in range(1000):
        is_terminated(long + ".")
        ends_open(long + "the")
    assert time.monotonic() - started < 1
    assert is_terminated(long + "end.”") and ends_open(long + "of the") and not ends_open("x.")
    joined = clean_text("\n".join(["well-"] + ["being and more"] * 20_000))
    assert joined.startswith("well-being and more being")

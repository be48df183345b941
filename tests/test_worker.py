"""Parsing in a worker process: bounded time and memory, one-line reasons, same results."""

from __future__ import annotations

import time

from ingest.load import PdfLimits
from ingest.parse import parse_report
from ingest.worker import ParseLimits, parse_file, parse_here
from tests.adversarial import pdf_bomb, pdf_many_pages
from tests.conftest import FICTIONAL


def test_worker_parses_like_the_caller_would():
    got = parse_file(FICTIONAL)
    assert got.ok and got.reason is None and got.path == FICTIONAL
    here = parse_here(FICTIONAL, ParseLimits())
    assert got.report == here.report
    assert got.report.criteria == parse_report(FICTIONAL.read_text(encoding="utf-8")).criteria
    assert len(got.report.sha256) == 64


def test_worker_is_killed_after_its_time_limit(tmp_path):
    slow = tmp_path / "slow.txt"
    text = FICTIONAL.read_text(encoding="utf-8")
    slow.write_text(text + "\n".join(f"RoSH{i} Risk of Serious Harm {i}" for i in range(30000)))
    started = time.monotonic()
    got = parse_file(slow, ParseLimits(seconds=0.5))
    assert not got.ok and got.reason == "took too long (over 0.5 s)"
    assert time.monotonic() - started < 5


def test_worker_memory_limit_gives_too_large(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(("1.1 Risk of harm " * 5 + "\n") * 300_000)  # 26 MB in 300,000 lines
    got = parse_file(big, ParseLimits(memory_mb=128, max_bytes=64 * 2**20))
    assert not got.ok and got.reason.startswith("too large"), got.reason
    assert "\n" not in got.reason


def test_pdf_limits_on_pages_and_decompression(tmp_path):
    many = tmp_path / "many.pdf"
    many.write_bytes(pdf_many_pages())
    got = parse_file(many, ParseLimits(pdf=PdfLimits(pages=100)))
    assert got.reason == "too large: PDF has 2000 pages, over the 100 limit"
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(pdf_bomb())
    got = parse_file(bomb)
    assert not got.ok and got.reason.startswith("too large"), got.reason


def test_bad_file_reason_is_one_line(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert parse_file(empty).reason == "file is empty"
    assert parse_file(tmp_path / "missing.txt").reason == "no such file"

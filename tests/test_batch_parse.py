"""Many files parsed in one child process: the same reports as one worker per file, in order,
and a slow, huge or broken file fails alone while the files after it still parse."""

from __future__ import annotations

import time
from pathlib import Path

from ingest.batch import parse_files
from ingest.worker import ParseLimits, parse_file

ROOT = Path(__file__).resolve().parent.parent
FORMATS = sorted((ROOT / "tests" / "data" / "formats").glob("*.txt"))[:4]


def test_batch_parses_like_one_worker_per_file():
    got = list(parse_files(FORMATS))
    assert [p.path for p in got] == FORMATS
    for parsed, path in zip(got, FORMATS, strict=True):
        alone = parse_file(path)
        assert parsed.ok and parsed.report.id == alone.report.id
        assert parsed.report.sha256 == alone.report.sha256
        assert [s.value for s in parsed.report.all_scores()] == [
            s.value for s in alone.report.all_scores()
        ]


def test_a_slow_file_fails_alone_and_the_rest_still_parse(tmp_path):
    slow = tmp_path / "slow.txt"
    text = FORMATS[0].read_text(encoding="utf-8")
    slow.write_text(text + "\n".join(f"RoSH{i} Risk of Serious Harm {i}" for i in range(300_000)))
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    paths = [FORMATS[1], slow, empty, FORMATS[2]]
    started = time.monotonic()
    got = list(parse_files(paths, ParseLimits(seconds=2.0)))
    assert time.monotonic() - started < 15
    assert [p.path for p in got] == paths
    assert got[0].ok and got[3].ok
    assert got[1].reason == "took too long (over 2 s)"
    assert got[2].reason == "file is empty"


def test_memory_limit_in_a_batch_gives_too_large(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(("1.1 Risk of harm " * 5 + "\n") * 300_000)
    got = list(parse_files([big, FORMATS[0]], ParseLimits(memory_mb=128, max_bytes=64 * 2**20)))
    assert got[0].reason.startswith("too large") and "\n" not in got[0].reason
    assert got[1].ok

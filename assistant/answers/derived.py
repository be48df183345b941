"""Indexes derived from every stored report, saved once per store change for later processes.

The names, spellings and words of 1,000 reports took a fresh process about 1.5 s to work out
before its first answer (and reading the reports to work them out, as much again). What
``persisted`` wraps is computed once per set of report versions, as ``per_reports`` does in a
process, and also written under ``<store>/cache/derived/<key>/<name>.pickle``: ``key`` digests
the report versions (id, file hash, text length, in order) and the source of the code and data
that derive them, so a store change by any process, or a change to the code, is a new key and
never reads a stale value. A file is written whole under a temporary name and renamed into place,
so a reader sees all of it or nothing; one that cannot be read or written (a read-only store) is
computed in memory as before. Values must be plain data (no ``Report``): they are pickled.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import TypeVar

from assistant.answers.lexicon import per_reports
from ingest.model import Report

log = logging.getLogger(__name__)
T = TypeVar("T")

FORMAT = 1  # bumped when the files written here change
KEEP = 2  # folders of earlier store states kept beside the current one (another process's)

_ROOT = Path(__file__).resolve().parent.parent.parent
# The code and data the derived values depend on: every module and word list of the answers
# package and of the language layer, and the report model.
_SOURCE_GLOBS = ("assistant/answers/**/*.py", "assistant/answers/**/*.yaml", "ingest/text/**/*")


def _code_digest() -> str:
    h = hashlib.sha256(str(FORMAT).encode())
    paths = sorted(p for g in _SOURCE_GLOBS for p in _ROOT.glob(g) if p.is_file())
    for path in [*paths, _ROOT / "ingest" / "model.py"]:
        if path.suffix in (".py", ".yaml"):
            h.update(str(path.relative_to(_ROOT)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


_code: str | None = None
# Where the values of the whole store are saved: (its report versions, their folder). Values
# of a part of the store (the reports a question scopes) stay in memory: saved, each part
# would be a folder of its own, and would push the whole store's out of the ones kept.
_whole: tuple[tuple, Path] | None = None


def use_folder(folder: Path | None, reports: Sequence[Report] = ()) -> None:
    """Save the values derived from ``reports`` (every stored report) under ``folder``
    (``<store>/cache/derived``); None keeps every value in memory."""
    global _whole
    if folder is None:
        _whole = None
        return
    key = tuple(r.version_key() for r in reports)
    _whole = (key, folder / store_key(key))


def store_key(keys: Sequence[tuple]) -> str:
    """The name of the folder of these report versions' values, with this code."""
    global _code
    if _code is None:
        _code = _code_digest()
    h = hashlib.sha256(_code.encode())
    for rid, sha, length in keys:
        h.update(f"{rid}\0{sha}\0{length}\n".encode())
    return h.hexdigest()[:24]


def _read(path: Path):
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except FileNotFoundError:
        return _MISSING
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as e:
        log.warning("derived index %s not readable (%s): computed again", path, e)
        return _MISSING


def _write(path: Path, value) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # whole, or not there at all
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _prune(path.parent)
    except OSError as e:
        log.warning("derived index %s not written (%s): kept in memory", path, e)


def _prune(current: Path) -> None:
    """Drop the folders of older store states but the ``KEEP`` most recent."""
    older = sorted(
        (p for p in current.parent.iterdir() if p.is_dir() and p != current),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for stale in older[KEEP:]:
        shutil.rmtree(stale, ignore_errors=True)


class _Missing:
    pass


_MISSING = _Missing()


def persisted(name: str) -> Callable[[Callable[[Sequence[Report]], T]], Callable]:
    """Cache ``fn(reports)`` per set of report versions, in this process (``per_reports``)
    and, for the whole store, on disk."""

    def wrap(fn: Callable[[Sequence[Report]], T]) -> Callable[[Sequence[Report]], T]:
        @wraps(fn)
        def read_or_make(reports: Sequence[Report]) -> T:
            whole = _whole
            path = None
            if whole is not None and whole[0] == tuple(r.version_key() for r in reports):
                path = whole[1] / f"{name}.pickle"
            value = _read(path) if path is not None else _MISSING
            if value is _MISSING:
                value = fn(reports)
                if path is not None:
                    _write(path, value)
            return value

        cached = per_reports(read_or_make)
        cached.uncached = fn  # type: ignore[attr-defined]
        return cached

    return wrap

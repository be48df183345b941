"""Load and parse many files in one child process, each file with its own time limit.

Starting a fresh interpreter per file costs about as much as parsing a report ten times over,
so a long ingest hands a batch of files to one child (``python -m ingest.batch``). The child
has the same memory cap and answers file by file (a length, then the pickled ``Parsed``); a
file that overruns its time limit or kills the child is reported as failed, and a new child
takes the rest of the batch. Every outcome is a ``Parsed``, in the order of the paths.
"""

from __future__ import annotations

import json
import os
import pickle
import select
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from ingest.worker import Parsed, ParseLimits, _cap_memory, _limits_from, _pythonpath, parse_here

_HEADER = struct.Struct(">Q")


def parse_files(paths: Sequence[Path], limits: ParseLimits | None = None) -> Iterator[Parsed]:
    """Load and parse ``paths`` in child processes; one ``Parsed`` per path, in order."""
    limits = limits or ParseLimits()
    todo = list(paths)
    while todo:
        done = 0
        with tempfile.TemporaryFile() as errors:
            child = _start(todo, limits, errors)
            try:
                for parsed in _answers(child, todo, limits):
                    done += 1
                    yield parsed
            finally:
                _stop(child)
        todo = todo[done:]


@dataclass
class _Child:
    process: subprocess.Popen
    errors: IO[bytes]  # the child's stderr, for the reason it failed


def _start(paths: list[Path], limits: ParseLimits, errors: IO[bytes]) -> _Child:
    process = subprocess.Popen(
        [sys.executable, "-m", "ingest.batch"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        # a file, not a pipe: warnings from many files must never fill a pipe and stall the child
        stderr=errors,
        env={**os.environ, "PYTHONPATH": _pythonpath()},
    )
    request = json.dumps({"paths": [str(p) for p in paths], "limits": asdict(limits)})
    assert process.stdin is not None
    process.stdin.write(request.encode())
    process.stdin.close()
    return _Child(process, errors)


def _answers(child: _Child, paths: list[Path], limits: ParseLimits) -> Iterator[Parsed]:
    """The child's answers until it finishes or fails; a failure ends with that file's reason."""
    assert child.process.stdout is not None
    out = child.process.stdout.fileno()
    # The first file also pays for the child's start: the same allowance as a one-file worker.
    for path in paths:
        deadline = time.monotonic() + limits.seconds
        header = _read(out, _HEADER.size, deadline)
        if header is None or len(header) < _HEADER.size:
            yield _failure(child, path, limits, timed_out=header is None)
            return
        body = _read(out, _HEADER.unpack(header)[0], deadline)
        if body is None:
            yield _failure(child, path, limits, timed_out=True)
            return
        parsed = pickle.loads(body)  # our own child's answer, never the file's bytes
        parsed.path = path
        yield parsed


def _read(fd: int, size: int, deadline: float) -> bytes | None:
    """``size`` bytes (fewer at the end of the stream), or None when the deadline passes."""
    data = bytearray()
    while len(data) < size:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        chunk = os.read(fd, size - len(data))
        if not chunk:
            break
        data += chunk
    return bytes(data)


def _failure(child: _Child, path: Path, limits: ParseLimits, timed_out: bool) -> Parsed:
    code = child.process.poll()
    _stop(child)
    if timed_out:
        return Parsed(path, reason=f"took too long (over {limits.seconds:g} s)")
    if code is None:
        code = child.process.returncode
    if code is not None and code < 0:
        return Parsed(path, reason=f"the parser was stopped (signal {-code})")
    child.errors.seek(0)
    err = child.errors.read().decode(errors="replace")
    last = (err.strip().splitlines() or ["no output"])[-1]
    if "MemoryError" in last:
        return Parsed(path, reason=f"too large (over the {limits.memory_mb} MB memory limit)")
    return Parsed(path, reason=f"could not be parsed: {last[:160]}")


def _stop(child: _Child) -> None:
    if child.process.poll() is None:
        child.process.kill()
    child.process.wait()
    if child.process.stdout and not child.process.stdout.closed:
        child.process.stdout.close()


def _main() -> None:
    request = json.loads(sys.stdin.buffer.read())
    limits = _limits_from(request["limits"])
    _cap_memory(limits.memory_mb)
    out = sys.stdout.buffer
    for name in request["paths"]:
        try:
            parsed = parse_here(Path(name), limits)
        except Exception as e:  # noqa: BLE001 - the caller shows one line, never a traceback
            message = " ".join(str(e).split())[:160] or type(e).__name__
            parsed = Parsed(Path(name), reason=f"could not be parsed: {message}")
        body = pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL)
        out.write(_HEADER.pack(len(body)) + body)
        out.flush()


if __name__ == "__main__":
    # Through the module, not __main__: the pickled classes must name ingest.worker.
    from ingest.batch import _main as main

    main()

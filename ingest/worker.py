"""Load and parse one report file in a child process with a time limit and a memory limit.

A hostile or broken file must never stall the process that asked for it (a web server
keeps answering while a worker parses) nor exhaust its memory. The child is a fresh
interpreter (no threads or locks inherited from the caller), caps its own address space,
and is killed when the wall-clock limit passes. Every outcome is a ``Parsed``: a report, or
a one-line reason.
"""

from __future__ import annotations

import json
import os
import pickle
import resource
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from ingest.load import LoadError, PdfLimits, load_file
from ingest.model import Report

_PACKAGE_PARENT = Path(__file__).resolve().parent.parent
_MB = 1024 * 1024


@dataclass(frozen=True)
class ParseLimits:
    """How much one file may cost to parse."""

    seconds: float = 30.0  # wall clock, load and parse together
    memory_mb: int = 1024  # the worker's address space
    max_bytes: int = 20 * _MB  # the file itself
    pdf: PdfLimits = PdfLimits()


@dataclass
class Parsed:
    """A parsed report with its file's sha256, or the reason it could not be parsed."""

    path: Path
    report: Report | None = None
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.report is not None


def parse_here(path: Path, limits: ParseLimits) -> Parsed:
    """Load and parse in this process (the worker's body; also for callers that must not fork)."""
    # The readers are imported here: a process that only answers questions never needs them.
    from ingest.readers import NoUsableTextError, read_report

    try:
        loaded = load_file(path, limits.max_bytes, limits.pdf)
        report = read_report(
            loaded.text, source_path=str(path), page_starts=loaded.page_starts or None
        )
    except LoadError as e:
        return Parsed(path, reason=e.reason)
    except NoUsableTextError as e:
        return Parsed(path, reason=str(e))
    except MemoryError:
        return Parsed(path, reason=f"too large (over the {limits.memory_mb} MB memory limit)")
    except RecursionError:
        return Parsed(path, reason="too deeply nested to read")
    report.sha256 = loaded.sha256
    return Parsed(path, report=report)


def parse_file(path: Path, limits: ParseLimits | None = None) -> Parsed:
    """Load and parse ``path`` in a worker process; never raises for a bad file."""
    limits = limits or ParseLimits()
    request = json.dumps({"path": str(path), "limits": asdict(limits)})
    env = {**os.environ, "PYTHONPATH": _pythonpath()}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "ingest.worker"],
            input=request.encode(),
            capture_output=True,
            timeout=limits.seconds,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:  # run() has killed the worker
        return Parsed(path, reason=f"took too long (over {limits.seconds:g} s)")
    if done.returncode == 0 and done.stdout:
        parsed = pickle.loads(done.stdout)  # our own child's answer, never the file's bytes
        parsed.path = path
        return parsed
    if done.returncode < 0:
        return Parsed(path, reason=f"the parser was stopped (signal {-done.returncode})")
    last = (done.stderr.decode(errors="replace").strip().splitlines() or ["no output"])[-1]
    if "MemoryError" in last:
        return Parsed(path, reason=f"too large (over the {limits.memory_mb} MB memory limit)")
    return Parsed(path, reason=f"could not be parsed: {last[:160]}")


def _pythonpath() -> str:
    """This package's own location first, so the worker runs the same code as its caller."""
    rest = os.environ.get("PYTHONPATH")
    return os.pathsep.join([str(_PACKAGE_PARENT), rest] if rest else [str(_PACKAGE_PARENT)])


def _limits_from(d: dict) -> ParseLimits:
    return ParseLimits(**{**d, "pdf": PdfLimits(**d["pdf"])})


def _cap_memory(megabytes: int) -> None:
    limit = megabytes * _MB
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _main() -> None:
    request = json.loads(sys.stdin.buffer.read())
    limits = _limits_from(request["limits"])
    _cap_memory(limits.memory_mb)
    try:
        parsed = parse_here(Path(request["path"]), limits)
    except Exception as e:  # noqa: BLE001 - the caller shows one line, never a traceback
        message = " ".join(str(e).split())[:160] or type(e).__name__
        parsed = Parsed(Path(request["path"]), reason=f"could not be parsed: {message}")
    sys.stdout.buffer.write(pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    # Through the module, not __main__: the pickled classes must name ingest.worker.
    from ingest.worker import _main as main

    main()

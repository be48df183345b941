"""Shared set-up for the web tests: a real core over a tmp store, built once per session."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from assistant.core import Findings
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "reports" / "sefton-yot-2009.txt"
FICTIONAL = ROOT / "tests" / "data" / "wessex-vale-yot-2011.txt"
INJECTION = "<script>alert(1)</script>"

_shared: dict[str, Findings] = {}


def make_findings(store: Path, reports: Sequence[Path] = (), **settings) -> Findings:
    """A core over its own store (real model, Chroma and SQLite) holding ``reports``."""
    from assistant.embeddings import get_embedder

    # One test client asks far faster than a person: the rate limit has its own test.
    settings.setdefault("ask_rate", "1000/minute")
    core = Findings(
        Settings(store=store, auto_ingest_sample=False, **settings), embedder=get_embedder()
    )
    if reports:
        results = core.ingest(list(reports))
        failed = [r for r in results if not r.ok]
        assert not failed, failed
    return core


def shared_chroma_paths() -> set[str]:
    """The vector stores of the findings shared across test modules (kept open)."""
    return {str(f.settings.chroma_path) for f in _shared.values()}


def shared_findings(tmp_path_factory) -> Findings:
    """The sample and the fictional report, ingested once for every web test module."""
    if "both" not in _shared:
        _shared["both"] = make_findings(tmp_path_factory.mktemp("web-store"), [SAMPLE, FICTIONAL])
    return _shared["both"]


FORMATS = ROOT / "tests" / "data" / "formats"


def format_fixtures() -> list[Path]:
    """One fictional report of every format and variant (the Wessex Vale copies are left out:
    they are versions of the fictional report, which is loaded itself)."""
    return [p for p in sorted(FORMATS.glob("*.txt")) if "wessex-vale" not in p.name]


def formats_findings(tmp_path_factory) -> Findings:
    """The sample, the fictional report and a report of every format, ingested once."""
    if "formats" not in _shared:
        _shared["formats"] = make_findings(
            tmp_path_factory.mktemp("web-formats"), [SAMPLE, FICTIONAL, *format_fixtures()]
        )
    return _shared["formats"]


def injected_text(text: str) -> str:
    """The sample's text with a script tag in a finding and in a glossary definition."""
    finding = "A full RoSH assessment was carried out"
    definition = "Multi-Agency Public Protection Arrangements"
    assert finding in text and definition in text
    text = text.replace(finding, f"A full RoSH {INJECTION} assessment was carried out", 1)
    at = text.rindex(definition)  # the glossary's entry is the last use
    return text[:at] + f"{definition} {INJECTION}" + text[at + len(definition) :]


def with_csrf(client):
    """A TestClient that sends the CSRF token its first page gave it, as the pages' forms do."""
    client.get("/ingest")
    client.headers["X-CSRF-Token"] = client.cookies["findings_csrf"]
    return client


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(app) -> Iterator[str]:
    """Run ``app`` under uvicorn in a thread on a free loopback port; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)

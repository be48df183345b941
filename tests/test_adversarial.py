"""The adversarial corpus: every file ends in a clean ingest or a one-line reason within
30 s, a refused file leaves the store as it was, and a server stays responsive meanwhile."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from assistant.core import Findings
from assistant.settings import Settings
from tests.adversarial import corpus, write
from tests.answer_fakes import HashEmbedder
from tests.webapp_fixtures import ROOT, free_port

NAMES = sorted(corpus())
LIMIT_S = 30.0


def test_corpus_is_large_enough():
    assert len(NAMES) >= 100


@pytest.fixture(scope="module")
def core(tmp_path_factory) -> Findings:
    store = tmp_path_factory.mktemp("adversarial-store")
    return Findings(Settings(store=store, auto_ingest_sample=False), embedder=HashEmbedder())


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("adversarial-files")


def _snapshot(core: Findings) -> tuple:
    with core.store.connect() as db:
        reports = db.execute("SELECT id, sha256 FROM reports ORDER BY id").fetchall()
        counts = [
            db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("scores", "items", "glossary", "facts", "report_versions")
        ]
    return [tuple(r) for r in reports], counts, sorted(core.index.collection.get()["ids"])


@pytest.mark.parametrize("name", NAMES)
def test_file_is_ingested_or_refused_in_one_line(core, folder, name):
    path = write(folder, name)
    before = _snapshot(core)
    started = time.monotonic()
    try:
        results = core.ingest([path], replace=True)
    finally:
        path.unlink()
    elapsed = time.monotonic() - started
    assert elapsed < LIMIT_S, f"{name} took {elapsed:.1f} s"
    [result] = results
    if result.ok:
        assert result.status in ("ingested", "replaced", "unchanged")
        assert core.report(result.report_id) is not None
    else:
        reason = result.error or ""
        assert reason and "\n" not in reason and len(reason) < 300, reason
        assert "Traceback" not in reason
        assert _snapshot(core) == before, f"{name} was refused but the store changed"


def test_store_is_consistent_after_the_corpus(core):
    # runs after the parametrised files (same module, declared after them)
    assert core.doctor(repair=False).consistent


REPRESENTATIVE = [
    "line-00.txt",  # 200 KB of dots
    "glossary-terms-defs.txt",  # 5,000 bare terms then 5,000 definitions
    "glossary-entries-20k.txt",
    "pdf-bomb.pdf",
    "pdf-shared-stream.pdf",
]


@contextmanager
def fake_server(store: Path, token: str) -> Iterator[str]:
    """The web app in a process of its own, as `findings serve` runs it; yields its URL."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.fake_server", str(store), str(port), token],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_health_answers_within_a_second_while_hostile_files_are_processed(tmp_path):
    token = "adversarial-test-token"
    paths = [write(tmp_path, name) for name in REPRESENTATIVE]
    latencies: list[float] = []
    statuses: list[int] = []
    done = threading.Event()
    uploaded: list[dict] = []
    with fake_server(tmp_path / "store", token) as base:

        def upload() -> None:
            try:
                with httpx.Client(base_url=base, timeout=120) as client:
                    for path in paths:
                        with path.open("rb") as fh:
                            r = client.post(
                                "/api/ingest",
                                files={"files": (path.name, fh)},
                                headers={"Authorization": f"Bearer {token}"},
                            )
                        uploaded.extend(r.json())
            finally:
                done.set()

        worker = threading.Thread(target=upload)
        worker.start()
        with httpx.Client(base_url=base, timeout=5) as client:
            while not done.is_set():
                started = time.monotonic()
                statuses.append(client.get("/api/health").status_code)
                latencies.append(time.monotonic() - started)
                time.sleep(0.1)
        worker.join()
    assert len(uploaded) == len(REPRESENTATIVE)
    assert all(r["error"] and "\n" not in r["error"] for r in uploaded if not r["ok"])
    assert len(latencies) >= 10 and set(statuses) == {200}
    ranked = sorted(latencies)
    p95 = ranked[int(len(ranked) * 0.95)]
    assert p95 < 1.0, f"/api/health p95 {p95:.2f} s"
    # While thousands of chunks are written in-process (Chroma holds the GIL through each
    # batch), a single request can wait longer on a loaded machine; never a stall.
    assert ranked[-1] < 3.0, f"slowest /api/health: {ranked[-1]:.2f} s"

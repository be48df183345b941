"""Server mode: the same code path against a real `chroma run` started by the test."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from assistant.core import Findings
from assistant.settings import get_settings
from tests.conftest import SAMPLE

pytestmark = [pytest.mark.e2e, pytest.mark.server]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    exe = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = _free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    proc = subprocess.Popen(
        [exe, "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("chroma server did not start within 60 s")
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def test_ingest_and_search_through_chroma_server(chroma_server, monkeypatch, tmp_path):
    monkeypatch.setenv("FINDINGS_CHROMA_URL", chroma_server)
    get_settings.cache_clear()
    findings = Findings(get_settings())
    [result] = findings.ingest([SAMPLE])
    assert result.ok, result.error
    assert not (tmp_path / "store" / "chroma").exists()  # nothing embedded locally
    assert findings.index.count("sefton-2009") == result.chunks
    hits = findings.index.vectorstore.similarity_search(
        "Screening Interview for Adolescents", k=2, filter={"kind": "glossary"}
    )
    assert any("SIFA" in h.page_content for h in hits)
    # A second client (another machine, in effect) sees the same chunks, and re-ingest is a no-op.
    other = Findings(get_settings())
    assert other.index.count("sefton-2009") == result.chunks
    assert other.ingest([SAMPLE])[0].status in ("unchanged", "ingested")
    assert other.index.count("sefton-2009") == result.chunks

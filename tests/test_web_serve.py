"""`findings serve` as a real process on loopback: where it refuses to listen, and the guard on
real sockets."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
from webapp_fixtures import ROOT, free_port

from benchmarks.serving import serve_process


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "FINDINGS_API_TOKEN"}
    env.update(
        PYTHONPATH=str(ROOT),
        FINDINGS_AUTO_INGEST_SAMPLE="false",
        HF_HUB_OFFLINE="1",
        ANONYMIZED_TELEMETRY="False",
        **extra,
    )
    return env


def _serve_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "assistant.cli", "serve", *args]


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.10"])
def test_serve_on_a_network_interface_without_token_does_not_start(host):
    done = subprocess.run(
        _serve_cmd("--host", host, "--port", str(free_port())),
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr  # one line, no traceback
    assert lines[0].startswith(f"findings serve: refusing to serve on {host}")
    assert "FINDINGS_API_TOKEN" in lines[0] and "--read-only" in lines[0]


@contextmanager
def _server(*args: str, **env: str) -> Iterator[str]:
    with serve_process(_env(**env), *args, timeout=120) as served:
        yield served.url


def test_a_real_read_only_server_refuses_changes_and_foreign_pages(tmp_path):
    upload = {"files": ("r.txt", b"Youth Offending Team inspection\n", "text/plain")}
    with _server("--read-only") as url:
        refused = httpx.post(url + "/api/ingest", files=upload, timeout=30)
        assert refused.status_code == 403
        assert refused.json() == {
            "detail": "this server is read-only: it accepts no changes to the reports"
        }
        foreign = httpx.post(
            url + "/api/check", json={"claim": "x"}, headers={"Origin": "http://evil.test"}
        )
        assert foreign.status_code == 403
        assert foreign.json()["detail"].startswith("cross-origin request refused")
        listing = httpx.get(url + "/api/feedback")
        assert listing.status_code == 403 and "FINDINGS_API_TOKEN" in listing.json()["detail"]
        big = httpx.post(url + "/api/check", content=b"x" * 400_000)
        assert big.status_code == 413


def test_a_real_server_without_token_refuses_a_rebound_host(tmp_path):
    with _server() as url:
        rebound = httpx.post(
            url + "/api/check",
            json={"claim": "x"},
            headers={"Host": "evil.test", "Origin": "http://evil.test"},
        )
        assert rebound.status_code == 403
        assert "localhost or 127.0.0.1" in rebound.json()["detail"]
        same = httpx.post(url + "/api/check", json={"claim": "x"}, headers={"Origin": url})
        assert same.status_code == 200

"""``findings serve`` as a real process on a free loopback port, for the scale benchmark and the
tests that need a real server (not an in-process app)."""

from __future__ import annotations

import contextlib
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Served:
    url: str
    pid: int
    healthy_s: float  # seconds from starting the process to its first healthy answer


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve_process(env: dict[str, str], *args: str, timeout: float = 180) -> Iterator[Served]:
    """Start ``findings serve`` with ``env`` and extra ``args``, wait until /api/health answers
    (or fail with the end of its stderr), and stop it on exit."""
    port = free_port()
    started = time.perf_counter()
    cmd = [sys.executable, "-m", "assistant.cli", "serve", "--host", "127.0.0.1"]
    proc = subprocess.Popen(
        [*cmd, "--port", str(port), *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"serve exited: {proc.stderr.read().decode()[-2000:]}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(url + "/api/health", timeout=5).status_code == 200:
                    break
            if time.perf_counter() - started > timeout:
                raise RuntimeError(f"serve did not become healthy within {timeout:.0f} s")
            time.sleep(0.2)
        yield Served(url, proc.pid, time.perf_counter() - started)
    finally:
        proc.send_signal(signal.SIGINT)  # uvicorn's graceful stop
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

"""Load: many concurrent clients asking a real server while a multi-report ingest runs.

A small bounded asyncio client on loopback only; it stops by itself. The ingest runs as
`findings ingest` in its own process (a team's CLI beside the web app), writing to the
store the server reads. Reports errors and latency percentiles.

    python benchmarks/bench_load.py [--clients 50] [--seconds 60] [--reports 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.evaluate import percentile  # noqa: E402

BASES = [
    ROOT / "tests" / "data" / "wessex-vale-yot-2011.txt",
    *sorted((ROOT / "tests" / "data" / "variants").glob("*.txt")),
]
# Fictional area names for the generated variants.
PLACES = [
    "Ashcombe",
    "Brackenford",
    "Coldwater",
    "Dunmere",
    "Eastholt",
    "Fenbridge",
    "Greywell",
    "Hollinsby",
    "Ivymoor",
    "Juniper Vale",
    "Kestrel Moor",
    "Larchfield",
    "Marrowby",
    "Netherstone",
    "Oakhollow",
    "Pennock",
    "Quillton",
    "Redmarsh",
    "Saltmead",
    "Thornbury Edge",
]
QUESTIONS = [
    "What was the Safeguarding score?",
    "What does RoSH stand for?",
    "Which recommendations were made about risk of harm?",
    "How well were assessments of likelihood of reoffending done?",
    "What were the strengths in criterion 1.1?",
    "Compare the Risk of Harm scores",
    "What did the inspectors find about intervention plans?",
    "What is a Scaled Approach?",
]


def variants(folder: Path, count: int) -> list[Path]:
    """``count`` fictional reports: the test reports with other area names and numbers."""
    from ingest.parse import parse_report

    names = PLACES
    out = []
    for k in range(count):
        base = BASES[k % len(BASES)]
        text = base.read_text(encoding="utf-8")
        area = parse_report(text).area
        text = text.replace(area, names[k % len(names)] + ("" if k < len(names) else f" {k}"))
        text = re.sub(r"\b(\d{1,2})(\s?%)", _shifter(random.Random(k)), text)
        path = folder / f"variant-{k:02d}.txt"
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def _shifter(rng: random.Random):
    """Move every percentage a few points, kept within 1-99."""

    def shift(m: re.Match) -> str:
        return f"{min(99, max(1, int(m.group(1)) + rng.randint(-5, 5)))}{m.group(2)}"

    return shift


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def client(base: str, until: float, latencies: list[float], errors: list[str]) -> None:
    rng = random.Random()
    async with httpx.AsyncClient(base_url=base, timeout=120) as http:
        while time.monotonic() < until:
            started = time.monotonic()
            try:
                r = await http.post("/api/ask", json={"question": rng.choice(QUESTIONS)})
                if r.status_code != 200:
                    errors.append(f"HTTP {r.status_code}")
                else:
                    latencies.append(time.monotonic() - started)
            except httpx.HTTPError as e:
                errors.append(type(e).__name__)


async def load(base: str, clients: int, seconds: float) -> tuple[list[float], list[str]]:
    latencies: list[float] = []
    errors: list[str] = []
    until = time.monotonic() + seconds
    await asyncio.gather(*(client(base, until, latencies, errors) for _ in range(clients)))
    return latencies, errors


def wait_ready(base: str, proc: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("the server exited before it was ready")
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit("the server was not ready in time")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--reports", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="findings-load-") as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        variants(folder, args.reports)
        env = {
            **os.environ,
            "FINDINGS_STORE": str(Path(tmp) / "store"),
            "PYTHONPATH": str(ROOT),
            "HF_HUB_OFFLINE": "1",
            "ANONYMIZED_TELEMETRY": "False",
            # 50 clients from one loopback address measure the server, not the per-client limit.
            "FINDINGS_ASK_RATE": "1000000/minute",
        }
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        cli = [sys.executable, "-m", "assistant.cli"]
        server = subprocess.Popen(
            [*cli, "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_ready(base, server)
            started = time.monotonic()
            ingest = subprocess.Popen(
                [*cli, "ingest", str(folder)],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,  # the per-file lines go with the progress bar
                text=True,
            )
            latencies, errors = asyncio.run(load(base, args.clients, args.seconds))
            out, _ = ingest.communicate(timeout=1800)
            ingest_s = time.monotonic() - started
            stored = httpx.get(f"{base}/api/health", timeout=10).json()["reports"]
        finally:
            server.terminate()
            server.wait(timeout=30)
    result = {
        "clients": args.clients,
        "seconds": args.seconds,
        "requests": len(latencies) + len(errors),
        "errors": len(errors),
        "error_kinds": sorted(set(errors)),
        "p50_s": round(percentile(latencies, 0.5), 3) if latencies else None,
        "p95_s": round(percentile(latencies, 0.95), 3) if latencies else None,
        "max_s": round(max(latencies), 3) if latencies else None,
        "ingest_reports": args.reports,
        "ingest_exit": ingest.returncode,
        "ingested": sum(1 for line in out.splitlines() if line.startswith("ingested ")),
        "ingest_s": round(ingest_s, 1),
        "reports_stored": len(stored),
    }
    print(json.dumps(result, indent=2))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "load.json").write_text(json.dumps(result, indent=2))
    ok = not errors and ingest.returncode == 0 and result["ingested"] == args.reports
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

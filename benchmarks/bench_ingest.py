"""Cold ingest of the sample report into an empty store, model load included."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "reports" / "sefton-yot-2009.txt"


def cold_run(store: Path) -> dict:
    """One fresh interpreter: import, load the model, parse, embed and store the sample."""
    code = (
        "import json, resource, sys, time\n"
        "t0 = time.perf_counter()\n"
        "from assistant.core import Findings\n"
        "f = Findings()\n"
        "t1 = time.perf_counter(); f.index; t2 = time.perf_counter()\n"
        f"[r] = f.ingest([{str(SAMPLE)!r}]); t3 = time.perf_counter()\n"
        "assert r.ok, r.error\n"
        "print(json.dumps({'import_s': t1 - t0, 'model_load_s': t2 - t1, 'ingest_s': t3 - t2,\n"
        "  'total_s': t3 - t0, 'chunks': r.chunks,\n"
        "  'peak_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))\n"
    )
    env = {**os.environ, "FINDINGS_STORE": str(store), "FINDINGS_CHROMA_URL": ""}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def parse_timing(repeat: int = 50) -> float:
    from ingest.parse import parse_report

    text = SAMPLE.read_text(encoding="utf-8")
    parse_report(text)
    t = time.perf_counter()
    for _ in range(repeat):
        parse_report(text)
    return (time.perf_counter() - t) / repeat * 1000


def main() -> None:
    runs = []
    for _ in range(3):
        with tempfile.TemporaryDirectory() as tmp:
            runs.append(cold_run(Path(tmp) / "store"))
    best = min(runs, key=lambda r: r["total_s"])
    result = {
        "cold_ingest_total_s": [round(r["total_s"], 2) for r in runs],
        "best": {k: round(v, 3) if isinstance(v, float) else v for k, v in best.items()},
        "parse_ms": round(parse_timing(), 2),
        "children_peak_rss_mb": round(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
        ),
    }
    print(json.dumps(result, indent=2))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "ingest.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

"""Warm latency of POST /api/check through the web app, over the table-driven claims."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["FINDINGS_STORE"] = str(Path(tmp) / "store")
        os.environ.pop("FINDINGS_CHROMA_URL", None)
        from fastapi.testclient import TestClient

        from assistant.core import Findings
        from assistant.evaluate import percentile
        from tests.claims_table import CLAIMS
        from web.app import create_app

        findings = Findings()
        findings.ingest([ROOT / "data/reports", ROOT / "tests/data"])
        claims = [row[1] for row in CLAIMS]
        with TestClient(create_app(findings)) as client:
            for claim in claims:  # warm-up pass: per-report indexes are built once
                client.post("/api/check", json={"claim": claim})
            times = []
            for _ in range(3):
                for claim in claims:
                    t = time.perf_counter()
                    r = client.post("/api/check", json={"claim": claim})
                    times.append((time.perf_counter() - t) * 1000)
                    assert r.status_code == 200, r.text
    result = {
        "claims": len(claims),
        "requests": len(times),
        "warm_p50_ms": round(percentile(times, 0.5), 2),
        "warm_p95_ms": round(percentile(times, 0.95), 2),
        "target_p95_ms": 20,
    }
    print(json.dumps(result, indent=2))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "check.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

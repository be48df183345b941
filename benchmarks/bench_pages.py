"""Page times of the reports table and a report page with many generated reports loaded.

The reports are copies of the fictional format fixtures (tests/data/formats) with new area
names, years and headline values, seeded; they are served from memory so that the figure is
the page's own work (filtering, sorting, paging, rendering), not ingest.

    PYTHONPATH=. python benchmarks/bench_pages.py [N]
"""

from __future__ import annotations

import copy
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fastapi.testclient import TestClient  # noqa: E402

from assistant.core import Findings  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from ingest.model import RATINGS, Report, Unit  # noqa: E402
from ingest.readers import read_report  # noqa: E402
from web.app import create_app  # noqa: E402

FORMATS = ROOT / "tests" / "data" / "formats"
NAMES = ["Ash", "Brook", "Clay", "Dale", "Elm", "Fen", "Glen", "Holt", "Isle", "Kirk", "Lea"]


def generated(n: int, seed: int = 7) -> list[Report]:
    rng = random.Random(seed)
    templates = [
        read_report(p.read_text(encoding="utf-8"), source_path=str(p))
        for p in sorted(FORMATS.glob("*.txt"))
    ]
    out = []
    for i in range(n):
        r = copy.deepcopy(templates[i % len(templates)])
        r.area = f"{rng.choice(NAMES)}{rng.choice(NAMES).lower()} {i}"
        r.year = (r.year or 2015) + rng.randint(-1, 1)
        r.id = f"gen-{i}-{r.year}"
        for s in r.headline_scores:
            if s.unit == Unit.RATING:
                s.rating = rng.choice(RATINGS)
                s.value = RATINGS.index(s.rating) + 1
            elif s.unit == Unit.POINTS and s.maximum:
                s.value = rng.randint(0, s.maximum)
            elif s.value is not None:
                s.value = rng.randint(20, 95)
        out.append(r)
    return out


def timed(client: TestClient, url: str, runs: int = 15) -> tuple[float, float]:
    client.get(url)  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def main(n: int = 200) -> None:
    reports = generated(n)
    by_id = {r.id: r for r in reports}
    with tempfile.TemporaryDirectory() as tmp:
        core = Findings(Settings(store=Path(tmp) / "store", auto_ingest_sample=False))
        core.reports = lambda: reports  # served from memory: the page's own work is measured
        core.report = by_id.get
        rated = next(r.id for r in reports if r.format == "ratings")
        picked = "&".join(f"r={r.id}" for r in reports[:6])
        urls = [
            "/reports",
            "/reports?sort=safeguarding&desc=1",
            "/reports?format=ratings&grade=Inadequate",
            "/reports?q=ash&per=200",
            "/reports?page=5",
            f"/reports/{rated}",
            f"/reports/compare?{picked}",
        ]
        with TestClient(create_app(core)) as client:
            print(f"{n} reports loaded")
            for url in urls:
                p50, p95 = timed(client, url)
                print(f"{url[:60]:<60} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)

"""Keyword search over a whole store: the time of a process's first search (cold, opening or
building the index) and of later ones (warm), with the persisted index or one built in memory.

    FINDINGS_STORE=DIR python benchmarks/keyword_search.py [--memory] [--rebuild] [--runs 20]

Each run is one process: run it twice to see a cold start against an index already built.
``--rebuild`` deletes the persisted indexes first, to time a build. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = (
    "management oversight of safeguarding",
    "quality of risk of harm assessments",
    "education training and employment of children",
    "work with partners and the court",
)


def _size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--memory", action="store_true", help="the in-memory index")
    parser.add_argument("--rebuild", action="store_true", help="delete the persisted index first")
    parser.add_argument("--runs", type=int, default=20, help="warm searches per query")
    args = parser.parse_args()

    from assistant.answers.lexical import keyword_index
    from assistant.core import Findings
    from assistant.settings import get_settings
    from ingest.text.stopwords import STOPWORDS
    from ingest.text.tokens import stems

    settings = get_settings()
    cache = settings.store / "cache" / "keyword"
    if args.rebuild:
        shutil.rmtree(cache, ignore_errors=True)
    started = time.perf_counter()
    reports = Findings(settings).reports()
    loaded = time.perf_counter()
    ids = [r.id for r in reports]
    tokens = [[t for t in stems(q) if t not in STOPWORDS] for q in QUERIES]
    if args.memory:
        index = keyword_index(reports)
    else:
        index = keyword_index(reports, cache, persisted_from=0)
    index.ranked(tokens[0], ids)
    cold = time.perf_counter()
    warm = []
    for _ in range(args.runs):
        for t in tokens:
            start = time.perf_counter()
            index.ranked(t, ids)
            warm.append(time.perf_counter() - start)
    one = []
    for _ in range(args.runs):
        for t in tokens:
            start = time.perf_counter()
            index.ranked(t, ids[:1])
            one.append(time.perf_counter() - start)
    out = {
        "index": type(index).__name__,
        "reports": len(reports),
        "chunks": index.size,
        "load_reports_s": round(loaded - started, 3),
        "cold_first_search_s": round(cold - loaded, 3),
        "warm_all_reports_ms_p50": round(statistics.median(warm) * 1000, 2),
        "warm_all_reports_ms_max": round(max(warm) * 1000, 2),
        "warm_one_report_ms_p50": round(statistics.median(one) * 1000, 2),
    }
    if not args.memory and cache.exists():
        out["index_mb"] = round(_size_mb(cache / index.folder.name), 1)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

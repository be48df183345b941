"""Warm latency of questions that name no report, with a dozen reports of every format loaded:
answered for each report (fanout.yaml) against the route's one answer over all of them.

Runs the real model over the sample and the fictional reports, one warm-up pass, then each
question several times; prints p50/p95 in milliseconds for both ways. Usage:
``python benchmarks/bench_fanout.py [rounds]``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.evaluate import gold_findings, percentile  # noqa: E402

DATA = ROOT / "tests" / "data"
FILES = [
    ROOT / "data" / "reports" / "sefton-yot-2009.txt",
    DATA / "wessex-vale-yot-2011.txt",
    *sorted((DATA / "variants").glob("*.txt")),
    # Copies that share a report id with one above (mutations, Wessex Vale, Northbridge).
    *(
        p
        for p in sorted((DATA / "formats").glob("*.txt"))
        if not p.name.startswith(("core-", "inspection-2012-mutated", "ratings-mutated"))
    ),
]
QUESTIONS = [
    "What was the safeguarding score?",
    "what were the headline scores?",
    "What were the areas for improvement in safeguarding?",
    "What were the recommendations?",
    "When was the fieldwork?",
    "where is the YOT located?",
    "Summarise the report",
    "What was the overall rating?",
    "what share of cases had an assessment that kept other people safe?",
    "which YOTs had the lowest safeguarding score?",
    "average risk of harm score across the reports",
    "What does RoSH mean?",
]


def timings(findings, rounds: int) -> dict[str, list[float]]:
    for q in QUESTIONS:
        findings.ask(q)  # warm-up
    out: dict[str, list[float]] = {q: [] for q in QUESTIONS}
    for _ in range(rounds):
        for q in QUESTIONS:
            start = time.perf_counter()
            findings.ask(q)
            out[q].append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    import assistant.answers.answerer as answerer
    from assistant.answers.registry import dispatch

    with gold_findings(FILES) as findings:
        print(f"{len(findings.reports())} reports, {len(QUESTIONS)} questions x {rounds}")
        fanned = timings(findings, rounds)
        real = answerer.fan_out
        answerer.fan_out = lambda intent, ctx, limit: dispatch(intent, ctx)
        try:
            single = timings(findings, rounds)
        finally:
            answerer.fan_out = real
    for q in QUESTIONS:
        a, b = percentile(fanned[q], 0.5), percentile(single[q], 0.5)
        print(f"{q[:60]:60} p50 {a:7.1f} / {b:7.1f} ms")
    for name, t in (("per report (fan-out)", fanned), ("one answer (before)", single)):
        every = [x for ts in t.values() for x in ts]
        p50, p95 = percentile(every, 0.5), percentile(every, 0.95)
        print(f"{name:22} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms")


if __name__ == "__main__":
    main()

"""This assistant against a naive LangChain RAG baseline, side by side on the gold questions.

Baseline: the raw text of each report cut into fixed 1,000-character chunks
(CharacterTextSplitter), the same all-MiniLM-L6-v2 embedder, Chroma in a temporary directory,
top-4 similarity search. A question counts for the baseline when every required fact appears
anywhere in its top-4 context (generous: it still has to be read); for the assistant, when
every fact appears in its answer. Latency: warm POST /api/ask through the web app
(TestClient), p50/p95, after one warm-up pass.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.evaluate import (  # noqa: E402
    DEFAULT_GOLD,
    gold_findings,
    has_facts,
    load_gold,
    normalise,
    percentile,
)


def baseline_index(files: list[Path], embedder, folder: Path):
    """Naive RAG: fixed 1,000-character chunks of the raw text in a fresh Chroma."""
    from langchain_chroma import Chroma
    from langchain_text_splitters import CharacterTextSplitter

    from ingest.load import load_file

    splitter = CharacterTextSplitter(separator="", chunk_size=1000, chunk_overlap=0)
    store = Chroma(
        collection_name="baseline",
        embedding_function=embedder,
        persist_directory=str(folder),
    )
    for path in files:
        text = load_file(path, 50 * 1024 * 1024).text
        chunks = splitter.split_text(text)
        store.add_texts(chunks, metadatas=[{"source": path.name}] * len(chunks))
    return store


def _share(rows: list[dict], key: str) -> float:
    counted = [r for r in rows if r["verbatim"]]
    return round(sum(r[key] for r in counted) / max(len(counted), 1), 3)


def timed(fn, *args) -> tuple[object, float]:
    start = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - start


def main() -> None:
    files, conversations, _ = load_gold(DEFAULT_GOLD)
    # Follow-ups need the conversation, which the baseline does not have: single questions only.
    single = [turns[0] for turns in conversations if len(turns) == 1]
    answerable = [g for g in single if g.found and g.facts]
    unanswerable = [g for g in single if not g.found]

    with gold_findings(files) as findings, tempfile.TemporaryDirectory() as tmp:
        baseline = baseline_index(files, findings.embedder, Path(tmp) / "chroma")
        baseline.similarity_search("warm up", k=4)

        corpus = normalise("\n".join(r.text for r in findings.reports()))
        rows = []
        for g in answerable:
            answer = findings.ask(g.question, None, g.report).to_dict()
            docs, seconds = timed(baseline.similarity_search, g.question, 4)
            context = "\n".join(d.page_content for d in docs)
            # Facts the source states verbatim (not computed ones like "3 of the 8"): the
            # fairest test of a baseline that can only return source text.
            verbatim = [f for f in g.facts if normalise(f) in corpus]
            rows.append(
                {
                    "id": g.id,
                    "kind": g.kind,
                    "assistant": has_facts(answer["answer"], g.facts) and answer["found"],
                    "baseline": has_facts(context, g.facts),
                    "verbatim": bool(verbatim),
                    "assistant_verbatim": has_facts(answer["answer"], verbatim),
                    "baseline_verbatim": has_facts(context, verbatim),
                    "baseline_s": seconds,
                }
            )
        declined = [not findings.ask(g.question).found for g in unanswerable]

        latency, web = api_latency(findings, [g.question for g in single])

    by_kind: dict[str, dict[str, int]] = {}
    for r in rows:
        k = by_kind.setdefault(r["kind"], {"questions": 0, "assistant": 0, "baseline": 0})
        k["questions"] += 1
        k["assistant"] += r["assistant"]
        k["baseline"] += r["baseline"]
    n = len(rows)
    result = {
        "questions": n,
        "assistant_facts_share": round(sum(r["assistant"] for r in rows) / n, 3),
        "baseline_facts_share_in_top4_context": round(sum(r["baseline"] for r in rows) / n, 3),
        "verbatim_fact_questions": sum(r["verbatim"] for r in rows),
        "assistant_verbatim_facts_share": _share(rows, "assistant_verbatim"),
        "baseline_verbatim_facts_share_in_top4_context": _share(rows, "baseline_verbatim"),
        "by_kind": by_kind,
        "unanswerable_questions": len(unanswerable),
        "assistant_says_not_found": sum(declined),
        "baseline_says_not_found": 0,  # top-4 similarity search always returns context
        "api_ask_warm_latency_ms": latency,
        "latency_measured_through": web,
        "baseline_search_latency_ms": {
            "p50": round(percentile([r["baseline_s"] for r in rows], 0.5) * 1000, 1),
            "p95": round(percentile([r["baseline_s"] for r in rows], 0.95) * 1000, 1),
        },
        "baseline_misses": [r["id"] for r in rows if not r["baseline"]],
        "assistant_misses": [r["id"] for r in rows if not r["assistant"]],
    }
    print(json.dumps(result, indent=2))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "ask.json").write_text(json.dumps(result, indent=2))


def api_latency(findings, questions: list[str], passes: int = 3) -> tuple[dict, str]:
    """Warm latency of POST /api/ask (or of Findings.ask when the web app is missing)."""
    try:
        from fastapi.testclient import TestClient

        from web.app import create_app
    except ImportError:
        client = None
    else:
        # one client asking hundreds of questions a minute: the per-client limit would refuse it
        findings.settings.ask_rate = "1000000/minute"
        client = TestClient(create_app(findings))

    def ask_api(q: str) -> None:
        r = client.post("/api/ask", json={"question": q})
        r.raise_for_status()

    def ask_core(q: str) -> None:
        findings.ask(q)

    call = ask_api if client is not None else ask_core
    how = "POST /api/ask (web.app:create_app, TestClient)" if client else "Findings.ask"
    if client is not None:
        client.__enter__()
    try:
        for q in questions:  # warm-up pass: model, BM25 index, catalogue caches
            call(q)
        times = []
        for _ in range(passes):
            for q in questions:
                _, seconds = timed(call, q)
                times.append(seconds)
    finally:
        if client is not None:
            client.__exit__(None, None, None)
    return {
        "requests": len(times),
        "p50": round(percentile(times, 0.5) * 1000, 1),
        "p95": round(percentile(times, 0.95) * 1000, 1),
        "mean": round(statistics.mean(times) * 1000, 1),
    }, how


if __name__ == "__main__":
    main()

"""Warm latency of the integrations against a real uvicorn server on loopback: the
OpenAI-compatible endpoint (plain, streamed, a follow-up found by its history and one
replayed), the MCP tools over streamable HTTP, and spreadsheet export at 2 and 200 reports."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

QUESTIONS = [
    "What does RoSH mean?",
    "What was Sefton's safeguarding score?",
    "weaknesses in safeguarding assessment?",
    "What was the score for 1.1 in Wessex Vale?",
    "What are the recommendations for Sefton?",
]
HISTORY = [
    "What was Sefton's safeguarding score?",
    "and the risk of harm one?",
    "what were its strengths?",
    "What does MAPPA mean?",
    "and MAPPP?",
]


def _ms(times: list[float], q: float) -> float:
    from assistant.evaluate import percentile

    return round(percentile(times, q), 1)


def _timed(fn, n: int = 1) -> list[float]:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def bench_openai(base: str) -> dict:
    import httpx
    import openai

    client = openai.OpenAI(base_url=f"{base}/v1", api_key="unused", max_retries=0)
    chat = client.chat.completions

    def user(q):
        return [{"role": "user", "content": q}]

    for q in QUESTIONS:  # warm-up
        chat.create(model="findings", messages=user(q))
    ask, plain, first_chunk = [], [], []
    for _ in range(3):
        for q in QUESTIONS:
            ask += _timed(lambda q=q: httpx.post(f"{base}/api/ask", json={"question": q}))
            plain += _timed(lambda q=q: chat.create(model="findings", messages=user(q)))
            t = time.perf_counter()
            stream = chat.create(model="findings", messages=user(q), stream=True)
            next(iter(stream))
            first_chunk.append((time.perf_counter() - t) * 1000)
            for _chunk in stream:
                pass
    # A 5-turn history: continued when it is known, replayed when it is not.
    messages: list[dict] = []
    for q in HISTORY[:-1]:
        messages += user(q)
        reply = chat.create(model="findings", messages=messages).choices[0].message.content
        messages.append({"role": "assistant", "content": reply})
    known = _timed(lambda: chat.create(model="findings", messages=messages + user(HISTORY[-1])))
    fresh = [dict(m) for m in messages]
    fresh[0]["content"] = fresh[0]["content"].replace("Sefton's", "Sefton’s")  # unseen history
    replayed = _timed(lambda: chat.create(model="findings", messages=fresh + user(HISTORY[-1])))
    return {
        "questions": len(QUESTIONS),
        "api_ask_p50_ms": _ms(ask, 0.5),
        "v1_chat_p50_ms": _ms(plain, 0.5),
        "v1_chat_p95_ms": _ms(plain, 0.95),
        "v1_stream_first_chunk_p50_ms": _ms(first_chunk, 0.5),
        "follow_up_known_history_ms": round(known[0], 1),
        "follow_up_replayed_5_turns_ms": round(replayed[0], 1),
    }


def bench_mcp(base: str) -> dict:
    import anyio
    from mcp import Client

    async def main():
        times: dict[str, list[float]] = {}
        async with Client(f"{base}/mcp", read_timeout_seconds=120) as c:
            calls = {
                "ask": ("ask", {"question": "What does RoSH mean?"}),
                "check_claim": ("check_claim", {"claim": "Sefton's safeguarding score was 38%."}),
                "search": ("search", {"query": "risk management plans", "limit": 8}),
                "list_reports": ("list_reports", {}),
                "get_report": ("get_report", {"report_id": "sefton-2009"}),
            }
            for name, args in calls.values():
                await c.call_tool(name, args)
            for _ in range(10):
                for key, (name, args) in calls.items():
                    t = time.perf_counter()
                    r = await c.call_tool(name, args)
                    times.setdefault(key, []).append((time.perf_counter() - t) * 1000)
                    assert not r.is_error, r.content
        return {f"mcp_http_{k}_p50_ms": _ms(v, 0.5) for k, v in times.items()}

    return anyio.run(main)


def bench_export(reports) -> dict:
    from assistant.score_export import Table, sheets, write_csv, write_xlsx

    many = [
        dataclasses.replace(r, id=f"{r.id}-copy{n}") for n in range(100) for r in reports
    ]  # 200 reports
    out = {}
    for label, group in (("2", reports), ("200", many)):
        t = time.perf_counter()
        buf = io.BytesIO()
        book = sheets(group)
        write_xlsx(book, buf)
        out[f"xlsx_{label}_reports_ms"] = round((time.perf_counter() - t) * 1000, 1)
        out[f"xlsx_{label}_reports_kb"] = round(len(buf.getvalue()) / 1024, 1)
        out[f"rows_{label}_reports"] = sum(len(s.rows) for s in book)
        t = time.perf_counter()
        write_csv(sheets(group, [Table.SCORES])[0], io.StringIO())
        out[f"csv_scores_{label}_reports_ms"] = round((time.perf_counter() - t) * 1000, 1)
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["FINDINGS_STORE"] = str(Path(tmp) / "store")
        os.environ.pop("FINDINGS_CHROMA_URL", None)
        os.environ.pop("FINDINGS_API_TOKEN", None)
        from webapp_fixtures import FICTIONAL, SAMPLE, make_findings, serve

        from web.app import create_app

        findings = make_findings(Path(tmp) / "store", [SAMPLE, FICTIONAL])
        with serve(create_app(findings)) as base:
            result = bench_openai(base) | bench_mcp(base)
        result |= bench_export(findings.reports())
    print(json.dumps(result, indent=2))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "integrations.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

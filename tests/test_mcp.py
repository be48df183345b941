"""The MCP tools through the ``mcp`` client library: over streamable HTTP against a real
uvicorn server on loopback, and over stdio against ``python -m assistant.cli mcp``."""

from __future__ import annotations

import os
import sys

import anyio
import httpx
import httpx2
import pytest
from mcp import Client, StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client
from webapp_fixtures import ROOT, serve, shared_findings

from web.app import create_app

TOOLS = {"ask", "check_claim", "search", "list_reports", "get_report"}


@pytest.fixture(scope="module")
def core(tmp_path_factory):
    return shared_findings(tmp_path_factory)


@pytest.fixture(scope="module")
def base_url(core):
    with serve(create_app(core)) as url:
        yield url


def _run(session_factory, body):
    """Open an MCP client, run ``body(client)`` and return what it returns."""

    async def main():
        async with session_factory() as client:
            return await body(client)

    return anyio.run(main)


def _grounded(core, citations: list[dict]) -> None:
    texts = {r.id: r.text for r in core.reports()}
    assert citations
    for c in citations:
        assert set(c) >= {"report", "section", "heading", "quote", "page"}
        assert c["quote"] in texts[c["report"]]


def _http(base_url: str, headers: dict | None = None):
    if headers is None:
        return lambda: Client(f"{base_url}/mcp", read_timeout_seconds=120)
    return lambda: Client(
        streamable_http_client(
            f"{base_url}/mcp", http_client=httpx2.AsyncClient(headers=headers, timeout=120)
        ),
        read_timeout_seconds=120,
    )


def test_http_tools_answer_with_citations(base_url, core):
    async def body(client):
        listed = await client.list_tools()
        out = {"tools": {t.name: t for t in listed.tools}}
        for name, args in {
            "ask": {"question": "What does RoSH mean?"},
            "claim": {"claim": "Sefton's safeguarding score was 38%."},
            "wrong": {"claim": "Sefton's safeguarding score was 75%."},
            "paragraph": {
                "text": "Wessex Vale scored 71% on safeguarding. Sefton scored 99% on it.",
                "report": None,
            },
            "search": {"query": "risk management plans", "kind": "area", "limit": 4},
            "search_report": {"query": "safeguarding", "report": "wessex-vale-2011"},
            "list": {},
            "report": {"report_id": "sefton-2009"},
        }.items():
            tool = {
                "claim": "check_claim",
                "wrong": "check_claim",
                "paragraph": "check_claim",
                "search_report": "search",
                "list": "list_reports",
                "report": "get_report",
            }.get(name, name)
            out[name] = await client.call_tool(tool, {k: v for k, v in args.items() if v})
        return out

    got = _run(_http(base_url), body)
    assert set(got["tools"]) == TOOLS
    assert all(t.output_schema for t in got["tools"].values())
    assert set(got["tools"]["ask"].input_schema["properties"]) == {
        "question",
        "report",
        "conversation",
    }

    ask = got["ask"]
    assert not ask.is_error
    data = ask.structured_content
    assert data["found"] and "Risk of Serious Harm" in data["answer"]
    _grounded(core, data["citations"])
    text = ask.content[0].text
    assert "Sources:" in text and "[1] sefton-2009" in text and data["conversation_id"] in text

    claim = got["claim"].structured_content["results"]
    assert [r["verdict"] for r in claim] == ["supported"]
    _grounded(core, claim[0]["evidence"])
    assert "38%" in claim[0]["evidence"][0]["value"]
    assert got["claim"].content[0].text.startswith("SUPPORTED")
    assert got["wrong"].structured_content["results"][0]["verdict"] == "contradicted"
    paragraph = got["paragraph"].structured_content["results"]
    assert len(paragraph) == 2 and all(r["span"] for r in paragraph)

    passages = got["search"].structured_content["passages"]
    assert 0 < len(passages) <= 4 and {p["kind"] for p in passages} == {"area"}
    _grounded(core, [p["citation"] for p in passages])
    assert any("risk management plan" in p["text"].lower() for p in passages)
    scoped = got["search_report"].structured_content["passages"]
    assert scoped and {p["citation"]["report"] for p in scoped} == {"wessex-vale-2011"}

    reports = got["list"].structured_content["reports"]
    assert [r["id"] for r in reports] == ["sefton-2009", "wessex-vale-2011"]
    sefton = core.report("sefton-2009")
    assert [m["value"] for m in reports[0]["headline"]] == [s.value for s in sefton.headline_scores]
    _grounded(core, [m["citation"] for r in reports for m in r["headline"]])
    assert "Safeguarding 38% DRASTIC [1]" in got["list"].content[0].text

    detail = got["report"].structured_content
    assert len(detail["measures"]) == len(sefton.all_scores())
    assert len(detail["recommendations"]) == len(sefton.recommendations)
    assert len(detail["findings"]) == sum(
        len(c.strengths) + len(c.areas_for_improvement) for c in sefton.criteria
    )
    _grounded(core, [f["citation"] for f in detail["findings"]])


def test_http_follow_up_and_errors(base_url):
    async def body(client):
        first = await client.call_tool("ask", {"question": "What was Sefton's safeguarding score?"})
        cid = first.structured_content["conversation_id"]
        follow = await client.call_tool(
            "ask", {"question": "and the risk of harm one?", "conversation": cid}
        )
        unknown = await client.call_tool("get_report", {"report_id": "nowhere-1999"})
        both = await client.call_tool("check_claim", {"claim": "38%", "text": "38%"})
        kind = await client.call_tool("search", {"query": "x", "kind": "recipe"})
        empty = await client.call_tool("ask", {"question": "   "})
        return follow, unknown, both, kind, empty

    follow, unknown, both, kind, empty = _run(_http(base_url), body)
    answer = follow.structured_content["answer"]
    assert "36%" in answer and "38%" not in answer and "57%" not in answer
    assert unknown.is_error and "no report 'nowhere-1999' is loaded" in unknown.content[0].text
    assert both.is_error and "exactly one of 'claim' or 'text'" in both.content[0].text
    assert kind.is_error and "kind must be one of" in kind.content[0].text
    assert empty.is_error and "question must not be empty" in empty.content[0].text


def test_http_needs_the_token_when_set(base_url, core, monkeypatch):
    monkeypatch.setattr(core.settings, "api_token", "mcp-s3cret")
    init = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {
            "protocolVersion": "2025-06-18",
            "capabilities": {},
            "clientInfo": {"name": "test", "version": "1"},
        },
    }
    accept = {"Accept": "application/json, text/event-stream"}
    r = httpx.post(f"{base_url}/mcp", json=init, headers=accept, timeout=30)
    assert r.status_code == 401 and "FINDINGS_API_TOKEN" in r.json()["error"]
    r = httpx.post(
        f"{base_url}/mcp",
        json=init,
        headers={**accept, "Authorization": "Bearer wrong"},
        timeout=30,
    )
    assert r.status_code == 401

    async def body(client):
        return await client.call_tool("list_reports", {})

    listed = _run(_http(base_url, {"Authorization": "Bearer mcp-s3cret"}), body)
    assert [r["id"] for r in listed.structured_content["reports"]] == [
        "sefton-2009",
        "wessex-vale-2011",
    ]


def test_http_refuses_a_foreign_host_without_a_token(base_url):
    # DNS rebinding: a page served as evil.example reaching the loopback server.
    r = httpx.post(
        f"{base_url}/mcp",
        json={"jsonrpc": "2.0", "id": 1, "method": "ping"},
        headers={"Host": "evil.example", "Accept": "application/json, text/event-stream"},
        timeout=30,
    )
    assert r.status_code == 421, r.text  # a loopback Host gets 400 (no session) instead


def test_stdio_server_ingests_the_sample_and_answers(tmp_path):
    env = {
        "FINDINGS_STORE": str(tmp_path / "store"),
        "PYTHONPATH": str(ROOT),
        "HF_HUB_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
        "PATH": os.environ.get("PATH", ""),
    }
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "assistant.cli", "mcp"], env=env, cwd=str(ROOT)
    )

    async def body(client):
        listed = await client.list_tools()
        ask = await client.call_tool("ask", {"question": "What does MAPPA mean?"})
        cid = ask.structured_content["conversation_id"]
        follow = await client.call_tool("ask", {"question": "and MAPPP?", "conversation": cid})
        check = await client.call_tool(
            "check_claim",
            {"claim": "Sefton's safeguarding score was 38%.", "report": "sefton-2009"},
        )
        search = await client.call_tool("search", {"query": "victim safety", "limit": 3})
        reports = await client.call_tool("list_reports", {})
        detail = await client.call_tool("get_report", {"report_id": "sefton-2009"})
        return listed, ask, follow, check, search, reports, detail

    with open(tmp_path / "stderr.log", "w") as errlog:
        listed, ask, follow, check, search, reports, detail = anyio.run(
            _stdio(params, body, errlog)
        )
    assert {t.name for t in listed.tools} == TOOLS
    assert "Multi-Agency Public Protection Arrangements" in ask.structured_content["answer"]
    assert ask.structured_content["citations"][0]["section"] == "glossary"
    assert "Sources:" in ask.content[0].text
    assert "Multi-agency Public Protection Panel" in follow.structured_content["answer"]
    assert check.structured_content["results"][0]["verdict"] == "supported"
    passages = search.structured_content["passages"]
    assert passages and all(p["citation"]["quote"] for p in passages)
    assert [r["id"] for r in reports.structured_content["reports"]] == ["sefton-2009"]
    assert detail.structured_content["id"] == "sefton-2009"
    # The bundled sample was ingested on first use, into the store that was given.
    assert (tmp_path / "store" / "findings.sqlite3").exists()


def _stdio(params, body, errlog):
    async def main():
        async with Client(stdio_client(params, errlog=errlog), read_timeout_seconds=300) as client:
            return await body(client)

    return main

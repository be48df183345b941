"""Two `findings serve` processes sharing one state: a real PostgreSQL (facts, conversations,
owners, feedback, the write lock) and a real Chroma server (vectors). What one server stores,
the other answers from; a conversation started on one continues on the other."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from postgres_server import database_url  # noqa: F401 - a fixture, used by name
from webapp_fixtures import ROOT, SAMPLE

from benchmarks.serving import serve_process
from tests.test_chroma_server import chroma_server  # noqa: F401 - a fixture, used by name

pytestmark = [pytest.mark.e2e, pytest.mark.server]

TOKEN = "shared-token-of-both-servers"
OWNER_COOKIE = "findings_owner"


@contextmanager
def _server(store: Path, db_url: str, chroma_url: str) -> Iterator[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FINDINGS_")}
    env.update(
        PYTHONPATH=str(ROOT),
        HF_HUB_OFFLINE="1",
        ANONYMIZED_TELEMETRY="False",
        FINDINGS_STORE=str(store),
        FINDINGS_DATABASE_URL=db_url,
        FINDINGS_CHROMA_URL=chroma_url,
        FINDINGS_API_TOKEN=TOKEN,
        FINDINGS_AUTO_INGEST_SAMPLE="false",
    )
    with serve_process(env) as served:
        yield served.url


@pytest.fixture(scope="module")
def servers(database_url, chroma_server, tmp_path_factory) -> Iterator[tuple[str, str]]:  # noqa: F811
    stores = tmp_path_factory.mktemp("store-a"), tmp_path_factory.mktemp("store-b")
    with (
        _server(stores[0], database_url, chroma_server) as a,
        _server(stores[1], database_url, chroma_server) as b,
    ):
        yield a, b
    for store in stores:  # all state went to the servers, none to either machine's folder
        assert not (store / "findings.sqlite3").exists()
        assert not (store / "chroma").exists()
        assert not (store / "write.lock").exists()


def _owner(response: httpx.Response) -> str:
    owner = response.cookies.get(OWNER_COOKIE)
    assert owner, response.headers
    return owner


def test_ingest_through_one_server_answer_through_the_other(servers):
    a, b = servers
    upload = {"files": (SAMPLE.name, SAMPLE.read_bytes(), "text/plain")}
    refused = httpx.post(a + "/api/ingest", files=upload, timeout=120)
    assert refused.status_code == 401  # the shared token guards both servers
    stored = httpx.post(
        a + "/api/ingest",
        files=upload,
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=300,
    )
    assert stored.status_code == 200, stored.text
    [result] = stored.json()
    assert result["status"] == "ingested" and result["ok"] and result["glossary"] > 0
    report_id = result["report_id"]

    assert httpx.get(b + "/api/health", timeout=30).json()["reports"] == [report_id]
    answer = httpx.post(b + "/api/ask", json={"question": "What does RoSH mean?"}, timeout=120)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["found"] is True and "Risk of Serious Harm" in body["answer"]
    assert {c["report"] for c in body["citations"]} == {report_id}
    # the passages come from the shared vector store: B never embedded the report itself
    searched = httpx.post(
        b + "/api/ask",
        json={"question": "What was said about the quality of assessments?"},
        timeout=120,
    )
    assert searched.status_code == 200 and searched.json()["citations"]


def test_a_conversation_started_on_one_server_continues_on_the_other(servers):
    a, b = servers
    first = httpx.post(a + "/api/ask", json={"question": "What does RoSH mean?"}, timeout=120)
    assert first.status_code == 200, first.text
    cid, owner = first.json()["conversation_id"], _owner(first)
    cookies = {OWNER_COOKIE: owner}

    second = httpx.post(
        b + "/api/ask",
        json={"question": "and MAPPA?", "conversation_id": cid},
        cookies=cookies,
        timeout=120,
    )
    assert second.status_code == 200, second.text
    assert second.json()["conversation_id"] == cid
    assert "Multi-Agency Public Protection" in second.json()["answer"]  # the follow-up resolved

    turns = httpx.get(f"{a}/api/conversations/{cid}", cookies=cookies, timeout=60)
    turns = turns.json()["turns"]
    assert [t["question"] for t in turns] == ["What does RoSH mean?", "and MAPPA?"]
    # the owner is checked on every server: another browser does not see it on either
    for url in (a, b):
        other = httpx.get(
            f"{url}/api/conversations/{cid}", cookies={OWNER_COOKIE: "someone"}, timeout=60
        )
        assert other.status_code == 404

    rated = httpx.post(
        b + "/api/feedback",
        json={"rating": "up", "conversation_id": cid, "turn": 1},
        cookies=cookies,
        timeout=60,
    )
    assert rated.status_code == 200, rated.text
    listed = httpx.get(
        a + "/api/feedback", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60
    )
    mine = [f for f in listed.json() if f["conversation_id"] == cid]
    assert [(f["turn"], f["question"], f["rating"]) for f in mine] == [(1, "and MAPPA?", "up")]

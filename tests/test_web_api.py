"""The JSON API through FastAPI's TestClient, over a real core (sample + fictional report)."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient
from webapp_fixtures import FICTIONAL, SAMPLE, make_findings, shared_findings

from web.app import create_app


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    return shared_findings(tmp_path_factory)


@pytest.fixture(scope="module")
def client(findings):
    with TestClient(create_app(findings)) as c:
        yield c


def _texts(findings) -> dict[str, str]:
    return {r.id: r.text for r in findings.reports()}


# ---------------------------------------------------------------- health, docs


def test_health_is_ok_and_lists_reports(client):
    r = client.get("/api/health")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "reports": ["sefton-2009", "wessex-vale-2011"]}


def test_docs_are_served_from_local_files(client):
    r = client.get("/docs")
    assert r.status_code == 200
    assert "/docs-assets/swagger-ui-bundle.js" in r.text
    assert "cdn" not in r.text.lower()
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    schema = client.get("/openapi.json").json()
    for path in ("/api/ask", "/api/check", "/api/reports", "/api/glossary", "/api/ingest"):
        assert path in schema["paths"]


def test_startup_ingests_the_sample_into_an_empty_store(tmp_path):
    core = make_findings(tmp_path / "store")
    core.settings.auto_ingest_sample = True
    core.settings.sample_reports = SAMPLE
    assert core.store.report_ids() == []
    with TestClient(create_app(core)) as c:
        assert c.get("/api/health").json()["reports"] == ["sefton-2009"]


# ---------------------------------------------------------------- ask


def test_ask_answers_with_grounded_citations(client, findings):
    r = client.post("/api/ask", json={"question": "What does RoSH mean?"})
    assert r.status_code == 200
    body = r.json()
    assert body["found"] is True
    assert "Risk of Serious Harm" in body["answer"]
    assert body["conversation_id"]
    assert body["citations"], body
    texts = _texts(findings)
    for c in body["citations"]:
        assert set(c) >= {"report", "section", "heading", "quote", "page"}
        assert c["quote"] in texts[c["report"]]


def test_ask_follow_up_continues_the_conversation(client):
    first = client.post("/api/ask", json={"question": "What does RoSH mean?"}).json()
    cid = first["conversation_id"]
    second = client.post("/api/ask", json={"question": "and MAPPA?", "conversation_id": cid})
    assert second.status_code == 200
    assert second.json()["conversation_id"] == cid
    assert "Multi-Agency Public Protection" in second.json()["answer"]
    turns = client.get(f"/api/conversations/{cid}").json()["turns"]
    assert [t["question"] for t in turns] == ["What does RoSH mean?", "and MAPPA?"]


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("", "question must not be empty"),
        ("   \n ", "question must not be empty"),
        ("x" * 2001, "the limit is 2,000"),
    ],
)
def test_ask_rejects_empty_and_overlong_questions(client, question, message):
    r = client.post("/api/ask", json={"question": question})
    assert r.status_code == 422
    assert message in r.json()["message"]


def test_ask_accepts_a_question_of_exactly_the_limit(client):
    question = "What does RoSH mean? " + "x" * (2000 - 21)
    assert len(question) == 2000
    assert client.post("/api/ask", json={"question": question}).status_code == 200


def test_ask_for_an_unloaded_report_is_not_found(client):
    r = client.post("/api/ask", json={"question": "What does RoSH mean?", "report": "nowhere-1999"})
    assert r.status_code == 200
    assert r.json()["found"] is False
    assert r.json()["citations"] == []


def test_ask_scoped_to_a_report_cites_only_that_report(client):
    r = client.post(
        "/api/ask",
        json={"question": "What was the safeguarding score?", "report": "wessex-vale-2011"},
    )
    body = r.json()
    assert body["found"] is True
    assert {c["report"] for c in body["citations"]} == {"wessex-vale-2011"}


# ---------------------------------------------------------------- check


def test_check_claim_true_and_false(client):
    true = client.post("/api/check", json={"claim": "Sefton's safeguarding score was 38%"}).json()
    assert true["verdict"] == "supported"
    assert true["evidence"] and true["evidence"][0]["report"] == "sefton-2009"
    false = client.post(
        "/api/check",
        json={"claim": "The overall score for Assessment and Sentence Planning in Sefton was 45%"},
    ).json()
    assert false["verdict"] == "contradicted"
    assert any("42" in str(e["value"]) for e in false["evidence"])
    assert "span" not in false


def test_check_text_gives_spans_into_the_text_as_sent(client):
    text = "  Sefton's safeguarding score was 38%. In Sefton, 1.3 Safeguarding scored 45%."
    body = client.post("/api/check", json={"text": text}).json()
    verdicts = [r["verdict"] for r in body["results"]]
    assert verdicts == ["supported", "contradicted"]
    for r in body["results"]:
        start, end = r["span"]
        assert text[start:end].strip() == r["claim"].strip()


@pytest.mark.parametrize(
    "payload",
    [{}, {"claim": "a", "text": "b"}, {"claim": ""}, {"text": "   "}, {"claim": "x" * 2001}],
)
def test_check_rejects_bad_requests(client, payload):
    r = client.post("/api/check", json=payload)
    assert r.status_code == 422
    assert r.json()["message"]


# ---------------------------------------------------------------- reports, glossary


def test_reports_list_headline_scores(client):
    body = client.get("/api/reports").json()
    assert [r["id"] for r in body] == ["sefton-2009", "wessex-vale-2011"]
    sefton = body[0]
    safeguarding = next(s for s in sefton["headline_scores"] if s["key"] == "safeguarding")
    assert (safeguarding["value"], safeguarding["band"]) == (38, "DRASTIC")


def test_report_detail_and_unknown_report(client):
    body = client.get("/api/reports/sefton-2009").json()
    assert body["id"] == "sefton-2009"
    assert "text" not in body
    assert any(c["number"] == "1.3" for c in body["criteria"])
    missing = client.get("/api/reports/nowhere-1999")
    assert missing.status_code == 404
    assert "nowhere-1999" in missing.json()["detail"]


def test_glossary_is_sorted_and_filterable(client, findings):
    items = client.get("/api/glossary").json()
    terms = [i["term"].lower() for i in items]
    assert terms == sorted(terms)
    total = sum(len(r.glossary) for r in findings.reports())
    assert 0 < len(items) <= total
    mappa = client.get("/api/glossary", params={"q": "mappa"}).json()
    assert mappa and all(
        "mappa" in (i["term"] + " ".join(d["definition"] for d in i["definitions"])).lower()
        for i in mappa
    )
    rosh = next(i for i in items if i["term"] == "RoSH")
    assert any(u["section"] == "1.1" for u in rosh["used_in"])
    texts = _texts(findings)
    for d in rosh["definitions"]:
        assert d["quote"] in texts[d["report"]]


# ---------------------------------------------------------------- quiz


def test_quiz_is_deterministic_and_hides_answers(client):
    a = client.get("/api/quiz", params={"seed": 7, "n": 5}).json()
    b = client.get("/api/quiz", params={"seed": 7, "n": 5}).json()
    assert a == b and len(a["questions"]) == 5
    assert all("answer" not in q for q in a["questions"])
    other = client.get("/api/quiz", params={"seed": 8, "n": 5}).json()
    assert other["questions"] != a["questions"]


def test_quiz_answer_is_checked_with_a_citation(client, findings):
    question = client.get("/api/quiz", params={"seed": 3, "n": 1}).json()["questions"][0]
    results = [
        client.post("/api/quiz/answer", json={"seed": 3, "index": 0, "choice": k}).json()
        for k in range(len(question["options"]))
    ]
    assert sum(r["correct"] for r in results) == 1
    citation = results[0]["citation"]
    assert citation["quote"] in _texts(findings)[citation["report"]]
    assert (
        client.post("/api/quiz/answer", json={"seed": 3, "index": 10**6, "choice": 0}).status_code
        == 404
    )
    assert (
        client.post("/api/quiz/answer", json={"seed": 3, "index": 0, "choice": 99}).status_code
        == 422
    )


# ---------------------------------------------------------------- feedback, conversations


def test_feedback_on_a_conversation_turn_is_stored_and_exported(client, findings, monkeypatch):
    # The listing is the token holder's (see test_web_security for the refusals).
    monkeypatch.setattr(findings.settings, "api_token", "list-token")
    auth = {"Authorization": "Bearer list-token"}
    cid = client.post("/api/ask", json={"question": "What does MAPPA mean?"}).json()[
        "conversation_id"
    ]
    r = client.post(
        "/api/feedback",
        json={"rating": "down", "conversation_id": cid, "turn": 0, "comment": "=cmd|' /C calc'!A0"},
    )
    assert r.status_code == 200 and r.json()["rating"] == "down"
    rows = [
        f for f in client.get("/api/feedback", headers=auth).json() if f["conversation_id"] == cid
    ]
    assert len(rows) == 1
    assert rows[0]["question"] == "What does MAPPA mean?"
    assert rows[0]["citations"]
    exported = client.get("/api/feedback", params={"format": "csv"}, headers=auth)
    assert exported.headers["content-type"].startswith("text/csv")
    parsed = [
        row for row in csv.DictReader(io.StringIO(exported.text)) if row["conversation_id"] == cid
    ]
    assert parsed[0]["comment"].startswith("'=")  # never a live spreadsheet formula


def test_feedback_with_question_and_answer_given(client):
    r = client.post("/api/feedback", json={"rating": "up", "question": "q?", "answer": "a."})
    assert r.status_code == 200
    assert client.post("/api/feedback", json={"rating": "up"}).status_code == 422
    assert (
        client.post(
            "/api/feedback", json={"rating": "meh", "question": "q", "answer": "a"}
        ).status_code
        == 422
    )


def test_conversation_markdown_has_questions_answers_and_quotes(client):
    first = client.post("/api/ask", json={"question": "What does RoSH mean?"}).json()
    cid = first["conversation_id"]
    client.post("/api/ask", json={"question": "and MAPPA?", "conversation_id": cid})
    r = client.get(f"/api/conversations/{cid}/markdown")
    assert r.status_code == 200
    assert "attachment" in r.headers["content-disposition"]
    text = r.text
    assert "## 1. What does RoSH mean?" in text and "## 2. and MAPPA?" in text
    assert "[1] Sefton (sefton-2009), Glossary: RoSH" in text
    first_quote = " ".join(first["citations"][0]["quote"].split())
    assert f"> {first_quote}" in text
    assert client.get("/api/conversations/not-a-conversation/markdown").status_code == 404


# ---------------------------------------------------------------- ingest


def test_ingest_rejects_unusable_files_with_the_cli_messages(client):
    r = client.post(
        "/api/ingest",
        files=[
            ("files", ("notes.docx", b"hello", "application/octet-stream")),
            ("files", ("empty.txt", b"", "text/plain")),
            ("files", ("binary.txt", bytes(range(256)) * 4, "text/plain")),
        ],
    )
    assert r.status_code == 422
    errors = {x["file"]: x["error"] for x in r.json()}
    assert errors["notes.docx"] == "unsupported file type '.docx' (use .txt, .md or .pdf)"
    assert errors["empty.txt"] == "file is empty"
    assert errors["binary.txt"].startswith("not a text file")


def test_ingest_of_an_unchanged_report_changes_nothing(client):
    r = client.post(
        "/api/ingest", files={"files": ("sefton.txt", SAMPLE.read_bytes(), "text/plain")}
    )
    assert r.status_code == 200
    assert r.json()[0]["status"] == "unchanged"
    assert r.json()[0]["report_id"] == "sefton-2009"


def test_ingest_is_size_limited(tmp_path):
    core = make_findings(tmp_path / "store", max_file_mb=0.01)
    with TestClient(create_app(core)) as c:
        big = b"a" * 200_000  # far over: refused from its Content-Length
        r = c.post("/api/ingest", files={"files": ("big.txt", big, "text/plain")})
        assert r.status_code == 413
        assert "over the 10.2 KB limit" in r.json()["detail"]
        near = b"word " * 2100  # just over: the loader's own message, as in the CLI
        r = c.post("/api/ingest", files={"files": ("near.txt", near, "text/plain")})
        assert r.status_code == 422
        assert r.json()[0]["error"] == "file is 10.3 KB, over the 10.2 KB limit"
        page = c.post("/ingest", files={"files": ("big.txt", big, "text/plain")})
        assert page.status_code == 413 and "over the 10.2 KB limit" in page.text


def test_ingest_needs_the_token_when_one_is_set(tmp_path):
    core = make_findings(tmp_path / "store", api_token="s3cret")
    upload = {"files": ("wessex.txt", FICTIONAL.read_bytes(), "text/plain")}
    with TestClient(create_app(core)) as c:
        assert c.post("/api/ingest", files=upload).status_code == 401
        wrong = c.post("/api/ingest", files=upload, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        assert core.store.report_ids() == []
        ok = c.post("/api/ingest", files=upload, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200, ok.text
        assert ok.json()[0]["status"] == "ingested"
        assert ok.json()[0]["report_id"] == "wessex-vale-2011"
        again = c.post("/api/ingest", files=upload, data={"token": "s3cret"})
        assert again.json()[0]["status"] == "unchanged"
        # Read endpoints stay open.
        assert c.get("/api/reports").status_code == 200
        assert core.store.report_ids() == ["wessex-vale-2011"]


# ---------------------------------------------------------------- check against one report


@pytest.mark.parametrize("report", ["wessex-vale-2011", "Wessex Vale", "wessex vale"])
def test_check_claim_against_a_named_report(client, report):
    claim = "The Safeguarding score was 64%."  # names no area: true of Wessex Vale only
    body = client.post("/api/check", json={"claim": claim, "report": report}).json()
    assert body["verdict"] == "supported", body["explanation"]
    assert {e["report"] for e in body["evidence"]} == {"wessex-vale-2011"}
    other = client.post("/api/check", json={"claim": claim, "report": "sefton-2009"}).json()
    assert other["verdict"] == "contradicted", other["explanation"]
    assert {e["report"] for e in other["evidence"]} == {"sefton-2009"}


def test_check_text_against_a_named_report_until_another_area_is_named(client):
    text = "The Safeguarding score was 38%. Wessex Vale's Safeguarding score was 64%."
    body = client.post("/api/check", json={"text": text, "report": "sefton"}).json()
    assert [r["verdict"] for r in body["results"]] == ["supported", "supported"]
    assert body["results"][0]["evidence"][0]["report"] == "sefton-2009"
    assert body["results"][1]["evidence"][0]["report"] == "wessex-vale-2011"


def test_check_against_an_unknown_report_is_a_clear_error(client):
    r = client.post("/api/check", json={"claim": "Safeguarding was 38%.", "report": "Leeds"})
    assert r.status_code == 404
    message = r.json().get("detail") or r.json().get("message")
    assert "Leeds" in message and "sefton-2009" in message


def test_check_claim_naming_no_report_is_judged_against_each(client):
    body = client.post("/api/check", json={"claim": "Safeguarding scored 64%."}).json()
    assert body["verdict"] == "mixed", body["explanation"]
    assert [(p["report"], p["verdict"], p["value"]) for p in body["per_report"]] == [
        ("sefton-2009", "contradicted", "38%"),
        ("wessex-vale-2011", "supported", "64%"),
    ]
    assert body["per_report"][1]["evidence"][0]["report"] == "wessex-vale-2011"
    one = client.post("/api/check", json={"claim": "Sefton's Safeguarding score was 38%."})
    assert "per_report" not in one.json()

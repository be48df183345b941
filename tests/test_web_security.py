"""Who may change what: cross-origin refusals, CSRF on forms, the API token, read-only mode,
conversation and feedback isolation, body and rate limits, no server paths."""

from __future__ import annotations

import re
import sqlite3

import pytest
from fastapi.testclient import TestClient
from webapp_fixtures import FICTIONAL, SAMPLE, make_findings, shared_findings, with_csrf

from assistant.listen import is_loopback, serve_refusal
from web.app import create_app
from web.security import Access, policy

LOCAL = "http://127.0.0.1:8000"
EVIL = "https://evil.example"
ASK = {"question": "What does RoSH mean?"}


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    return shared_findings(tmp_path_factory)


@pytest.fixture(scope="module")
def app(findings):
    return create_app(findings)


@pytest.fixture
def local(app):
    """A browser on this machine: requests addressed to 127.0.0.1, with its own cookies."""
    with TestClient(app, base_url=LOCAL, follow_redirects=False) as c:
        yield c


def _other(app) -> TestClient:
    """Another browser: same server, its own cookie jar."""
    return TestClient(app, base_url=LOCAL, follow_redirects=False)


def _upload(path=FICTIONAL):
    return {"files": (path.name, path.read_bytes(), "text/plain")}


# ---------------------------------------------------------------- the policy table


def test_every_write_route_is_classified_and_unknown_writes_are_admin():
    from web.routes import api, pages

    table = policy()
    writes = {
        (m, r.path)
        for router in (api.router, pages.router)
        for r in router.routes
        for m in r.methods
        if m not in ("GET", "HEAD")
    }
    assert ("POST", "/api/ingest") in writes
    for route in writes:
        assert table.access(*route) in (Access.QUERY, Access.SESSION, Access.ADMIN), route
    assert table.access("POST", "/api/ingest") is Access.ADMIN
    assert table.access("POST", "/ingest") is Access.ADMIN
    assert table.access("DELETE", "/api/reports/x") is Access.ADMIN  # not listed: the safe default
    assert table.access("POST", "/api/ask") is Access.SESSION
    assert table.access("GET", "/api/feedback") is Access.TOKEN
    assert table.access("GET", "/api/reports") is Access.READ


@pytest.mark.parametrize(
    "host, loopback",
    [
        ("127.0.0.1", True),
        ("127.0.0.1:8000", True),
        ("localhost:8000", True),
        ("[::1]:8000", True),
        ("::1", True),
        ("0.0.0.0", False),
        ("192.168.1.20", False),
        ("evil.example:8000", False),
        ("", False),
    ],
)
def test_loopback_names(host, loopback):
    assert is_loopback(host) is loopback


def test_serve_refuses_a_network_interface_without_token_unless_read_only():
    reason = serve_refusal("0.0.0.0", None, False)
    assert reason and "FINDINGS_API_TOKEN" in reason and "--read-only" in reason
    assert "\n" not in reason
    assert serve_refusal("0.0.0.0", "tok", False) is None
    assert serve_refusal("0.0.0.0", None, True) is None
    assert serve_refusal("127.0.0.1", None, False) is None


# ---------------------------------------------------------------- origin


@pytest.mark.parametrize(
    "path, kwargs",
    [
        ("/api/ask", {"json": ASK}),
        ("/api/check", {"json": {"claim": "RoSH scored 99%"}}),
        ("/api/feedback", {"json": {"rating": "up", "question": "q", "answer": "a"}}),
        ("/api/ingest", {"files": _upload()}),
    ],
)
def test_cross_origin_api_writes_are_refused_with_a_clear_message(local, findings, path, kwargs):
    before = findings.store.fingerprint()
    r = local.post(path, headers={"Origin": EVIL}, **kwargs)
    assert r.status_code == 403
    detail = r.json()["detail"]
    assert detail.startswith("cross-origin request refused") and EVIL in detail
    assert findings.store.fingerprint() == before


def test_a_cross_site_form_post_is_refused_before_the_page_runs(local):
    r = local.post("/", data={"question": "What does RoSH mean?"}, headers={"Referer": EVIL + "/x"})
    assert r.status_code == 403
    assert "text/html" in r.headers["content-type"]
    assert "cross-origin request refused" in r.text
    # A privacy-stripped origin is not this server either.
    assert local.post("/api/ask", json=ASK, headers={"Origin": "null"}).status_code == 403


def test_same_origin_requests_are_accepted(local):
    r = local.post("/api/ask", json=ASK, headers={"Origin": LOCAL})
    assert r.status_code == 200 and r.json()["found"] is True
    referred = local.post("/api/check", json={"claim": "x"}, headers={"Referer": LOCAL + "/check"})
    assert referred.status_code == 200
    other_port = local.post("/api/ask", json=ASK, headers={"Origin": "http://127.0.0.1:9999"})
    assert other_port.status_code == 403
    # The browser's own account of where a request comes from counts even without Origin.
    for site in ("cross-site", "same-site"):
        r = local.post("/api/ask", json=ASK, headers={"Sec-Fetch-Site": site})
        assert r.status_code == 403 and site in r.json()["detail"]
    own = {"Sec-Fetch-Site": "same-origin", "Origin": LOCAL}
    assert local.post("/api/check", json={"claim": "x"}, headers=own).status_code == 200


def test_a_program_without_browser_headers_may_write_on_loopback(local, findings):
    """curl on this machine sends no Origin: the JSON API works, uploads included."""
    assert local.post("/api/ask", json=ASK).status_code == 200
    r = local.post("/api/ingest", files=_upload(SAMPLE))
    assert r.status_code == 200 and r.json()[0]["status"] == "unchanged"


def test_dns_rebinding_is_refused_without_a_token(app):
    """A page on evil.example that re-points its name at 127.0.0.1 is 'same origin' with itself:
    with no token the Host must name this machine."""
    with TestClient(app, base_url="http://evil.example:8000") as c:
        r = c.post("/api/ask", json=ASK, headers={"Origin": "http://evil.example:8000"})
        assert r.status_code == 403
        assert "localhost or 127.0.0.1" in r.json()["detail"]


def test_writes_from_another_machine_need_the_token(app):
    with TestClient(app, base_url=LOCAL, client=("192.0.2.7", 50000)) as c:
        r = c.post("/api/ask", json=ASK)
        assert r.status_code == 403 and "other machines" in r.json()["detail"]
        assert c.get("/api/reports").status_code == 200  # reading is open


# ---------------------------------------------------------------- CSRF on forms


def test_page_forms_carry_a_csrf_token_and_need_it(local):
    page = local.get("/check")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    cookie = page.headers["set-cookie"]
    assert "findings_csrf=" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    for path in ("/", "/ingest", "/quiz"):
        assert 'name="csrf_token"' in local.get(path, follow_redirects=True).text, path
    missing = local.post("/check", data={"text": "RoSH scored 99%"})
    assert missing.status_code == 403 and "reload the page" in missing.text
    wrong = local.post("/check", data={"text": "RoSH scored 99%", "csrf_token": "guess"})
    assert wrong.status_code == 403
    ok = local.post("/check", data={"text": "RoSH scored 99%", "csrf_token": token})
    assert ok.status_code == 200
    stranger = _other(local.app)  # a token from one browser is no good in another
    assert stranger.post("/check", data={"text": "x", "csrf_token": token}).status_code == 403


def test_odd_cookies_of_other_local_apps_do_not_hide_ours(app):
    with TestClient(app, base_url=LOCAL) as c:
        headers = {"Cookie": 'jupyter="a b\\c; x=@@; findings_csrf=tok123456'}
        ok = c.post("/check", data={"text": "x", "csrf_token": "tok123456"}, headers=headers)
        assert ok.status_code == 200


def test_a_page_upload_needs_the_csrf_token(local, findings):
    before = findings.store.fingerprint()
    assert local.post("/ingest", files=_upload(SAMPLE)).status_code == 403
    assert findings.store.fingerprint() == before


# ---------------------------------------------------------------- the API token


def test_with_a_token_changes_need_it_but_questions_do_not(tmp_path):
    core = make_findings(tmp_path / "store", api_token="s3cret")
    with TestClient(create_app(core), base_url="http://findings.team.example") as c:
        # A team server: addressed by its own name, asked by anyone on the network.
        origin = {"Origin": "http://findings.team.example"}
        assert c.post("/api/ask", json=ASK, headers=origin).status_code == 200
        r = c.post("/api/ingest", files=_upload(), headers=origin)
        assert r.status_code == 401 and "API token" in r.json()["detail"]
        assert r.headers["www-authenticate"] == "Bearer"
        assert core.store.report_ids() == []
        # The token is authority: no Origin or CSRF check applies to its holder.
        auth = {"Authorization": "Bearer s3cret", "Origin": EVIL}
        ok = c.post("/api/ingest", files=_upload(), headers=auth)
        assert ok.status_code == 200 and ok.json()[0]["status"] == "ingested"


# ---------------------------------------------------------------- read-only


def test_a_read_only_server_refuses_every_change(findings, monkeypatch):
    monkeypatch.setattr(findings.settings, "read_only", True)
    with TestClient(create_app(findings), base_url=LOCAL) as c:
        before = findings.store.fingerprint()
        r = c.post("/api/ingest", files=_upload(SAMPLE))
        assert r.status_code == 403 and "read-only" in r.json()["detail"]
        with_csrf(c)
        page = c.post("/ingest", files=_upload(SAMPLE))
        assert page.status_code == 403 and "read-only" in page.text
        assert findings.store.fingerprint() == before
        assert c.post("/api/ask", json=ASK).status_code == 200  # questions still work


# ---------------------------------------------------------------- feedback


def test_feedback_listing_needs_the_token(findings, local, monkeypatch):
    r = local.get("/api/feedback")
    assert r.status_code == 403 and "findings feedback" in r.json()["detail"]
    assert local.get("/api/feedback", params={"format": "csv"}).status_code == 403
    monkeypatch.setattr(findings.settings, "api_token", "tok")
    assert local.get("/api/feedback").status_code == 401
    assert local.get("/api/feedback", headers={"Authorization": "Bearer nope"}).status_code == 401
    listed = local.get("/api/feedback", headers={"Authorization": "Bearer tok"})
    assert listed.status_code == 200 and isinstance(listed.json(), list)


# ---------------------------------------------------------------- conversations


def test_a_conversation_belongs_to_the_browser_that_started_it(app, findings, local):
    # Pages never set the owner: a link from another site (which sends no SameSite=Strict
    # cookie) must not replace the browser's owner secret; only starting a conversation does.
    assert "findings_owner" not in local.get("/").headers.get("set-cookie", "")
    first = local.post("/api/ask", json=ASK)
    cid = first.json()["conversation_id"]
    cookie = first.headers["set-cookie"]
    assert "findings_owner=" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    secret = local.cookies["findings_owner"]
    assert local.get(f"/api/conversations/{cid}").status_code == 200
    follow = local.post("/api/ask", json={"question": "and MAPPA?", "conversation_id": cid})
    assert follow.status_code == 200 and follow.json()["conversation_id"] == cid

    with _other(app) as stranger:
        assert stranger.get(f"/api/conversations/{cid}").status_code == 404
        assert stranger.get(f"/api/conversations/{cid}/markdown").status_code == 404
        assert stranger.get(f"/conversations/{cid}.md").status_code == 404
        extend = stranger.post("/api/ask", json={"question": "and RoSH?", "conversation_id": cid})
        assert extend.status_code == 404
        rate = stranger.post(
            "/api/feedback", json={"rating": "down", "conversation_id": cid, "turn": 0}
        )
        assert rate.status_code == 404
        page = stranger.get(f"/?c={cid}").text
        assert "not stored here" in page and "and MAPPA?" not in page
        with_csrf(stranger)
        form = stranger.post("/feedback", data={"conversation_id": cid, "turn": 0, "rating": "up"})
        assert form.status_code == 404

    # Still two turns: nothing the stranger sent reached the conversation.
    assert len(local.get(f"/api/conversations/{cid}").json()["turns"]) == 2
    # The store keeps only a hash of the owner secret.
    db = sqlite3.connect(findings.settings.db_path)
    stored = db.execute(
        "SELECT owner FROM conversation_owners WHERE conversation_id = ?", (cid,)
    ).fetchone()[0]
    db.close()
    assert stored and secret not in stored


def test_the_token_holder_may_read_any_conversation(app, findings, local, monkeypatch):
    cid = local.post("/api/ask", json=ASK).json()["conversation_id"]
    monkeypatch.setattr(findings.settings, "api_token", "tok")
    with _other(app) as admin:
        r = admin.get(f"/api/conversations/{cid}", headers={"Authorization": "Bearer tok"})
        assert r.status_code == 200 and r.json()["turns"][0]["question"] == ASK["question"]


# ---------------------------------------------------------------- limits


def test_every_endpoint_limits_its_body(local, findings, monkeypatch):
    monkeypatch.setattr(findings.settings, "max_body_kb", 4)
    big = {"question": "x" * 8000}
    r = local.post("/api/ask", json=big)
    assert (
        r.status_code == 413 and r.json()["detail"] == "request body is 7.8 KB, over the 4 KB limit"
    )
    with_csrf(local)
    page = local.post("/check", data={"text": "y" * 8000})
    assert page.status_code == 413 and "over the 4 KB limit" in page.text
    # Uploads keep their own (larger) limit.
    assert local.post("/api/ingest", files=_upload(SAMPLE)).status_code == 200


def test_asking_is_rate_limited_per_client(findings, monkeypatch):
    monkeypatch.setattr(findings.settings, "ask_rate", "2/minute")
    app = create_app(findings)
    with TestClient(app, base_url=LOCAL) as c:
        assert c.post("/api/ask", json=ASK).status_code == 200
        assert c.post("/api/ask", json=ASK).status_code == 200
        r = c.post("/api/ask", json=ASK)
        assert r.status_code == 429
        assert r.json()["detail"].startswith(
            "too many questions: each client may ask (or rate answers) 2 times per minute; "
        )
        rating = {"rating": "up", "question": "q", "answer": "a"}
        assert c.post("/api/feedback", json=rating).status_code == 429  # the same budget
        assert 1 <= int(r.headers["retry-after"]) <= 60
        assert c.post("/api/check", json={"claim": "x"}).status_code == 200  # only asking counts
    with TestClient(app, base_url=LOCAL, client=("127.0.0.9", 1)) as other:
        assert other.post("/api/ask", json=ASK).status_code == 200  # another client, own budget


# ---------------------------------------------------------------- no server paths


def test_no_api_returns_a_server_path(local, findings):
    r = local.get("/api/reports/sefton-2009")
    assert r.status_code == 200
    assert r.json()["source_path"] == "sefton-yot-2009.txt"
    root = str(SAMPLE.parent.parent)
    for path in ("/api/reports", "/api/reports/sefton-2009", "/api/glossary", "/api/health"):
        assert root not in local.get(path).text, path
    bad = local.post("/api/ingest", files={"files": ("notes.docx", b"x", "application/msword")})
    assert "/tmp" not in bad.text and "findings-upload" not in bad.text


@pytest.mark.parametrize(
    "text, shown",
    [
        (
            "could not store: unable to open /srv/findings/.findings/chroma/x.sqlite3 (busy)",
            "could not store: unable to open x.sqlite3 (busy)",
        ),
        ("cannot read '/tmp/findings-upload-ab/0/report.pdf'", "cannot read 'report.pdf'"),
        (r"failed: C:\Users\me\reports\a.txt", "failed: a.txt"),
        ("file is 3 KB, over the 2 KB limit", "file is 3 KB, over the 2 KB limit"),
        ("1/2 of the cases and/or 3/4", "1/2 of the cases and/or 3/4"),
    ],
)
def test_messages_lose_server_paths(text, shown):
    from web.redact import without_paths

    assert without_paths(text) == shown

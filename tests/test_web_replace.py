"""Replacing a stored report from the web is an explicit act: a changed version is refused as
"needs-replace" until the upload is confirmed."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from webapp_fixtures import FICTIONAL, make_findings, with_csrf

from web.app import create_app

LOCAL = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def core(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("replace-store"), [FICTIONAL])


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    """The fictional report with its first percentage turned into 99%."""
    text = FICTIONAL.read_text(encoding="utf-8")
    edited, n = re.subn(r"\b\d{1,2}%", "99%", text, count=1)
    assert n == 1 and edited != text
    path = tmp_path_factory.mktemp("changed") / FICTIONAL.name
    path.write_text(edited, encoding="utf-8")
    return path


@pytest.fixture
def client(core):
    with TestClient(create_app(core), base_url=LOCAL, follow_redirects=False) as c:
        yield with_csrf(c)


def _file(path):
    return {"files": (path.name, path.read_bytes(), "text/plain")}


def _restore(core):
    core.ingest([FICTIONAL], replace=True)


def test_api_refuses_a_changed_version_until_asked_to_replace(client, core, changed):
    _restore(core)
    stored = core.store.sha256_of("wessex-vale-2011")
    r = client.post("/api/ingest", files=_file(changed))
    assert r.status_code == 409
    assert r.json()[0]["status"] == "needs-replace" and r.json()[0]["ok"] is False
    assert r.json()[0]["report_id"] == "wessex-vale-2011"
    assert core.store.sha256_of("wessex-vale-2011") == stored  # nothing stored
    assert "pending" not in r.json()[0]  # the API client sends the file again instead
    ok = client.post("/api/ingest", files=_file(changed), data={"replace": "true"})
    assert ok.status_code == 200 and ok.json()[0]["status"] == "replaced"
    assert core.store.sha256_of("wessex-vale-2011") != stored


def test_the_upload_page_asks_before_replacing(client, core, changed):
    _restore(core)
    stored = core.store.sha256_of("wessex-vale-2011")
    page = client.post("/ingest", files=_file(changed))
    assert page.status_code == 409
    assert "is a different version of" in page.text and "Nothing was changed" in page.text
    assert core.store.sha256_of("wessex-vale-2011") == stored
    form = re.search(r'<form method="post" action="/ingest/confirm".*?</form>', page.text, re.S)
    assert form, page.text
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form.group(0)))
    assert set(fields) == {"csrf_token", "pending"}
    assert "Replace wessex-vale-2011 with this version" in form.group(0)

    # Someone else's page cannot confirm it for the user.
    forged = client.post(
        "/ingest/confirm",
        data={"pending": fields["pending"]},
        headers={"Origin": "https://x.example"},
    )
    assert forged.status_code == 403
    without_csrf = TestClient(client.app, base_url=LOCAL)
    assert (
        without_csrf.post("/ingest/confirm", data={"pending": fields["pending"]}).status_code == 403
    )
    assert core.store.sha256_of("wessex-vale-2011") == stored

    done = client.post("/ingest/confirm", data=fields)
    assert done.status_code == 200, done.text
    assert "Replaced" in done.text
    assert core.store.sha256_of("wessex-vale-2011") != stored
    again = client.post("/ingest/confirm", data=fields)  # a key confirms once
    assert again.status_code == 404 and "expired" in again.text
    assert (
        client.post("/ingest/confirm", data={**fields, "pending": "../../etc"}).status_code == 404
    )


def test_an_unchanged_or_new_report_needs_no_confirmation(client, core):
    _restore(core)
    r = client.post("/api/ingest", files=_file(FICTIONAL))
    assert r.status_code == 200 and r.json()[0]["status"] == "unchanged"

"""A report whose text carries <script> renders it as text on every page, never as markup."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient
from webapp_fixtures import INJECTION, SAMPLE, injected_text, make_findings, with_csrf

from web.app import create_app

ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "sefton-yot-2009.txt"
    path.write_text(injected_text(SAMPLE.read_text(encoding="utf-8")), encoding="utf-8")
    core = make_findings(folder / "store", [path])
    report = core.reports()[0]
    # The premise: the script is really in the parsed finding and glossary entry.
    assert any(INJECTION in i.text for c in report.criteria for i in c.strengths)
    assert any(INJECTION in g.definition for g in report.glossary)
    return core


@pytest.fixture(scope="module")
def client(hostile):
    with TestClient(create_app(hostile), follow_redirects=False) as c:
        yield with_csrf(c)


def _safe(html: str) -> None:
    assert INJECTION not in html
    assert "<script>" not in html
    assert re.search(r"<script(?![^>]*\bsrc=\"/static/app\.js\")", html) is None


def test_report_glossary_and_list_pages_escape_the_script(client, hostile):
    report = hostile.reports()[0]
    for path in (f"/reports/{report.id}", "/glossary", "/reports", "/glossary?q=alert"):
        html = client.get(path).text
        _safe(html)
        if path != "/reports":
            assert ESCAPED in html, path


def test_highlighting_a_quote_or_term_that_holds_the_script_escapes_it(client, hostile):
    report = hostile.reports()[0]
    item = next(i for c in report.criteria for i in c.strengths if INJECTION in i.text)
    for params in (
        {"hl": item.source.quote},
        {"hl": INJECTION},
        {"term": "script"},
        {"hl": "no such text <b>bold</b>"},
    ):
        html = client.get(f"/reports/{report.id}", params=params).text
        _safe(html)
        assert "<b>bold</b>" not in html
    html = client.get(f"/reports/{report.id}", params={"hl": item.source.quote}).text
    assert f'<mark id="hl">A full RoSH {ESCAPED}' in html


def test_chat_answer_and_its_citations_escape_the_script(client):
    r = client.post("/", data={"question": "What were the strengths in risk of harm to others?"})
    cid = parse_qs(urlsplit(r.headers["location"]).query)["c"][0]
    html = client.get(f"/?c={cid}").text
    _safe(html)
    assert ESCAPED in html  # the finding is quoted, as text
    glossary = client.post("/chat/turn", data={"question": "What does MAPPA mean?"}).text
    _safe(glossary)
    assert ESCAPED in glossary


def test_quiz_questions_escape_the_script(client, hostile):
    from assistant.quiz import all_questions

    questions = all_questions(hostile.reports(), seed=1)
    hits = [
        i
        for i, q in enumerate(questions[:50])
        if INJECTION in q.explanation + " ".join(q.options) + (q.excerpt or "")
    ]
    assert hits
    for index in hits[:5]:
        html = client.get("/quiz", params={"seed": 1, "q": index, "n": 50}).text
        _safe(html)
        answered = client.post("/quiz", data={"seed": 1, "index": index, "n": 50, "choice": 0}).text
        _safe(answered)
        assert ESCAPED in answered


def test_user_input_is_escaped_too(client):
    text = f"Sefton's safeguarding score was 38%. {INJECTION}"
    _safe(client.post("/check", data={"text": text}).text)
    r = client.post("/", data={"question": f"What does {INJECTION} mean?"})
    html = client.get(r.headers["location"]).text
    _safe(html)
    assert ESCAPED in html

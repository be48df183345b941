"""The HTML pages through TestClient: each works as a plain form, without JavaScript."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient
from webapp_fixtures import FICTIONAL, make_findings, shared_findings, with_csrf

from web.app import create_app

HTML = {"Accept": "text/html"}


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    return shared_findings(tmp_path_factory)


@pytest.fixture(scope="module")
def client(findings):
    with TestClient(create_app(findings), follow_redirects=False) as c:
        yield with_csrf(c)


def _ask(client, question: str, cid: str = "") -> str:
    r = client.post("/", data={"question": question, "conversation_id": cid})
    assert r.status_code == 303, r.text
    location = r.headers["location"]
    assert location.startswith("/?c=")
    return parse_qs(urlsplit(location).query)["c"][0]


def test_pages_send_a_strict_content_security_policy(client):
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert '<script src="/static/app.js"' in r.text
    assert "<script>" not in r.text  # no inline script anywhere
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/app.css").status_code == 200


def test_empty_chat_offers_example_questions_from_the_reports(client, findings):
    r = client.get("/")
    assert r.status_code == 200
    examples = re.findall(r'<button type="submit" name="question" value="([^"]+)"', r.text)
    assert len(examples) >= 3
    sefton = findings.report("sefton-2009")
    terms = {g.term for g in sefton.glossary}
    asked_term = re.match(r"What does (.+) mean\?", unescape(examples[0]))
    assert asked_term and asked_term.group(1) in terms


def test_chat_form_post_redirects_to_the_conversation(client, findings):
    cid = _ask(client, "What was the safeguarding score in Sefton?")
    page = client.get(f"/?c={cid}").text
    assert "What was the safeguarding score in Sefton?" in page
    assert "38%" in page
    chips = re.findall(r'<a class="cite-chip" href="([^"]+)"', page)
    assert chips
    url = urlsplit(unescape(chips[0]))
    assert url.path == "/reports/sefton-2009"
    quote = parse_qs(url.query)["hl"][0]
    assert quote in findings.report("sefton-2009").text
    assert url.fragment.startswith("sec-")


def test_follow_up_keeps_the_conversation_and_offers_markdown(client):
    cid = _ask(client, "What does RoSH mean?")
    assert _ask(client, "and MAPPA?", cid) == cid
    page = client.get(f"/?c={cid}").text
    assert page.index("What does RoSH mean?") < page.index("and MAPPA?")
    assert 'id="turn-1"' in page
    assert f'href="/conversations/{cid}.md"' in page
    md = client.get(f"/conversations/{cid}.md")
    assert md.status_code == 200
    assert md.headers["content-type"].startswith("text/markdown")
    assert "## 2. and MAPPA?" in md.text and "> " in md.text


def test_empty_question_is_refused_with_a_message(client):
    r = client.post("/", data={"question": "   "})
    assert r.status_code == 422
    assert "question must not be empty" in r.text
    long = client.post("/", data={"question": "y" * 2001})
    assert long.status_code == 422 and "the limit is 2,000" in long.text


def test_unknown_conversation_starts_afresh(client):
    r = client.get("/?c=deadbeef")
    assert r.status_code == 200
    assert "not stored here" in r.text


def test_chat_turn_fragment_for_javascript(client):
    r = client.post("/chat/turn", data={"question": "What does MAPPA mean?"})
    assert r.status_code == 200
    cid = r.headers["x-conversation-id"]
    assert r.headers["x-turn"] == "0"
    assert r.text.lstrip().startswith('<li class="turn" id="turn-0">')
    assert 'class="cite-chip"' in r.text
    second = client.post("/chat/turn", data={"question": "and RoSH?", "conversation_id": cid})
    assert second.headers["x-turn"] == "1"
    bad = client.post("/chat/turn", data={"question": ""})
    assert bad.status_code == 422 and 'role="alert"' in bad.text


def test_feedback_form_rates_a_turn(client, findings):
    from assistant.storage.feedback import all_feedback

    cid = _ask(client, "What does RoSH mean?")
    r = client.post(
        "/feedback", data={"conversation_id": cid, "turn": "0", "rating": "up", "comment": "clear"}
    )
    assert r.status_code == 303
    assert r.headers["location"] == f"/?c={cid}&rated=0#turn-0"
    assert "Thanks — your feedback was saved." in client.get(r.headers["location"]).text
    saved = [f for f in all_feedback(findings.store) if f.conversation_id == cid]
    assert [(f.rating, f.comment, f.question) for f in saved] == [
        (1, "clear", "What does RoSH mean?")
    ]
    missing = client.post("/feedback", data={"conversation_id": cid, "turn": "5", "rating": "up"})
    assert missing.status_code == 404


def test_reports_page_lists_scores_and_compares_areas(client):
    r = client.get("/reports")
    assert r.status_code == 200
    assert 'href="/reports/sefton-2009"' in r.text and 'href="/reports/wessex-vale-2011"' in r.text
    assert "Scores compared across areas" in r.text
    table = r.text[r.text.index('<table class="compare">') :]
    row = table[table.index(">1.3 Safeguarding<") :]
    row = row[: row.index("</tr>")]
    assert re.search(r"28%</strong>\s*<span class=\"score-band\">DRASTIC", row)
    assert re.search(r"62%</strong>\s*<span class=\"score-band\">MODERATE", row)


def test_report_page_has_chart_anchors_and_every_finding(client, findings):
    report = findings.report("sefton-2009")
    r = client.get("/reports/sefton-2009")
    assert r.status_code == 200
    page = r.text
    assert '<svg viewBox="0 0' in page
    bars = re.findall(r'<g class="bar-row (band-\w+)">', page)
    assert len(bars) == len(report.headline_scores) + len(report.criteria) + len(
        [s for s in report.sections if s.overall]
    )
    assert "band-drastic" in bars and "band-substantial" in bars
    for c in report.criteria:
        assert f'id="sec-{c.number.replace(".", "-")}"' in page
        assert f"{c.score.value}% {c.score.band}" in page  # the band in words on the chart
    for anchor in ("sec-foreword", "sec-recommendations", "sec-glossary", "sec-1", "sec-summary"):
        assert f'id="{anchor}"' in page
    text = unescape(page)
    for c in report.criteria:
        for item in c.strengths + c.areas_for_improvement:
            assert item.text in text
    for rec in report.recommendations:
        assert rec.text in text


def test_report_page_highlights_a_cited_quote(client, findings):
    report = findings.report("sefton-2009")
    item = report.criteria[0].areas_for_improvement[0]
    r = client.get("/reports/sefton-2009", params={"hl": item.source.quote})
    page = r.text
    assert page.count('<mark id="hl">') == 1
    marked = page[page.index('<mark id="hl">') :]
    marked = unescape(marked[len('<mark id="hl">') : marked.index("</mark>")])
    assert " ".join(marked.split()) == " ".join(item.text.split())
    assert "The cited passage is" in page


def test_report_page_highlights_part_of_a_paragraph(client, findings):
    report = findings.report("sefton-2009")
    para = report.foreword[1]
    sentence = para.source.quote.split(".")[0]
    page = client.get("/reports/sefton-2009", params={"hl": sentence}).text
    marked = page[page.index('<mark id="hl">') + len('<mark id="hl">') :]
    marked = unescape(marked[: marked.index("</mark>")])
    assert " ".join(marked.split()) == " ".join(sentence.split())


def test_report_page_with_a_quote_not_in_the_report(client):
    page = client.get("/reports/sefton-2009", params={"hl": "words that never occur zqx"}).text
    assert "could not be found" in page
    assert "<mark" not in page.split('class="report-layout"')[1]


def test_report_page_marks_uses_of_a_term(client):
    page = client.get("/reports/sefton-2009", params={"term": "MAPPA"}).text
    assert page.count("<mark>MAPPA</mark>") >= 2
    assert "<mark>mappa" not in page.lower().replace("<mark>mappa</mark>", "")


def test_unknown_report_page_is_404(client):
    r = client.get("/reports/nowhere-1999", headers=HTML)
    assert r.status_code == 404
    assert "No report" in r.text and "<html" in r.text


def test_glossary_page_and_server_side_filter(client):
    page = client.get("/glossary").text
    assert 'id="glossary-filter"' in page and '<label for="glossary-filter">' in page
    assert 'href="#letter-M"' in page
    assert re.search(r'href="/reports/sefton-2009\?term=RoSH#sec-1-1"', page)
    filtered = client.get("/glossary", params={"q": "mappa"}).text
    shown = re.findall(r'<div class="term" data-search="([^"]*)">', filtered)
    assert shown and all("mappa" in unescape(s) for s in shown)
    assert "terms match" in filtered


def test_check_page_highlights_each_verdict(client):
    text = (
        "Sefton's safeguarding score was 38%. "
        "The overall score for Assessment and Sentence Planning in Sefton was 45%."
    )
    r = client.post("/check", data={"text": text})
    assert r.status_code == 200
    page = r.text
    assert 'class="claim claim-supported"' in page
    assert 'class="claim claim-contradicted"' in page
    assert 'id="claim-1"' in page and 'id="claim-2"' in page
    assert "42%" in page  # the stored value that holds instead
    assert client.get("/check").status_code == 200
    empty = client.post("/check", data={"text": "  "})
    assert empty.status_code == 422 and "text must not be empty" in empty.text


def test_quiz_flow_without_javascript(client):
    new = client.get("/quiz")
    assert new.status_code == 303 and new.headers["location"].startswith("/quiz?seed=")
    page = client.get("/quiz", params={"seed": 5}).text
    assert "Question 1 of 10" in page
    options = re.findall(r'name="choice" id="choice-(\d+)"', page)
    assert len(options) >= 2
    results = [
        client.post("/quiz", data={"seed": 5, "index": 0, "choice": k, "right": 0}).text
        for k in range(len(options))
    ]
    correct = [r for r in results if "✓ Correct" in r]
    assert len(correct) == 1
    assert 'class="quote"' in correct[0]  # the citation
    assert "q=1&amp;right=1" in correct[0]
    unanswered = client.post("/quiz", data={"seed": 5, "index": 0})
    assert unanswered.status_code == 422 and "Choose one of the answers" in unanswered.text
    done = client.get("/quiz", params={"seed": 5, "q": 10, "right": 7}).text
    assert "You answered 7 of 10 correctly" in done


def test_ingest_page_without_and_with_a_token(client, tmp_path):
    page = client.get("/ingest").text
    assert 'type="file"' in page and 'name="token"' not in page
    bad = client.post("/ingest", files={"files": ("notes.docx", b"x", "application/msword")})
    assert bad.status_code == 422
    assert "unsupported file type &#39;.docx&#39;" in bad.text

    core = make_findings(tmp_path / "store", api_token="tok")
    with with_csrf(TestClient(create_app(core))) as guarded:
        assert 'name="token"' in guarded.get("/ingest").text
        upload = {"files": ("wessex.txt", FICTIONAL.read_bytes(), "text/plain")}
        refused = guarded.post("/ingest", files=upload, data={"token": "wrong"})
        assert refused.status_code == 401 and "API token" in refused.text
        ok = guarded.post("/ingest", files=upload, data={"token": "tok"})
        assert ok.status_code == 200
        assert 'href="/reports/wessex-vale-2011"' in ok.text


def test_check_page_shows_a_claim_judged_against_each_report(client):
    # Sample and fictional reports are loaded: a claim naming neither is judged against each.
    r = client.post("/check", data={"text": "The Safeguarding score was 64%."})
    assert r.status_code == 200
    page = unescape(r.text)
    assert 'class="claim claim-mixed"' in page
    assert "Differs by report" in page
    assert "Contradicted for Sefton 2009, 38%; supported for Wessex Vale 2011, 64%." in page


def test_check_page_takes_the_report_sentences_are_about(client):
    form = client.get("/check").text
    assert '<select id="check-report" name="report">' in form
    assert '<option value="wessex-vale-2011">Wessex Vale 2011</option>' in form
    text = "The Safeguarding score was 64%."
    page = unescape(client.post("/check", data={"text": text, "report": "wessex-vale-2011"}).text)
    assert 'class="claim claim-supported"' in page
    assert '<option value="wessex-vale-2011" selected>' in page
    unknown = client.post("/check", data={"text": text, "report": "nowhere-1999"})
    assert unknown.status_code == 404 and "no report" in unescape(unknown.text)

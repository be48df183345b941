"""End-to-end: the real pages in headless Chromium (Debian's /usr/bin/chromium via Playwright)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser_fixtures import BROWSER
from webapp_fixtures import (
    FICTIONAL,
    INJECTION,
    SAMPLE,
    injected_text,
    make_findings,
    serve,
    shared_findings,
)

from web.app import create_app

pytestmark = BROWSER


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    with serve(create_app(shared_findings(tmp_path_factory))) as url:
        yield url


def _ask(page, question: str) -> None:
    count = page.locator("#turns > li.turn").count()
    page.fill("#question", question)
    page.keyboard.press("Enter")  # keyboard-first: Enter asks
    page.locator(f"#turns > li#turn-{count} .answer-text").wait_for()


def test_chat_ask_follow_citation_and_follow_up(page, tmp_path):
    page.goto("/")
    assert page.locator("button.example").count() >= 3  # example questions on the empty page
    _ask(page, "What does RoSH mean?")
    first = page.locator("#turns > li.turn").nth(0)
    assert "Risk of Serious Harm" in first.locator(".answer-text").inner_text()
    chip = first.locator(".answer-text a.cite-chip").first
    assert chip.inner_text() == "1"
    assert first.locator(".source blockquote").count() >= 1
    assert re.search(r"\?c=\w+", page.url)  # the conversation is addressable

    _ask(page, "and MAPPA?")
    second = page.locator("#turns > li.turn").nth(1)
    assert "Multi-Agency Public Protection" in second.locator(".answer-text").inner_text()
    # Thumbs up on the follow-up, saved without leaving the page.
    second.get_by_role("button", name="Yes, useful").click()
    page.get_by_text("Thanks — your feedback was saved.").wait_for()
    page.screenshot(path=str(tmp_path / "chat.png"), full_page=True)

    # A chip opens the report at the section, with the quote highlighted.
    href = chip.get_attribute("href")
    assert href.startswith("/reports/sefton-2009?hl=") and href.endswith("#sec-glossary")
    chip.click()
    page.wait_for_url(re.compile(r"/reports/sefton-2009\?hl="))
    from playwright.sync_api import expect

    mark = page.locator("mark#hl")
    mark.wait_for()
    assert "Risk of Serious Harm" in mark.inner_text()
    expect(mark).to_be_in_viewport()  # scrolled to the quote itself, not just the section
    page.screenshot(path=str(tmp_path / "report-citation.png"))
    page.goto("/reports/sefton-2009")
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    assert page.locator("svg.score-chart .bar").count() >= 11
    assert page.locator("#sec-1-3").is_visible()


def test_chat_works_without_javascript(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    page.fill("#question", "What was the safeguarding score?")
    page.click("#ask-button")
    page.wait_for_url(re.compile(r"/\?c=\w+"))
    answer = page.locator("#turns > li.turn .answer-text").first.inner_text()
    assert "38%" in answer or "62%" in answer
    context.close()


def test_glossary_filter(page):
    page.goto("/glossary")
    total = page.locator(".term:visible").count()
    assert total > 20
    page.fill("#glossary-filter", "mapp")
    visible = page.locator(".term:visible")
    assert 1 <= visible.count() < total
    for text in visible.all_inner_texts():
        assert "mapp" in text.lower()
    assert "of" in page.locator("#glossary-count").inner_text()
    page.fill("#glossary-filter", "zzzz-no-such-term")
    assert page.locator(".term:visible").count() == 0
    assert page.locator("#glossary-none").is_visible()
    page.fill("#glossary-filter", "")
    assert page.locator(".term:visible").count() == total
    # A term links to where the findings use it, with the term highlighted.
    page.fill("#glossary-filter", "RoSH")
    page.locator(".term:visible .uses a").first.click()
    page.wait_for_url(re.compile(r"/reports/.+\?term=RoSH"))
    assert page.locator("mark").count() >= 1


def test_check_paragraph_true_and_false(page, tmp_path):
    page.goto("/check")
    page.fill(
        "#check-text",
        "Sefton's safeguarding score was 38%. "
        "The overall score for Assessment and Sentence Planning in Sefton was 45%.",
    )
    page.get_by_role("button", name="Check").click()
    supported = page.locator("a.claim.claim-supported")
    contradicted = page.locator("a.claim.claim-contradicted")
    supported.wait_for()
    assert "38%" in supported.inner_text()
    assert "45%" in contradicted.inner_text()
    contradicted.hover()
    tip = contradicted.locator(".claim-tip")
    assert tip.is_visible() and "42%" in tip.inner_text()
    contradicted.click()
    assert page.locator(".claim-result.is-focused").count() == 1
    page.screenshot(path=str(tmp_path / "check.png"), full_page=True)


def test_quiz_answer_a_question(page, tmp_path):
    page.goto("/quiz?seed=11")
    page.locator(".quiz-prompt").wait_for()
    page.locator(".option label").first.click()
    page.get_by_role("button", name="Check my answer").click()
    result = page.locator(".quiz-result")
    result.wait_for()
    assert re.search(r"Correct|Not quite", result.inner_text())
    assert page.locator(".option-correct").count() == 1
    assert result.locator("blockquote.quote").count() == 1  # the citation
    page.screenshot(path=str(tmp_path / "quiz.png"), full_page=True)
    page.click("#next-question")
    page.wait_for_url(re.compile(r"q=1"))
    assert "Question 2 of" in page.locator(".quiz-progress").inner_text()


def test_report_text_with_a_script_is_shown_as_text(browser, tmp_path):
    path = tmp_path / "sefton-yot-2009.txt"
    path.write_text(injected_text(SAMPLE.read_text(encoding="utf-8")), encoding="utf-8")
    core = make_findings(tmp_path / "store", [path])
    dialogs: list[str] = []
    with serve(create_app(core)) as url:
        context = browser.new_context(base_url=url)
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for target in ("/reports/sefton-2009", "/glossary", "/reports/sefton-2009?term=MAPPA"):
            page.goto(target)
            assert INJECTION in page.locator("main").inner_text()
        page.goto("/")
        page.fill("#question", "What were the strengths in risk of harm to others?")
        page.keyboard.press("Enter")
        page.locator("#turn-0 .answer-text").wait_for()
        assert INJECTION in page.locator("#turn-0").inner_text()
        context.close()
    assert dialogs == []  # no injected script ever ran


def test_upload_a_report_with_progress_and_errors(browser, tmp_path):
    core = make_findings(tmp_path / "store")
    bad = tmp_path / "minutes.docx"
    bad.write_bytes(b"PK not a report")
    with serve(create_app(core)) as url:
        context = browser.new_context(base_url=url)
        page = context.new_page()
        page.goto("/ingest")
        page.set_input_files("#files", [str(FICTIONAL), str(bad)])
        page.get_by_role("button", name="Upload and ingest").click()
        results = page.locator(".ingest-results")
        results.wait_for(timeout=120_000)
        ok = results.locator("li.ok")
        assert "wessex-vale-2011" in ok.inner_text()
        failed = results.locator("li.failed").inner_text()
        assert "minutes.docx: unsupported file type '.docx' (use .txt, .md or .pdf)" in failed
        page.screenshot(path=str(tmp_path / "ingest.png"), full_page=True)
        ok.get_by_role("link").click()
        page.wait_for_url("**/reports/wessex-vale-2011")
        context.close()
    assert core.store.report_ids() == ["wessex-vale-2011"]


def _changed_copy(tmp_path: Path) -> Path:
    """The fictional report with its first percentage turned into 99%."""
    edited, n = re.subn(r"\b\d{1,2}%", "99%", FICTIONAL.read_text(encoding="utf-8"), count=1)
    assert n == 1
    path = tmp_path / "changed" / FICTIONAL.name
    path.parent.mkdir()
    path.write_text(edited, encoding="utf-8")
    return path


def test_replacing_a_report_needs_confirmation_with_and_without_javascript(browser, tmp_path):
    core = make_findings(tmp_path / "store", [FICTIONAL])
    changed = _changed_copy(tmp_path)
    original = core.store.sha256_of("wessex-vale-2011")
    with serve(create_app(core)) as url:
        for js in (True, False):
            core.ingest([FICTIONAL], replace=True)
            context = browser.new_context(base_url=url, java_script_enabled=js)
            page = context.new_page()
            page.goto("/ingest")
            page.set_input_files("#files", [str(changed)])
            page.get_by_role("button", name="Upload and ingest").click()
            asked = page.locator(".ingest-results li.needs-replace")
            asked.wait_for(timeout=120_000)
            assert "is a different version of wessex-vale-2011" in asked.inner_text()
            assert core.store.sha256_of("wessex-vale-2011") == original  # nothing yet
            page.get_by_role("button", name="Replace wessex-vale-2011 with this version").click()
            page.locator(".ingest-results li.ok").wait_for(timeout=120_000)
            assert "Replaced" in page.locator(".ingest-results li.ok").inner_text(), js
            assert core.store.sha256_of("wessex-vale-2011") != original
            context.close()


def test_a_page_on_another_site_cannot_write(browser, tmp_path):
    """The issue's attack: any page the user visits posts an upload to the local server."""
    core = make_findings(tmp_path / "store", [FICTIONAL])
    changed = _changed_copy(tmp_path)
    original = core.store.sha256_of("wessex-vale-2011")
    with serve(create_app(core)) as url:
        context = browser.new_context()
        attack = (
            f'<form id="f" method="post" action="{url}/api/ask" enctype="text/plain">'
            '<input name=\'{"question": "x", "a": "\' value=\'"}\'></form>'
            f'<form id="g" method="post" action="{url}/api/ingest" enctype="multipart/form-data">'
            '<input type="file" name="files" id="file"><input name="replace" value="true"></form>'
        )
        context.route(
            "http://attacker.test/**",
            lambda route: route.fulfill(status=200, content_type="text/html", body=attack),
        )
        page = context.new_page()
        page.goto("http://attacker.test/")
        page.set_input_files("#file", [str(changed)])
        with page.expect_navigation():
            page.evaluate("document.getElementById('g').submit()")
        assert "cross-origin request refused" in page.content()
        page.goto("http://attacker.test/")
        with page.expect_navigation():
            page.evaluate("document.getElementById('f').submit()")
        assert "cross-origin request refused" in page.content()
        context.close()
    assert core.store.sha256_of("wessex-vale-2011") == original

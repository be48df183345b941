"""Markdown export: what the reports, the questions and the answers say is text, never markup."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from web import mdtext, presenters

HOSTILE = (
    "<script>alert(1)</script> [click](javascript:alert(1)) ![x](http://127.0.0.1/x.png) "
    "*loud* __bold__ `code` <img src=x onerror=alert(1)> &lt;b&gt; | a | b | ~~gone~~"
)


def _html(markdown: str) -> str:
    # html=True: the most permissive renderer; the linkify-free CommonMark core.
    return MarkdownIt("commonmark", {"html": True}).render(markdown)


def _inert(html: str) -> None:
    for tag in ("<script", "<a ", "<img", "<em>", "<strong>", "<code>", "<h1", "<h2>", "<ol"):
        assert tag not in html, (tag, html)


def test_inline_text_renders_as_the_same_words():
    html = _html(mdtext.inline(HOSTILE))
    _inert(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[click](javascript:alert(1))" in html
    assert "&amp;lt;b&amp;gt;" in html  # an entity in the text stays the characters typed


@pytest.mark.parametrize("start", ["# ", "1. ", "2) ", "> ", "+ ", "=== ", "- "])
def test_a_line_cannot_start_a_heading_list_or_quote(start):
    html = _html("para\n" + mdtext.inline(start + "text"))
    assert html.count("<p>") == 1 and "<h" not in html and "<li>" not in html, html
    assert "<blockquote>" not in html


def test_answer_bullets_stay_a_list_and_stay_text():
    html = _html(mdtext.block(f"Found:\n- first {HOSTILE}\n- second [1]"))
    assert html.count("<li>") == 2
    assert "[1]" in html
    _inert(html.replace("<ul>", "").replace("<li>", ""))


def test_conversation_export_escapes_question_answer_quote_and_report_name():
    turns = [
        {
            "question": f"What does {HOSTILE} mean?",
            "answer": f"It means {HOSTILE} [1]\n- a bullet {HOSTILE}",
            "found": True,
            "citations": [
                {
                    "report": "evil-2020",
                    "section": "glossary",
                    "heading": HOSTILE,
                    "quote": HOSTILE,
                    "page": 2,
                }
            ],
        }
    ]
    md = presenters.conversation_markdown("abc", turns, {"evil-2020": HOSTILE}, "2026-01-01")
    html = _html(md)
    assert html.count("<h2>") == 1 and html.count("<h1>") == 1  # only the export's own
    assert html.count("<li>") == 1 and html.count("<blockquote>") == 1
    body = html.split("</h1>", 1)[1].replace("<h2>", "").replace("<ul>", "").replace("<li>", "")
    _inert(body)
    # question, answer, bullet, the source line (area and heading), quote
    assert html.count("&lt;script&gt;") == 6

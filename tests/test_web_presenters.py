"""Pure view helpers: anchors, citation links, escaping highlights, charts, check spans."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from ingest.text.locate import find_quote
from ingest.text.terms import exact_term_pattern
from web import presenters


def test_anchor_is_a_safe_id():
    assert presenters.anchor("1.3") == "sec-1-3"
    assert presenters.anchor("glossary") == "sec-glossary"
    assert presenters.anchor("inspection-data") == "sec-inspection-data"
    assert presenters.anchor('"><script>') == "sec-script"
    assert presenters.anchor("") == "sec-report"


def test_cite_url_carries_the_quote_and_section():
    url = presenters.cite_url(
        {"report": "sefton-2009", "section": "1.3", "quote": "28% & <b>\nDRASTIC"}
    )
    parts = urlsplit(url)
    assert parts.path == "/reports/sefton-2009"
    assert parse_qs(parts.query)["hl"] == ["28% & <b>\nDRASTIC"]
    assert parts.fragment == "sec-1-3"
    assert "<" not in url and " " not in url


def test_cite_url_stays_short_for_long_quotes():
    quote = "word " * 2000
    url = presenters.cite_url({"report": "r", "section": "1", "quote": quote})
    hl = parse_qs(urlsplit(url).query)["hl"][0]
    assert quote.startswith(hl) and len(hl) <= presenters.MAX_HL


def test_citation_where_names_the_part_of_the_report():
    assert presenters.citation_where({"section": "glossary", "heading": "RoSH"}) == "Glossary: RoSH"
    assert presenters.citation_where({"section": "1.3", "heading": "1.3 Safeguarding"}) == (
        "1.3 Safeguarding"
    )
    assert presenters.citation_where({"section": "foreword", "heading": "Foreword"}) == "Foreword"


def test_answer_segments_link_only_known_citations():
    cites = [{"report": "r", "section": "1.1", "quote": "q"}]
    segs = presenters.answer_segments("Score 46% [1]. See [2] and [x].", cites)
    assert [(s.text, s.n) for s in segs] == [
        ("Score 46% ", None),
        ("[1]", 1),
        (". See [2] and [x].", None),
    ]
    assert segs[1].citation is cites[0]


def test_answer_blocks_make_lists_of_dash_lines():
    blocks = presenters.answer_blocks("Intro [1]\n- one\n- two [1]\n\nAfter", [{"quote": "q"}])
    assert [(b.kind, len(b.lines)) for b in blocks] == [("p", 1), ("ul", 2), ("p", 1)]
    assert blocks[1].lines[1][-1].n == 1


def test_mark_escapes_everything_and_finds_across_whitespace():
    out = presenters.mark("a <b>risk\nof harm</b> & more", "risk of harm", mark_id="hl")
    assert isinstance(out, Markup)
    assert out == 'a &lt;b&gt;<mark id="hl">risk\nof harm</mark>&lt;/b&gt; &amp; more'
    assert presenters.mark("<i>x</i>", "absent") == "&lt;i&gt;x&lt;/i&gt;"


@given(st.text(max_size=60), st.text(max_size=10))
def test_mark_never_lets_markup_through(text, needle):
    out = str(presenters.mark(text, needle))
    stripped = out.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in stripped and ">" not in stripped


def test_mark_all_uses_word_boundaries_and_acronym_case():
    out = presenters.mark_all("MAPPA and MAPPAs, mappa; MAPPA.", [exact_term_pattern("MAPPA")])
    assert out == "<mark>MAPPA</mark> and MAPPAs, mappa; <mark>MAPPA</mark>."
    lower = presenters.mark_all("Asset and asset", [exact_term_pattern("asset")])
    assert lower == "<mark>Asset</mark> and <mark>asset</mark>"


def test_locate_tolerates_whitespace():
    text = "one two\nthree   four"
    assert find_quote(text, "two\nthree") == (4, 13)
    assert find_quote(text, "two three four") == (4, 20)
    assert find_quote(text, "five") is None
    assert find_quote(text, "") is None


def test_check_parts_cover_the_text_in_order():
    text = "A is 38%. B is 45%. C."
    results = [
        {"verdict": "contradicted", "span": [10, 19]},
        {"verdict": "supported", "span": [0, 9]},
        {"verdict": "supported", "span": [5, 12]},  # overlaps: skipped
    ]
    parts = presenters.check_parts(text, results)
    assert "".join(p.text for p in parts) == text
    assert [(p.text, p.n) for p in parts if p.result] == [("A is 38%.", 2), ("B is 45%.", 1)]


def test_score_chart_rows_and_geometry(sample_report):
    chart = presenters.score_chart(sample_report)
    expected = (
        len(sample_report.headline_scores)
        + len(sample_report.criteria)
        + sum(1 for s in sample_report.sections if s.overall)
    )
    assert len(chart.rows) == expected
    ys = [r.y for r in chart.rows]
    assert ys == sorted(ys) and len(set(ys)) == len(ys)
    assert chart.bar(0) == 0
    assert chart.bar(100) == chart.bar(150) == chart.bar_width  # clipped at 100%
    assert chart.height > ys[-1]
    assert {r.band for r in chart.rows} >= {"DRASTIC", "SUBSTANTIAL"}


def test_compare_table_aligns_measures_across_reports(sample_report, fictional_report):
    rows = presenters.compare_table([sample_report, fictional_report])
    by_key = {r.key: r for r in rows}
    row = by_key["1.3"]
    assert [c.value for c in row.cells] == [
        sample_report.criterion("1.3").score.value,
        fictional_report.criterion("1.3").score.value,
    ]
    assert row.group == "Criteria"
    assert by_key["safeguarding"].group == "Headline scores"


def test_glossary_items_are_sorted_merged_and_linked(sample_report, fictional_report):
    items = presenters.glossary_items([sample_report, fictional_report])
    terms = [i.term for i in items]
    assert len(terms) == len({t.lower() for t in terms})
    assert [t.lower() for t in terms] == sorted(t.lower() for t in terms)
    rosh = next(i for i in items if i.term == "RoSH")
    assert ("sefton-2009", "1.1") in {(u.report, u.section) for u in rosh.uses}
    assert all(u.section != "glossary" for i in items for u in i.uses)


def test_highlighter_marks_the_cited_item_only(sample_report):
    item = sample_report.criteria[0].strengths[0]
    hl = presenters.Highlighter(sample_report, hl=item.source.quote)
    assert hl.found and hl.hit_sections[0] == item.source.section
    assert hl.hit(item.source)
    other = sample_report.criteria[1].strengths[0]
    assert not hl.hit(other.source)
    assert "<mark" not in hl(other.text, other.source)
    assert '<mark id="hl">' in hl(item.text, item.source)
    assert 'id="hl"' not in hl(item.text, item.source)  # only the first mark gets the id


def test_conversation_markdown():
    turns = [
        {
            "question": "What does RoSH\nmean?",
            "answer": "Risk of Serious Harm [1]",
            "found": True,
            "citations": [
                {
                    "report": "sefton-2009",
                    "section": "glossary",
                    "heading": "RoSH",
                    "quote": "Risk of\nSerious Harm",
                    "page": 3,
                }
            ],
        },
        {
            "question": "What about Barnsley?",
            "answer": "Not loaded.",
            "found": False,
            "citations": [],
        },
    ]
    md = presenters.conversation_markdown("abc", turns, {"sefton-2009": "Sefton"}, "2024-01-01")
    assert md.startswith("# Conversation abc\n")
    assert "## 1. What does RoSH mean?" in md
    assert "[1] Sefton (sefton-2009), Glossary: RoSH, page 3:\n> Risk of Serious Harm" in md
    assert "## 2. What about Barnsley?" in md
    assert "_The loaded reports do not answer this question._" in md

"""Report pages of every format and the reports table's parameters, through TestClient."""

from __future__ import annotations

import re
from html import unescape

import pytest
from fastapi.testclient import TestClient
from webapp_fixtures import FORMATS, INJECTION, formats_findings, make_findings

from ingest.model import Role, Unit
from web.app import create_app


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    return formats_findings(tmp_path_factory)


@pytest.fixture(scope="module")
def client(findings):
    with TestClient(create_app(findings), follow_redirects=False) as c:
        yield c


def _rows(page: str) -> list[str]:
    """The report ids of the table's rows, in order."""
    body = page[page.index('<table class="report-table">') :]
    return re.findall(r'<input type="checkbox" name="r" value="([^"]+)"', body)


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


# ---------------------------------------------------------------- report pages


def test_every_report_page_says_how_it_was_read(client, findings):
    for report in findings.reports():
        page = client.get(f"/reports/{report.id}").text
        start = page.index('<p class="read-as">')
        read_as = _text(page[start : page.index("</p>", start)])
        assert "Read as:" in read_as, report.id
        assert f"{round(report.format_confidence * 100)}%" in read_as
        if report.missing:
            assert "Not found in this report: " + ", ".join(report.missing) in read_as
        else:
            assert "Nothing its format usually has is missing" in read_as


def test_rated_report_shows_ratings_table_points_and_key_questions(client, findings):
    report = findings.report("harrowfield-2021")
    page = client.get("/reports/harrowfield-2021").text
    table = page[page.index('<table class="ratings-table">') :]
    table = table[: table.index("</table>")]
    points = next(s for s in report.headline_scores if s.unit == Unit.POINTS)
    assert f"<strong>{points.display()}</strong>" in table
    for c in report.criteria:
        row = table[table.index(f">{c.number} {c.name}<") :]
        row = row[: row.index("</tr>")]
        cls = "rating-" + c.score.rating.lower().replace(" ", "-")
        assert f'<span class="rating-cell {cls}">{c.score.rating}</span>' in row, c.number
    # Grouped by domain, in the report's order.
    domains = re.findall(r'<th scope="colgroup" colspan="2">([^<]+)</th>', table)
    assert domains == [f"{s.number}. {s.name}" for s in report.sections]
    questions = [m for m in report.measures if m.kind == Role.KEY_QUESTION]
    values = re.findall(r'<strong class="kq-value">([^<]+)</strong>', page)
    assert values == [m.display() for m in questions]
    widths = re.findall(r'<rect x="0" y="0" width="(\d+)" height="14" rx="2" class="fill"/>', page)
    assert [int(w) for w in widths] == [int(m.value) * 2 for m in questions]
    groups = re.findall(r'<div class="kq-group">\s*<h4>([^<]+)</h4>', page)
    assert groups[0].startswith(questions[0].parent)
    # The overall rating is shown in words, never as a percentage chart bar.
    assert "Overall rating" in page and 'class="score-chart"' not in page


def test_rated_report_with_a_missing_standard_says_so(client):
    page = client.get("/reports/lowmoor-2021").text
    assert "Not found in this report: 3.3" in _text(page)
    assert ">3.3 " not in page.split('<table class="ratings-table">')[1].split("</table>")[0]


def test_2012_report_shows_areas_with_judgements_findings_and_recommendations(client, findings):
    report = findings.report("eastmere-2014")
    page = client.get("/reports/eastmere-2014").text
    text = _text(page)
    judged = {m.parent: m for m in report.measures if m.kind == Role.AREA}
    for s in report.sections:
        heading = page[page.index(f'id="sec-{s.number}"') :]
        heading = _text(heading[: heading.index("</h2>")])
        assert heading.endswith(f"{s.number} {s.name} {judged[str(s.number)].rating}")
        for f in s.findings:
            assert f.text in text
    for rec in report.recommendations:
        assert rec.text in text and rec.owner in text
    assert "Key findings" in page


def test_general_document_shows_sections_and_paragraphs(client, findings):
    report = findings.report("the-journey-home-resettlement-of-children-2019")
    page = client.get(f"/reports/{report.id}").text
    text = _text(page)
    for p in report.body:
        assert p.text in text
        assert f'id="sec-{p.source.section}"' in page
    assert "General document" in text


@pytest.mark.parametrize(
    "report_id", ["harrowfield-2021", "eastmere-2014", "westbury-youth-justice-partnership-2023"]
)
def test_citation_highlight_works_on_every_format(client, findings, report_id):
    report = findings.report(report_id)
    unit = (report.measures or report.body)[0]
    quote = unit.source.quote
    page = client.get(f"/reports/{report_id}", params={"hl": quote}).text
    assert page.count('<mark id="hl">') == 1
    assert "The cited passage is" in page


def test_report_page_marks_its_group_in_each_distribution(client, findings):
    page = client.get("/reports/penmarrow-2024").text
    spread = page[page.index('id="spread"') :]
    captions = _text(spread[: spread.index("</section>")])
    ratings = [r for r in findings.reports() if r.format == "ratings"]
    assert f"Overall rating This report: Inadequate. Of {len(ratings)} reports" in captions
    assert "0 are lower" in captions  # Inadequate is the lowest rating, 6/36 the lowest points
    current = re.findall(r'<g class="spread-row current">\s*<text[^>]*>([^<]+)</text>', spread)
    assert current[:2] == ["Inadequate", "10-20% of max"]


# ---------------------------------------------------------------- the reports table


def test_reports_table_has_a_row_per_report_grouped_by_format(client, findings):
    page = client.get("/reports").text
    assert sorted(_rows(page)) == sorted(r.id for r in findings.reports())
    groups = re.findall(r'<tr class="group-row"><th scope="colgroup"[^>]*>([^<]+)</th>', page)
    assert groups == [
        "Core Case Inspection (2009-2012)",
        "Inspection of 2012-2017",
        "Ratings framework (2018 on)",
        "General document",
    ]
    # The export buttons stay.
    assert 'href="/api/export/scores?format=xlsx"' in page
    assert 'href="/api/export/scores?format=csv"' in page
    # More than four reports: the full comparison moves to the compare page.
    assert "Scores compared across areas" not in page


def test_reports_table_filters(client, findings):
    ratings = client.get("/reports", params={"format": "ratings"}).text
    assert sorted(_rows(ratings)) == sorted(
        r.id for r in findings.reports() if r.format == "ratings"
    )
    year = client.get("/reports", params={"year": "2011"}).text
    assert _rows(year) and all(findings.report(i).year == 2011 for i in _rows(year))
    assert client.get("/reports", params={"year": ""}).status_code == 200  # the form's "Any"
    inadequate = client.get("/reports", params={"grade": "Inadequate"}).text
    assert _rows(inadequate) == ["penmarrow-2024"]
    drastic = client.get("/reports", params={"grade": "DRASTIC"}).text
    assert _rows(drastic) == ["sefton-2009"]
    search = client.get("/reports", params={"q": "  HARROW "}).text
    assert _rows(search) == ["harrowfield-2021"]
    none = client.get("/reports", params={"q": "no such area"}).text
    assert "No report matches these filters" in none


def test_reports_table_filters_by_the_region_a_report_states(client, findings):
    stated = {r.id: r.region for r in findings.reports()}
    regions = sorted({r for r in stated.values() if r})
    assert len(regions) >= 2  # the fixtures state several; the filter offers each
    page = client.get("/reports").text
    for region in regions:
        assert f'<option value="{region}">' in page
        rows = _rows(client.get("/reports", params={"region": region}).text)
        assert sorted(rows) == sorted(i for i, r in stated.items() if r == region)
    lower = _rows(client.get("/reports", params={"region": regions[0].lower()}).text)
    assert sorted(lower) == sorted(i for i, r in stated.items() if r == regions[0])
    assert "No report matches" in client.get("/reports", params={"region": "Atlantis"}).text


def test_reports_table_sorts_by_any_column(client, findings):
    asc = _rows(client.get("/reports", params={"sort": "points"}).text)
    assert asc[:4] == ["penmarrow-2024", "lowmoor-2021", "harrowfield-2021", "cold-ashby-2023"]
    desc = _rows(client.get("/reports", params={"sort": "points", "desc": "1"}).text)
    assert desc[:4] == asc[:4][::-1]
    assert set(asc[4:]) == set(desc[4:])  # reports without points stay last either way
    worst = _rows(client.get("/reports", params={"sort": "overall"}).text)
    assert worst[0] == "penmarrow-2024" and worst[3] == "cold-ashby-2023"
    safeguarding = _rows(client.get("/reports", params={"sort": "safeguarding"}).text)
    assert safeguarding[0] == "sefton-2009"  # the lowest safeguarding score
    years = [findings.report(i).year for i in _rows(client.get("/reports?sort=year").text)]
    assert years == sorted(years)
    areas = [findings.report(i).area for i in _rows(client.get("/reports?sort=area").text)]
    assert areas == sorted(areas, key=str.lower)
    bogus = client.get("/reports", params={"sort": "<nope>"})
    assert bogus.status_code == 200 and "nope" not in bogus.text


def test_reports_table_pages(client, findings):
    first = client.get("/reports", params={"per": 25}).text
    assert "page 1 of" not in first  # 12 reports fit on one page of 25
    # A page size not offered falls back to the smallest one; pages are clamped.
    odd = client.get("/reports", params={"per": 3, "page": 99}).text
    assert len(_rows(odd)) == len(findings.reports())


def test_reports_table_pages_past_the_first(client, findings, monkeypatch):
    from web import report_list

    monkeypatch.setattr(report_list, "PAGE_SIZES", (5, 25))
    pages = [_rows(client.get("/reports", params={"per": 5, "page": n}).text) for n in (1, 2, 3)]
    assert [len(p) for p in pages] == [5, 5, 2]
    assert sorted(sum(pages, [])) == sorted(r.id for r in findings.reports())
    page2 = client.get("/reports", params={"per": 5, "page": 2, "format": ""}).text
    assert 'href="/reports?per=5" rel="prev"' in page2
    assert 'href="/reports?page=3&amp;per=5" rel="next"' in page2


def test_compare_page_sets_like_measures_side_by_side(client):
    r = client.get("/reports/compare?r=harrowfield-2021&r=sefton-2009&r=nowhere-1999")
    assert r.status_code == 200
    page = r.text
    assert "Not loaded: nowhere-1999" in page
    heads = re.findall(r'<th scope="col"><a href="/reports/([^"]+)"', page)
    assert heads == ["harrowfield-2021", "sefton-2009"]
    # 1.1 is a rated standard in one and a percentage criterion in the other: two rows.
    rows = re.findall(r"<tr>\s*<th scope=\"row\">([^<]+)</th>(.*?)</tr>", page, re.S)
    governance = next(cells for name, cells in rows if name == "1.1 Governance and leadership")
    assert "Good" in governance and "not reported" in governance
    risk = next(cells for name, cells in rows if name == "1.1 Risk of Harm to others")
    assert "not reported" in risk.split("</td>")[0] and "%" in risk.split("</td>")[1]
    assert "Pick at least two" in client.get("/reports/compare").text


def test_api_reports_keeps_its_shape(client, findings):
    data = client.get("/api/reports").json()
    assert len(data) == len(findings.reports())


# ---------------------------------------------------------------- injection and pages


def test_new_fields_are_escaped_and_pdf_pages_are_shown(tmp_path):
    from test_load import make_pdf

    rated = (FORMATS / "ratings-harrowfield-2021.txt").read_text(encoding="utf-8")
    question = "Does assessment sufficiently analyse how to keep other people safe?"
    assert question in rated and "Partnerships and services" in rated
    rated = rated.replace(question, question[:-1] + f" {INJECTION}?")
    rated = rated.replace("Partnerships and services", f"Partnerships {INJECTION} services")
    (tmp_path / "injected.txt").write_text(rated, encoding="utf-8")
    plan = (FORMATS / "general-improvement-plan-westbury-2023.txt").read_text(encoding="utf-8")
    first, second = plan.split("Action 2:")
    (tmp_path / "plan.pdf").write_bytes(make_pdf([first, "Action 2:" + second]))
    core = make_findings(tmp_path / "store", [tmp_path / "injected.txt", tmp_path / "plan.pdf"])
    with TestClient(create_app(core)) as c:
        for url in ("/reports/harrowfield-2021", "/reports", "/reports?format=ratings"):
            page = c.get(url).text
            assert "<script>alert" not in page, url
        page = c.get("/reports/harrowfield-2021").text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        compare = c.get(
            "/reports/compare?r=harrowfield-2021&r=westbury-youth-justice-partnership-2023"
        )
        assert "<script>alert" not in compare.text
        plan_id = next(r.id for r in core.reports() if r.format == "general")
        plan_page = c.get(f"/reports/{plan_id}").text
        pages = re.findall(r'class="page-no">\(page (\d+)\)', plan_page)
        assert "1" in pages and "2" in pages
        assert pages == sorted(pages)

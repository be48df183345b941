"""The reports table over a handful of generated reports in headless Chromium: filtering by
format, region, band and area name, sorting and paging, each checked against what the
generator wrote into the reports."""

from __future__ import annotations

import pytest
from answer_fakes import HashEmbedder
from browser_fixtures import BROWSER
from webapp_fixtures import serve

from assistant.core import Findings
from assistant.settings import Settings
from benchmarks.corpus import write_corpus
from web.app import create_app

pytestmark = BROWSER

N = 14


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    written = [g for _, g in write_corpus(folder, N, seed=21, pdf_share=0.2)]
    # The pages need no retrieval: vectors from the hash embedder keep this test quick.
    core = Findings(
        Settings(store=tmp_path_factory.mktemp("store"), auto_ingest_sample=False),
        embedder=HashEmbedder(),
    )
    assert all(r.ok for r in core.ingest([folder]))
    return core, written


@pytest.fixture(scope="module")
def base_url(corpus):
    with serve(create_app(corpus[0])) as url:
        yield url


def _areas(page) -> list[str]:
    return page.locator("table.report-table tbody th[scope=row] a").all_inner_texts()


def _show(page, **selects) -> None:
    for field, value in selects.items():
        page.select_option(f"#f-{field}", value)
    with page.expect_navigation():
        page.get_by_role("button", name="Show").click()


def test_table_filters_by_format_region_and_band(page, corpus):
    _, written = corpus
    page.goto("/reports?per=50")
    assert sorted(_areas(page)) == sorted(g.expected.area for g in written)

    _show(page, format="ratings")
    ratings = [g for g in written if g.expected.format == "ratings"]
    assert sorted(_areas(page)) == sorted(g.expected.area for g in ratings)

    region = next(g.expected.region for g in ratings if g.expected.region)
    _show(page, region=region)
    assert "region=" in page.url
    assert sorted(_areas(page)) == sorted(
        g.expected.area for g in ratings if g.expected.region == region
    )

    page.goto("/reports?per=50")
    rating = ratings[0].expected.headline["overall"]
    _show(page, grade=rating)
    rated = {g.expected.area for g in ratings if g.expected.headline["overall"] == rating}
    shown = set(_areas(page))
    assert rated <= shown and len(shown) < N
    assert page.locator("#f-grade").input_value() == rating


def test_table_searches_sorts_and_pages(page, corpus):
    _, written = corpus
    target = written[3].expected.area
    page.goto("/reports")
    page.fill("#f-q", target.split()[0][:5])
    with page.expect_navigation():
        page.get_by_role("button", name="Show").click()
    assert target in _areas(page)

    core_case = sorted(
        (g for g in written if g.expected.format == "core-case"),
        key=lambda g: g.expected.headline["safeguarding"],
    )
    page.goto("/reports?format=core-case&per=50")
    page.get_by_role("link", name="Safeguarding").first.click()
    page.wait_for_url("**sort=safeguarding**")
    assert _areas(page)[0] == core_case[0].expected.area  # the lowest Safeguarding first

    page.goto("/reports?per=25")
    assert page.locator("table.report-table tbody tr:not(.group-row)").count() == N

"""The reports table and a rated report in headless Chromium, with screenshots."""

from __future__ import annotations

import pytest
from browser_fixtures import BROWSER
from webapp_fixtures import formats_findings, serve

from web.app import create_app

pytestmark = BROWSER


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    with serve(create_app(formats_findings(tmp_path_factory))) as url:
        yield url


def test_rated_report_shows_ratings_bars_and_spread(page, tmp_path):
    page.goto("/reports/harrowfield-2021")
    page.screenshot(path=str(tmp_path / "rated-report.png"), full_page=True)
    table = page.locator("table.ratings-table")
    assert table.is_visible()
    assert "17/36" in table.locator("caption").inner_text()
    row = table.locator("tr", has_text="1.3 Partnerships and services")
    assert row.locator(".rating-cell").inner_text() == "Requires improvement"
    # The colour is a second cue: the cell's background differs between ratings.
    good = table.locator("tr", has_text="1.1 Governance and leadership").locator(".rating-cell")
    assert good.inner_text() == "Good"
    colour = "e => getComputedStyle(e).backgroundColor"
    assert good.evaluate(colour) != row.locator(".rating-cell").evaluate(colour)
    assert page.locator(".kq").count() == 21
    assert page.locator(".kq-value").first.inner_text().endswith("% of cases")
    assert "Read as: Ratings framework" in page.locator(".read-as").inner_text()
    assert page.locator("#spread .spread-row.current").count() >= 2


def test_reports_table_sorts_filters_and_compares(page, tmp_path):
    page.goto("/reports")
    page.screenshot(path=str(tmp_path / "reports-table.png"), full_page=True)
    assert page.locator("table.report-table tbody tr:not(.group-row)").count() == 12
    page.select_option("#f-format", "ratings")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**format=ratings**")
    areas = page.locator("table.report-table tbody th[scope=row] a").all_inner_texts()
    assert sorted(areas) == ["Cold Ashby", "Harrowfield", "Lowmoor", "Penmarrow"]
    page.get_by_role("link", name="Points").click()
    page.wait_for_url("**sort=points**")
    areas = page.locator("table.report-table tbody th[scope=row] a").all_inner_texts()
    assert areas[0] == "Penmarrow"  # 6/36, the lowest points first
    page.screenshot(path=str(tmp_path / "reports-filtered.png"), full_page=True)
    page.get_by_label("Compare Penmarrow 2024").check()
    page.get_by_label("Compare Cold Ashby 2023").check()
    page.get_by_role("button", name="Compare the picked reports").click()
    page.wait_for_url("**/reports/compare?**")
    assert page.locator("table.compare thead th").count() == 3
    page.screenshot(path=str(tmp_path / "compare.png"), full_page=True)

"""Spreadsheet export: rows per measure, finding and recommendation, read back with csv and
openpyxl; the CLI command and the web download; formulas in report text stay text."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from typer.testing import CliRunner

from assistant import cli_export
from assistant.cli import app
from assistant.score_export import COLUMNS, Table, rows, sheets, write_csv, write_xlsx
from ingest.model import (
    Criterion,
    Item,
    Previous,
    Rating,
    Report,
    ReportFormat,
    Role,
    Score,
    Source,
    Unit,
)

# A fictional ratings-framework report whose text holds formula-like and control characters.
RATED_TEXT = (
    "Overall rating: Good (previously Requires improvement, 2017)\n"
    "Score 21/36\n"
    "2.2 Court disposals: keep other people safe? 69%\n"
    '=HYPERLINK("http://example.invalid","click") staff were well supported\x0c\n'
    "@SUM(1+1) the board should meet monthly (Board chair)\n"
)


def _src(section: str, heading: str, quote: str) -> Source:
    start = RATED_TEXT.index(quote)
    return Source(section, heading, quote, start, page=3)


@pytest.fixture
def rated_report() -> Report:
    finding = '=HYPERLINK("http://example.invalid","click") staff were well supported\x0c'
    rec = "@SUM(1+1) the board should meet monthly"
    overall = Score(
        key="overall",
        name="Overall rating",
        value=2,
        band=None,
        kind=Role.HEADLINE,
        source=_src("summary", "Overall rating", "Overall rating: Good"),
        unit=Unit.RATING,
        rating=Rating.GOOD,
        previous=Previous(
            value=None,
            rating=Rating.REQUIRES_IMPROVEMENT,
            year=2017,
            source=_src("summary", "Overall rating", "previously Requires improvement, 2017"),
        ),
    )
    points = Score(
        key="points",
        name="Points",
        value=21,
        band=None,
        kind=Role.HEADLINE,
        source=_src("summary", "Overall rating", "Score 21/36"),
        unit=Unit.POINTS,
        maximum=36,
    )
    share = Score(
        key="2.2-safe",
        name="Keep other people safe",
        value=69,
        band=None,
        kind=Role.KEY_QUESTION,
        source=_src("2.2", "2.2 Court disposals", "keep other people safe? 69%"),
        unit=Unit.SHARE,
        parent="2.2",
    )
    standard = Score(
        key="2.2",
        name="2.2 Court disposals",
        value=None,
        band=None,
        kind=Role.CRITERION,
        source=_src("2.2", "2.2 Court disposals", "2.2 Court disposals"),
        unit=Unit.RATING,
        rating=Rating.OUTSTANDING,
        parent="2",
    )
    return Report(
        id="northmoor-2021",
        area="Northmoor",
        title="Inspection of youth offending services in Northmoor",
        text=RATED_TEXT,
        year=2021,
        format=ReportFormat.RATINGS,
        headline_scores=[overall, points],
        criteria=[
            Criterion(
                "2.2",
                "Court disposals",
                "",
                standard,
                strengths=[Item(1, 1, finding, _src("2.2", "2.2 Court disposals", finding))],
            )
        ],
        recommendations=[
            Item(
                None,
                1,
                rec,
                _src("recommendations", "Recommendations", rec + " (Board chair)"),
                owner="Board chair",
            )
        ],
        measures=[share],
    )


def _csv(table: Table, reports) -> list[dict]:
    out = io.StringIO(newline="")
    write_csv(sheets(reports, [table])[0], out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_one_score_row_per_measure_with_every_field(sample_report, rated_report):
    got = _csv(Table.SCORES, [sample_report, rated_report])
    assert len(got) == len(sample_report.all_scores()) + len(rated_report.all_scores())
    by_key = {(r["report"], r["measure_key"]): r for r in got}
    safeguarding = by_key[("sefton-2009", "safeguarding")]
    assert safeguarding["value"] == "38" and safeguarding["band"] == "DRASTIC"
    assert safeguarding["format"] == "core-case" and safeguarding["unit"] == "percent"
    assert safeguarding["source_quote"] in sample_report.text
    overall = by_key[("northmoor-2021", "overall")]
    assert (overall["rating"], overall["previous_rating"], overall["previous_year"]) == (
        "Good",
        "Requires improvement",
        "2017",
    )
    assert overall["unit"] == "rating" and overall["role"] == "headline"
    points = by_key[("northmoor-2021", "points")]
    assert (points["value"], points["maximum"], points["unit"]) == ("21", "36", "points")
    share = by_key[("northmoor-2021", "2.2-safe")]
    assert (share["parent"], share["role"], share["section"]) == ("2.2", "key-question", "2.2")
    assert share["page"] == "3"


def test_findings_and_recommendations_tables(sample_report):
    findings = _csv(Table.FINDINGS, [sample_report])
    expected = sum(len(c.strengths) + len(c.areas_for_improvement) for c in sample_report.criteria)
    assert len(findings) == expected > 0
    assert {f["finding"] for f in findings} == {"strength", "area for improvement"}
    assert all(f["source_quote"] in sample_report.text for f in findings)
    recs = _csv(Table.RECOMMENDATIONS, [sample_report])
    assert [r["text"] for r in recs] == [i.text for i in sample_report.recommendations]
    assert recs[0]["owner"] == sample_report.recommendations[0].owner


def test_formulas_in_report_text_stay_text(rated_report):
    finding = _csv(Table.FINDINGS, [rated_report])[0]
    assert finding["text"].startswith("'=HYPERLINK")
    rec = _csv(Table.RECOMMENDATIONS, [rated_report])[0]
    assert rec["text"].startswith("'@SUM")
    out = io.BytesIO()
    write_xlsx(sheets([rated_report]), out)
    wb = openpyxl.load_workbook(io.BytesIO(out.getvalue()))
    cell = wb["findings"].cell(row=2, column=COLUMNS[Table.FINDINGS].index("text") + 1)
    assert cell.data_type == "s" and cell.value.startswith("'=HYPERLINK")
    assert "\x0c" not in cell.value  # the form feed xlsx cannot hold is replaced
    col = COLUMNS[Table.RECOMMENDATIONS].index("text") + 1
    rec_cell = wb["recommendations"].cell(row=2, column=col)
    assert rec_cell.data_type == "s" and rec_cell.value.startswith("'@SUM")


def test_xlsx_has_three_sheets_with_numbers_as_numbers(sample_report, rated_report):
    out = io.BytesIO()
    write_xlsx(sheets([sample_report, rated_report]), out)
    wb = openpyxl.load_workbook(io.BytesIO(out.getvalue()))
    assert wb.sheetnames == ["scores", "findings", "recommendations"]
    ws = wb["scores"]
    header = [c.value for c in ws[1]]
    assert header == list(COLUMNS[Table.SCORES])
    data = [dict(zip(header, (c.value for c in row), strict=True)) for row in ws.iter_rows(2)]
    assert len(data) == len(rows(Table.SCORES, [sample_report, rated_report]))
    first = data[0]
    assert (
        first["measure"] == "Safeguarding" and first["value"] == 38 and first["band"] == "DRASTIC"
    )
    assert ws.freeze_panes == "A2"


class _Store:
    def __init__(self, ids):
        self.ids = ids

    def report_ids(self):
        return self.ids


class _Core:
    def __init__(self, reports):
        self._reports = reports
        self.store = _Store([r.id for r in reports])

        class _Settings:
            auto_ingest_sample = False

        self.settings = _Settings()

    def reports(self):
        return self._reports


def test_cli_export_csv_and_xlsx(monkeypatch, tmp_path, sample_report, rated_report):
    monkeypatch.setattr(cli_export, "get_findings", lambda: _Core([sample_report, rated_report]))
    runner = CliRunner()
    result = runner.invoke(app, ["export", "scores", "--format", "csv"])
    assert result.exit_code == 0, result.output
    got = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(got) == len(sample_report.all_scores()) + 4

    recs = runner.invoke(
        app, ["export", "scores", "--what", "recommendations", "--report", "sefton-2009"]
    )
    assert recs.exit_code == 0, recs.output
    assert len(list(csv.DictReader(io.StringIO(recs.stdout)))) == len(sample_report.recommendations)

    target = tmp_path / "scores.xlsx"
    made = runner.invoke(app, ["export", "scores", "-f", "xlsx", "-o", str(target)])
    assert made.exit_code == 0, made.output
    wb = openpyxl.load_workbook(target)
    assert wb["scores"].max_row == 1 + len(sample_report.all_scores()) + 4
    assert [p.name for p in tmp_path.iterdir()] == ["scores.xlsx"]  # no temporary file left

    no_file = runner.invoke(app, ["export", "scores", "-f", "xlsx"])
    assert no_file.exit_code == 2 and "--output" in no_file.output
    unknown = runner.invoke(app, ["export", "scores", "--report", "nowhere-1999"])
    assert unknown.exit_code == 2 and "No report 'nowhere-1999'" in unknown.output
    bad = runner.invoke(app, ["export", "scores", "--format", "ods"])
    assert bad.exit_code == 2
    missing_dir = runner.invoke(app, ["export", "scores", "-o", str(tmp_path / "no" / "x.csv")])
    assert missing_dir.exit_code == 2 and "does not exist" in missing_dir.output
    folder = runner.invoke(app, ["export", "scores", "-o", str(tmp_path)])
    assert folder.exit_code == 2 and "is a folder" in folder.output


def test_web_download_from_the_reports_page(tmp_path_factory):
    from fastapi.testclient import TestClient
    from webapp_fixtures import shared_findings

    from web.app import create_app

    core = shared_findings(tmp_path_factory)
    with TestClient(create_app(core)) as client:
        page = client.get("/reports")
        assert 'href="/api/export/scores?format=xlsx"' in page.text
        r = client.get("/api/export/scores?format=xlsx")
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("application/vnd.openxmlformats")
        assert 'filename="findings-reports.xlsx"' in r.headers["content-disposition"]
        wb = openpyxl.load_workbook(io.BytesIO(r.content))
        expected = sum(len(rep.all_scores()) for rep in core.reports())
        assert wb["scores"].max_row == 1 + expected
        assert {row[0] for row in wb["scores"].iter_rows(2, values_only=True)} == {
            "sefton-2009",
            "wessex-vale-2011",
        }
        r = client.get("/api/export/scores?format=csv&what=findings&report=wessex-vale-2011")
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        got = list(csv.DictReader(io.StringIO(r.text)))
        wessex = core.report("wessex-vale-2011")
        assert len(got) == sum(
            len(c.strengths) + len(c.areas_for_improvement) for c in wessex.criteria
        )
        assert client.get("/api/export/scores?report=nowhere-1999").status_code == 404
        assert client.get("/api/export/scores?format=ods").status_code == 422

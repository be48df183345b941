"""Claims in context: the report a check is about (CLI, core), an area carried from one
sentence to the next, and a claim that names no area judged against every loaded report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.claims import (
    CONTRADICTED,
    SUPPORTED,
    UnknownReport,
    check_claim,
    reports_named,
)
from ingest.model import Report

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def sw(sample_report, fictional_report) -> list[Report]:
    return [sample_report, fictional_report]


# --- choosing the report ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "ids"),
    [
        ("sefton-2009", ["sefton-2009"]),
        ("Sefton 2009", ["sefton-2009"]),
        ("SEFTON", ["sefton-2009"]),
        ("Wessex Vale", ["wessex-vale-2011"]),
    ],
)
def test_reports_named_by_id_or_area(sw, name, ids):
    assert [r.id for r in reports_named(sw, name)] == ids


@pytest.mark.parametrize("name", ["Leeds", "sefton-2010", "  "])
def test_reports_named_unknown_says_what_is_loaded(sw, name):
    with pytest.raises(UnknownReport) as e:
        reports_named(sw, name)
    assert "sefton-2009" in str(e.value) or "empty" in str(e.value)


def test_about_is_the_default_not_a_filter(sw, sample_report, fictional_report):
    claim = "The Safeguarding score was 64%."
    assert check_claim(claim, sw, [fictional_report]).verdict == SUPPORTED
    assert check_claim(claim, sw, [sample_report]).verdict == CONTRADICTED
    # a claim that names a loaded area is judged against it, whatever the default
    named = check_claim("Wessex Vale's Safeguarding score was 64%.", sw, [sample_report])
    assert named.verdict == SUPPORTED
    assert {e.report for e in named.evidence} == {"wessex-vale-2011"}


# --- CLI ----------------------------------------------------------------------------------------


class _FakeFindings:
    def __init__(self, reports: list[Report]):
        self._reports = reports

    def reports(self) -> list[Report]:
        return self._reports


@pytest.fixture
def cli(monkeypatch, sw):
    from typer.testing import CliRunner

    from assistant import cli as cli_module

    monkeypatch.setattr(cli_module, "_ready", lambda: _FakeFindings(sw))
    runner = CliRunner()
    return lambda *args: runner.invoke(cli_module.app, ["check", *args])


@pytest.mark.parametrize(
    ("report", "verdict", "cited"),
    [
        ("wessex-vale-2011", SUPPORTED, "wessex-vale-2011"),
        ("Sefton", CONTRADICTED, "sefton-2009"),
    ],
)
def test_cli_check_against_a_report(cli, report, verdict, cited):
    out = cli("The Safeguarding score was 64%.", "--json", "--report", report)
    assert out.exit_code == 0, out.output
    body = json.loads(out.output)
    assert body["verdict"] == verdict, body["explanation"]
    assert {e["report"] for e in body["evidence"]} == {cited}


def test_cli_check_text_against_a_report(cli):
    text = "The Safeguarding score was 38%. Its Risk of Harm score was 36%."
    out = cli(text, "--json", "-r", "sefton-2009")
    assert out.exit_code == 0, out.output
    assert [r["verdict"] for r in json.loads(out.output)["results"]] == [SUPPORTED, SUPPORTED]


def test_cli_check_unknown_report_is_a_clear_error(cli):
    out = cli("The Safeguarding score was 64%.", "--report", "Leeds")
    assert out.exit_code == 2
    assert "no report 'Leeds' is loaded" in out.output
    assert "Traceback" not in out.output

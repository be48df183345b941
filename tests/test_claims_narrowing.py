"""A claim naming no area with a rating, points or an earlier score is judged only against the
reports that hold such a measure, when that gives the verdict judging every report gives.

Over seven fictional reports: three Core Case reports (percentages only), three ratings
reports and a 2012-2017 inspection (areas of work judged with words). Each claim is checked
with the narrowing and with every report judged; the results must be the same, word for word.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.claims import CONTRADICTED, check_claim, to_dict
from assistant.claims import check as check_module
from assistant.claims.subjects import index_for
from ingest.readers import read_report

DATA = Path(__file__).resolve().parent / "data"
FILES = [
    DATA / "wessex-vale-yot-2011.txt",
    DATA / "variants" / "stockbridge-on-wear-yot-2011.txt",
    DATA / "variants" / "vale-of-ashdown-yot-2010.txt",
    DATA / "formats" / "ratings-harrowfield-2021.txt",
    DATA / "formats" / "ratings-markdown-penmarrow-2024.txt",
    DATA / "formats" / "ratings-missing-standard-lowmoor-2021.txt",
    DATA / "formats" / "inspection-2012-eastmere-2014.txt",
]

CLAIMS = [
    "Every area was rated Outstanding.",
    "The service was rated Inadequate overall.",
    "The service was rated Requires improvement overall.",
    "The YOS scored 17/36.",
    "The YOS scored 30/36.",
    "Planning was rated Good.",
    "Governance and leadership was rated Outstanding.",
    "Reducing reoffending was judged Good.",
    "Safeguarding was rated 60%.",
    "The service was rated Good overall, and safeguarding was 45%.",
    "Safeguarding improved from 43% to 61%.",
    "The safeguarding score was 61%.",
    "A rating of Outstanding was given.",
]


@pytest.fixture(scope="module")
def reports():
    return [read_report(p.read_text(encoding="utf-8"), str(p)) for p in FILES]


def test_the_fixtures_hold_both_kinds_of_report(reports):
    plain = {r.id: index_for(r).plain for r in reports}
    assert plain["wessex-vale-2011"] and plain["vale-of-ashdown-2010"]
    assert not plain["harrowfield-2021"] and not plain["eastmere-2014"]


@pytest.mark.parametrize("claim", CLAIMS)
def test_narrowed_verdicts_equal_judging_every_report(reports, claim, monkeypatch):
    narrowed = to_dict(check_claim(claim, reports))
    monkeypatch.setattr(check_module, "_measure_claim_of_holders", lambda *a: None)
    every = to_dict(check_claim(claim, reports))
    assert narrowed == every


def test_the_narrowing_judges_only_the_holders(reports, monkeypatch):
    judged: list[str] = []
    real = check_module.judge_measure_claim

    def spy(text, scope):
        judged.append(scope.reports[0].report.id)
        return real(text, scope)

    monkeypatch.setattr(check_module, "judge_measure_claim", spy)
    result = check_claim("Every area was rated Outstanding.", reports)
    assert result.verdict == CONTRADICTED
    # one Core Case report stands for all three (each gives only percentages)
    core = {"wessex-vale-2011", "stockbridge-on-wear-2011", "vale-of-ashdown-2010"}
    assert len([i for i in judged if i in core]) == 1
    assert {"harrowfield-2021", "penmarrow-2024", "lowmoor-2021"} <= set(judged)
    assert {p.report for p in result.per_report} <= {r.id for r in reports} - core

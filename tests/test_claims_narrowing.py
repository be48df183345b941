"""A claim naming no area with a rating, points or an earlier score is judged only against the
reports that hold such a measure, when that gives the verdict judging every report gives.

Over seven fictional reports: three Core Case reports (percentages only), three ratings
reports and a 2012-2017 inspection (areas of work judged with words). Each claim is checked
with the narrowing and with every report judged; the results must be the same, word for word.
"""

from __future__ import annotations

import pytest
from corpora import MIXED_SEVEN

from assistant.claims import CONTRADICTED, check_claim, to_dict
from assistant.claims import check as check_module
from assistant.claims.subjects import index_for
from ingest.readers import read_report

FILES = MIXED_SEVEN

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


# --- many reports loaded: a claim naming no area is checked against the closest few ----------


def _closest(*ids: str):
    from assistant.claims import Narrowing

    asked: list[str] = []

    def related(claim: str, keep: int) -> list[str]:
        asked.append(claim)
        return list(ids)[:keep]

    return Narrowing(related, over=3, keep=2), asked


def test_a_claim_naming_no_area_is_checked_against_the_closest_reports_only(reports):
    narrowing, asked = _closest("wessex-vale-2011", "vale-of-ashdown-2010")
    claim = "The safeguarding score was 61%."
    result = check_claim(claim, reports, narrowing=narrowing)
    assert asked == [claim]
    judged = {p.report for p in result.per_report} | {e.report for e in result.evidence}
    assert judged and judged <= {"wessex-vale-2011", "vale-of-ashdown-2010"}
    assert "of the 7 loaded reports it was checked against the 2" in result.explanation
    assert "Name an area" in result.explanation


def test_no_report_close_to_the_claim_is_unverifiable_and_says_why(reports):
    narrowing, _ = _closest()
    result = check_claim("The safeguarding score was 61%.", reports, narrowing=narrowing)
    assert result.verdict == "unverifiable"
    assert "none of the 7 loaded reports" in result.explanation


@pytest.mark.parametrize(
    "claim",
    [
        "Harrowfield was rated Good overall.",  # names its area: judged against it, not narrowed
        "The lowest safeguarding score of the areas was 43%.",  # a ranking needs every report
        "Every area was rated Outstanding.",  # so does a claim about every area
    ],
)
def test_named_areas_and_rankings_are_never_narrowed(reports, claim):
    narrowing, asked = _closest("wessex-vale-2011")
    narrowed = to_dict(check_claim(claim, reports, narrowing=narrowing))
    assert asked == []
    assert narrowed == to_dict(check_claim(claim, reports))


def test_few_reports_are_all_judged(reports):
    narrowing, asked = _closest("wessex-vale-2011")
    few = reports[:3]  # not more than `over`
    claim = "The safeguarding score was 61%."
    assert to_dict(check_claim(claim, few, narrowing=narrowing)) == to_dict(check_claim(claim, few))
    assert asked == []


def test_the_service_checks_an_unnamed_claim_against_the_closest_reports(tmp_path):
    from answer_fakes import HashEmbedder

    from assistant.core import Findings
    from assistant.settings import Settings
    from web import service

    core = Findings(
        Settings(store=tmp_path / "store", auto_ingest_sample=False, claim_reports=1),
        embedder=HashEmbedder(),
    )
    assert all(r.ok for r in core.ingest(FILES[:3]))
    out = service.check_claim_dict(core, "The safeguarding score was 61%.")
    assert "of the 3 loaded reports it was checked against the 1" in out["explanation"]
    assert len({p["report"] for p in out.get("per_report", [])}) <= 1

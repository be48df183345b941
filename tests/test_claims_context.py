"""Claims in context: the report a check is about (CLI, core), an area carried from one
sentence to the next, and a claim that names no area judged against every loaded report."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assistant.claims import (
    CONTRADICTED,
    MIXED,
    SUPPORTED,
    UNVERIFIABLE,
    UnknownReport,
    check_claim,
    check_text,
    reports_named,
    to_dict,
)
from ingest.model import Report

DATA = Path(__file__).resolve().parent / "data"
S_, C_, U_ = SUPPORTED, CONTRADICTED, UNVERIFIABLE


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

    def claim_narrowing(self):
        return None  # a handful of reports: every one is judged


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


# --- a claim that names no report, with several loaded -------------------------------------------

FORMATS = DATA / "formats"


@pytest.fixture(scope="module")
def rated() -> dict[str, Report]:
    """Two fictional ratings-format reports: Harrowfield 2021 (Requires improvement, 17/36) and
    Cold Ashby 2023 (Good, 26/39)."""
    from ingest.readers import read_report

    files = {
        "h": "ratings-harrowfield-2021.txt",
        "c": "ratings-mutated-cold-ashby-2023.txt",
    }
    return {
        k: read_report((FORMATS / f).read_text(encoding="utf-8"), source_path=str(FORMATS / f))
        for k, f in files.items()
    }


def _reports(which: str, sw: list[Report], rated: dict[str, Report]) -> list[Report]:
    pool = {"s": sw[0], "w": sw[1], **rated}
    return [pool[k] for k in which]


# (loaded, claim, verdict, [(report, verdict, value)] per report, or None when not per report)
PER_REPORT = [
    (
        "sw",
        "Safeguarding scored 64%.",
        MIXED,
        [("sefton-2009", CONTRADICTED, "38%"), ("wessex-vale-2011", SUPPORTED, "64%")],
    ),
    (
        "hc",
        "The service was rated Good overall.",
        MIXED,
        [
            ("harrowfield-2021", CONTRADICTED, "Requires improvement"),
            ("cold-ashby-2023", SUPPORTED, "Good"),
        ],
    ),
    (
        "hc",
        "The YOS scored 17/36.",
        MIXED,
        [("harrowfield-2021", SUPPORTED, "17/36"), ("cold-ashby-2023", CONTRADICTED, "26/39")],
    ),
    (
        "hc",
        "The service was rated Inadequate overall.",
        CONTRADICTED,
        [
            ("harrowfield-2021", CONTRADICTED, "Requires improvement"),
            ("cold-ashby-2023", CONTRADICTED, "Good"),
        ],
    ),
    # A core-case report holds no rating: it does not count against the rated ones.
    (
        "hcs",
        "The service was rated Good overall.",
        MIXED,
        [
            ("harrowfield-2021", CONTRADICTED, "Requires improvement"),
            ("cold-ashby-2023", SUPPORTED, "Good"),
        ],
    ),
    # A claim naming a report is judged against that report only.
    ("hc", "Harrowfield was rated Requires improvement overall.", SUPPORTED, None),
    ("sw", "Wessex Vale's Safeguarding score was 64%.", SUPPORTED, None),
]


@pytest.mark.parametrize(("which", "claim", "verdict", "per"), PER_REPORT)
def test_claim_naming_no_report_is_judged_against_each(sw, rated, which, claim, verdict, per):
    reports = _reports(which, sw, rated)
    result = check_claim(claim, reports)
    assert result.verdict == verdict, result.explanation
    if per is None:
        assert result.per_report == []
        return
    assert [(p.report, p.verdict, p.value) for p in result.per_report] == per
    texts = {r.id: r.text for r in reports}
    for p in result.per_report:
        assert p.evidence and all(e.report == p.report for e in p.evidence)
        assert all(e.quote in texts[e.report] for e in p.evidence)
        assert f"{p.verdict} for {p.label}, {p.value}".lower() in result.explanation.lower()
    if verdict == MIXED:
        assert {e.report for e in result.evidence} == {p.report for p in result.per_report}


def test_mixed_verdict_reads_per_report(sw):
    result = check_claim("Safeguarding scored 64%.", sw)
    assert result.explanation.startswith(
        "Contradicted for Sefton 2009, 38%; supported for Wessex Vale 2011, 64%."
    )
    payload = to_dict(result)
    assert payload["verdict"] == "mixed"
    assert [p["verdict"] for p in payload["per_report"]] == ["contradicted", "supported"]
    assert payload["per_report"][0]["evidence"][0]["report"] == "sefton-2009"
    assert "per_report" not in to_dict(check_claim("Safeguarding scored 64%.", sw[1:]))


@pytest.mark.parametrize(
    ("claim", "verdict", "cited"),
    [
        # every named report must bear the rating out, not only the first named
        ("Harrowfield and Cold Ashby were rated Good overall.", CONTRADICTED, None),
        ("Cold Ashby and Harrowfield were rated Good overall.", CONTRADICTED, None),
        (
            "Cold Ashby was rated Good overall, Harrowfield Requires improvement.",
            SUPPORTED,
            {"cold-ashby-2023", "harrowfield-2021"},
        ),
        ("Harrowfield and Cold Ashby were rated Outstanding.", CONTRADICTED, None),
        ("Harrowfield scored 17/36 and Cold Ashby 26/39.", SUPPORTED, None),
        ("Harrowfield scored 17/36 and Cold Ashby 21/39.", CONTRADICTED, None),
        ("Harrowfield and Cold Ashby both scored 17/36.", CONTRADICTED, None),
        # 2.2 is Inadequate in Harrowfield, Requires improvement in Cold Ashby
        ("Harrowfield's planning (2.2) was rated Inadequate, as was Cold Ashby's.", C_, None),
    ],
)
def test_rating_claim_naming_several_reports_is_judged_against_each(rated, claim, verdict, cited):
    result = check_claim(claim, list(rated.values()))
    assert result.verdict == verdict, result.explanation
    assert {e.report for e in result.evidence} == {"cold-ashby-2023", "harrowfield-2021"}
    assert cited is None or {e.report for e in result.evidence} == cited


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # something no standard is called is not the overall rating
        ("Harrowfield got Outstanding for resources.", UNVERIFIABLE),
        ("Harrowfield was rated Good for its parenting support.", UNVERIFIABLE),
        # the service itself, in any words, is the overall rating
        ("Harrowfield got Outstanding.", CONTRADICTED),
        ("The Harrowfield youth justice service was rated Requires improvement.", SUPPORTED),
        ("Harrowfield was rated Good at its latest inspection.", CONTRADICTED),
        ("Harrowfield was rated Outstanding overall, wasn't it? Right?", CONTRADICTED),
    ],
)
def test_a_rating_of_something_no_standard_is_called_is_not_the_overall(rated, claim, verdict):
    result = check_claim(claim, [rated["h"]])
    assert result.verdict == verdict, result.explanation


# --- every qualifier counts ---------------------------------------------------------------------

# A fictional note in no inspection format (read by the general reader): its figures are each
# given for a census, a period or a group of cases.
_NOTE = """Fernleigh youth justice partnership: briefing note

Background
The district had a population of 64,200 as measured in the 2011 Census. Reported crime
levels in 2015/16 for children aged 10 to 17 were 21 per 1,000.

Casework
Plans were reviewed on time in 58% of custodial cases. Across all 40 cases inspected,
victims were contacted in 75% of cases.
"""


@pytest.fixture(scope="module")
def note() -> Report:
    from ingest.readers import read_report

    return read_report(_NOTE, source_path="fernleigh-note.txt")


# (claim, verdict over the fictional Wessex Vale 2011 report)
WESSEX_QUALIFIED = [
    ("Wessex Vale had a population of 171,500 in the 2001 Census.", SUPPORTED),
    ("Wessex Vale had a population of 171,500 in the 2011 Census.", UNVERIFIABLE),
    ("Wessex Vale had a population of 180,000 in the 2001 Census.", CONTRADICTED),
    ("Wessex Vale had a population of 180,000 in the 2011 Census.", UNVERIFIABLE),
    ("In Wessex Vale, reported crime levels in 2009/10 were 29 per 1,000.", SUPPORTED),
    ("In Wessex Vale, reported crime levels in 2008/09 were 29 per 1,000.", UNVERIFIABLE),
    ("In Wessex Vale, reported crime levels in 2009/10 were 35 per 1,000.", CONTRADICTED),
]


WESSEX_QUALIFIED += [
    # a score is of all the cases inspected, not of one group of them
    ("In Wessex Vale, Safeguarding work was done well enough in 64% of cases.", SUPPORTED),
    ("In Wessex Vale, Safeguarding work was done well enough in 64% of custodial cases.", U_),
    ("In Wessex Vale, Safeguarding work was done well enough in 60% of custodial cases.", U_),
]


@pytest.mark.parametrize(("claim", "verdict"), WESSEX_QUALIFIED)
def test_a_differing_census_or_period_is_never_supported(fictional_report, claim, verdict):
    result = check_claim(claim, [fictional_report])
    assert result.verdict == verdict, result.explanation
    if verdict == UNVERIFIABLE:
        # the explanation says which qualifier differs
        assert re.search(r"the claim says (?:the )?20\d\d|for custodial cases", result.explanation)


NOTE_QUALIFIED = [
    ("The district had a population of 64,200 in the 2011 Census.", SUPPORTED),
    ("The district had a population of 64,200 in the 2001 Census.", UNVERIFIABLE),
    ("Reported crime levels in 2015/16 were 21 per 1,000.", SUPPORTED),
    ("Reported crime levels in 2016/17 were 21 per 1,000.", UNVERIFIABLE),
    ("Plans were reviewed on time in 58% of custodial cases.", SUPPORTED),
    ("Plans were reviewed on time in 60% of custodial cases.", CONTRADICTED),
    ("Plans were reviewed on time in 58% of community cases.", UNVERIFIABLE),
    ("Plans were reviewed on time in 30% of cases.", CONTRADICTED),
]


@pytest.mark.parametrize(("claim", "verdict"), NOTE_QUALIFIED)
def test_every_qualifier_counts_in_any_document(note, claim, verdict):
    result = check_claim(claim, [note])
    assert result.verdict == verdict, result.explanation


def test_facts_carry_their_qualifiers(note, fictional_report):
    def held(report: Report, value: float) -> dict[str, str]:
        return next(f.qualifiers for f in report.facts if f.value == value)

    assert held(fictional_report, 171500) == {"census": "2001"}
    assert held(fictional_report, 29) == {"period": "2009/10"}
    assert held(note, 64200) == {"census": "2011"}
    assert held(note, 58) == {"cases": "custodial"}


# --- an earlier score far from its "previous" ----------------------------------------------------

PREVIOUS = [
    (
        "The previous inspection, carried out in 2010 under the old framework, gave 43% for "
        "safeguarding.",
        SUPPORTED,
    ),
    (
        "The previous inspection, carried out in 2010 under the old framework, gave 48% for "
        "safeguarding.",
        CONTRADICTED,
    ),
    (
        "At the previous inspection, which looked at forty cases and was led by a different "
        "team, Risk of Harm scored 34%.",
        SUPPORTED,
    ),
    # the earlier inspection was in 2010, not 2008: the figure is not checked against it
    (
        "The previous inspection, carried out in 2008 under the old framework, gave 43% for "
        "safeguarding.",
        UNVERIFIABLE,
    ),
]


@pytest.fixture(scope="module")
def reinspection() -> Report:
    from ingest.readers import read_report

    path = FORMATS / "core-reinspection-northbridge-2011.txt"
    return read_report(path.read_text(encoding="utf-8"), source_path=str(path))


@pytest.mark.parametrize(("claim", "verdict"), PREVIOUS)
def test_previous_score_with_a_long_gap(reinspection, claim, verdict):
    result = check_claim(claim, [reinspection])
    assert result.verdict == verdict, result.explanation
    if verdict != UNVERIFIABLE:
        assert any("Previous score (2010)" in e.quote for e in result.evidence), result.evidence


# --- counts over the stored structure ----------------------------------------------------------

# The fictional reports' lists, as their texts give them:
#   Harrowfield 2021: 12 standards (5 Good, 2 Inadequate, 1 Outstanding), 21 key questions
#     (17 above 60%, 4 below), 4 recommendations (2 for the Head of Service).
#   Cold Ashby 2023: 13 standards (9 Good), 9 key questions (8 above 60%).
#   Eastmere 2014: 6 areas of work (2 Good), 5 recommendations (2 for the YOT Manager, 2 for
#     the Chair of the YOT Management Board).
TALLIES = [
    ("h", "Three of the standards were rated Good.", CONTRADICTED, "5 of 12"),
    ("h", "Five of the standards were rated Good.", SUPPORTED, "5 of 12"),
    ("h", "Two standards were rated Inadequate.", SUPPORTED, "2 of 12"),
    ("h", "None of the standards was rated Outstanding.", CONTRADICTED, "1 of 12"),
    ("h", "Most key questions were above 60%.", SUPPORTED, "17 of 21"),
    ("h", "All key questions were above 60%.", CONTRADICTED, "17 of 21"),
    ("h", "Fewer than half of the key questions were below 60%.", SUPPORTED, "4 of 21"),
    ("h", "Half of the recommendations were for the YOS Head of Service.", SUPPORTED, "2 of 4"),
    ("h", "Most recommendations were for the YOS Management Board.", CONTRADICTED, "1 of 4"),
    ("c", "Most key questions were above 60%.", SUPPORTED, "8 of 9"),
    ("c", "Nine of the thirteen standards were rated Good.", SUPPORTED, "9 of 13"),
    ("c", "Nine of the twelve standards were rated Good.", CONTRADICTED, "9 of 13"),
    ("e", "Two of the six areas of work were judged Good.", SUPPORTED, "2 of 6"),
    # half of five is no whole number: two or three may be meant, so cannot tell
    ("e", "Half of the recommendations were for the YOT Manager.", UNVERIFIABLE, "2 of 5"),
    ("e", "Four of the recommendations were for the YOT Manager.", CONTRADICTED, "2 of 5"),
    ("e", "40% of the recommendations were for the YOT Manager.", SUPPORTED, "2 of 5"),
    (
        "e",
        "Two recommendations were for the Chair of the YOT Management Board.",
        SUPPORTED,
        "2 of 5",
    ),
    (
        "e",
        "A fifth of the recommendations were for the Director of Children's Services.",
        SUPPORTED,
        "1 of 5",
    ),
]


@pytest.fixture(scope="module")
def listed(rated) -> dict[str, Report]:
    from ingest.readers import read_report

    path = FORMATS / "inspection-2012-eastmere-2014.txt"
    e = read_report(path.read_text(encoding="utf-8"), source_path=str(path))
    return {**rated, "e": e}


@pytest.mark.parametrize(("which", "claim", "verdict", "held"), TALLIES)
def test_counts_over_the_stored_lists(listed, which, claim, verdict, held):
    report = listed[which]
    result = check_claim(claim, [report])
    assert result.verdict == verdict, result.explanation
    k, n = held.split(" of ")
    assert f"{k} of the {n} " in result.explanation, result.explanation
    assert result.evidence and all(e.quote in report.text for e in result.evidence)


def test_half_of_the_recommendations_over_the_sample(sample_report):
    # The sample names the Chair of the Management Board in two of its eight recommendations.
    claim = "Half of the recommendations were for the Chair of the Management Board."
    result = check_claim(claim, [sample_report])
    assert result.verdict == CONTRADICTED, result.explanation
    assert "2 of the 8 recommendations" in result.explanation
    owners = [e.value for e in result.evidence]
    assert sum("Chair of Management Board" in v for v in owners) == 2


def test_a_count_naming_no_report_is_judged_against_each(listed):
    result = check_claim("Most key questions were above 60%.", [listed["h"], listed["c"]])
    assert result.verdict == SUPPORTED
    assert [(p.report, p.value) for p in result.per_report] == [
        ("harrowfield-2021", "17 of 21"),
        ("cold-ashby-2023", "8 of 9"),
    ]
    mixed = check_claim("Five of the standards were rated Good.", [listed["h"], listed["c"]])
    assert mixed.verdict == MIXED
    assert mixed.explanation.startswith(
        "Supported for Harrowfield 2021, 5 of 12; contradicted for Cold Ashby 2023, 9 of 13."
    )


# --- an area named in one sentence carries to the next ------------------------------------------

CARRIED = [
    (
        "sw",
        "Sefton's inspection was published in 2009. The Safeguarding score was 38%. The Risk "
        "of Harm score was 36%. Turning to Wessex Vale, the Safeguarding score was 64%. The "
        "Risk of Harm score was 57%.",
        [
            (SUPPORTED, "sefton-2009"),
            (SUPPORTED, "sefton-2009"),
            (SUPPORTED, "wessex-vale-2011"),
            (SUPPORTED, "wessex-vale-2011"),
        ],
    ),
    (
        "sw",
        "In Sefton, the YOT was under pressure. Safeguarding scored 64%. Wessex Vale did "
        "better. Safeguarding there scored 64%.",
        [(CONTRADICTED, "sefton-2009"), (SUPPORTED, "wessex-vale-2011")],
    ),
    (
        "hc",
        "Harrowfield was inspected in 2021. The service was rated Requires improvement "
        "overall. It scored 17/36. Cold Ashby was inspected in 2023. The service was rated "
        "Good overall. Five of the standards were rated Good.",
        [
            (SUPPORTED, "harrowfield-2021"),
            (SUPPORTED, "harrowfield-2021"),
            (SUPPORTED, "cold-ashby-2023"),
            (CONTRADICTED, "cold-ashby-2023"),  # nine of its thirteen were
        ],
    ),
    # An area that is not loaded carries too: nothing after it is checked until a loaded
    # area is named again.
    (
        "sw",
        "Leeds scored 50% for Safeguarding. Its Risk of Harm score was 36%. In Sefton, "
        "Safeguarding scored 38%. Its Risk of Harm score was 36%.",
        [
            (UNVERIFIABLE, None),
            (UNVERIFIABLE, None),
            (SUPPORTED, "sefton-2009"),
            (SUPPORTED, "sefton-2009"),
        ],
    ),
]


@pytest.mark.parametrize(("which", "text", "expected"), CARRIED)
def test_area_carries_to_the_following_sentences(sw, listed, which, text, expected):
    pool = {"s": sw[0], "w": sw[1], **listed}
    results = check_text(text, [pool[k] for k in which])
    got = [
        (r.verdict, r.evidence[0].report if r.verdict != UNVERIFIABLE else None) for r in results
    ]
    assert got == expected, [r.explanation for r in results]
    for r in results:
        assert text[r.span[0] : r.span[1]] == r.claim


# The same key question stands under 2.1 (court disposals, 69%) and 3.1 (out-of-court, 90%)
# in the fictional Harrowfield report: the group of cases a claim names picks the one.
KEY_QUESTION_GROUPS = [
    ("69% of court cases had an assessment that analysed how to keep other people safe.", S_),
    (
        "90% of out-of-court cases had an assessment that analysed how to keep other people safe.",
        S_,
    ),
    (
        "69% of out-of-court cases had an assessment that analysed how to keep other people safe.",
        C_,
    ),
    ("90% of court cases had an assessment that analysed how to keep other people safe.", C_),
    ("69% of cases had an assessment that analysed how to keep other people safe.", U_),
]


@pytest.mark.parametrize(("claim", "verdict"), KEY_QUESTION_GROUPS)
def test_the_group_of_cases_picks_the_key_question(listed, claim, verdict):
    result = check_claim(f"In Harrowfield, {claim}", [listed["h"]])
    assert result.verdict == verdict, result.explanation


def test_reports_named_by_a_year_alone_are_each_judged(fictional_report, reinspection):
    # Both fictional reports are of 2011: "the 2011 inspection" names no area.
    claim = "In the 2011 inspection, Safeguarding improved from 43% to 61%."
    result = check_claim(claim, [fictional_report, reinspection])
    assert result.verdict == MIXED, result.explanation
    assert [(p.report, p.verdict) for p in result.per_report] == [
        ("wessex-vale-2011", CONTRADICTED),  # its Safeguarding score is 64%
        ("northbridge-and-moorvale-2011", SUPPORTED),
    ]


@pytest.mark.parametrize(
    ("claim", "per"),
    [
        (
            "Three criteria required drastic improvement.",
            [("sefton-2009", SUPPORTED, "3 of 8"), ("wessex-vale-2011", CONTRADICTED, "0 of 8")],
        ),
        (
            "Six recommendations were made.",
            [("sefton-2009", CONTRADICTED, "8"), ("wessex-vale-2011", SUPPORTED, "6")],
        ),
    ],
)
def test_a_computed_claim_per_report_says_what_each_holds(sw, claim, per):
    result = check_claim(claim, sw)
    assert result.verdict == MIXED, result.explanation
    assert [(p.report, p.verdict, p.value) for p in result.per_report] == per


# --- the MCP tool --------------------------------------------------------------------------------


def test_mcp_check_claim_takes_a_report_by_id_or_area(sw):
    from assistant.mcp_tools import FindingsTools, ToolInputError

    tools = FindingsTools(_FakeFindings(sw))
    claim = "The Safeguarding score was 64%."
    by_area = tools.check_claim(claim=claim, report="Wessex Vale")
    assert [v.verdict for v in by_area.data.results] == [SUPPORTED]
    by_id = tools.check_claim(claim=claim, report="sefton-2009")
    assert [v.verdict for v in by_id.data.results] == [CONTRADICTED]
    unnamed = tools.check_claim(claim=claim)
    assert [v.verdict for v in unnamed.data.results] == [MIXED]
    with pytest.raises(ToolInputError, match="no report 'Leeds' is loaded"):
        tools.check_claim(claim=claim, report="Leeds")


def test_people_living_in_the_area_is_its_population(sample_report):
    # the count of "283,000 people" is set against the population, not the "ten" of "aged ten
    # to 17", which counts nothing named after it
    r = to_dict(check_claim("about 283,000 people lived in Sefton", [sample_report]))
    assert r["verdict"] == SUPPORTED
    assert [e["value"] for e in r["evidence"]] == ["283,000"]
    r = to_dict(check_claim("about 400,000 people lived in Sefton", [sample_report]))
    assert r["verdict"] != SUPPORTED


def test_a_figure_of_something_the_report_never_mentions_is_not_contradicted():
    from ingest.readers import read_report

    report = read_report((FORMATS / "core-reinspection-northbridge-2011.txt").read_text())
    claim = "Plans had been reviewed by a psychologist in 40% of cases."
    result = check_claim(claim, [report])
    assert result.verdict == UNVERIFIABLE, result.explanation
    assert "psychologist" in result.explanation
    restated = "Plans had been reviewed at the required intervals in 40% of cases."
    assert check_claim(restated, [report]).verdict == CONTRADICTED


def test_a_count_of_one_thing_is_not_judged_by_a_share_of_another(sample_report):
    # the sample's foreword: an operational manager "for one of the three sites"
    result = check_claim("Sefton had 15 case managers.", [sample_report])
    assert result.verdict == UNVERIFIABLE, result.explanation


def test_a_share_of_a_population_is_not_contradicted_by_a_share_of_a_group_of_cases(
    sample_report,
):
    # the sample's only figure near "custody" is work done "in 86% of custody cases": a share
    # of those cases, not of all young people
    result = check_claim("20% of young people were in custody.", [sample_report])
    assert result.verdict == UNVERIFIABLE, result.explanation
    assert "for custody cases only" in result.explanation
    # a share of cases is still judged against it
    result = check_claim("The YOT worked with ETE staff in 50% of custody cases.", [sample_report])
    assert result.verdict == CONTRADICTED, result.explanation


def test_a_sentence_opening_on_a_pronoun_is_about_the_area_carried(sample_report, fictional_report):
    text = (
        "Wessex Vale was inspected in 2011. Its safeguarding score was 64%, well above "
        "Sefton's 38%. Risk of harm work was done well enough 57% of the time."
    )
    results = check_text(text, [sample_report, fictional_report])
    assert [r.verdict for r in results] == [SUPPORTED, SUPPORTED], [r.explanation for r in results]
    # each result quotes the sentence as written, and the area named in a comparison does not
    # become the subject of the sentences after it
    assert results[0].claim.startswith("Its safeguarding score")
    assert "wessex-vale-2011" in results[1].explanation

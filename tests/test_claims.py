"""Claim checking over the real sample, the fictional second report and the three fictional
variant reports (tests/data/variants)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.claims import (
    CONTRADICTED,
    MIXED,
    SUPPORTED,
    UNVERIFIABLE,
    check_claim,
    check_text,
    numbers_in,
    to_dict,
)
from ingest.model import Criterion, Item, Report, Score, Section, Source
from tests.claims_table import CLAIMS

HYPOTHESIS = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


VARIANTS = Path(__file__).resolve().parent / "data" / "variants"


@pytest.fixture(scope="session")
def variant_reports() -> dict[str, Report]:
    """The variants by letter: a Vale of Ashdown, b Stockbridge-on-Wear, n Northbridge and
    Moorvale (a reinspection)."""
    from ingest.parse import parse_report

    files = {
        "a": "vale-of-ashdown-yot-2010.txt",
        "b": "stockbridge-on-wear-yot-2011.txt",
        "n": "northbridge-and-moorvale-yot-2011.txt",
    }
    return {
        k: parse_report((VARIANTS / f).read_text(encoding="utf-8"), source_path=str(VARIANTS / f))
        for k, f in files.items()
    }


class Loaded(dict):
    """Reports by the letters of a table row's ``loaded`` ("s", "sw", "swabn", ...)."""

    def __missing__(self, key: str) -> list[Report]:
        return [self[k][0] for k in key]


@pytest.fixture(scope="session")
def loaded(sample_report, fictional_report, variant_reports) -> Loaded:
    return Loaded(
        s=[sample_report],
        w=[fictional_report],
        a=[variant_reports["a"]],
        b=[variant_reports["b"]],
        n=[variant_reports["n"]],
    )


def _assert_cited(result, reports: list[Report]) -> None:
    """Every cited quote is exact source text of the report it names."""
    by_id = {r.id: r for r in reports}
    for e in result.evidence:
        assert e.report in by_id, e
        assert e.quote and e.quote in by_id[e.report].text, e.quote
        assert e.value and e.section and e.heading


def test_table_is_large_and_varied():
    assert len(CLAIMS) >= 160
    verdicts = {row[2] for row in CLAIMS}
    assert verdicts == {SUPPORTED, CONTRADICTED, UNVERIFIABLE, MIXED}
    assert {"s", "w", "a", "b", "n", "sw", "swabn"} <= {row[0] for row in CLAIMS}
    for letter in "swabn":
        # every report has true, false and unverifiable rows of its own
        own = {row[2] for row in CLAIMS if row[0] == letter}
        assert own == {SUPPORTED, CONTRADICTED, UNVERIFIABLE}, letter


@pytest.mark.parametrize(("which", "claim", "verdict", "section", "report"), CLAIMS)
def test_claim_table(loaded, which, claim, verdict, section, report):
    reports = loaded[which]
    result = check_claim(claim, reports)
    assert result.verdict == verdict, result.explanation
    assert result.claim == claim
    assert result.explanation
    if verdict in (SUPPORTED, CONTRADICTED, MIXED):
        assert result.evidence, "a verdict must cite the facts it rests on"
        cited = {(e.report, e.section) for e in result.evidence}
        assert (report, section) in cited, cited
        _assert_cited(result, reports)


def test_number_elsewhere_is_not_support(sample_report):
    # 45% is in the report (criterion 1.2, section 2 overall) but not for this measure.
    result = check_claim(
        "The overall score for Assessment and Sentence Planning was 45%.", [sample_report]
    )
    assert result.verdict == CONTRADICTED
    assert [e.value for e in result.evidence] == ["42%"]
    assert "42%" in result.explanation


def test_ambiguous_measure_says_which_was_judged(sample_report):
    result = check_claim("The Safeguarding score was 38%.", [sample_report])
    assert result.verdict == SUPPORTED
    assert "headline Safeguarding" in result.explanation
    assert "criterion 1.3" in result.explanation and "28%" in result.explanation
    # Naming the criterion judges the criterion instead.
    crit = check_claim("The Safeguarding criterion scored 38%.", [sample_report])
    assert crit.verdict == CONTRADICTED
    assert crit.evidence[0].section == "1.3"


def test_band_claim_names_the_stored_band(sample_report):
    result = check_claim("3.2 required substantial improvement.", [sample_report])
    assert result.verdict == CONTRADICTED
    assert result.evidence[0].value == "MODERATE"
    assert "MODERATE" in result.explanation


def test_unnamed_area_with_two_reports_reports_each(loaded):
    result = check_claim("The Safeguarding score was 38%.", loaded["sw"])
    # Judged against each: true of Sefton, false of Wessex Vale (not left unverifiable).
    assert result.verdict == MIXED
    assert "sefton-2009" in result.explanation and "wessex-vale-2011" in result.explanation
    assert "64%" in result.explanation
    assert [(p.report, p.verdict, p.value) for p in result.per_report] == [
        ("sefton-2009", SUPPORTED, "38%"),
        ("wessex-vale-2011", CONTRADICTED, "64%"),
    ]


def test_one_report_loaded_is_the_subject(sample_report, fictional_report):
    assert check_claim("Safeguarding scored 64%.", [fictional_report]).verdict == SUPPORTED
    assert check_claim("Safeguarding scored 64%.", [sample_report]).verdict == CONTRADICTED


def test_no_reports_loaded():
    result = check_claim("The Safeguarding score was 38%.", [])
    assert result.verdict == UNVERIFIABLE and not result.evidence


# --- properties --------------------------------------------------------------------------------


def _all_scores(reports: list[Report]) -> list[tuple[Report, Score]]:
    return [(r, s) for r in reports for s in r.all_scores()]


@HYPOTHESIS
@given(data=st.data())
def test_true_score_claims_supported_changed_never(loaded, data):
    reports = loaded["swabn"]
    report, score = data.draw(st.sampled_from(_all_scores(reports)))
    template = data.draw(
        st.sampled_from(
            [
                ("The {name} score was {v}%.", False),
                ("In {area}, the {name} score was {v}%.", True),
                ("{area}'s {name} score was {v} per cent.", True),
            ]
        )
    )
    text, names_area = template
    pool = reports if names_area else [report]
    true = check_claim(text.format(name=score.name, v=score.value, area=report.area), pool)
    assert true.verdict == SUPPORTED, true.explanation
    assert any(e.section == score.source.section for e in true.evidence)
    other = data.draw(st.integers(0, 100).filter(lambda v: v != score.value))
    false = check_claim(text.format(name=score.name, v=other, area=report.area), pool)
    assert false.verdict != SUPPORTED, false.explanation
    assert false.verdict == CONTRADICTED


def test_every_score_every_value_exhaustively(loaded):
    """The hypothesis property above, over all 0..100 for every stored score of all five reports."""
    for report, score in _all_scores(loaded["swabn"]):
        for v in range(101):
            result = check_claim(f"The {score.name} score was {v}%.", [report])
            expected = SUPPORTED if v == score.value else CONTRADICTED
            assert result.verdict == expected, (score.name, v, result.explanation)


REAL_AREAS = [
    "Leeds",
    "Merseyside",
    "Bootle",
    "Knowsley",
    "North Yorkshire",
    "Newcastle upon Tyne",
    "Isle of Wight",
    "Kensington and Chelsea",
    "Blackburn with Darwen",
    "St Helens",
    "Milton Keynes",
    "Vale of Glamorgan",
    "Cardiff",
]
AREA_TEMPLATES = [
    "{a}'s Safeguarding score was {v}%.",
    "In {a}, the Safeguarding score was {v}%.",
    "{a} YOT: the Risk of Harm score was {v}%.",
    "The Safeguarding score in {a} was {v}%.",
    "{a} scored {v}% for Safeguarding.",
    "The overall score for Outcomes for {a} was {v}%.",
    "Seven of the eight criteria in {a} require substantial or drastic improvement.",
    "In {a}, in {v}% of cases there had been no RoSH screening.",
    "The lowest-scoring criterion in {a} was 1.3.",
    "{a}'s population was 283,000.",
    "Sefton's safeguarding score was lower than {a}'s.",
]


def _random_area(reports: list[Report]):
    words = {w.lower() for r in reports for w in re.findall(r"[A-Za-z]+", r.text)}
    loaded_words = {w.lower() for r in reports for w in r.area.split()}
    return st.from_regex(r"[A-Z][a-z]{3,11}( [A-Z][a-z]{3,9})?", fullmatch=True).filter(
        lambda a: not any(w.lower() in words | loaded_words for w in a.split())
    )


@HYPOTHESIS
@given(data=st.data())
def test_claims_about_areas_not_loaded_are_unverifiable(loaded, data):
    reports = loaded["swabn"]
    area = data.draw(st.one_of(st.sampled_from(REAL_AREAS), _random_area(reports)))
    template = data.draw(st.sampled_from(AREA_TEMPLATES))
    value = data.draw(st.sampled_from([38, 64, 28, 42, 52, 77, 58, 61]))
    claim = template.format(a=area, v=value)
    for which in ("s", "w", "sw", "a", "b", "n", "abn", "swabn"):
        result = check_claim(claim, loaded[which])
        assert result.verdict == UNVERIFIABLE, (which, claim, result.explanation)


LOADED_AREAS = {
    "Sefton": "s",
    "Wessex Vale": "w",
    "Vale of Ashdown": "a",
    "Stockbridge-on-Wear": "b",
    "Northbridge and Moorvale": "n",
}


@pytest.mark.parametrize("area", list(LOADED_AREAS))
def test_loaded_area_is_not_judged_when_absent(loaded, area):
    others = "".join(v for k, v in LOADED_AREAS.items() if k != area)
    for template in AREA_TEMPLATES:
        claim = template.format(a=area, v=38)
        if claim.startswith("Sefton's safeguarding score was lower"):
            continue  # names Sefton too: a comparison with a loaded area
        for which in (others, others[:1], others[-1:]):
            result = check_claim(claim, loaded[which])
            assert result.verdict == UNVERIFIABLE, (which, claim, result.explanation)


def _finding_sentences(report: Report) -> list[tuple[str, int, int]]:
    """(sentence, start, end of its one percentage) for report sentences with one percentage."""
    from assistant.claims.subjects import index_for
    from ingest.text.numbers import unit_class

    out = []
    for unit in index_for(report).units:
        pcts = [q for q in numbers_in(unit.text) if unit_class(q) == "pct" and q.unit == "%"]
        if len(pcts) == 1:
            out.append((unit.text, pcts[0].start, pcts[0].end))
    return out


@HYPOTHESIS
@given(data=st.data())
def test_finding_restated_is_never_contradicted_and_changed_never_supported(loaded, data):
    """Any report sentence with one percentage, claimed as printed, is not contradicted; with
    the percentage changed it is never supported (the number elsewhere is no support)."""
    letter = data.draw(st.sampled_from("swabn"))
    report = loaded[letter][0]
    sentence, a, b = data.draw(st.sampled_from(_finding_sentences(report)))
    printed = check_claim(sentence, [report])
    assert printed.verdict != CONTRADICTED, (sentence, printed.explanation)
    value = float(re.search(r"\d+(?:\.\d+)?", sentence[a:b]).group(0))
    # "11%" for a printed 11.2% is the same figure rounded: not a change.
    other = data.draw(st.integers(0, 100).filter(lambda v: abs(v - value) > 0.5))
    changed = sentence[:a] + f"{other}%" + sentence[b:]
    result = check_claim(changed, [report])
    assert result.verdict != SUPPORTED, (changed, result.explanation)


# --- text mode --------------------------------------------------------------------------------


def test_text_mode_spans_and_verdicts(sample_report):
    text = (
        "Sefton was inspected in April 2009. Safeguarding work was done well enough 38% of "
        "the time. The overall score for Assessment and Sentence Planning was 45%. Inspectors "
        "were thorough. Criterion 3.2 required moderate improvement. "
        "In Leeds, safeguarding scored 50%."
    )
    results = check_text(text, [sample_report])
    got = [(text[r.span[0] : r.span[1]], r.verdict) for r in results]
    assert got == [
        ("Safeguarding work was done well enough 38% of the time.", SUPPORTED),
        ("The overall score for Assessment and Sentence Planning was 45%.", CONTRADICTED),
        ("Criterion 3.2 required moderate improvement.", SUPPORTED),
        ("In Leeds, safeguarding scored 50%.", UNVERIFIABLE),
    ]
    payload = to_dict(results[1])
    assert payload["span"] == list(results[1].span)
    assert set(payload) == {"verdict", "claim", "evidence", "explanation", "span"}
    json.dumps(payload)


def _verdicts(text: str, results) -> list[tuple[str, str]]:
    for r in results:
        assert text[r.span[0] : r.span[1]] == r.claim  # spans index the text as sent
    return [(r.claim, r.verdict) for r in results]


def test_text_mode_board_paper_over_a_variant(loaded):
    text = (
        "Report to the Vale of Ashdown YOT Management Board \u2013 item 5. HMI Probation and "
        "Estyn published their findings in October 2010. Safeguarding work was done well enough "
        "77% of the time, and Likelihood of Reoffending work 79% of the time; both need only "
        "minimum improvement. Risk of Harm, at 66%, needs moderate improvement. Half of the "
        "eight criteria need moderate improvement, and none needs substantial or drastic "
        "improvement. Its Risk of Harm score was 68%. We will present a revised plan on 15 "
        "November; call 01632 960123 with questions."
    )
    got = _verdicts(text, check_text(text, loaded["a"]))
    assert got == [
        (
            "Safeguarding work was done well enough 77% of the time, and Likelihood of "
            "Reoffending work 79% of the time; both need only minimum improvement.",
            SUPPORTED,
        ),
        ("Risk of Harm, at 66%, needs moderate improvement.", SUPPORTED),
        (
            "Half of the eight criteria need moderate improvement, and none needs substantial "
            "or drastic improvement.",
            SUPPORTED,
        ),
        ("Its Risk of Harm score was 68%.", CONTRADICTED),  # 68% is criterion 1.1
    ]  # dates, an item number, a plan and a phone number are not claims


def test_text_mode_reinspection_briefing(loaded):
    text = (
        "The September 2011 reinspection of Northbridge and Moorvale shows real progress. The "
        "Safeguarding score rose from 43% to 65%. Risk of Harm still requires substantial "
        "improvement. Likelihood of Reoffending work was good enough 72% of the time. All "
        "three headline scores are now above 55%. Leeds, not yet inspected, expects a score "
        "near 70%."
    )
    got = dict(_verdicts(text, check_text(text, loaded["swabn"])))
    assert got == {
        "The Safeguarding score rose from 43% to 65%.": CONTRADICTED,  # now 61%
        "Risk of Harm still requires substantial improvement.": SUPPORTED,
        "Likelihood of Reoffending work was good enough 72% of the time.": CONTRADICTED,
        "All three headline scores are now above 55%.": SUPPORTED,
        "Leeds, not yet inspected, expects a score near 70%.": UNVERIFIABLE,
    }


def test_text_mode_first_person_after_two_areas_is_not_pinned(loaded):
    text = (
        "Sefton's Safeguarding score was 38%. By contrast, Wessex Vale achieved 64% for "
        "Safeguarding. Our reoffending rate of 64% was better than the England average of 85%."
    )
    results = check_text(text, loaded["sw"])
    assert [r.verdict for r in results[:2]] == [SUPPORTED, SUPPORTED]
    # "our" is not Wessex Vale because Wessex Vale was named last: it is not judged as such
    assert results[2].verdict != CONTRADICTED, results[2].explanation


@pytest.mark.parametrize(
    ("text", "bands"),
    [
        ("required substantial improvement", {"SUBSTANTIAL"}),
        ("substantial or drastic improvement", {"SUBSTANTIAL", "DRASTIC"}),
        ("needed more than moderate improvement", {"SUBSTANTIAL", "DRASTIC"}),
        ("needed at least moderate improvement", {"MODERATE", "SUBSTANTIAL", "DRASTIC"}),
        ("moderate improvement or better", {"MINIMUM", "MODERATE"}),
        ("needed less than substantial improvement", {"MINIMUM", "MODERATE"}),
    ],
)
def test_band_ranges(text, bands):
    from assistant.claims.wording import band_set

    assert band_set(text) == bands


def test_text_mode_carries_the_named_area(loaded):
    text = "Wessex Vale was inspected in 2011. Its Safeguarding score was 64%."
    (result,) = check_text(text, loaded["sw"])
    assert result.verdict == SUPPORTED
    assert result.evidence[0].report == "wessex-vale-2011"


def test_to_dict_shape_for_a_claim(sample_report):
    payload = to_dict(check_claim("Criterion 1.3 scored 28%.", [sample_report]))
    assert set(payload) == {"verdict", "claim", "evidence", "explanation"}
    assert payload["verdict"] == SUPPORTED
    assert set(payload["evidence"][0]) == {"report", "section", "heading", "quote", "value"}
    assert payload["evidence"][0]["value"] == "28%"


def test_numbers_in_gives_spans_for_the_llm_path():
    text = "Safeguarding was 38% [1]; seven of the eight criteria (criterion 1.3) fell short."
    found = [(text[q.start : q.end], q.value) for q in numbers_in(text)]
    assert found == [("38%", 38.0), ("seven of the eight", 7.0)]


# --- genericity: a hand-made report with names and numbers of its own ---------------------------


def _src(text: str, section: str, heading: str) -> Source:
    return Source(section, heading, text, 0)


def _made_up_report(area: str = "Testshire") -> Report:
    lines = {
        "h": "55% MODERATE improvement required",
        "c1": "71% MINIMUM improvement required",
        "c2": "33% DRASTIC improvement required",
        "o1": "OVERALL SCORE for quality of Engagement work: 52%",
        "i1": "Parents had been consulted in 61% of cases.",
    }
    text = "\n".join(lines.values())

    def src(key: str, section: str, heading: str) -> Source:
        return Source(section, heading, lines[key], text.index(lines[key]))

    c1 = Criterion(
        "1.1",
        "Engagement with parents",
        "",
        Score(
            "1.1",
            "1.1 Engagement with parents",
            71,
            "MINIMUM",
            "criterion",
            src("c1", "1.1", "1.1 Engagement with parents"),
        ),
        strengths=[Item(1, 1, lines["i1"], src("i1", "1.1", "1.1 Engagement with parents"))],
    )
    c2 = Criterion(
        "1.2",
        "Timely court reports",
        "",
        Score(
            "1.2",
            "1.2 Timely court reports",
            33,
            "DRASTIC",
            "criterion",
            src("c2", "1.2", "1.2 Timely court reports"),
        ),
    )
    return Report(
        id=re.sub(r"[^a-z]+", "-", area.lower()) + "-2010",
        area=area,
        title=f"Core Case Inspection of youth offending work in {area}",
        text=text,
        year=2010,
        headline_scores=[
            Score(
                "safeguarding",
                "Safeguarding",
                55,
                "MODERATE",
                "headline",
                src("h", "summary", "Safeguarding score"),
            )
        ],
        criteria=[c1, c2],
        sections=[
            Section(
                1,
                "Engagement",
                Score(
                    "overall-1",
                    "Engagement",
                    52,
                    None,
                    "overall",
                    src("o1", "1", "Overall score: Engagement"),
                ),
            )
        ],
    )


@pytest.mark.parametrize(
    ("claim", "verdict", "section"),
    [
        ("The Engagement with parents criterion scored 71%.", SUPPORTED, "1.1"),
        ("The Timely court reports criterion scored 71%.", CONTRADICTED, "1.2"),
        ("Timely court reports required drastic improvement.", SUPPORTED, "1.2"),
        ("The overall score for Engagement was 52%.", SUPPORTED, "1"),
        ("The lowest-scoring criterion was 1.2.", SUPPORTED, "1.2"),
        ("Both criteria required drastic improvement.", CONTRADICTED, "1.1"),
        ("Parents had been consulted in 16% of cases.", CONTRADICTED, "1.1"),
        ("Testshire's Safeguarding score was 55%.", SUPPORTED, "summary"),
        ("Sefton's Safeguarding score was 55%.", UNVERIFIABLE, None),
    ],
)
def test_names_come_from_the_report(claim, verdict, section):
    report = _made_up_report()
    result = check_claim(claim, [report])
    assert result.verdict == verdict, result.explanation
    if section is not None:
        assert section in {e.section for e in result.evidence}
        _assert_cited(result, [report])


# --- CLI ----------------------------------------------------------------------------------------


class _FakeFindings:
    def __init__(self, reports: list[Report]):
        self._reports = reports

    def reports(self) -> list[Report]:
        return self._reports

    def claim_narrowing(self):
        return None  # a handful of reports: every one is judged


@pytest.fixture
def cli(monkeypatch, loaded):
    """The `findings` app over the parsed reports, without a store or an embedding model."""
    from typer.testing import CliRunner

    from assistant import cli as cli_module

    monkeypatch.setattr(cli_module, "_ready", lambda: _FakeFindings(loaded["sw"]))
    runner = CliRunner()
    return lambda *args: runner.invoke(cli_module.app, ["check", *args])


def test_cli_check_one_claim(cli):
    out = cli("Sefton's overall score for Assessment and Sentence Planning was 45%.")
    assert out.exit_code == 0, out.output
    assert "CONTRADICTED" in out.output
    assert "42%" in out.output


def test_cli_check_json_shapes(cli):
    one = json.loads(cli("Sefton's Safeguarding score was 38%.", "--json").output)
    assert one["verdict"] == SUPPORTED
    assert one["evidence"][0] == {
        "report": "sefton-2009",
        "section": "summary",
        "heading": one["evidence"][0]["heading"],
        "quote": "38% DRASTIC improvement required",
        "value": "38%",
    }
    text = "Wessex Vale's Safeguarding score was 64%. Its Risk of Harm score was 75%."
    many = json.loads(cli(text, "--json").output)
    assert [r["verdict"] for r in many["results"]] == [SUPPORTED, CONTRADICTED]
    for r in many["results"]:
        start, end = r["span"]
        assert text[start:end] == r["claim"]


@pytest.mark.parametrize("area", ["Stoke-on-Trent", "Kensington and Chelsea", "Isle of Wight"])
def test_area_names_of_any_shape(area):
    report = _made_up_report(area)
    assert check_claim(f"{area}'s Safeguarding score was 55%.", [report]).verdict == SUPPORTED
    assert check_claim(f"In {area}, the Safeguarding score was 54%.", [report]).verdict == (
        CONTRADICTED
    )
    assert check_claim("Leeds's Safeguarding score was 55%.", [report]).verdict == UNVERIFIABLE

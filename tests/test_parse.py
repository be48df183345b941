"""Parser tests on the real sample (Sefton 2009) and the fictional report (Wessex Vale 2011).

Expected values (the EXPECTED table below holds the same, and drives the tests):

| field                 | sefton-2009                       | wessex-vale-2011                     |
|-----------------------|-----------------------------------|--------------------------------------|
| published / fieldwork | June 2009 / April 2009            | March 2011 / January 2011            |
| signatory             | Andrew Bridges, HM Chief          | Helen Marchbank, Acting HM Chief     |
|                       | Inspector of Probation            | Inspector of Probation               |
| headline safeguarding | 38 DRASTIC                        | 64 MODERATE                          |
| headline risk-of-harm | 36 DRASTIC                        | 57 SUBSTANTIAL                       |
| headline LoR          | 50 SUBSTANTIAL                    | 78 MINIMUM                           |
| 1.1 1.2 1.3           | 46 SUB, 45 SUB, 28 DRA            | 55 SUB, 79 MIN, 62 MOD               |
| 2.1 2.2 2.3           | 29 DRA, 53 SUB, 52 SUB            | 58 SUB, 81 MIN, 66 MOD               |
| 3.1 3.2               | 41 DRA, 68 MOD                    | 49 SUB, 73 MOD                       |
| overall 1 / 2 / 3     | 42 / 45 / 52                      | 65 / 68 / 58                         |
| strengths/areas 1.1   | 2 / 5 (strengths printed (9) (10))| 3 / 2                                |
| 1.2                   | 5 / 7                             | 3 / 3                                |
| 1.3                   | 2 / 4                             | 1 / 3                                |
| 2.1                   | 1 / 4                             | 1 / 3 (areas printed (1) () (3))     |
| 2.2                   | 2 / 3                             | 3 / 1 (strengths printed (1) (2) (2))|
| 2.3                   | 5 / 5 (strengths (1)-(4) and ())  | 2 / 4                                |
| 3.1                   | 1 / 5 (areas (1)-(4) and (3))     | 2 / 2                                |
| 3.2                   | 2 / 2                             | 1 / 2                                |
| recommendations       | 8: 1 "YOT Manager, when           | 6: 1-2 "Operations Manager", 3 "Head |
|                       | appointed", 2-6 "YOT Manager",    | of Integrated Youth Support", 4 "YOT |
|                       | 7-8 "Chair of Management Board"   | Manager", 5 "Chair of the Management |
|                       |                                   | Board", 6 "Director of Children’s    |
|                       |                                   | Services"                            |
| population            | 283,000                           | 171,500                              |
| per 1,000 (average)   | 38 (46)                           | 29 (44)                              |
| vs England average    | ETE 88/72, accommodation 97/95,   | ETE 79/73, accommodation 91/94,      |
|                       | reoffending 64/85                 | reoffending 102/88                   |
| glossary entries      | 38 (19 in the pulled-apart run)   | 18 (10 in the pulled-apart run)      |
"""

from __future__ import annotations

import dataclasses
import re
import time
from pathlib import Path

import pytest

from ingest.model import BANDS, Report, Source
from ingest.parse import NotAReportError, parse_report
from ingest.text.layout import (
    clean_text,
    continues,
    fix_ocr_words,
    is_marker_only,
    is_terminated,
    join_lines,
    leading_marker,
    markers,
    normalise_percent,
    slug,
    strip_bullet,
    title_case,
)

# The table above, as data.
EXPECTED = {
    "sample": {
        "id": "sefton-2009",
        "area": "Sefton",
        "title": "Core Case Inspection of youth offending work in Sefton",
        "published": "June 2009",
        "year": 2009,
        "month": "June",
        "fieldwork": "April 2009",
        "signatory": "Andrew Bridges, HM Chief Inspector of Probation",
        "headline": {
            "safeguarding": (38, "DRASTIC"),
            "risk-of-harm": (36, "DRASTIC"),
            "likelihood-of-reoffending": (50, "SUBSTANTIAL"),
        },
        "criteria": {
            "1.1": ("Risk of Harm to others", 46, "SUBSTANTIAL", 2, 5),
            "1.2": ("Likelihood of Reoffending", 45, "SUBSTANTIAL", 5, 7),
            "1.3": ("Safeguarding", 28, "DRASTIC", 2, 4),
            "2.1": (
                "Protecting the public by minimising Risk of Harm to others",
                29,
                "DRASTIC",
                1,
                4,
            ),
            "2.2": ("Reducing the Likelihood of Reoffending", 53, "SUBSTANTIAL", 2, 3),
            "2.3": ("Safeguarding the child or young person", 52, "SUBSTANTIAL", 5, 5),
            "3.1": ("Achievement of Outcomes", 41, "DRASTIC", 1, 5),
            "3.2": ("Sustaining Outcomes", 68, "MODERATE", 2, 2),
        },
        "overall": {
            1: ("Assessment and Sentence Planning", 42),
            2: ("Delivery and Review of Interventions", 45),
            3: ("Outcomes", 52),
        },
        "owners": [
            "YOT Manager, when appointed",
            "YOT Manager",
            "YOT Manager",
            "YOT Manager",
            "YOT Manager",
            "YOT Manager",
            "Chair of Management Board",
            "Chair of Management Board",
        ],
        "numbers": {
            ("1.1", "strengths"): [9, 10],
            ("1.2", "areas_for_improvement"): [1, 2, 3, 4, 5, 6, 7],
            ("2.3", "strengths"): [1, 2, 3, 4, None],
            ("3.1", "areas_for_improvement"): [1, 2, 3, 4, 3],
        },
        "item_texts": [
            (
                "1.2",
                "areas_for_improvement",
                1,
                "startswith",
                "Where there had been an initial assessment",
            ),
            (
                "1.2",
                "areas_for_improvement",
                5,
                "startswith",
                "The initial assessment had been reviewed at appropriate intervals",
            ),
            ("1.2", "areas_for_improvement", 4, "endswith", "in only 62% of relevant cases."),
            (
                "1.2",
                "strengths",
                5,
                "contains",
                "had been actively and meaningfully engaged in the sentence",
            ),
            (
                "2.3",
                "strengths",
                5,
                "contains",
                "between the YOT and the secure establishment in nearly all",
            ),
            ("3.1", "areas_for_improvement", 5, "startswith", "In only half of the relevant cases"),
            ("1.1", "strengths", 1, "startswith", "A full RoSH assessment was carried out"),
        ],
        "commentary": (1, "some of the completed assessments, lack of reviews"),
        "next_steps_start": "An improvement plan addressing the recommendations",
    },
    "fictional": {
        "id": "wessex-vale-2011",
        "area": "Wessex Vale",
        "title": "Core Case Inspection of youth offending work in Wessex Vale",
        "published": "March 2011",
        "year": 2011,
        "month": "March",
        "fieldwork": "January 2011",
        "signatory": "Helen Marchbank, Acting HM Chief Inspector of Probation",
        "headline": {
            "safeguarding": (64, "MODERATE"),
            "risk-of-harm": (57, "SUBSTANTIAL"),
            "likelihood-of-reoffending": (78, "MINIMUM"),
        },
        "criteria": {
            "1.1": ("Risk of Harm to others", 55, "SUBSTANTIAL", 3, 2),
            "1.2": ("Likelihood of Reoffending", 79, "MINIMUM", 3, 3),
            "1.3": ("Safeguarding", 62, "MODERATE", 1, 3),
            "2.1": (
                "Protecting the public by minimising Risk of Harm to others",
                58,
                "SUBSTANTIAL",
                1,
                3,
            ),
            "2.2": ("Reducing the Likelihood of Reoffending", 81, "MINIMUM", 3, 1),
            "2.3": ("Safeguarding the child or young person", 66, "MODERATE", 2, 4),
            "3.1": ("Achievement of Outcomes", 49, "SUBSTANTIAL", 2, 2),
            "3.2": ("Sustaining Outcomes", 73, "MODERATE", 1, 2),
        },
        "overall": {
            1: ("Assessment and Sentence Planning", 65),
            2: ("Delivery and Review of Interventions", 68),
            3: ("Outcomes", 58),
        },
        "owners": [
            "Operations Manager",
            "Operations Manager",
            "Head of Integrated Youth Support",
            "YOT Manager",
            "Chair of the Management Board",
            "Director of Children’s Services",
        ],
        "numbers": {
            ("2.1", "areas_for_improvement"): [1, None, 3],
            ("2.2", "strengths"): [1, 2, 2],
            ("1.2", "strengths"): [1, 2, 3],
        },
        "item_texts": [
            ("1.2", "strengths", 2, "endswith", "in nearly all relevant cases."),
            (
                "2.1",
                "areas_for_improvement",
                2,
                "startswith",
                "The MAPPA level had not been recorded",
            ),
            (
                "2.3",
                "areas_for_improvement",
                2,
                "contains",
                "mental health problems, joint work with",
            ),
            (
                "2.3",
                "areas_for_improvement",
                4,
                "equals",
                "Management oversight of Safeguarding had been sufficient in four cases.",
            ),
            (
                "3.1",
                "areas_for_improvement",
                1,
                "startswith",
                "There had been a reduction in criminogenic",
            ),
        ],
        "commentary": (1, "better plans seen in the most recent cases."),
        "next_steps_start": "An improvement plan addressing the recommendations",
    },
}

REPORTS = ["sample", "fictional"]
_ROOT = Path(__file__).resolve().parent.parent
ROOT_FILES = {
    "sample": _ROOT / "data" / "reports" / "sefton-yot-2009.txt",
    "fictional": _ROOT / "tests" / "data" / "wessex-vale-yot-2011.txt",
}


@pytest.fixture(params=REPORTS)
def case(request) -> tuple[Report, dict]:
    fixture = "sample_report" if request.param == "sample" else "fictional_report"
    return request.getfixturevalue(fixture), EXPECTED[request.param]


def all_sources(obj) -> list[Source]:
    """Every Source reachable from a parsed report."""
    if isinstance(obj, Source):
        return [obj]
    if dataclasses.is_dataclass(obj):
        out: list[Source] = []
        for f in dataclasses.fields(obj):
            if f.name != "text":
                out += all_sources(getattr(obj, f.name))
        return out
    if isinstance(obj, list | tuple):
        return [s for x in obj for s in all_sources(x)]
    return []


# --- identity and scores ---------------------------------------------------------------


def test_identity(case):
    report, exp = case
    for name in ("id", "area", "title", "published", "year", "month", "fieldwork", "signatory"):
        assert getattr(report, name) == exp[name], name
    assert report.sha256 and len(report.sha256) == 64
    assert report.source_path and report.source_path.endswith(".txt")


def test_headline_scores(case):
    report, exp = case
    got = {s.key: (s.value, s.band) for s in report.headline_scores}
    assert got == exp["headline"]
    for s in report.headline_scores:
        assert s.kind == "headline" and s.source.section == "summary"
        assert str(s.value) in s.source.quote and s.band in s.source.quote


def test_criteria_scores_and_names(case):
    report, exp = case
    assert [c.number for c in report.criteria] == list(exp["criteria"])
    for number, (name, value, band, _, _) in exp["criteria"].items():
        c = report.criterion(number)
        assert c.name == name
        assert (c.score.value, c.score.band) == (value, band)
        assert c.score.kind == "criterion" and c.score.key == number
        assert c.score.source.section == number
        assert c.score.band in BANDS
        assert c.general_criterion and "\n" not in c.general_criterion


def test_item_counts(case):
    report, exp = case
    for number, (_, _, _, strengths, areas) in exp["criteria"].items():
        c = report.criterion(number)
        assert (len(c.strengths), len(c.areas_for_improvement)) == (strengths, areas), number
        for items in (c.strengths, c.areas_for_improvement):
            assert [i.position for i in items] == list(range(1, len(items) + 1))


def test_printed_numbers_are_kept(case):
    report, exp = case
    for (number, field), printed in exp["numbers"].items():
        items = getattr(report.criterion(number), field)
        assert [i.number for i in items] == printed, (number, field)


def test_item_texts_are_joined(case):
    report, exp = case
    for number, field, position, how, expected in exp["item_texts"]:
        text = getattr(report.criterion(number), field)[position - 1].text
        check = {
            "startswith": text.startswith,
            "endswith": text.endswith,
            "contains": lambda e, t=text: e in t,
            "equals": lambda e, t=text: e == t,
        }[how]
        assert check(expected), (number, field, position, text)


def test_items_are_clean(case):
    report, _ = case
    for c in report.criteria:
        for item in c.strengths + c.areas_for_improvement:
            assert "\n" not in item.text and "  " not in item.text
            assert not re.match(r"\(\d*\)", item.text), item.text
            assert not re.search(r"\(\d+\) [A-Z]", item.text), item.text  # no swallowed item
            assert "%%" not in item.text and not re.search(r"\d %", item.text)
            assert item.source.section == c.number
            assert item.text[0].isupper() or item.text[0].isdigit()


def test_overall_scores_and_sections(case):
    report, exp = case
    assert [s.number for s in report.sections] == [1, 2, 3]
    for number, (name, value) in exp["overall"].items():
        section = report.section(number)
        assert section.name == name
        assert section.overall.value == value
        assert section.overall.band is None
        assert section.overall.kind == "overall"
        assert section.overall.key == f"overall-{number}"
        assert section.overall.source.section == str(number)
        assert section.overall.source.quote.startswith("OVERALL SCORE")
        assert section.commentary, number
        assert all(p.source.section == str(number) for p in section.commentary)
    assert len(report.all_scores()) == 3 + 8 + 3


def test_commentary_rejoined_across_breaks(case):
    report, exp = case
    number, phrase = exp["commentary"]
    assert any(phrase in p.text for p in report.section(number).commentary)


def test_recommendations(case):
    report, exp = case
    recs = report.recommendations
    assert [r.number for r in recs] == list(range(1, len(exp["owners"]) + 1))
    assert [r.owner for r in recs] == exp["owners"]
    for r in recs:
        assert r.owner not in r.text[-len(r.owner) - 2 :]
        assert not r.text.endswith(")") or "(" in r.text
        assert r.source.section == "recommendations"
        assert "Furthermore" not in r.text and "\n" not in r.text


def test_running_text_sections(case):
    report, exp = case
    assert report.next_steps[0].text.startswith(exp["next_steps_start"])
    assert all(p.source.section == "next-steps" for p in report.next_steps)
    assert report.foreword and all(p.source.section == "foreword" for p in report.foreword)
    assert not any(report.signatory.split(",")[0] in p.text for p in report.foreword)
    assert not any(p.text == report.published for p in report.foreword)
    assert report.service_users and report.context and report.inspection_data
    headings = {p.source.heading for p in report.service_users}
    assert {"Children and young people", "Victims"} <= headings
    for p in report.service_users + report.context + report.inspection_data:
        assert p.text[0] not in "&@®•3", p.text  # OCR bullets stripped
    assert {"Area", "YOT", "YJB Performance Data"} <= {p.source.heading for p in report.context}
    assert any(p.text.startswith("Fieldwork for this inspection") for p in report.inspection_data)
    # each bullet of the inspection data is its own paragraph
    assert any(p.text == "evidence in advance" for p in report.inspection_data)


def test_ocr_noise_normalised_in_cleaned_text_only(case):
    report, _ = case
    yjb = [p for p in report.context if p.source.heading == "YJB Performance Data"][0]
    assert yjb.text.startswith("The YJB summary")
    assert yjb.source.quote.startswith("The YIB summary")


def test_every_quote_is_exact_substring(case):
    report, _ = case
    sources = all_sources(report)
    assert len(sources) > 100
    for s in sources:
        assert s.quote, s
        assert s.quote == s.quote.strip()
        assert report.text[s.start : s.start + len(s.quote)] == s.quote, s
        assert s.page is None


def test_text_is_input_unchanged(sample_text, sample_report):
    assert sample_report.text == sample_text


def test_page_numbers_from_page_starts(sample_text):
    # Pages start at the lines the PDF extraction begins with a space.
    starts = [0] + [m.start() + 1 for m in re.finditer(r"\n(?= \S)", sample_text)]
    report = parse_report(sample_text, page_starts=starts)
    assert report.pages == starts
    assert report.foreword[0].source.page == 1
    assert report.headline_scores[0].source.page == 2
    criterion = report.criterion("1.1")
    assert criterion.score.source.page == 5
    # the 1.2 area (5) begins on the page after the first four
    areas = report.criterion("1.2").areas_for_improvement
    assert areas[4].source.page == areas[3].source.page + 1
    for s in all_sources(report):
        assert 1 <= s.page <= len(starts)
        assert starts[s.page - 1] <= s.start


def test_parsing_is_fast(sample_text):
    best = min(_timed(sample_text) for _ in range(5))
    assert best < 0.1, best


def _timed(text: str) -> float:
    t0 = time.perf_counter()
    parse_report(text)
    return time.perf_counter() - t0


# --- the same report through a PDF: no blank lines survive text extraction -------------

_LATIN1 = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-"})


@pytest.fixture(scope="module", params=REPORTS)
def pdf_case(request, tmp_path_factory) -> tuple[Report, dict]:
    from fpdf import FPDF

    from ingest.load import load_file

    path = ROOT_FILES[request.param]
    # one PDF page per page of the source (its pages start with a line indented by a space)
    pages = re.split(r"\n(?= \S)", path.read_text(encoding="utf-8"))
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    for page in pages:
        pdf.add_page()
        latin = page.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")
        pdf.multi_cell(0, 5, latin)
    out = tmp_path_factory.mktemp("pdf") / f"{path.stem}.pdf"
    out.write_bytes(bytes(pdf.output()))
    loaded = load_file(out, 20 * 1024 * 1024)
    assert "\n\n" not in loaded.text.strip()  # the point of the exercise
    report = parse_report(loaded.text, str(out), loaded.page_starts)
    return report, EXPECTED[request.param]


def test_pdf_scores_lists_and_recommendations(pdf_case):
    report, exp = pdf_case
    assert report.id == exp["id"] and report.fieldwork == exp["fieldwork"]
    assert report.signatory == exp["signatory"]
    assert {s.key: (s.value, s.band) for s in report.headline_scores} == exp["headline"]
    for number, (_, value, band, strengths, areas) in exp["criteria"].items():
        c = report.criterion(number)
        assert (c.score.value, c.score.band) == (value, band)
        assert (len(c.strengths), len(c.areas_for_improvement)) == (strengths, areas), number
    assert {s.number: s.overall.value for s in report.sections} == {
        n: v for n, (_, v) in exp["overall"].items()
    }
    owners = [r.owner.replace("'", "’") for r in report.recommendations]
    assert owners == exp["owners"]
    for s in all_sources(report):
        assert report.text[s.start : s.start + len(s.quote)] == s.quote
        assert s.page is not None and 1 <= s.page <= len(report.pages)
    glossary_terms = {t for g in report.glossary for t in g.terms}
    assert {"RoSH", "RoH", "MAPPA", "VMP", "YJB"} <= glossary_terms


def test_pdf_glossary_matches_the_text(pdf_case, request):
    """Without blank lines, alphabetical order and short lines still part the entries."""
    report, exp = pdf_case
    text_report = request.getfixturevalue(
        "sample_report" if exp["id"] == EXPECTED["sample"]["id"] else "fictional_report"
    )

    def entries(r: Report) -> list[tuple[str, str]]:
        return [
            (g.term.translate(_LATIN1), g.definition.translate(_LATIN1).replace("\n\n", " "))
            for g in r.glossary
        ]

    assert entries(report) == entries(text_report)
    assert len(report.glossary) == (38 if exp["id"] == "sefton-2009" else 18)


# --- not a report ----------------------------------------------------------------------

RECIPE = """Victoria sponge

Ingredients
200g caster sugar
200g softened butter
4 eggs, beaten

Method
(1) Heat the oven to 190C.
(2) Beat the sugar and butter together, then add the eggs.
Serves 8. Ready in 45 minutes; 95% of testers liked it.
"""


@pytest.mark.parametrize("text", [RECIPE, "", "   \n\n", "Foreword\n\nNothing else here."])
def test_not_a_report(text):
    with pytest.raises(NotAReportError) as info:
        parse_report(text)
    assert "report" in str(info.value)
    assert isinstance(info.value, ValueError)


# --- a third report made by mutating the sample ----------------------------------------


def _replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


@pytest.fixture(scope="module")
def mutated(sample_text) -> Report:
    t = sample_text
    t = _replace_once(
        t, "youth offending work in Sefton took", "youth offending work in Northmoor took"
    )
    t = _replace_once(t, "\nJune 2009\n", "\nNovember 2010\n")
    t = _replace_once(t, "undertaken in April 2009.", "undertaken in September 2010.")
    t = _replace_once(t, "Andrew Bridges\n", "Jane Doe\n")
    t = _replace_once(t, "36% DRASTIC improvement required", "61% MODERATE improvement required")
    t = _replace_once(t, "46% SUBSTANTIAL improvement required", "83% MINIMUM improvement required")
    t = _replace_once(t, "work:\n42%%", "work:\n47 %")
    # drop 1.3 area (4)
    t = _replace_once(
        t,
        "\n(4) In only two cases had there been effective management oversight of the\n"
        "vulnerability assessment.\n",
        "\n",
    )
    # drop the 2.3 strength printed as "()" together with its paragraph
    t = _replace_once(t, "(4)\n\n()\n\n", "(4)\n\n")
    start = t.index("There had been good joint working")
    end = t.index("custodial sentence in 80% of cases.") + len(
        "custodial sentence in 80% of cases."
    )
    t = t[:start].rstrip() + "\n" + t[end:]
    # add a ninth recommendation
    t = _replace_once(
        t,
        "filled as soon as possible (Chair of Management Board)\n",
        "filled as soon as possible (Chair of Management Board)\n\n"
        "(9) a new case recording policy is agreed (Head of\nService)\n",
    )
    t = _replace_once(t, "population of 283,000", "population of 301,500")
    t = _replace_once(t, "England average of 72%", "England average of 70%")
    # remove PCT from the pulled-apart glossary: its term and its definition
    t = _replace_once(t, "\nPCT\n\n", "\n")
    t = _replace_once(t, "Primary Care Trust\n\n", "")
    return parse_report(t)


def test_mutated_identity(mutated):
    assert mutated.area == "Northmoor"
    assert mutated.id == "northmoor-2010"
    assert mutated.published == "November 2010"
    assert mutated.fieldwork == "September 2010"
    assert mutated.signatory == "Jane Doe, HM Chief Inspector of Probation"


def test_mutated_scores(mutated):
    headline = {s.key: (s.value, s.band) for s in mutated.headline_scores}
    assert headline["risk-of-harm"] == (61, "MODERATE")
    assert headline["safeguarding"] == (38, "DRASTIC")
    c = mutated.criterion("1.1")
    assert (c.score.value, c.score.band) == (83, "MINIMUM")
    assert mutated.section(1).overall.value == 47


def test_mutated_lists(mutated):
    assert len(mutated.criterion("1.3").areas_for_improvement) == 3
    strengths = mutated.criterion("2.3").strengths
    assert [s.number for s in strengths] == [1, 2, 3, 4]
    assert not any("joint working" in s.text for s in strengths)
    assert len(mutated.criterion("2.3").areas_for_improvement) == 5
    recs = mutated.recommendations
    assert len(recs) == 9
    assert recs[-1].owner == "Head of Service"
    assert recs[-1].text == "a new case recording policy is agreed"


def test_mutated_facts_and_glossary(mutated):
    people = [f for f in mutated.facts if f.unit == "people"]
    assert [f.value for f in people] == [301500]
    ete = [f for f in mutated.facts if f.value == 88 and f.unit == "%"]
    assert ete and ete[0].compared_value == 70
    terms = [g.term for g in mutated.glossary]
    assert "PCT" not in terms
    by_term = {g.term: g for g in mutated.glossary}
    assert by_term["Ofsted"].definition.startswith("Office for Standards in Education")
    assert by_term["PPO"].definition.startswith("‘Prolific and other Priority Offender’")
    assert by_term["RoSH"].definition.startswith("“Risk of Serious Harm”")
    for s in all_sources(mutated):
        assert mutated.text[s.start : s.start + len(s.quote)] == s.quote


# --- the small pure cleaning functions -------------------------------------------------


@pytest.mark.parametrize(
    ("func", "arg", "expected"),
    [
        (strip_bullet, "& The YOT was unable", "The YOT was unable"),
        (strip_bullet, "3 The YOT was unable", "The YOT was unable"),
        (strip_bullet, "@ examination of practice", "examination of practice"),
        (strip_bullet, "® evidence in advance", "evidence in advance"),
        (strip_bullet, "e questionnaire responses", "questionnaire responses"),
        (strip_bullet, "• a bullet", "a bullet"),
        (strip_bullet, "! - A constructive intervention", "A constructive intervention"),
        (strip_bullet, "3 cases were late", "3 cases were late"),
        (strip_bullet, "71% of cases", "71% of cases"),
        (strip_bullet, "e.g. health", "e.g. health"),
        (normalise_percent, "42%%", "42%"),
        (normalise_percent, "68 % MODERATE", "68% MODERATE"),
        (normalise_percent, "in 85% of cases", "in 85% of cases"),
        (fix_ocr_words, "The YIB summary", "The YJB summary"),
        (fix_ocr_words, "YIBS and PYIB stay", "YIBS and PYIB stay"),
        (join_lines, ["the well-", "being of"], "the well-being of"),
        (join_lines, ["criteria’ -", "essentially"], "criteria’ - essentially"),
        (join_lines, ["actively and", "", "meaningfully"], "actively and meaningfully"),
        (clean_text, "3 The YOT   was\n 42 %% done", "The YOT was 42% done"),
        (clean_text, "parents/ carers and England/\nWales", "parents/carers and England/Wales"),
        (is_terminated, "relevant cases.", True),
        (is_terminated, "“What do you think?”", True),
        (is_terminated, "actively and", False),
        (is_terminated, "(YOT Manager)", False),
        (is_marker_only, "(1)", True),
        (is_marker_only, "()", True),
        (is_marker_only, "(1) (2) (3)", True),
        (is_marker_only, "(1) In 28% of cases", False),
        (markers, "(1) () (3)", [1, None, 3]),
        (leading_marker, "(10) Where there had", (10, 5)),
        (leading_marker, "Where there had", None),
        (
            title_case,
            "DELIVERY AND REVIEW OF INTERVENTIONS",
            "Delivery and Review of Interventions",
        ),
        (title_case, "OUTCOMES", "Outcomes"),
        (slug, "Wessex Vale", "wessex-vale"),
        (slug, "Bath & North East Somerset", "bath-north-east-somerset"),
    ],
)
def test_cleaning_functions(func, arg, expected):
    assert func(arg) == expected


@pytest.mark.parametrize(
    ("previous", "following", "expected"),
    [
        ("had been actively and", "meaningfully engaged", True),
        ("the poor quality of some of the completed", "assessments, lack of", True),
        ("to co-ordinate and ensure the work to", "Safeguard the child", True),
        ("in only 62% of relevant cases.", "The initial assessment", False),
        ("a custodial sentence for the young", "Estyn HM Inspectorate", False),
        ("normally with the case manager", "® evidence in advance", False),
    ],
)
def test_continues(previous, following, expected):
    assert continues(previous, following) is expected


def _as_markdown(text: str) -> str:
    """The sample as a Markdown conversion would write it: # headings, bold labels, bullets."""
    out = []
    for line in text.split("\n"):
        t = line.strip()
        if re.match(r"(Foreword|Scoring|Recommendations|Service users|Appendix|OVERALL)", t) or (
            t.isupper() and len(t) > 5
        ):
            out.append(f"## {t}")
        elif t.endswith("score:") or re.fullmatch(r"\d\.\d .*:", t):
            out.append(f"### {t}")
        elif re.fullmatch(
            r"(Strengths?|Areas for [Ii]mprovement|General Criterion|Score: Comment):", t
        ):
            out.append(f"**{t}**")
        elif re.match(r"\(\d*\)", t):
            out.append(f"- {t}")
        else:
            out.append(line)
    return "\n".join(out)


def test_markdown_conversion_parses_the_same(sample_text, sample_report):
    md = _as_markdown(sample_text)
    assert "## Foreword" in md and "**Strengths:**" in md and "- (1)" in md
    report = parse_report(md)
    assert report.id == sample_report.id and report.signatory == sample_report.signatory
    assert [(s.key, s.value) for s in report.all_scores()] == [
        (s.key, s.value) for s in sample_report.all_scores()
    ]
    for a, b in zip(report.criteria, sample_report.criteria, strict=True):
        assert [i.text for i in a.strengths] == [i.text for i in b.strengths]
        assert [i.text for i in a.areas_for_improvement] == [
            i.text for i in b.areas_for_improvement
        ]
        assert [i.number for i in a.areas_for_improvement] == [
            i.number for i in b.areas_for_improvement
        ]
    assert [r.owner for r in report.recommendations] == [
        r.owner for r in sample_report.recommendations
    ]
    assert [g.term for g in report.glossary] == [g.term for g in sample_report.glossary]

"""The parser on three fictional reports laid out differently from the sample.

Each file under tests/data/variants/ says at its top that it is fictional. What differs:

| variant                     | layout                                                        |
|-----------------------------|---------------------------------------------------------------|
| vale-of-ashdown-2010        | Welsh area ("in the Vale of ..."), cover "Report on youth     |
|                             | offending work in:", contents page, CRLF line ends, form      |
|                             | feeds, running headers "N Core Case Inspection ... N", one-   |
|                             | line "Score: 77% Comment: MINIMUM improvement required",      |
|                             | numbered items without blank lines, bulleted recommendations, |
|                             | 3.2 without Areas for improvement, an Appendix 1 score table, |
|                             | Wales averages, a glossary never pulled apart                 |
| stockbridge-on-wear-2011    | hyphenated area, title-case headings, criteria 1.1-1.4 / 2.1- |
|                             | 2.3 / 3.1, "58 per cent", lower-case bands, Score and Comment |
|                             | on two lines, bullets • and -, 2.2 without Strengths, lone    |
|                             | page numbers, "1." numbered recommendations, a glossary       |
|                             | entirely pulled apart                                         |
| northbridge-and-moorvale-   | a reinspection: ALL-CAPS headings, previous scores printed    |
| 2011                        | beside the new ones, "o" bullets, running headers with form   |
|                             | feeds, no glossary                                            |
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.model import BANDS, Report
from ingest.parse import NotAReportError, parse_report
from ingest.text.layout import (
    leading_bullet,
    leading_marker,
    mask_lines,
    normalise_breaks,
    page_furniture,
    split_lines,
)
from tests.test_parse import all_sources

VARIANTS = Path(__file__).resolve().parent / "data" / "variants"

EXPECTED = {
    "vale-of-ashdown-yot-2010.txt": {
        "id": "vale-of-ashdown-2010",
        "area": "Vale of Ashdown",
        "title": "Core Case Inspection of youth offending work in Vale of Ashdown",
        "published": "October 2010",
        "year": 2010,
        "month": "October",
        "fieldwork": "July 2010",
        "signatory": "Eleri Pritchard, HM Chief Inspector of Probation",
        "headline": {
            "safeguarding": (77, "MINIMUM"),
            "risk-of-harm": (66, "MODERATE"),
            "likelihood-of-reoffending": (79, "MINIMUM"),
        },
        "criteria": {
            "1.1": ("Risk of Harm to others", 68, "MODERATE", 3, 2),
            "1.2": ("Likelihood of Reoffending", 81, "MINIMUM", 3, 2),
            "1.3": ("Safeguarding", 72, "MODERATE", 2, 3),
            "2.1": (
                "Protecting the public by minimising Risk of Harm to others",
                63,
                "MODERATE",
                2,
                2,
            ),
            "2.2": ("Reducing the Likelihood of Reoffending", 84, "MINIMUM", 3, 1),
            "2.3": ("Safeguarding the child or young person", 76, "MINIMUM", 3, 2),
            "3.1": ("Achievement of Outcomes", 70, "MODERATE", 2, 2),
            "3.2": ("Sustaining Outcomes", 88, "MINIMUM", 2, 0),
        },
        "overall": {
            1: ("Assessment and Sentence Planning", 73),
            2: ("Delivery and Review of Interventions", 74),
            3: ("Outcomes", 77),
        },
        "recommendations": [
            (None, "YOT Manager"),
            (None, "Operational Managers"),
            (None, "YOT Manager"),
            (None, "Operational Managers"),
        ],
        "items": [
            (
                "1.2",
                "strengths",
                1,
                "equals",
                "An initial assessment of the LoR had been completed in 97% of cases, and in "
                "88% of cases it had been completed on time.",
            ),
            ("1.1", "areas_for_improvement", 2, "contains", ". In three of the seven relevant"),
            ("1.1", "strengths", 3, "startswith", "Inspectors agreed"),
            ("1.3", "areas_for_improvement", 3, "startswith", "Management oversight of the"),
            ("2.2", "strengths", 2, "endswith", "where the child or young person preferred it."),
        ],
        "glossary": {
            "count": 13,
            "definitions": {
                "ASBO": "Antisocial behaviour / Antisocial Behaviour Order",
                "Estyn": "HM Inspectorate for Education and Training in Wales",
                "CSSIW": "Care and Social Services Inspectorate Wales",
                "MAPPA": (
                    "Multi-Agency Public Protection Arrangements: where probation, police, "
                    "prison and other agencies work together to manage offenders who are of a "
                    "higher Risk of Harm to others."
                ),
                "YOT": "Youth Offending Team",
            },
        },
        # (value, unit, section, compared_value, phrase in the sentence)
        "facts": [
            (126400, "people", "context", None, "population of 126,400"),
            (10.9, "%", "context", 10.6, "10.9% of which"),
            (31, "per 1,000", "context", 42, "at 31 per 1,000"),
            (81, "%", "context", 74, "employment was 81%"),
            (77, "%", "foreword", None, "well enough 77% of"),
            (9, "count", "1.1", None, "eight of the nine cases"),
        ],
        "furniture": "youth offending work in Vale of Ashdown",
    },
    "stockbridge-on-wear-yot-2011.txt": {
        "id": "stockbridge-on-wear-2011",
        "area": "Stockbridge-on-Wear",
        "title": "Core Case Inspection of youth offending work in Stockbridge-on-Wear",
        "published": "February 2011",
        "year": 2011,
        "month": "February",
        "fieldwork": "November 2010",
        "signatory": "Julie Marsh, HM Assistant Chief Inspector of Probation",
        "headline": {
            "safeguarding": (58, "SUBSTANTIAL"),
            "risk-of-harm": (49, "SUBSTANTIAL"),
            "likelihood-of-reoffending": (63, "MODERATE"),
        },
        "criteria": {
            "1.1": ("Initial assessment", 61, "MODERATE", 2, 3),
            "1.2": ("Risk of Harm to others", 47, "SUBSTANTIAL", 2, 3),
            "1.3": ("Likelihood of Reoffending", 66, "MODERATE", 2, 1),
            "1.4": ("Safeguarding", 55, "SUBSTANTIAL", 1, 2),
            "2.1": (
                "Protecting the public by minimising Risk of Harm to others",
                44,
                "SUBSTANTIAL",
                1,
                2,
            ),
            "2.2": ("Reducing the Likelihood of Reoffending", 69, "MODERATE", 0, 2),
            "2.3": ("Safeguarding the child or young person", 59, "SUBSTANTIAL", 2, 1),
            "3.1": ("Achievement of outcomes", 62, "MODERATE", 1, 2),
        },
        "overall": {
            1: ("Assessment and Sentence Planning", 57),
            2: ("Delivery and Review of Interventions", 56),
            3: ("Outcomes", 62),
        },
        "recommendations": [
            (1, "Head of Youth Services"),
            (2, "YOT Manager"),
            (3, "Chair of the YOT Management Board"),
        ],
        "items": [
            (
                "1.2",
                "strengths",
                2,
                "equals",
                "Where a full RoSH assessment was needed, it had been completed on time in "
                "five of the eight cases.",
            ),
            (
                "1.2",
                "areas_for_improvement",
                1,
                "equals",
                "Risk management plans had been completed in only three of the seven cases "
                "where they were needed.",
            ),
            ("1.2", "areas_for_improvement", 3, "startswith", "There was little evidence"),
            (
                "2.3",
                "areas_for_improvement",
                1,
                "endswith",
                "in only 46 per cent of relevant cases.",
            ),
        ],
        "glossary": {
            "count": 9,
            "definitions": {
                "ETE": "Employment, training and education",
                "ISSP": (
                    "Intensive Supervision and Surveillance Programme: a demanding community "
                    "programme attached to some orders"
                ),
                "RoSH": "Risk of Serious Harm, a term used in Asset",
                "Scaled Approach": (
                    "The framework by which YOTs match the intensity of their work to the "
                    "assessed likelihood of reoffending and risk of serious harm.\n\n"
                    "It came into use in November 2009."
                ),
                "YOT": "Youth Offending Team",
            },
        },
        "facts": [
            (58, "%", "foreword", None, "well enough 58 per cent of the time"),
            (187300, "people", "context", None, "population of 187,300"),
            (10.1, "%", "context", 10.4, "10.1 per cent of which"),
            (68, "%", "context", 73, "employment was 68%"),
            (3, "count", "1.2", None, "only three of the seven cases"),
        ],
        "furniture": None,
    },
    "northbridge-and-moorvale-yot-2011.txt": {
        "id": "northbridge-and-moorvale-2011",
        "area": "Northbridge and Moorvale",
        "title": "Core Case Inspection of youth offending work in Northbridge and Moorvale",
        "published": "September 2011",
        "year": 2011,
        "month": "September",
        "fieldwork": "June 2011",
        "signatory": "Peter Ashcombe, HM Chief Inspector of Probation",
        "headline": {
            "safeguarding": (61, "MODERATE"),
            "risk-of-harm": (57, "SUBSTANTIAL"),
            "likelihood-of-reoffending": (70, "MODERATE"),
        },
        "criteria": {
            "1.1": ("Risk of Harm to Others", 54, "SUBSTANTIAL", 2, 3),
            "1.2": ("Likelihood of Reoffending", 72, "MODERATE", 3, 1),
            "1.3": ("Safeguarding", 60, "MODERATE", 1, 2),
            "2.1": (
                "Protecting the Public by Minimising Risk of Harm to Others",
                56,
                "SUBSTANTIAL",
                1,
                2,
            ),
            "2.2": ("Reducing the Likelihood of Reoffending", 74, "MODERATE", 2, 1),
            "2.3": ("Safeguarding the Child or Young Person", 63, "MODERATE", 2, 2),
            "3.1": ("Achievement of Outcomes", 58, "SUBSTANTIAL", 1, 2),
            "3.2": ("Sustaining Outcomes", 71, "MODERATE", 1, 1),
        },
        "overall": {
            1: ("Assessment and Sentence Planning", 62),
            2: ("Delivery and Review of Interventions", 64),
            3: ("Outcomes", 61),
        },
        "recommendations": [
            (1, "Head of Youth Offending Service"),
            (2, "YOT Operational Manager"),
        ],
        "items": [
            (
                "2.1",
                "areas_for_improvement",
                2,
                "equals",
                "Home visits had been used to address RoH issues in 51% of cases.",
            ),
            (
                "2.1",
                "areas_for_improvement",
                1,
                "endswith",
                "of the four cases where this was needed.",
            ),
            ("1.1", "strengths", 1, "equals", "A RoSH screening had been completed in every case."),
        ],
        "glossary": {"count": 0, "definitions": {}},
        "facts": [
            (93, "%", "context", 91, "by the end of the sentence was 93%"),
            (215800, "people", "context", None, "population of 215,800"),
            (61, "%", "foreword", None, "now done well enough 61% of the time"),
        ],
        "furniture": "YOT Core Case Reinspection",
    },
}

NAMES = sorted(EXPECTED)


def _read(name: str) -> str:
    # bytes, not read_text: keep the file's CRLF line ends and form feeds as they are
    return (VARIANTS / name).read_bytes().decode("utf-8")


@pytest.fixture(scope="module", params=NAMES)
def variant(request) -> tuple[Report, dict, str]:
    text = _read(request.param)
    return parse_report(text, str(VARIANTS / request.param)), EXPECTED[request.param], text


def test_files_are_marked_fictional():
    for name in NAMES:
        assert _read(name).startswith("FICTIONAL REPORT FOR TESTS"), name
    assert "\r\n" in _read("vale-of-ashdown-yot-2010.txt")
    assert "\f" in _read("vale-of-ashdown-yot-2010.txt")
    assert "\f" in _read("northbridge-and-moorvale-yot-2011.txt")


def test_identity(variant):
    report, exp, text = variant
    for name in ("id", "area", "title", "published", "year", "month", "fieldwork", "signatory"):
        assert getattr(report, name) == exp[name], name
    assert report.text == text


def test_headline_scores(variant):
    report, exp, _ = variant
    assert {s.key: (s.value, s.band) for s in report.headline_scores} == exp["headline"]
    for s in report.headline_scores:
        assert s.source.section == "summary"
        assert str(s.value) in s.source.quote and s.band in s.source.quote.upper()


def test_criteria(variant):
    report, exp, _ = variant
    assert [c.number for c in report.criteria] == list(exp["criteria"])
    for number, (name, value, band, strengths, areas) in exp["criteria"].items():
        c = report.criterion(number)
        assert c.name == name
        assert (c.score.value, c.score.band) == (value, band), number
        assert c.score.band in BANDS and str(value) in c.score.source.quote
        assert (len(c.strengths), len(c.areas_for_improvement)) == (strengths, areas), number
        assert c.general_criterion and "\n" not in c.general_criterion
        for items in (c.strengths, c.areas_for_improvement):
            assert [i.position for i in items] == list(range(1, len(items) + 1))
            for item in items:
                assert item.source.section == number
                assert item.text[0].isupper() or item.text[0].isdigit(), item.text
                assert "\n" not in item.text and "  " not in item.text
                assert not re.match(r"[•o\-–(]\s", item.text), item.text


def test_item_texts(variant):
    report, exp, _ = variant
    for number, field, position, how, expected in exp["items"]:
        text = getattr(report.criterion(number), field)[position - 1].text
        ok = {
            "equals": text == expected,
            "startswith": text.startswith(expected),
            "endswith": text.endswith(expected),
            "contains": expected in text,
        }[how]
        assert ok, (number, field, position, text)


def test_sections_and_overall(variant):
    report, exp, _ = variant
    assert [s.number for s in report.sections] == list(exp["overall"])
    for number, (name, value) in exp["overall"].items():
        section = report.section(number)
        assert (section.name, section.overall.value, section.overall.band) == (name, value, None)
        assert section.commentary and all(
            p.source.section == str(number) for p in section.commentary
        )
    assert len(report.all_scores()) == 3 + len(exp["criteria"]) + len(exp["overall"])


def test_recommendations(variant):
    report, exp, _ = variant
    assert [(r.number, r.owner) for r in report.recommendations] == exp["recommendations"]
    for r in report.recommendations:
        assert r.text[0].isalpha() and "(" not in r.text and "\n" not in r.text


def test_glossary(variant):
    report, exp, _ = variant
    assert len(report.glossary) == exp["glossary"]["count"]
    by_term = {t: g for g in report.glossary for t in g.terms}
    for term, definition in exp["glossary"]["definitions"].items():
        assert by_term[term].definition == definition, term
    for g in report.glossary:
        assert g.source.quote.split()[0] in g.definition


def test_facts(variant):
    report, exp, _ = variant
    for value, unit, section, compared, phrase in exp["facts"]:
        hits = [
            f
            for f in report.facts
            if (f.value, f.unit, f.source.section) == (value, unit, section)
            and phrase in f.sentence
        ]
        assert hits, (value, unit, section, phrase)
        assert hits[0].compared_value == compared, hits[0]


def test_running_text(variant):
    report, _, _ = variant
    assert report.foreword and report.next_steps and report.service_users
    assert report.context and report.inspection_data
    assert report.inspection_data[0].text.startswith("Fieldwork for this")
    assert {"Children and young people", "Victims"} <= {
        p.source.heading.capitalize() for p in report.service_users
    }
    assert not any(p.text == report.published for p in report.foreword)


def test_every_quote_is_exact(variant):
    report, _, _ = variant
    sources = all_sources(report)
    assert len(sources) > 40
    for s in sources:
        assert s.quote and s.quote == s.quote.strip()
        assert report.text[s.start : s.start + len(s.quote)] == s.quote, s


def test_page_furniture_stays_out_of_the_findings(variant):
    report, exp, _ = variant
    texts = [i.text for c in report.criteria for i in c.strengths + c.areas_for_improvement]
    texts += [i.text for i in report.recommendations]
    texts += [p.text for s in report.sections for p in s.commentary]
    texts += [p.text for p in report.foreword + report.context + report.service_users]
    texts += [g.definition for g in report.glossary] + [f.sentence for f in report.facts]
    for t in texts:
        assert "\r" not in t and "\f" not in t
        if exp["furniture"]:
            assert exp["furniture"] not in t, t
        assert not re.search(r"(?:^|\s)\d{1,2}$", t), t  # no page number left at the end
    # a page number is never a count of anything
    counts = [f for f in report.facts if f.unit == "count"]
    assert all(re.search(rf"\b{f.value:g}\b|[a-z]", f.sentence) for f in counts)


def test_variant_traps():
    vale = parse_report(_read("vale-of-ashdown-yot-2010.txt"))
    # "...in a table in / Appendix 1. These figures ..." is a sentence, not an appendix heading
    assert any("These figures can be viewed" in p.text for p in vale.foreword)
    # the contents page lists every part; the parts themselves are parsed
    assert vale.glossary and vale.context and vale.inspection_data
    # the Appendix 1 score table repeats the criteria: they are not parsed twice
    assert len(vale.criteria) == 8
    north = parse_report(_read("northbridge-and-moorvale-yot-2011.txt"))
    # the previous inspection's scores are printed beside the new ones: never taken for them
    assert not {s.value for s in north.headline_scores} & {43, 34, 52}


def test_crlf_parses_like_lf():
    crlf = _read("vale-of-ashdown-yot-2010.txt")
    a, b = parse_report(crlf), parse_report(crlf.replace("\r\n", "\n"))
    assert [(s.key, s.value, s.band) for s in a.all_scores()] == [
        (s.key, s.value, s.band) for s in b.all_scores()
    ]
    for ca, cb in zip(a.criteria, b.criteria, strict=True):
        assert [i.text for i in ca.strengths + ca.areas_for_improvement] == [
            i.text for i in cb.strengths + cb.areas_for_improvement
        ]
    assert [g.definition for g in a.glossary] == [g.definition for g in b.glossary]


# --- the same variants through a PDF ----------------------------------------------------

_LATIN1 = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-", "•": "-", "\f": ""}
)


@pytest.mark.parametrize("name", NAMES)
def test_pdf_round_trip(name, tmp_path):
    from fpdf import FPDF

    from ingest.load import load_file

    text = _read(name).replace("\r\n", "\n")
    # a PDF page per printed page: form feeds, else the lone page numbers
    pages = text.split("\f") if "\f" in text else re.split(r"\n\n(?=\d+\n)", text)
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    for page in pages:
        pdf.add_page()
        pdf.multi_cell(0, 5, page.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1"))
    path = tmp_path / f"{Path(name).stem}.pdf"
    path.write_bytes(bytes(pdf.output()))
    loaded = load_file(path, 20 * 1024 * 1024)
    assert len(loaded.page_starts) >= len(pages)  # a long page runs over
    got = parse_report(loaded.text, str(path), loaded.page_starts)
    exp = EXPECTED[name]
    assert got.id == exp["id"] and got.fieldwork == exp["fieldwork"]
    assert {s.key: (s.value, s.band) for s in got.headline_scores} == exp["headline"]
    for number, (_, value, band, strengths, areas) in exp["criteria"].items():
        c = got.criterion(number)
        assert (c.score.value, c.score.band) == (value, band)
        assert (len(c.strengths), len(c.areas_for_improvement)) == (strengths, areas), number
    assert {s.number: s.overall.value for s in got.sections} == {
        n: v for n, (_, v) in exp["overall"].items()
    }
    assert [(r.number, r.owner) for r in got.recommendations] == exp["recommendations"]
    assert len(got.glossary) == exp["glossary"]["count"]
    for s in all_sources(got):
        assert got.text[s.start : s.start + len(s.quote)] == s.quote
        assert s.page is not None and 1 <= s.page <= len(loaded.page_starts)


# --- never invent -----------------------------------------------------------------------


def test_a_truncated_report_gives_what_it_has():
    text = _read("stockbridge-on-wear-yot-2011.txt")
    cut = parse_report(text[: text.index("\nDelivery and Review of Interventions\n")])
    assert [c.number for c in cut.criteria] == ["1.1", "1.2", "1.3", "1.4"]
    assert [s.number for s in cut.sections] == [1]
    assert cut.glossary == [] and cut.context == [] and cut.inspection_data == []
    assert cut.fieldwork is None
    assert len(cut.headline_scores) == 3


def test_unreadable_scores_are_left_out_not_guessed():
    text = _read("northbridge-and-moorvale-yot-2011.txt")
    # every criterion's band line made illegible
    blurred = re.sub(r"\n\d\d% (\w+) IMPROVEMENT REQUIRED", r"\n## \1 ?????", text)
    report = parse_report(blurred)
    assert report.criteria == []
    assert {s.key: s.value for s in report.headline_scores} == {
        "safeguarding": 61,
        "risk-of-harm": 57,
        "likelihood-of-reoffending": 70,
    }
    # no headings for the headline scores: scores without a name are dropped
    no_names = re.sub(r"\n[A-Z –]+ SCORE:\n", "\n", text)
    assert parse_report(no_names).headline_scores == []


def test_a_glossary_alone_is_not_a_report():
    text = _read("vale-of-ashdown-yot-2010.txt")
    with pytest.raises(NotAReportError):
        parse_report(text[text.rindex("Appendix 4: Glossary") :])


# --- small pieces -------------------------------------------------------------------------


def _mini(opening: str, summary: str = "") -> Report:
    """A minimal report: a foreword sentence, an optional summary and one criterion."""
    return parse_report(
        f"Foreword\n\n{opening}\n\nJune 2010\n\nScoring and Summary Table\n\n{summary}\n\n"
        "1.1 Risk of Harm to others:\n\nGeneral Criterion:\n\nThe assessment of RoH is "
        "timely.\n\nScore: Comment:\n55% SUBSTANTIAL improvement required\n"
    )


@pytest.mark.parametrize(
    ("opening", "area"),
    [
        ("This Core Case Inspection of youth offending work in Brent took place.", "Brent"),
        (
            "This Core Case Inspection of youth offending work in the East Riding of "
            "Yorkshire took place.",
            "East Riding of Yorkshire",
        ),
        (
            "Core Case Inspection of youth offending work in England and Wales\n\nReport on "
            "youth offending work in:\n\nRichmond upon Thames\n\n2011",
            "Richmond upon Thames",
        ),
        (
            "This Core Case Inspection of youth offending work in Bath and North\nEast "
            "Somerset took place in the spring.",
            "Bath and North East Somerset",
        ),
        (
            "Core Case Inspection of youth offending work in Telford & Wrekin\nForeword\n"
            "This inspection took place.",
            "Telford & Wrekin",
        ),
        ("This inspection of YOUTH OFFENDING WORK took place. Hexley YOT was small.", "Hexley"),
    ],
)
def test_area_phrasings(opening, area):
    assert _mini(opening).area == area


@pytest.mark.parametrize(
    "summary",
    [
        "Safeguarding score:\n\nScore: Comment:\n\n61% MODERATE improvement required",
        "Safeguarding work (action to protect the young person)\n\n"
        "Score 61% (National average 68%) Comment: MODERATE improvement required",
        "Safeguarding: 61% MODERATE improvement required",
        "Safeguarding score\n\nScore: 61 per cent\nComment: moderate improvement required",
        "SAFEGUARDING SCORE:\n\nPrevious score (2009): 40%\nScore: 61% Comment: MODERATE",
    ],
)
def test_headline_score_layouts(summary):
    report = _mini(
        "This Core Case Inspection of youth offending work in Brent took place.", summary
    )
    assert [(s.key, s.value, s.band) for s in report.headline_scores] == [
        ("safeguarding", 61, "MODERATE")
    ]


def test_page_furniture_detection():
    text = (
        "Some text that runs on and\n\f2 Core Case Inspection of youth offending work in Brent\n"
        "carries over the page.\n7\nPage 8 of 20\n"
        "Core Case Inspection of youth offending work in Brent 3\n"
        "Reported crime levels for those aged 10 to 17\n"
        "Score: Comment:\nScore: Comment:\n"
    )
    view = normalise_breaks(text)
    assert len(view) == len(text) and "\f" not in view
    lines = split_lines(view)
    noise = page_furniture(lines)
    assert [lines[k].text for k in sorted(noise)] == [
        "2 Core Case Inspection of youth offending work in Brent",
        "7",
        "Page 8 of 20",
        "Core Case Inspection of youth offending work in Brent 3",
    ]
    masked = mask_lines(view, lines, noise)
    assert len(masked) == len(text) and "Brent" not in masked
    assert "carries over the page." in masked
    assert normalise_breaks("a\r\nb\rc") == "a \nb\nc"


def test_unnumbered_header_repeated_at_page_edges():
    page = "HMI Probation report on youth offending in Brent\nText of the page.\n"
    text = "\f".join([page] * 3)
    lines = split_lines(normalise_breaks(text))
    edges = {k for k, ln in enumerate(lines) if ln.text.startswith("HMI")}
    assert page_furniture(lines) == set()  # repeated, but nothing says it is at a page edge
    assert page_furniture(lines, edges) == edges
    report_like = parse_report(
        "HMI Probation report on youth offending in Brent\n\nForeword\n\nThis Core Case "
        "Inspection of youth offending work in Brent took place.\n\f"
        "HMI Probation report on youth offending in Brent\n\n1.1 Risk of Harm to others:\n\n"
        "Score: Comment:\n55% SUBSTANTIAL improvement required\n\nStrengths:\n\n(1) Plans "
        "were made in\n\fHMI Probation report on youth offending in Brent\nmost cases.\n"
    )
    assert report_like.criterion("1.1").strengths[0].text == "Plans were made in most cases."


@pytest.mark.parametrize(
    ("line", "marker", "bullet"),
    [
        ("(3) The plan", (3, 4), None),
        ("3. The plan", (3, 3), None),
        ("3) the plan", (3, 3), None),
        ("1.1 Risk of Harm", None, None),
        ("11.2% of which", None, None),
        ("• The plan", None, 2),
        ("- The plan", None, 2),
        ("o The plan", None, 2),
        ("of the plan", None, None),
        ("e.g. the plan", None, None),
    ],
)
def test_list_markers(line, marker, bullet):
    assert leading_marker(line) == marker
    assert leading_bullet(line) == bullet


def _criterion_report(
    score_block: str, heading: str = "ASSESSMENT AND SENTENCE PLANNING"
) -> Report:
    return parse_report(
        "Foreword\n\nThis Core Case Inspection of youth offending work in Brent took place.\n\n"
        f"{heading}\n\n1.1 Risk of Harm to others\n\nGeneral Criterion:\n\nThe assessment of "
        f"RoH is timely.\n\n{score_block}\n\nStrengths:\n\n(1) Plans were made.\n\n"
        "OVERALL SCORE for quality of Assessment and Sentence Planning work: 50%\n"
    )


@pytest.mark.parametrize(
    "block",
    [
        "Score: Comment:\n46% SUBSTANTIAL improvement required",
        "Score: Comment:\n46%\nSUBSTANTIAL improvement required",
        "Score:\n46%\nComment:\nSUBSTANTIAL improvement required",
        "Score: 46 per cent Comment: substantial improvement required",
        "Score 46% (National average 60%) Comment: SUBSTANTIAL improvement required",
    ],
)
def test_criterion_score_layouts(block):
    c = _criterion_report(block).criterion("1.1")
    assert (c.score.value, c.score.band) == (46, "SUBSTANTIAL")
    assert c.general_criterion == "The assessment of RoH is timely."
    assert [i.text for i in c.strengths] == ["Plans were made."]


def test_a_score_without_a_band_is_not_a_criterion_score():
    with pytest.raises(NotAReportError):
        _criterion_report("Score: 46%")


@pytest.mark.parametrize(
    "heading",
    [
        "ASSESSMENT AND SENTENCE PLANNING",
        "1. Assessment and Sentence Planning",
        "Section 1: Assessment and sentence planning",
        "Assessment and Sentence Planning",
    ],
)
def test_section_heading_styles(heading):
    report = _criterion_report("Score: 46% Comment: SUBSTANTIAL improvement required", heading)
    assert [(s.number, s.name) for s in report.sections] == [
        (1, "Assessment and Sentence Planning")
    ]
    assert report.section(1).overall.value == 50


def test_a_list_without_numbers_or_bullets_has_an_item_per_paragraph():
    block = "Score: 46% Comment: SUBSTANTIAL improvement required\n\nAreas for improvement:"
    report = _criterion_report(
        block + "\n\nPlans were late in 40% of cases.\n\nReviews were rare, and\n\n"
        "often late.\n\nVictims were not always considered."
    )
    areas = report.criterion("1.1").areas_for_improvement
    assert [(i.number, i.text) for i in areas] == [
        (None, "Plans were late in 40% of cases."),
        (None, "Reviews were rare, and often late."),
        (None, "Victims were not always considered."),
    ]


def test_appendix_title_on_the_line_below(sample_text, sample_report):
    text = sample_text.replace(
        "Appendix 2: Contextual information", "Appendix 2\nContextual information"
    )
    text = text.replace("Appendix 4: Role of HMI", "Appendix 4\nRole of HMI")
    report = parse_report(text)
    assert [p.text for p in report.context] == [p.text for p in sample_report.context]
    assert report.context[0].source.heading == "Area"
    # the Role appendix is not read as inspection data
    assert [p.text for p in report.inspection_data] == [
        p.text for p in sample_report.inspection_data
    ]
    assert len(report.glossary) == len(sample_report.glossary)

"""The reader registry on fictional reports of every layout, as text and as PDF.

Fixtures under tests/data/formats/ (each says at its top that it is fictional):

| fixture                                  | format          | what it shows                  |
|------------------------------------------|-----------------|--------------------------------|
| ratings-harrowfield-2021                 | ratings         | 12 standards in table and body,|
|                                          |                 | 21 key questions, 4 owned recs |
| ratings-mutated-cold-ashby-2023          | ratings         | table reordered with colons,   |
|                                          |                 | "Rating:" lines, other labels, |
|                                          |                 | resettlement 4.1, numbers last |
| ratings-missing-standard-lowmoor-2021    | ratings         | 3.3 left out: the rest is read |
| ratings-markdown-penmarrow-2024          | ratings         | Markdown: tables with pipes,   |
|                                          |                 | emphasis, headings with #      |
| inspection-2012-eastmere-2014            | inspection-2012 | 6 areas, summary table,        |
|                                          |                 | findings, recs inside areas    |
| inspection-2012-mutated-redbank-2016     | inspection-2012 | areas out of order, judgement  |
|                                          |                 | on the heading, global recs    |
| core-reinspection-northbridge-2011       | core-case       | previous beside every score    |
| core-reinspection-mutated-southfold-2011 | core-case       | previous after / on the line   |
| core-comparison-wessex-vale-2011         | core-case       | lowest/highest/average table   |
| core-comparison-mutated-wessex-vale-2011 | core-case       | columns reordered and renamed  |
| general-thematic-resettlement-2019       | general         | headings, glossary, facts      |
| general-improvement-plan-westbury-2023   | general         | a short plan, no glossary      |
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.model import RATINGS, Rating, Report, ReportFormat, Role, Unit
from ingest.readers import NoUsableTextError, detect, read_report
from tests.conftest import FICTIONAL, SAMPLE
from tests.test_parse import all_sources

FORMATS = Path(__file__).resolve().parent / "data" / "formats"
VARIANTS = Path(__file__).resolve().parent / "data" / "variants"


def _read(name: str) -> Report:
    path = FORMATS / f"{name}.txt"
    return read_report(path.read_text(encoding="utf-8"), source_path=str(path))


def _cited_exactly(report: Report) -> int:
    sources = all_sources(report)
    for s in sources:
        assert s.quote, s
        assert report.text[s.start : s.start + len(s.quote)] == s.quote, s
    return len(sources)


POINTS = {"Outstanding": 3, "Good": 2, "Requires improvement": 1, "Inadequate": 0}

# --- the ratings framework -------------------------------------------------------------

HARROWFIELD = {
    "id": "harrowfield-2021",
    "area": "Harrowfield",
    "published": "June 2021",
    "overall": "Requires improvement",
    "points": (17, 36),
    "domains": {1: "Organisational delivery", 2: "Court disposals", 3: "Out-of-court disposals"},
    # number: (name, rating, strengths, areas for improvement)
    "standards": {
        "1.1": ("Governance and leadership", "Good", 2, 1),
        "1.2": ("Staff", "Good", 3, 1),
        "1.3": ("Partnerships and services", "Requires improvement", 1, 2),
        "1.4": ("Information and facilities", "Requires improvement", 1, 2),
        "2.1": ("Assessment", "Requires improvement", 1, 1),
        "2.2": ("Planning", "Inadequate", 1, 3),
        "2.3": ("Implementation and delivery", "Good", 2, 0),
        "2.4": ("Reviewing", "Requires improvement", 0, 1),
        "3.1": ("Assessment", "Outstanding", 1, 0),
        "3.2": ("Planning", "Good", 1, 0),
        "3.3": ("Implementation and delivery", "Good", 1, 0),
        "3.4": ("Out-of-court disposal policy and provision", "Inadequate", 1, 2),
    },
    "questions": {
        "2.1-q1": 78,
        "2.1-q2": 64,
        "2.1-q3": 69,
        "2.2-q1": 58,
        "2.2-q2": 47,
        "2.2-q3": 39,
        "2.3-q1": 83,
        "2.3-q2": 76,
        "2.3-q3": 71,
        "2.4-q1": 67,
        "2.4-q2": 61,
        "2.4-q3": 55,
        "3.1-q1": 96,
        "3.1-q2": 92,
        "3.1-q3": 90,
        "3.2-q1": 85,
        "3.2-q2": 80,
        "3.2-q3": 75,
        "3.3-q1": 88,
        "3.3-q2": 81,
        "3.3-q3": 79,
    },  # fmt: skip
    "question_names": {
        "2.1-q3": "Does assessment sufficiently analyse how to keep other people safe?",
        "2.3-q1": "Does the implementation and delivery of services effectively support the "
        "child's desistance?",
    },
    "recommendations": [
        ("Harrowfield YOS Head of Service", "make sure that every plan to keep other people"),
        ("Harrowfield YOS Head of Service", "review the out-of-court disposal policy"),
        ("YOS Management Board", "receive and act on data about what happens"),
        ("local authority", "give the YOS access to a speech and language therapist"),
    ],
    "facts": {(14950.0, "count"), (62.0, "count"), (38.2, "%"), (21.0, "%"), (9.0, "%")},
    "glossary": ["AssetPlus", "Desistance", "OOCD", "YOS"],
    "missing": [],
}

COLD_ASHBY = {
    "id": "cold-ashby-2023",
    "area": "Cold Ashby",
    "published": "September 2023",
    "overall": "Good",
    "points": (26, 39),
    "domains": {
        1: "Organisational delivery",
        2: "Court disposals",
        3: "Out-of-court disposals",
        4: "Resettlement",
    },
    "standards": {
        "1.1": ("Governance and leadership", "Outstanding", 2, 0),
        "1.2": ("Staff", "Good", 0, 0),
        "1.3": ("Partnerships and services", "Good", 0, 0),
        "1.4": ("Information and facilities", "Good", 0, 1),
        "2.1": ("Assessment", "Good", 1, 0),
        "2.2": ("Planning", "Requires improvement", 1, 2),
        "2.3": ("Implementation and delivery", "Good", 0, 0),
        "2.4": ("Reviewing", "Good", 0, 0),
        "3.1": ("Assessment", "Good", 0, 0),
        "3.2": ("Planning", "Good", 0, 0),
        "3.3": ("Implementation and delivery", "Requires improvement", 0, 0),
        "3.4": ("Out-of-court disposal policy and provision", "Outstanding", 0, 0),
        "4.1": ("Resettlement policy and provision", "Good", 1, 0),
    },
    "questions": {
        "2.1-q1": 88,
        "2.1-q2": 91,
        "2.2-q1": 57,
        "2.2-q2": 62,
        "2.3-q1": 84,
        "2.4-q1": 80,
        "3.1-q1": 86,
        "3.2-q1": 82,
        "3.3-q1": 64,
    },  # fmt: skip
    "question_names": {
        "2.2-q1": "Does planning set out how other people will be kept safe?",
        "2.1-q1": "Is assessment focused on keeping other people safe?",
    },
    "recommendations": [
        ("Director of Children's Services", "appoint a deputy manager"),
        ("police", "share information about children arrested out of hours"),
        ("police", "take part in every out-of-court decision panel"),
        ("Cold Ashby Youth Justice Management Board", "check each quarter that plans"),
    ],
    "facts": {(9870.0, "count"), (41.0, "count"), (31.5, "%")},
    "glossary": [],
    "missing": [],
}

LOWMOOR = {
    **HARROWFIELD,
    "id": "lowmoor-2021",
    "area": "Lowmoor",
    "points": (15, 33),
    "standards": {k: v for k, v in HARROWFIELD["standards"].items() if k != "3.3"},
    "questions": {k: v for k, v in HARROWFIELD["questions"].items() if not k.startswith("3.3")},
    "recommendations": [
        ("Lowmoor YOS Head of Service", "make sure that every plan to keep other people"),
        *HARROWFIELD["recommendations"][1:],
    ],
    "missing": ["3.3"],
}
LOWMOOR["recommendations"][1] = ("Lowmoor YOS Head of Service", "review the out-of-court")

PENMARROW = {
    "id": "penmarrow-2024",
    "area": "Penmarrow",
    "published": "March 2024",
    "overall": "Inadequate",
    "points": (6, 36),
    "domains": HARROWFIELD["domains"],
    "standards": {
        "1.1": ("Governance and leadership", "Requires improvement", 0, 0),
        "1.2": ("Staff", "Inadequate", 0, 0),
        "1.3": ("Partnerships and services", "Requires improvement", 0, 0),
        "1.4": ("Information and facilities", "Inadequate", 0, 0),
        "2.1": ("Assessment", "Inadequate", 1, 1),
        "2.2": ("Planning", "Inadequate", 0, 0),
        "2.3": ("Implementation and delivery", "Requires improvement", 0, 0),
        "2.4": ("Reviewing", "Inadequate", 0, 0),
        "3.1": ("Assessment", "Requires improvement", 0, 0),
        "3.2": ("Planning", "Inadequate", 0, 0),
        "3.3": ("Implementation and delivery", "Requires improvement", 0, 0),
        "3.4": ("Out-of-court disposal policy and provision", "Requires improvement", 0, 0),
    },
    "questions": {"2.1-q1": 31, "2.1-q2": 44},
    "question_names": {
        "2.1-q1": "Does assessment sufficiently analyse how to keep other people safe?",
    },
    "recommendations": [
        ("Penmarrow Youth Justice Partnership Board", "agree a plan to recruit permanent"),
        ("Penmarrow Youth Justice Partnership Board", "review every case of a child at high"),
        ("Head of Youth Justice", "make sure every child has an assessment"),
    ],
    "facts": set(),
    "glossary": [],
    "missing": [],
}

RATINGS_CASES = {
    "ratings-harrowfield-2021": HARROWFIELD,
    "ratings-mutated-cold-ashby-2023": COLD_ASHBY,
    "ratings-missing-standard-lowmoor-2021": LOWMOOR,
    "ratings-markdown-penmarrow-2024": PENMARROW,
}


def _check_ratings(report: Report, exp: dict) -> int:
    """Every value of a ratings report; returns how many values were asserted."""
    n = 0
    assert report.format == ReportFormat.RATINGS
    assert (report.id, report.area, report.published) == (exp["id"], exp["area"], exp["published"])
    n += 3
    overall = next(s for s in report.headline_scores if s.key == "overall")
    assert (overall.unit, overall.rating, overall.kind) == (
        Unit.RATING,
        exp["overall"],
        Role.HEADLINE,
    )
    assert overall.value == RATINGS.index(Rating(exp["overall"])) + 1
    points = next(s for s in report.headline_scores if s.key == "points")
    assert (points.unit, points.value, points.maximum) == (Unit.POINTS, *exp["points"])
    n += 2
    assert {s.number: s.name for s in report.sections} == exp["domains"]
    n += len(exp["domains"])
    got = {
        c.number: (c.name, c.score.rating, len(c.strengths), len(c.areas_for_improvement))
        for c in report.criteria
    }
    assert got == exp["standards"]
    n += 4 * len(exp["standards"])
    for c in report.criteria:
        assert c.score.unit == Unit.RATING and c.score.parent == c.number.split(".")[0]
        assert c.score.value == RATINGS.index(Rating(c.score.rating)) + 1
    # the points are the sum of the standards' ratings (3, 2, 1, 0)
    assert sum(POINTS[c.score.rating] for c in report.criteria) == exp["points"][0]
    n += 1
    questions = {s.key: s.value for s in report.measures if s.kind == Role.KEY_QUESTION}
    assert questions == exp["questions"]
    n += len(exp["questions"])
    for s in report.measures:
        assert s.unit == Unit.SHARE and s.parent == s.key.split("-")[0]
        assert s.name.endswith("?") and s.name[0].isupper()
    names = {s.key: s.name for s in report.measures}
    for key, name in exp["question_names"].items():
        assert names[key] == name
        n += 1
    recs = [(r.owner, r.text) for r in report.recommendations]
    assert len(recs) == len(exp["recommendations"])
    for (owner, text), (want_owner, want_start) in zip(recs, exp["recommendations"], strict=True):
        assert owner == want_owner and text.startswith(want_start), (owner, text)
        n += 2
    assert [r.position for r in report.recommendations] == list(range(1, len(recs) + 1))
    assert {(f.value, f.unit) for f in report.facts} >= exp["facts"]
    n += len(exp["facts"])
    assert [g.term for g in report.glossary] == exp["glossary"]
    n += len(exp["glossary"])
    assert report.missing == exp["missing"]
    n += 1
    return n


@pytest.mark.parametrize("name", RATINGS_CASES)
def test_ratings_reports(name):
    report = _read(name)
    assert _check_ratings(report, RATINGS_CASES[name]) > 30
    assert _cited_exactly(report) > 20


def test_ratings_standard_has_its_wording_and_lists():
    report = _read("ratings-harrowfield-2021")
    assert report.signatory == "Jonah Pelling, HM Chief Inspector of Probation"
    assert report.foreword[-1].text.startswith("Leaders have a clear vision")
    assert not any("Pelling" in p.text for p in report.foreword)
    c = report.criterion("2.2")
    assert c.general_criterion.startswith("Planning is well-informed, holistic and personalised")
    assert c.strengths[0].text == "Plans are written in language children can understand."
    assert [i.text for i in c.areas_for_improvement][
        -1
    ] == "Victims' wishes are not reflected in plans."
    assert c.score.source.quote == "Inadequate" and c.score.source.section == "2.2"
    assert report.glossary[1].definition == "The process of stopping offending"
    q = next(s for s in report.measures if s.key == "2.1-q3")
    assert q.source.quote.endswith("safe? 69%") and "\n" in q.source.quote  # a wrapped question


def test_ratings_reader_follows_structure_when_domains_are_reordered():
    text = (FORMATS / "ratings-harrowfield-2021.txt").read_text(encoding="utf-8")
    one = text.index("Domain one:")
    two = text.index("Domain two:")
    three = text.index("Domain three:")
    context = text.index("Contextual facts")
    shuffled = text[:one] + text[three:context] + text[two:three] + text[one:two] + text[context:]
    assert shuffled != text and len(shuffled) == len(text)
    report = read_report(shuffled)
    assert _check_ratings(report, HARROWFIELD) > 40
    _cited_exactly(report)


def test_ratings_missing_standard_is_listed_and_the_rest_read():
    report = _read("ratings-missing-standard-lowmoor-2021")
    assert report.missing == ["3.3"]
    assert report.criterion("3.3") is None and report.criterion("3.4").score.rating == "Inadequate"
    # without its overall rating and points too
    text = report.text.replace("Score 15/33\n", "").replace(
        "Overall rating: Requires improvement\n", ""
    )
    text = text.replace("was rated as: Requires improvement.", "was inspected.")
    bare = read_report(text)
    assert bare.format == ReportFormat.RATINGS
    assert bare.missing == ["overall rating", "points score", "3.3"]
    assert len(bare.criteria) == 11


# --- inspections of 2012-2017 ----------------------------------------------------------

EASTMERE = {
    "id": "eastmere-2014",
    "area": "Eastmere",
    "published": "November 2014",
    # key: (name, judgement, rank, area number, findings)
    "areas": {
        "reducing-reoffending": ("Reducing reoffending", "Satisfactory", 3, 1, 3),
        "protecting-the-public": ("Protecting the public", "Unsatisfactory", 4, 2, 4),
        "protecting-the-child": ("Protecting the child", "Good", 2, 3, 2),
        "ensuring-the-sentence-is-served": ("Ensuring the sentence is served", "Good", 2, 4, 2),
        "governance-and-partnerships": ("Governance and partnerships", "Poor", 5, 5, 3),
        "work-in-courts": ("Work in courts", "Satisfactory", 3, 6, 2),
    },
    # (number, owner, section, text start)
    "recommendations": [
        (1, "YOT Manager", "1", "make sure that every child who misuses alcohol"),
        (2, "YOT Manager", "2", "ensure that every assessment of risk of harm"),
        (3, "Chair of the YOT Management Board", "2", "agree with the police"),
        (4, "Chair of the YOT Management Board", "5", "produce an improvement plan"),
        (5, "Director of Children's Services", "5", "make sure board members from health"),
    ],
    "facts": {(212400.0, "people"), (9.6, "%"), (37.1, "%"), (52.0, "count"), (60.0, "count")},
    "glossary": ["ETE", "PSR", "YOT"],
}

REDBANK = {
    "id": "redbank-2016",
    "area": "Redbank",
    "published": "May 2016",
    "areas": {
        "protecting-the-child": ("Protecting the child", "Requires improvement", 4, 3, 2),
        "reducing-reoffending": ("Reducing reoffending", "Good", 2, 1, 4),
        "governance-and-leadership": ("Governance and leadership", "Satisfactory", 3, 4, 1),
        "protecting-the-public": ("Protecting the public", "Poor", 5, 2, 3),
    },
    "recommendations": [
        (1, "Head of Children's Services", "recommendations", "review every case where a child"),
        (2, "Chair of the Board", "recommendations", "make sure the board sees data"),
    ],
    "facts": {(19.0, "count"), (31.0, "count"), (12.0, "count")},
    "glossary": [],
}

AREA_CASES = {
    "inspection-2012-eastmere-2014": EASTMERE,
    "inspection-2012-mutated-redbank-2016": REDBANK,
}


def _check_areas(report: Report, exp: dict) -> int:
    n = 0
    assert report.format == ReportFormat.INSPECTION_2012
    assert (report.id, report.area, report.published) == (exp["id"], exp["area"], exp["published"])
    n += 3
    sections = {s.number: s for s in report.sections}
    got = {}
    for s in report.measures:
        assert (s.kind, s.unit) == (Role.AREA, Unit.RATING)
        section = sections[int(s.parent)]
        assert section.name == s.name
        got[s.key] = (s.name, s.rating, s.value, int(s.parent), len(section.findings))
    assert got == exp["areas"]
    n += 5 * len(exp["areas"])
    recs = [(r.number, r.owner, r.source.section, r.text) for r in report.recommendations]
    assert len(recs) == len(exp["recommendations"])
    for got_rec, (number, owner, section, start) in zip(recs, exp["recommendations"], strict=True):
        assert got_rec[:3] == (number, owner, section) and got_rec[3].startswith(start), got_rec
        n += 4
    assert {(f.value, f.unit) for f in report.facts} >= exp["facts"]
    n += len(exp["facts"])
    assert [g.term for g in report.glossary] == exp["glossary"]
    n += len(exp["glossary"])
    assert report.missing == []
    return n + 1


@pytest.mark.parametrize("name", AREA_CASES)
def test_areas_of_work_reports(name):
    report = _read(name)
    assert _check_areas(report, AREA_CASES[name]) > 20
    assert _cited_exactly(report) > 10


def test_area_findings_and_commentary_are_kept_apart():
    report = _read("inspection-2012-eastmere-2014")
    assert report.signatory == "Marian Holt, HM Chief Inspector of Probation"
    assert [p.text[:14] for p in report.foreword] == ["We inspected y", "The service ha"]
    child = report.section(3)
    assert [i.text for i in child.findings] == [
        "Workers knew the children well and spotted signs of harm quickly.",
        "Referrals to children's social care were made in every case that needed one.",
    ]
    assert [p.text for p in child.commentary] == [
        "The service worked closely with the local safeguarding board throughout the year."
    ]
    public = next(s for s in report.measures if s.key == "protecting-the-public")
    assert public.source.quote == "Our judgement: Unsatisfactory" and public.source.section == "2"
    reoffending = next(f for f in report.facts if f.value == 37.1)
    assert reoffending.compared_value == 35.4


def test_area_judged_only_in_the_summary_table_is_read_and_missing_findings_listed():
    text = (FORMATS / "inspection-2012-eastmere-2014.txt").read_text(encoding="utf-8")
    start, end = text.index("6. Work in courts"), text.index("\f\nContextual information")
    report = read_report(text[:start] + text[end:])
    courts = next(s for s in report.measures if s.key == "work-in-courts")
    assert courts.rating == "Satisfactory" and courts.source.section == "summary"
    assert courts.parent is None
    assert report.missing == ["findings for Work in courts"]


# --- Core Case Inspection variants -----------------------------------------------------

NORTHBRIDGE_PREVIOUS = {
    "safeguarding": (61, 43), "risk-of-harm": (57, 34), "likelihood-of-reoffending": (70, 52),
    "1.1": (54, 41), "1.2": (72, 55), "1.3": (60, 47), "2.1": (56, 39), "2.2": (74, 58),
    "2.3": (63, 50), "3.1": (58, 44), "3.2": (71, 60),
}  # fmt: skip
SOUTHFOLD_PREVIOUS = {
    "safeguarding": (61, 40, "2009 previous inspection: 40%"),
    "risk-of-harm": (57, 29, "last inspection (2009): 29%"),
    "likelihood-of-reoffending": (70, 48, "Earlier score (2009): 48%"),
}


def test_reinspection_previous_scores():
    report = _read("core-reinspection-northbridge-2011")
    assert report.format == ReportFormat.CORE_CASE and report.id == "northbridge-and-moorvale-2011"
    got = {
        s.key: (s.value, s.previous.value) for s in report.all_scores() if s.previous is not None
    }
    assert got == NORTHBRIDGE_PREVIOUS
    for s in report.all_scores():
        if s.previous:
            assert s.previous.year == 2010
            assert s.previous.source.quote == f"Previous score (2010): {s.previous.value}%"
            assert s.previous.source.section == s.source.section
    # overall section scores had no previous score printed
    assert all(s.overall.previous is None for s in report.sections)
    _cited_exactly(report)


def test_reinspection_previous_scores_follow_structure_not_wording():
    report = _read("core-reinspection-mutated-southfold-2011")
    assert report.id == "southfold-2011"
    got = {
        s.key: (s.value, s.previous.value, s.previous.source.quote)
        for s in report.all_scores()
        if s.previous is not None
    }
    assert got == SOUTHFOLD_PREVIOUS
    assert {s.previous.year for s in report.headline_scores} == {2009}
    _cited_exactly(report)


def _comparison(report: Report) -> dict[tuple[str, str], tuple[float, float]]:
    return {
        (f.sentence.split(":")[0], f.compared_with.split()[0]): (f.value, f.compared_value)
        for f in report.facts
        if f.source.section == "comparison"
    }


def test_comparison_table_facts():
    report = _read("core-comparison-wessex-vale-2011")
    got = _comparison(report)
    assert len(got) == 11 * 3
    assert got[("Safeguarding", "lowest")] == (64, 31)
    assert got[("Safeguarding", "highest")] == (64, 88)
    assert got[("Safeguarding", "average")] == (64, 63)
    assert got[("1.1 Risk of Harm to others", "average")] == (55, 56)
    assert got[("3.2 Sustaining outcomes", "lowest")] == (73, 41)
    # the area's own column agrees with its own scores
    for (name, _), (own, _) in got.items():
        number = name.split()[0]
        score = report.criterion(number) if re.fullmatch(r"\d\.\d", number) else None
        if score:
            assert score.score.value == own
    fact = next(f for f in report.facts if f.source.section == "comparison")
    assert fact.compared_with == "lowest of areas inspected so far"
    assert fact.source.quote.startswith("Safeguarding") and fact.source.quote.endswith("64%")
    # the rest of the report is read as before
    assert [s.value for s in report.headline_scores] == [64, 57, 78]
    assert len(report.criteria) == 8
    _cited_exactly(report)


def test_comparison_table_with_columns_reordered_and_renamed():
    got = _comparison(_read("core-comparison-mutated-wessex-vale-2011"))
    assert got == {
        ("Safeguarding", "lowest"): (64, 35),
        ("Safeguarding", "highest"): (64, 90),
        ("Safeguarding", "average"): (64, 66),
        ("Risk of Harm to others", "lowest"): (57, 30),
        ("Risk of Harm to others", "highest"): (57, 87),
        ("Risk of Harm to others", "average"): (57, 61),
        ("Likelihood of Reoffending", "lowest"): (78, 47),
        ("Likelihood of Reoffending", "highest"): (78, 89),
        ("Likelihood of Reoffending", "average"): (78, 69),
    }


def test_sample_and_variants_read_as_before(sample_report, fictional_report):
    from ingest.parse import parse_report

    for path, parsed in ((SAMPLE, sample_report), (FICTIONAL, fictional_report)):
        read = read_report(path.read_text(encoding="utf-8"), source_path=str(path))
        assert read.format == ReportFormat.CORE_CASE and read.format_confidence >= 0.9
        assert read.criteria == parsed.criteria and read.headline_scores == parsed.headline_scores
        assert read.glossary == parsed.glossary
    for path in sorted(VARIANTS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        read = read_report(text)
        assert read.criteria == parse_report(text).criteria
        assert read.format == ReportFormat.CORE_CASE


# --- any other document ----------------------------------------------------------------


def test_general_thematic_report():
    report = _read("general-thematic-resettlement-2019")
    assert report.format == ReportFormat.GENERAL and report.format_confidence >= 0.9
    assert report.title == "The Journey Home: resettlement of children leaving custody"
    assert report.id == "the-journey-home-resettlement-of-children-2019"
    assert (report.published, report.year) == ("February 2019", 2019)
    assert [s.name for s in report.sections] == [
        "The Journey Home: resettlement of children leaving custody",
        "A thematic inspection by HM Inspectorate of Probation",
        "Introduction",
        "What we found",
        "Conclusions",
        "Recommendations",
    ]
    by_heading: dict[str, list[str]] = {}
    for p in report.body:
        by_heading.setdefault(p.source.heading, []).append(p.text)
    assert len(by_heading["What we found"]) == 3
    assert by_heading["Conclusions"] == [
        "Planning for release started too late. Services worked hard once a child was home, "
        "but the first days after release were left to chance."
    ]
    assert [(g.term, g.definition) for g in report.glossary] == [
        ("ETE", "Education, training and employment"),
        ("ROTL", "Release on temporary licence"),
        ("Resettlement", "The help a child is given to settle back into the community"),
    ]
    assert {(f.value, f.unit) for f in report.facts} >= {
        (48.0, "count"),
        (27.0, "count"),
        (11.0, "count"),
        (58.0, "%"),
        (71.0, "%"),
    }
    assert report.criteria == [] and report.headline_scores == [] and report.missing == []
    assert [(r.owner, r.text[:40], r.source.section) for r in report.recommendations] == [
        ("Youth offending services", "Youth offending services should begin pl", "recommendations")
    ]
    assert _cited_exactly(report) >= 15


def test_a_general_document_lists_its_recommendations_with_who_should_act():
    text = (
        "Annual review of the Fenwick Youth Partnership\n\n"
        "This is a made-up annual review written for tests.\n\n"
        "Our recommendations\n\n"
        "1. The partnership board should publish its minutes within a month\n"
        "of each meeting.\n"
        "2. Team managers should check every plan before it is signed off.\n"
        "3. Every plan is to be read by a second worker.\n\n"
        "What comes next\n\n"
        "The board meets again in the spring.\n"
    )
    report = read_report(text)
    assert report.format == ReportFormat.GENERAL
    assert [(r.position, r.number, r.owner) for r in report.recommendations] == [
        (1, 1, "The partnership board"),
        (2, 2, "Team managers"),
        (3, 3, None),  # names no one: no owner is made up
    ]
    assert report.recommendations[0].text.endswith("within a month of each meeting.")
    for r in report.recommendations:
        assert text[r.source.start : r.source.start + len(r.source.quote)] == r.source.quote
    # the section's paragraphs stay in the body for retrieval
    assert any(p.source.heading == "Our recommendations" for p in report.body)


def test_general_improvement_plan():
    report = _read("general-improvement-plan-westbury-2023")
    assert report.format == ReportFormat.GENERAL
    assert report.title == "Westbury Youth Justice Partnership"
    assert (report.id, report.year, report.published) == (
        "westbury-youth-justice-partnership-2023",
        2023,
        "January 2023",
    )
    assert [s.name for s in report.sections][2:] == [
        "Purpose",
        "Action 1: Planning to keep other people safe",
        "Action 2: Out-of-court disposals",
        "Progress so far",
    ]
    action = next(p for p in report.body if p.source.heading.startswith("Action 1"))
    assert action.text.startswith("Every plan will name the actions")
    assert {(f.value, f.unit) for f in report.facts} >= {(10.0, "count"), (6.0, "count")}
    assert report.glossary == []
    _cited_exactly(report)


def test_any_text_is_read_and_only_wordless_text_refused():
    recipe = "Pancakes\n\nMix 100g flour with 2 eggs and 300ml milk.\n"
    report = read_report(recipe)
    assert report.format == ReportFormat.GENERAL and report.title == "Pancakes"
    assert report.body[0].text == "Mix 100g flour with 2 eggs and 300ml milk."
    one_line = read_report("A single line of notes without any heading at all")
    assert one_line.body and one_line.format == ReportFormat.GENERAL
    for nothing in ("", "   \n\n", "12 34 56\n--- *** ---\n", "%%% 42 %%%"):
        with pytest.raises(NoUsableTextError, match="no usable text"):
            read_report(nothing)


# --- detection -------------------------------------------------------------------------

DETECTED = {
    "ratings-harrowfield-2021": ReportFormat.RATINGS,
    "ratings-mutated-cold-ashby-2023": ReportFormat.RATINGS,
    "ratings-missing-standard-lowmoor-2021": ReportFormat.RATINGS,
    "ratings-markdown-penmarrow-2024": ReportFormat.RATINGS,
    "inspection-2012-eastmere-2014": ReportFormat.INSPECTION_2012,
    "inspection-2012-mutated-redbank-2016": ReportFormat.INSPECTION_2012,
    "core-reinspection-northbridge-2011": ReportFormat.CORE_CASE,
    "core-reinspection-mutated-southfold-2011": ReportFormat.CORE_CASE,
    "core-comparison-wessex-vale-2011": ReportFormat.CORE_CASE,
    "core-comparison-mutated-wessex-vale-2011": ReportFormat.CORE_CASE,
    "general-thematic-resettlement-2019": ReportFormat.GENERAL,
    "general-improvement-plan-westbury-2023": ReportFormat.GENERAL,
}


def test_every_fixture_is_listed():
    assert {p.stem for p in FORMATS.glob("*.txt")} == set(DETECTED)


@pytest.mark.parametrize("name", DETECTED)
def test_detection(name):
    text = (FORMATS / f"{name}.txt").read_text(encoding="utf-8")
    ranked = detect(text)
    (best, score), (_, second) = ranked[0], ranked[1]
    assert best.format == DETECTED[name]
    assert score >= 0.8 and score - second >= 0.3, ranked
    report = read_report(text)
    assert (report.format, report.format_confidence) == (DETECTED[name], score)


def test_sample_and_variants_detected_as_core_case(sample_text, fictional_text):
    texts = [sample_text, fictional_text] + [
        p.read_text(encoding="utf-8") for p in sorted(VARIANTS.glob("*.txt"))
    ]
    for text in texts:
        best, score = detect(text)[0]
        assert best.format == ReportFormat.CORE_CASE and score >= 0.9


def test_a_core_case_lookalike_without_scores_falls_back_to_general():
    text = "Core Case Inspection of youth offending work\n\nNotes\nWe met the team on Monday.\n"
    report = read_report(text)
    assert report.format == ReportFormat.GENERAL
    assert report.format_confidence < 0.9


# --- through a PDF: no blank lines, page numbers in every citation ----------------------

_LATIN1 = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-", "•": "-"})


def _pdf(path: Path, out: Path) -> Path:
    from fpdf import FPDF

    text = path.read_text(encoding="utf-8")
    # pages break at form feeds, or where a page's first line is indented by a space
    pages = text.split("\f") if "\f" in text else re.split(r"\n(?= \S)", text)
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    for page in pages:
        pdf.add_page()
        latin = page.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")
        pdf.multi_cell(0, 5, latin.strip("\n"))
    target = out / f"{path.stem}.pdf"
    target.write_bytes(bytes(pdf.output()))
    return target


def _values(report: Report) -> dict:
    """What a reader found, in a form comparable between the text and the PDF."""

    def norm(s: str | None) -> str | None:
        return " ".join(s.translate(_LATIN1).split()) if s is not None else None

    return {
        "format": report.format,
        "id": report.id,
        "scores": [(s.key, s.value, s.rating, s.maximum) for s in report.all_scores()],
        "previous": [(s.key, s.previous.value) for s in report.all_scores() if s.previous],
        "criteria": [
            (c.number, len(c.strengths), len(c.areas_for_improvement)) for c in report.criteria
        ],
        "sections": [(s.number, norm(s.name), len(s.findings)) for s in report.sections],
        "recommendations": [(norm(r.owner), norm(r.text)) for r in report.recommendations],
        "glossary": [norm(g.term) for g in report.glossary],
        "comparison": _comparison(report),
        "missing": report.missing,
    }


@pytest.mark.parametrize("name", DETECTED)
def test_pdf_round_trip(name, tmp_path):
    from ingest.load import load_file

    path = FORMATS / f"{name}.txt"
    loaded = load_file(_pdf(path, tmp_path), 20 * 1024 * 1024)
    assert "\n\n" not in loaded.text.strip()  # the point of the exercise
    assert len(loaded.page_starts) >= 2
    report = read_report(loaded.text, str(path), loaded.page_starts)
    assert _values(report) == _values(_read(name))
    for s in all_sources(report):
        assert report.text[s.start : s.start + len(s.quote)] == s.quote
        assert s.page is not None and 1 <= s.page <= len(loaded.page_starts)
        assert loaded.page_starts[s.page - 1] <= s.start


def test_pdf_pages_are_cited(tmp_path):
    from ingest.load import load_file

    loaded = load_file(_pdf(FORMATS / "ratings-harrowfield-2021.txt", tmp_path), 1 << 24)
    report = read_report(loaded.text, None, loaded.page_starts)
    assert next(s for s in report.headline_scores if s.key == "points").source.page == 2
    assert {r.source.page for r in report.recommendations} == {3}
    assert report.criterion("1.1").score.source.page == 4
    assert report.criterion("2.2").score.source.page == 5
    assert report.criterion("3.4").areas_for_improvement[0].source.page == 6
    assert report.glossary[0].source.page == 7


def test_ratings_tables_read_by_cells_and_numbers_with_a_full_stop():
    """Shares printed on the line after their question (a table read cell by cell) and
    standards numbered "1.1." read the same."""
    text = (FORMATS / "ratings-harrowfield-2021.txt").read_text(encoding="utf-8")
    cells = re.sub(r"\? (\d+%)\n", r"?\n\1\n", text)
    cells = re.sub(r"^(\d\.\d) ", r"\1. ", cells, flags=re.M)
    assert cells.count("?\n") >= 21 and "\n2.2. Planning\n" in cells
    report = read_report(cells)
    assert _check_ratings(report, HARROWFIELD) > 40
    _cited_exactly(report)


def test_comparison_table_with_the_own_column_unlabelled():
    text = (FORMATS / "core-comparison-wessex-vale-2011.txt").read_text(encoding="utf-8")
    text = text.replace("Average   Wessex Vale\n", "Average\n")
    got = _comparison(read_report(text))
    assert len(got) == 33 and got[("Safeguarding", "average")] == (64, 63)
    assert got[("2.2 Reducing reoffending", "highest")] == (81, 94)


def test_text_without_breaks_is_read_in_bounded_pieces():
    """A file with no paragraph breaks is cut into paragraphs and items of at most
    MAX_LINES lines, so cleaning them stays linear in the file's length."""
    from ingest.readers.layout import MAX_LINES

    prose = read_report("Notes\n" + "the work went on and on without a stop\n" * 500)
    assert len(prose.body) == -(-500 // MAX_LINES)
    assert all(p.source.quote.count("\n") < MAX_LINES for p in prose.body)
    listed = read_report("Key findings\n- one long finding\n" + "that goes on\n" * 300)
    quotes = [p.source.quote for p in listed.body]
    assert quotes and all(q.count("\n") < MAX_LINES for q in quotes)
    _cited_exactly(prose)
    _cited_exactly(listed)


WORD_TEXT = (
    "Youth Justice Plan 2024 to 2025\n"
    "Introduction\n"
    "This plan sets out how the partnership will keep children safe and reduce offending over "
    "the next year, and how the board will know whether it is working as intended.\n"
    "The partnership met 11 times last year and agreed four priorities with children and their "
    "families, schools, the police and health services across the whole of the county area.\n"
    "Priorities\n"
    "First, every child diverted from court will be offered the same help as a child who is "
    "sentenced, and 90% of them will be seen within five working days of the decision panel.\n"
)


def test_word_processor_text_keeps_one_paragraph_per_line():
    report = read_report(WORD_TEXT)
    assert report.format == ReportFormat.GENERAL
    assert report.title == "Youth Justice Plan 2024 to 2025"
    assert [s.name for s in report.sections] == [report.title, "Introduction", "Priorities"]
    assert [(p.source.heading, p.text[:20]) for p in report.body] == [
        ("Introduction", "This plan sets out h"),
        ("Introduction", "The partnership met "),
        ("Priorities", "First, every child d"),
    ]
    assert {(f.value, f.unit) for f in report.facts} >= {(4.0, "count"), (90.0, "%")}
    _cited_exactly(report)

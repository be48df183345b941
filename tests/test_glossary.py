"""Glossary parsing: normal `TERM definition` entries and the pulled-apart two-column part."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from ingest.glossary import acronym_score, find_term_run, parse_glossary, split_terms
from ingest.model import Source
from ingest.text.layout import clean_text, split_lines

SAMPLE_STARTS = {
    "ASB": "Antisocial behaviour / Antisocial Behaviour Order",
    "ASBO": "Antisocial behaviour / Antisocial Behaviour Order",
    "Asset": "A structured assessment tool based on research",
    "Careworks": "One of the two electronic case management systems",
    "DTO": "Detention & Training Order",
    "Estyn": "HM Inspectorate for Education and Training in Wales",
    "HM": "Her Majesty’s",
    "HMI Prisons": "HM Inspectorate of Prisons",
    "HMI Probation": "HM Inspectorate of Probation",
    "ISSP": "Intensive Supervision & Surveillance Programme",
    "LoR": "Likelihood of Reoffending. See also constructive Interventions",
    "LSC": "Learning and Skills Council",
    "LSCB": "Local Safeguarding Children Board - set up in each local authority",
    "MAPPA": "Multi-Agency Public Protection Arrangements",
    "MAPPP": "Multi-agency Public Protection Panel",
    "Ofsted": "Office for Standards in Education",
    "PCT": "Primary Care Trust",
    "PPO": "‘Prolific and other Priority Offender’",
    "Pre-CAF": "This is a simple ‘Request for Service’",
    "PSR": "Pre-Sentence report - for a Court",
    "Reoffending after 9 months": "A measure used by the YJB",
    "RMP": "Risk management plan. A plan to minimise the individual’s RoH",
    "RoH": "Risk of Harm to others. See also restrictive Interventions",
    "RoH work": "This is the term generally used by HMI Probation",
    "RoSH": "“Risk of Serious Harm”",
    "SIFA": "Screening Interview for Adolescents",
    "SQIFA": "Screening Questionnaire Interview for Adolescents",
    "VMP": "Vulnerability management plan",
    "YJB": "Youth Justice Board for England & Wales",
    "YOI": "Young Offenders Institution",
    "YOIS+": "Youth Offending Information System",
    "YOS/T": "Youth Offending Service / Team",
}

FICTIONAL_STARTS = {
    "ABC": "Acceptable Behaviour Contract / Acceptable Behaviour Contract Document",
    "ABCD": "Acceptable Behaviour Contract / Acceptable Behaviour Contract Document",
    "Asset": "A structured assessment tool",
    "CPS": "Crown Prosecution Service",
    "DAT": "Drug Action Team",
    "ETE": "Employment, training and education",
    "HMI Probation": "HM Inspectorate of Probation",
    "LoR": "Likelihood of Reoffending",
    "LAC": "Looked After Child",
    "MAPPA": "Multi-Agency Public Protection Arrangements",
    "NEET": "Not in Education, Employment or Training",
    "PSR": "Pre-Sentence report - for a Court",
    "Scaled Approach": "The framework by which YOTs match the intensity",
    "RMP": "Risk management plan. A plan to minimise the individual’s RoH",
    "RoH": "Risk of Harm to others.",
    "RoSH": "“Risk of Serious Harm”, a term used in Asset.",
    "VMP": "Vulnerability management plan",
    "YJB": "Youth Justice Board for England & Wales",
    "YOT": "Youth Offending Team",
}


def lookup(report, term: str):
    found = [g for g in report.glossary if term in g.terms]
    assert len(found) == 1, (term, [g.term for g in report.glossary])
    return found[0]


@pytest.mark.parametrize(
    ("fixture", "starts"),
    [("sample_report", SAMPLE_STARTS), ("fictional_report", FICTIONAL_STARTS)],
)
def test_definitions_start_right(request, fixture, starts):
    report = request.getfixturevalue(fixture)
    for term, start in starts.items():
        assert lookup(report, term).definition.startswith(start), term


@pytest.mark.parametrize("fixture", ["sample_report", "fictional_report"])
def test_glossary_sources(request, fixture):
    report = request.getfixturevalue(fixture)
    assert report.glossary
    for g in report.glossary:
        s = g.source
        assert s.section == "glossary" and s.heading == g.term
        assert report.text[s.start : s.start + len(s.quote)] == s.quote
        assert g.definition and g.terms and "\n" not in g.term
        # the quote holds the start of the definition, raw
        assert s.quote.split()[0] in g.definition.split()[0] or g.term.startswith("Interventions")


def test_sample_order_and_count(sample_report):
    terms = [g.term for g in sample_report.glossary]
    assert terms[:3] == ["ASB / ASBO", "Asset", "CAF"]
    run = terms[terms.index("MAPPA") :]
    assert run == [
        "MAPPA", "MAPPP", "Ofsted", "PCT", "PPO", "Pre-CAF", "PSR",
        "Reoffending after 9 months", "RMP", "RoH", "RoH work, or Risk of Harm work",
        "RoSH", "SIFA", "SQIFA", "VMP", "YJB", "YOI", "YOIS+", "YOS/T",
    ]  # fmt: skip
    assert len(terms) == len(set(terms)) == 38


def test_sample_continuations(sample_report):
    lscb = lookup(sample_report, "LSCB").definition
    assert lscb.endswith(
        "the multiagency work to safeguard and promote the welfare of children in that locality."
    )
    assert "\n" not in lscb
    assert lookup(sample_report, "Careworks").definition.endswith("See also YOIS+")
    assert lookup(sample_report, "DTO").definition.endswith("for the young")


def test_sample_multi_paragraph_definitions(sample_report):
    reoffending = lookup(sample_report, "Reoffending after 9 months").definition
    first, second = reoffending.split("\n\n")
    assert first.endswith("either more or less than 100%.")
    assert second.startswith("“110%”” would therefore mean") or "110%" in second[:12]
    assert second.endswith("was 85%")

    interventions = [g for g in sample_report.glossary if g.term.startswith("Interventions")]
    assert len(interventions) == 1
    entry = interventions[0]
    assert "Interventions" in entry.terms
    assert entry.term.startswith("Interventions; constructive and restrictive")
    paragraphs = entry.definition.split("\n\n")
    assert paragraphs[0] == (
        "Work with an individual that is designed to change their offending behaviour "
        "and/or to support public protection."
    )
    assert (
        "A constructive intervention is where the primary purpose is to reduce Likelihood of "
        "Reoffending." in paragraphs
    )
    assert paragraphs[-1] == "NB Both types of intervention are important."
    assert not any(g.term == "NB" for g in sample_report.glossary)


def test_sample_rmp_roh_split_on_adjacent_lines(sample_report):
    assert lookup(sample_report, "RMP").definition == (
        "Risk management plan. A plan to minimise the individual’s RoH"
    )
    assert lookup(sample_report, "RoH").definition == (
        "Risk of Harm to others. See also restrictive Interventions"
    )
    both = lookup(sample_report, "Risk of Harm work")
    assert both.terms == ["RoH work", "Risk of Harm work"]


def test_fictional_glossary(fictional_report):
    assert len(fictional_report.glossary) == 18
    assert sum(len(g.terms) for g in fictional_report.glossary) == 19  # ABC / ABCD is one entry
    assert lookup(fictional_report, "LAC").definition.endswith(
        "work with the child's social worker to agree a single plan for the child."
    )
    scaled = lookup(fictional_report, "Scaled Approach").definition.split("\n\n")
    assert len(scaled) == 2 and scaled[1].startswith("It replaced the earlier approach")
    assert lookup(fictional_report, "DAT").definition.endswith("See also YOT")
    assert lookup(fictional_report, "PSR").definition == "Pre-Sentence report - for a Court"


# --- the algorithm on glossaries it has never seen ---------------------------------------

ENTRIES = [
    ("ADHD", ["Attention Deficit Hyperactivity Disorder"]),
    ("CJS", ["Criminal Justice System: the courts, police, prisons and probation."]),
    ("DYO", ["Detention of Young Offenders, a made-up term used only in this test."]),
    (
        "“Tier Two\nwork”",
        [
            "Work with moderate intensity, set after the assessment is complete.",
            "It is reviewed\nevery three months.",
        ],
    ),
    ("NFA", ["No Further Action"]),
    ("OASys", ["Offender Assessment System, used for adults."]),
    ("PNC", ["Police National Computer"]),
    ("TWOC", ["Taking Without Owner's Consent"]),
]


def _pulled_apart(lead: str) -> str:
    """A glossary whose second half lists the terms first and the definitions after."""
    terms = "\n\n".join(t for t, _ in ENTRIES)
    defs = "\n\n".join("\n\n".join(d) for _, d in ENTRIES)
    return f"{lead}\n {terms}\n\n{defs}\n"


def _parse(text: str):
    def source(heading: str, start: int, end: int) -> Source:
        return Source("glossary", heading, text[start:end], start)

    return parse_glossary(text, split_lines(text), source)


def test_realigns_an_unseen_pulled_apart_glossary():
    text = _pulled_apart(
        "ABH Actual Bodily Harm\nACE Adverse Childhood Experience: an event in childhood\n"
        "that can affect\n\nlater health and behaviour"
    )
    entries = _parse(text)
    by_term = {g.term: g.definition for g in entries}
    assert list(by_term) == ["ABH", "ACE"] + [t.replace("\n", " ").strip("“”") for t, _ in ENTRIES]
    assert by_term["ACE"].endswith("can affect later health and behaviour")
    assert by_term["Tier Two work"].split("\n\n")[1] == "It is reviewed every three months."
    for term, defs in ENTRIES:
        key = term.replace("\n", " ").strip("“”")
        assert by_term[key].startswith(defs[0].split()[0]), key
    for g in entries:
        assert text[g.source.start : g.source.start + len(g.source.quote)] == g.source.quote


def test_realigns_when_the_run_continues_a_definition():
    text = _pulled_apart("ZZQ Zebra Zone Quarter - set up in each\nlocal area to")
    lines = text.split("\n")
    # put the continuation of ZZQ at the top of the definition run
    first_def = lines.index(ENTRIES[0][1][0])
    lines.insert(first_def, "coordinate the zebras.\n")
    entries = _parse("\n".join(lines))
    by_term = {g.term: g.definition for g in entries}
    assert (
        by_term["ZZQ"] == "Zebra Zone Quarter - set up in each local area to coordinate the zebras."
    )
    assert by_term["ADHD"] == "Attention Deficit Hyperactivity Disorder"


def test_find_term_run_needs_three_terms():
    assert find_term_run(split_lines("See also\nYOIS+\n\nCRB Criminal Records Bureau")) is None
    run = find_term_run(split_lines("text to\n MAPPA\n\nMAPPP\nOfsted\n\nA definition."))
    assert run is not None and [g[0].text for g in run[2]] == ["MAPPA", "MAPPP", "Ofsted"]


@pytest.mark.parametrize(
    ("term", "definition", "at_least", "at_most"),
    [
        ("RoSH", "“Risk of Serious Harm”, a term used in Asset.", 1.0, 1.0),
        ("SIFA", "Screening Interview for Adolescents (Youth", 1.0, 1.0),
        ("VMP", "Vulnerability management plan. A plan", 1.0, 1.0),
        ("YOIS+", "Youth Offending Information System: One of", 1.0, 1.0),
        ("MAPPA", "Multi-Agency Public Protection Arrangements: where", 1.0, 1.0),
        ("HMIC", "HM Inspectorate of Constabulary", 1.0, 1.0),
        ("NEET", "Not in Education, Employment or Training", 1.0, 1.0),
        ("RoSH", "Screening Interview for Adolescents", 0.0, 0.4),
        ("NB", "Both types of intervention are important.", 0.0, 0.5),
        ("PSR", "A measure used by the YJB.", 0.0, 0.5),
    ],
)
def test_acronym_score(term, definition, at_least, at_most):
    assert at_least <= acronym_score(term, definition.split()) <= at_most


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("ASB / ASBO", ["ASB", "ASBO"]),
        ("ABC / ABCD", ["ABC", "ABCD"]),
        ("YOS/T", ["YOS/T"]),
        ("RoH work, or Risk of Harm work", ["RoH work", "Risk of Harm work"]),
        (
            "Interventions; constructive and restrictive",
            ["Interventions", "constructive and restrictive"],
        ),
        ("HMI Prisons", ["HMI Prisons"]),
    ],
)
def test_split_terms(term, expected):
    assert split_terms(term) == expected


def test_terms_on_their_own_lines_alternating_with_definitions():
    """A two-column table read row by row: each term alone, its definition below it."""
    text = (
        "ETE\nEmployment, training and education\n\nRoSH\nRisk of Serious Harm, a term used "
        "in Asset\nScaled Approach\nThe framework by which YOTs match the intensity of their\n"
        "work to the assessed risk. See also\nYOT\n\nYJB\nYouth Justice Board for England and "
        "Wales\n"
    )
    entries = {g.term: g.definition for g in _parse(text)}
    assert entries == {
        "ETE": "Employment, training and education",
        "RoSH": "Risk of Serious Harm, a term used in Asset",
        "Scaled Approach": "The framework by which YOTs match the intensity of their work to "
        "the assessed risk. See also YOT",
        "YJB": "Youth Justice Board for England and Wales",
    }


def test_a_colon_after_the_term():
    entries = _parse("RoSH: Risk of Serious Harm\n\nVMP: Vulnerability management plan\n")
    assert [(g.term, g.definition) for g in entries] == [
        ("RoSH", "Risk of Serious Harm"),
        ("VMP", "Vulnerability management plan"),
    ]
    for g in entries:
        assert g.source.quote.split()[0] == g.definition.split()[0]


def test_alphabetical_order_parts_entries_without_blank_lines():
    text = (
        "ASB / ASBO Antisocial behaviour / Antisocial Behaviour Order of the kind made by\n"
        "a court under the 1998 Act to stop repeated harassment of neighbours\n"
        "Asset A structured assessment tool developed by the Youth Justice Board for\n"
        "use with every young person\n"
        "CAMHS Child and Adolescent Mental Health Services: part of the\n"
        "National Health Service, providing specialist services\n"
        "DTO Detention and Training Order\n"
    )
    entries = {g.term: g.definition for g in _parse(text)}
    assert list(entries) == ["ASB / ASBO", "Asset", "CAMHS", "DTO"]
    assert entries["CAMHS"].endswith(
        "part of the National Health Service, providing specialist services"
    )


# --- every definition a faithful reading of the text ---------------------------------------


def _word_counts(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.casefold()))


def _glossary_body(report) -> str:
    first = min(g.source.start for g in report.glossary)
    return report.text[report.text.rfind("Glossary", 0, first) + len("Glossary") :]


@pytest.mark.parametrize("fixture", ["sample_report", "fictional_report"])
def test_every_definition_reads_its_own_quotes(request, fixture):
    """Each definition says what its quoted stretches say, no more and no less (after the
    same cleaning), and every word of the glossary belongs to exactly one term or one quote:
    a term column's words merged into a definition, or a paragraph dropped, fails here."""
    report = request.getfixturevalue(fixture)
    quoted: Counter = Counter()
    for g in report.glossary:
        spans = g.sources()
        assert spans[0] == g.source
        for s in spans:
            assert report.text[s.start : s.start + len(s.quote)] == s.quote
            assert s.quote == s.quote.strip() and s.section == "glossary"
        read = " ".join(clean_text(s.quote) for s in spans)
        assert _word_counts(read) == _word_counts(g.definition), g.term
        quoted += _word_counts(g.term) + _word_counts(" ".join(s.quote for s in spans))
    assert quoted == _word_counts(_glossary_body(report))


def test_sample_interventions_reads_as_written(sample_report):
    entry = lookup(sample_report, "Interventions")
    assert entry.term == "Interventions; constructive and restrictive interventions"
    assert entry.definition.split("\n\n") == [
        "Work with an individual that is designed to change their offending behaviour and/or "
        "to support public protection.",
        "A constructive intervention is where the primary purpose is to reduce Likelihood of "
        "Reoffending.",
        "A restrictive intervention is where the primary purpose is to keep to a minimum the "
        "individual’s Risk of Harm to others.",
        "Example: with a sex offender, a constructive intervention might be to put them "
        "through an accredited sex offender programme; a restrictive intervention (to "
        "minimise their Risk of Harm) might be to monitor regularly and meticulously their "
        "accommodation, their employment and the places they frequent, imposing and "
        "enforcing clear restrictions as appropriate to each case.",
        "NB Both types of intervention are important.",
    ]
    quotes = [s.quote for s in entry.sources()]
    # the term column's words stand between the stretches, never inside one
    assert quotes[:3] == [
        "Work with an individual that is designed to change their",
        "offending behaviour and/or to support public protection.",
        "A constructive intervention is where the primary purpose is to",
    ]
    assert quotes[3].startswith("reduce Likelihood of Reoffending.\n\nA restrictive")
    assert quotes[-1].endswith("NB Both types of intervention are important.")
    for word in ("constructive and", "restrictive\n", "interventions\n"):
        assert not any(q.startswith(word) or f"\n{word}" in q for q in quotes), word


def test_sample_multi_paragraph_quotes_hold_every_paragraph(sample_report):
    reoffending = lookup(sample_report, "Reoffending after 9 months")
    (quote,) = [s.quote for s in reoffending.sources()]
    assert quote.startswith("A measure used by the") and quote.endswith("early 2009 was 85%")
    # LSCB goes on after the run of terms: two stretches, each quoted where it stands
    lscb = [s.quote for s in lookup(sample_report, "LSCB").sources()]
    assert len(lscb) == 2 and lscb[1].startswith("safeguard and promote the welfare")


INTERLEAVED = """Glossary

ABC Acceptable Behaviour Contract: a written agreement between
a child, their family and the local agencies about how the
child will behave.

Assessments; Work done at the start of an order to understand
initial and the child and their family, and to plan what happens next.
review

! - An initial assessment is made within fifteen working days of
assessments

the order and looks at every part of the child's life.

A review assessment follows any significant change in the
child's life or circumstances, and at least every three months.

NB Both kinds of assessment are recorded in the case record.

CPS Crown Prosecution Service, which decides whether a case goes
to court and presents the case for the prosecution.

DAT Drug Action Team: the local partnership that plans and pays
for drug services for children and adults in the area.

It reports each year to the community safety partnership;
the report sets out what was spent and what was achieved.

It is chaired by the director of public health.

Reparation; Work by a child to put right the harm done to a
or the community; it may be direct or indirect.

YOT Youth Offending Team
"""


def test_an_interleaved_two_column_term_is_taken_out_of_its_definition():
    entries = {g.term: g for g in _parse(INTERLEAVED)}
    entry = entries["Assessments; initial and review assessments"]
    assert entry.terms == ["Assessments", "initial and review assessments"]
    assert entry.definition.split("\n\n") == [
        "Work done at the start of an order to understand the child and their family, "
        "and to plan what happens next.",
        "An initial assessment is made within fifteen working days of the order and looks "
        "at every part of the child's life.",
        "A review assessment follows any significant change in the child's life or "
        "circumstances, and at least every three months.",
        "NB Both kinds of assessment are recorded in the case record.",
    ]
    quotes = [s.quote for s in entry.sources()]
    assert quotes[:3] == [
        "Work done at the start of an order to understand",
        "the child and their family, and to plan what happens next.",
        "An initial assessment is made within fifteen working days of",
    ]
    assert quotes[3].endswith("recorded in the case record.")
    for s in entry.sources():
        assert INTERLEAVED[s.start : s.start + len(s.quote)] == s.quote


def test_a_line_as_wide_as_the_column_keeps_its_first_words():
    """`or the community` opens a line no wider than the definition column: it is the
    definition's own text, though the term before it is left open."""
    entries = {g.term: g for g in _parse(INTERLEAVED)}
    assert entries["Reparation;"].definition == (
        "Work by a child to put right the harm done to a or the community; it may be direct "
        "or indirect."
    )
    assert len(entries["Reparation;"].sources()) == 1


def test_a_definition_keeps_all_of_its_paragraphs():
    entries = {g.term: g for g in _parse(INTERLEAVED)}
    dat = entries["DAT"]
    assert dat.definition.split("\n\n") == [
        "Drug Action Team: the local partnership that plans and pays for drug services for "
        "children and adults in the area.",
        "It reports each year to the community safety partnership; the report sets out what "
        "was spent and what was achieved.",
        "It is chaired by the director of public health.",
    ]
    (quote,) = [s.quote for s in dat.sources()]
    assert quote.startswith("Drug Action Team") and quote.endswith("director of public health.")
    assert entries["YOT"].definition == "Youth Offending Team"

"""Numeric facts: values, units, sentences, sources and comparisons."""

from __future__ import annotations

import re

import pytest

from ingest.facts import Passage, extract_facts
from ingest.model import Source
from ingest.text.sentences import sentence_spans as sentences

# (value, unit, section, compared_value or None, phrase in the sentence)
SAMPLE = [
    (283000, "people", "context", None, "population of 283,000"),
    (11.2, "%", "context", 10.4, "11.2% of which were aged"),
    (1.6, "%", "context", 8.7, "black and minority ethnic heritage (1.6%)"),
    (38, "per 1,000", "context", 46, "at 38 per 1,000"),
    (88, "%", "context", 72, "education, training or employment was 88%"),
    (97, "%", "context", 95, "by the end of the sentence was 97%"),
    (64, "%", "context", 85, "was 64%, which was better"),
    (38, "%", "foreword", None, "done well enough 38% of the time"),
    (7, "count", "foreword", None, "Seven of the eight inspection criteria"),
    (8, "count", "foreword", None, "Seven of the eight inspection criteria"),
    (4, "count", "1.1", None, "each of the four cases"),
    (28, "%", "1.1", None, "In 28% of cases"),
    (9, "count", "1.3", None, "vulnerability plan in nine of the cases inspected"),
    (2, "count", "1.3", None, "In only two cases"),
    (81, "%", "1.2", None, "82% and 81% of cases respectively"),
    (9, "count", "1", None, "In nine cases there had been no RoSH"),
    (2, "count", "service-users", None, "Two children and young people completed"),
]

FICTIONAL = [
    (171500, "people", "context", None, "population of 171,500"),
    (9.8, "%", "context", 10.4, "9.8% of which were aged"),
    (3.4, "%", "context", 8.7, "heritage (3.4%)"),
    (29, "per 1,000", "context", 44, "at 29 per 1,000"),
    (79, "%", "context", 73, "employment was 79%"),
    (91, "%", "context", 94, "sentence was 91%"),
    (102, "%", "context", 88, "was 102%, which was worse"),
    (6, "count", "1.1", None, "done in six of the seven cases"),
    (7, "count", "1.1", None, "done in six of the seven cases"),
    (11, "count", "service-users", None, "Eleven children and young people"),
    (4, "count", "2.3", None, "sufficient in four cases"),
    (50, "%", "2.3", None, "had taken place in 50% of cases"),
    (3, "count", "foreword", None, "Three of the eight inspection criteria"),
]


def _has(report, value, unit, section, compared, phrase):
    for f in report.facts:
        if (f.value, f.unit, f.source.section) == (value, unit, section) and phrase in f.sentence:
            return f.compared_value == compared
    return False


@pytest.mark.parametrize(
    ("fixture", "table"), [("sample_report", SAMPLE), ("fictional_report", FICTIONAL)]
)
def test_expected_facts(request, fixture, table):
    report = request.getfixturevalue(fixture)
    for row in table:
        assert _has(report, *row), row


@pytest.mark.parametrize("fixture", ["sample_report", "fictional_report"])
def test_fact_sources_and_shape(request, fixture):
    report = request.getfixturevalue(fixture)
    assert len(report.facts) > 50
    for f in report.facts:
        s = f.source
        assert report.text[s.start : s.start + len(s.quote)] == s.quote
        assert f.unit in ("%", "count", "per 1,000", "people")
        assert "\n" not in f.sentence and "%%" not in f.sentence
        assert (f.compared_with is None) == (f.compared_value is None)
        if f.compared_with:
            assert "average" in f.compared_with
        # the number stands in the raw quote (possibly with OCR spacing)
        if f.unit in ("%", "per 1,000"):
            number = f"{f.value:g}"
            assert re.search(rf"(?<![\d.]){re.escape(number)}(?![\d.])", s.quote), (f, s.quote)


@pytest.mark.parametrize("fixture", ["sample_report", "fictional_report"])
def test_no_labels_years_or_list_numbers(request, fixture):
    report = request.getfixturevalue(fixture)
    criterion_numbers = {float(c.number) for c in report.criteria}
    for f in report.facts:
        assert not (1900 <= f.value <= 2100), f  # years and dates
        if f.unit == "count":
            assert f.value not in criterion_numbers
            assert f.value == int(f.value)
    # "(10) Where there had been..." is a list number, not ten of anything
    assert not [f for f in report.facts if f.unit == "count" and f.value == 10]
    # scores are Scores, not facts: no fact quotes a band line
    assert not [f for f in report.facts if "improvement required" in f.source.quote]


def test_comparison_in_the_next_sentence_extends_the_quote(sample_report):
    fact = next(f for f in sample_report.facts if f.value == 88 and f.unit == "%")
    assert fact.compared_with == "England average of 72%"
    assert fact.source.quote.startswith("Sefton’s performance")
    assert fact.source.quote.endswith("England average of 72%.")
    assert fact.source.section == "context" and fact.source.heading == "YJB Performance Data"


def _facts(text: str):
    def source(section: str, heading: str, start: int, end: int) -> Source:
        return Source(section, heading, text[start:end], start)

    return extract_facts(text, [Passage("x", "X", 0, len(text))], source)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 45% of cases the plan was late.", [(45, "%", None)]),
        ("It was done in 68 %% of cases.", [(68, "%", None)]),
        ("In nine of the cases there was no plan.", [(9, "count", None)]),
        ("Only one of the twelve relevant cases was reviewed.", [(1, "count"), (12, "count")]),
        ("Children aged 10 to 17 years old.", []),
        ("Fieldwork was undertaken in April 2009.", []),
        ("A plan was due four weeks after publication.", []),
        ("Criterion 1.2 and criterion 2.3 apply.", []),
        ("(3) The plan had been reviewed.", []),
        ("See Appendix 1 for the table.", []),
        ("Only one had been completed.", []),
        ("The area had a population of 1,250,000 in 2001.", [(1250000, "people", None)]),
        (
            "Crime, at 52 per 1,000, was above the average for England/ Wales of 46.",
            [(52, "per 1,000", 46)],
        ),
        (
            "Performance was 81%. This was below the England average of 84%.",
            [(81, "%", 84)],
        ),
        (
            "It was 70%, which was better than the national average of 75%.",
            [(70, "%", 75)],
        ),
    ],
)
def test_extract_facts_table(text, expected):
    got = _facts(text)
    assert len(got) == len(expected)
    for fact, exp in zip(got, expected, strict=True):
        assert (fact.value, fact.unit, fact.compared_value)[: len(exp)] == tuple(exp)
    for f in got:
        assert text[f.source.start : f.source.start + len(f.source.quote)] == f.source.quote


def test_sentences_keep_decimals_and_offsets():
    text = "  It was 11.2% of them. This was higher than 10.4%.\nNext one (see e.g. this)."
    spans = sentences(text, 0, len(text))
    assert [text[s:e] for s, e in spans] == [
        "It was 11.2% of them.",
        "This was higher than 10.4%.",
        "Next one (see e.g. this).",
    ]

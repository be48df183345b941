"""Table-driven tests of number and quantity understanding."""

from __future__ import annotations

import pytest

from ingest.text.numbers import (
    Quantity,
    bands_in,
    compare,
    numbers_in,
    quantity_of,
    scan,
    word_to_number,
)

# (text, [(matched text, value, unit, total, qualifier), ...])
QUANTITIES: list[tuple[str, list[tuple[str, float, str, float | None, str | None]]]] = [
    ("Safeguarding was done well enough 45% of the time.", [("45%", 45, "%", None, None)]),
    ("45 per cent of cases", [("45 per cent", 45, "%", None, None)]),
    ("45 percent", [("45 percent", 45, "%", None, None)]),
    ("forty-five per cent", [("forty-five per cent", 45, "%", None, None)]),
    ("OCR doubled it: 42%%", [("42%%", 42, "%", None, None)]),
    ("and a space: 68 % MODERATE", [("68 %", 68, "%", None, None)]),
    ("11.2% of which", [("11.2%", 11.2, "%", None, None)]),
    ("a population of 283,000", [("283,000", 283000, "number", None, None)]),
    ("about 283 thousand people", [("283 thousand", 283000, "number", None, "~")]),
    ("at 38 per 1,000", [("38 per 1,000", 38, "per 1,000", None, None)]),
    (
        "Seven of the eight criteria",
        [("Seven of the eight", 7, "count", 8, None)],
    ),
    ("in only one of the nine cases", [("one of the nine", 1, "count", 9, None)]),
    ("2 out of 9 cases", [("2 out of 9", 2, "count", 9, None)]),
    ("only a fifth were", [("a fifth", 0.2, "fraction", None, None)]),
    ("half of the relevant cases", [("half", 0.5, "fraction", None, None)]),
    ("two thirds of cases", [("two thirds", 2 / 3, "fraction", None, None)]),
    ("three quarters", [("three quarters", 0.75, "fraction", None, None)]),
    ("one in five cases", [("one in five", 0.2, "fraction", None, None)]),
    ("Less than half of screenings", [("half", 0.5, "fraction", None, "<")]),
    ("In slightly less than half of cases", [("half", 0.5, "fraction", None, "~<")]),
    ("more than 40% of cases", [("40%", 40, "%", None, ">")]),
    ("at least 50%", [("50%", 50, "%", None, ">=")]),
    ("scored 50% or more", [("50%", 50, "%", None, ">=")]),
    ("managed 70% or better", [("70%", 70, "%", None, ">=")]),
    ("30% or worse", [("30%", 30, "%", None, "<=")]),
    ("scored 50% or below", [("50%", 50, "%", None, "<=")]),
    ("below 50%", [("50%", 50, "%", None, "<")]),
    ("nearly 30%", [("30%", 30, "%", None, "~<")]),
    ("around 30%", [("30%", 30, "%", None, "~")]),
    ("in only 28% of cases", [("28%", 28, "%", None, None)]),
    ("Eleven children", [("Eleven", 11, "count", None, None)]),
    (
        "82% and 81% of cases respectively",
        [("82%", 82, "%", None, None), ("81%", 81, "%", None, None)],
    ),
    # Not quantities: years, criterion and section numbers, list numbers, citation marks.
    ("criterion 1.3 and 2.1 in the 2009 report", []),
    ("In 2008/09 (see Appendix 2)", []),
    ("(3) the plan [2]", []),
    ("the second half of the year", []),
    ("the third case", []),
    ("no one said so", []),
    # Dates, clock times and phone numbers carry no figure.
    ("Briefing, 14 October 2009.", []),
    ("on March 3rd at 10:30", []),
    ("call 0151 934 4000 or 01632 960123", []),
    ("dated 14/10/2009", []),
    # Shares of a counted set, ratios, hyphenated fractions.
    ("half of the eight criteria", [("half of the eight", 0.5, "fraction", 8, None)]),
    ("two-thirds of the nine cases", [("two-thirds of the nine", 2 / 3, "fraction", 9, None)]),
    ("7/8 criteria", [("7/8", 7, "count", 8, None)]),
    ("two of Wessex Vale's eight criteria", [("two of Wessex Vale's eight", 2, "count", 8, None)]),
    ("nearly two-thirds", [("two-thirds", 2 / 3, "fraction", None, "~<")]),
    ("three-quarters", [("three-quarters", 0.75, "fraction", None, None)]),
    # Ranges, differences and thresholds.
    ("between 35% and 40%", [("between 35% and 40%", 35, "%", None, "range")]),
    ("35-40%", [("35-40%", 35, "%", None, "range")]),
    ("35 to 40 per cent", [("35 to 40 per cent", 35, "%", None, "range")]),
    ("10 percentage points higher", [("10 percentage points", 10, "pp", None, None)]),
    ("at or below 50%", [("50%", 50, "%", None, "<=")]),
    ("did not reach 40%", [("40%", 40, "%", None, ">=")]),
    ("31 crimes per 1,000", [("31 crimes per 1,000", 31, "per 1,000", None, None)]),
]


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("rose from 43% to 61%", ["previous", None]),
        ("Risk of Harm from 34% to 57%", ["previous", None]),
        ("scores ranged from 38% in Sefton to 77%", [None, None]),
        ("rose by 23 points", ["change"]),
        ("an increase of 5%", ["change"]),
        ("up 18 points", ["change"]),
        ("better than the England average of 73%", ["average"]),
        ("worse than the 94% average", ["average"]),
        ("the average for England/ Wales, which was 10.4%", ["average"]),
        ("46 nationally", ["average"]),
        ("34 per cent previously", ["previous"]),
        ("the previous score of 43%", ["previous"]),
        ("across the five YOTs", ["areas"]),
        ("64% in 2011 and 38% in 2009", ["year:2011", "year:2009"]),
        ("38% of cases", [None]),
    ],
)
def test_roles(text, roles):
    """A number that is not a level of what the sentence names says what it is instead."""
    assert [q.role for q in numbers_in(text)] == roles


@pytest.mark.parametrize(("text", "expected"), QUANTITIES)
def test_numbers_in(text, expected):
    got = [(q.text, q.value, q.unit, q.total, q.qualifier) for q in numbers_in(text)]
    assert len(got) == len(expected), got
    for (t, v, unit, total, qual), (et, ev, eunit, etotal, equal) in zip(
        got, expected, strict=True
    ):
        assert t == et
        assert v == pytest.approx(ev)
        assert (unit, total, qual) == (eunit, etotal, equal)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("criterion 1.3", ["ref"]),
        ("3.2 required moderate improvement", ["ref"]),
        ("In 2008/09, 45%", ["year", "quantity"]),
        ("the Census 2001, 11.2% of which", ["year", "quantity"]),
        ("Section 2 scored 45%", ["ref", "quantity"]),
    ],
)
def test_scan_kinds(text, kinds):
    assert [q.kind for q in scan(text)] == kinds


def test_spans_index_the_text():
    text = "Only 40% were on time; seven of the eight were late."
    for q in numbers_in(text):
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("seven", 7),
        ("twenty-eight", 28),
        ("twenty eight", 28),
        ("ninety", 90),
        ("a hundred", 100),
        ("one hundred", 100),
        ("1,234", 1234),
        ("12.5", 12.5),
        ("cake", None),
    ],
)
def test_word_to_number(text, value):
    assert word_to_number(text) == value


def _q(text: str) -> Quantity:
    (q,) = numbers_in(text)
    return q


@pytest.mark.parametrize(
    ("claimed", "stored", "verdict"),
    [
        ("45%", "45%", "supported"),
        ("45%", "42%", "contradicted"),
        ("45 per cent", "45%", "supported"),
        ("a fifth", "20%", "supported"),
        ("20%", "a fifth", "supported"),
        ("a quarter", "a fifth", "contradicted"),
        ("two thirds", "67%", "supported"),
        ("67%", "two thirds", "supported"),
        ("less than half", "less than half", "supported"),
        ("less than half", "28%", "supported"),
        ("more than half", "less than half", "contradicted"),
        ("40%", "less than half", "unknown"),
        ("60%", "less than half", "contradicted"),
        ("11%", "11.2%", "supported"),
        ("12%", "11.2%", "contradicted"),
        ("about 40%", "42%", "supported"),
        ("about 40%", "60%", "contradicted"),
        ("seven of the eight", "seven of the eight", "supported"),
        ("seven of the nine", "seven of the eight", "contradicted"),
        ("283,000", "283,000", "supported"),
        ("290,000", "283,000", "contradicted"),
        ("38 per 1,000", "38 per 1,000", "supported"),
        # A range holds the value or not.
        ("between 35% and 40%", "38%", "supported"),
        ("between 40% and 45%", "38%", "contradicted"),
        # More digits than the report gives: "38.0%" is 38%, "38.4%" cannot be told, 38.5% is not.
        ("38.0%", "38%", "supported"),
        ("38.4%", "38%", "unknown"),
        ("38.5%", "38%", "contradicted"),
        # Loose wording just outside its range is not a refutation; far outside it is.
        ("just under 300,000", "283,000", "unknown"),
        ("just under 300,000", "250,000", "contradicted"),
        ("nearly a third", "30%", "supported"),
        # A spoken fraction is a rounded figure against a printed percentage.
        ("two in five", "38%", "supported"),
        ("two in five", "30%", "contradicted"),
    ],
)
def test_compare(claimed, stored, verdict):
    assert compare(_q(claimed), _q(stored)) == verdict


def test_compare_refuses_different_kinds_of_number():
    assert compare(_q("45%"), _q("seven of the eight")) is None
    assert compare(_q("45%"), _q("283,000")) is None
    # a difference in points is not a level
    assert compare(_q("10 percentage points"), _q("10%")) is None


def test_quantity_of_a_stored_score():
    assert compare(_q("38%"), quantity_of(38)) == "supported"
    assert compare(_q("39%"), quantity_of(38)) == "contradicted"


@pytest.mark.parametrize(
    ("text", "bands"),
    [
        ("3.2 required substantial improvement", ["SUBSTANTIAL"]),
        ("substantial or drastic improvement required", ["SUBSTANTIAL", "DRASTIC"]),
        ("rated MODERATE", ["MODERATE"]),
        ("needs minimal improvement", ["MINIMUM"]),
        ("work to keep to a minimum the Risk of Harm", []),
        ("a substantial change in circumstances required review", []),
        ("the score was drastic", []),  # no improvement/band context
    ],
)
def test_bands_in(text, bands):
    assert [b.band for b in bands_in(text)] == bands

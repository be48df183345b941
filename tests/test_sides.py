"""The two sides of a comparison within one report (assistant/answers/sides.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answers.routing import parse
from assistant.answers.sides import _CUES, sides
from ingest.readers import read_report

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("name", sorted(_CUES))
def test_every_cue_matches_its_examples_and_not_its_counterexamples(name):
    cue = _CUES[name]
    for example in cue.examples:
        assert cue.pattern.search(example), example
    for counter in cue.counterexamples:
        assert not cue.pattern.search(counter), counter


def test_a_comparison_splits_at_its_joining_words():
    assert sides("put risk of harm next to safeguarding") == ["put risk of harm", "safeguarding"]
    assert sides("outcomes section vs assessment section") == [
        "outcomes section",
        "assessment section",
    ]
    assert sides("what was the safeguarding score?") == []


def test_each_side_names_its_own_measure_within_one_report():
    report = read_report((DATA / "formats" / "core-reinspection-northbridge-2011.txt").read_text())
    intent = parse(
        "put the safeguarding assessment next to safeguarding in delivery", [report], set()
    )
    assert intent.route == "compare"
    assert [t.key for t in intent.targets] == ["1.3", "2.3"]
    intent = parse("outcomes section vs assessment section", [report], set())
    assert intent.route == "compare"
    assert sorted(t.key for t in intent.targets) == ["1", "3"]


def test_two_measures_set_against_each_other_are_compared_not_defined():
    report = read_report(
        (DATA.parent.parent / "data" / "reports" / "sefton-yot-2009.txt").read_text()
    )
    intent = parse("risk of harm vs likelihood of reoffending", [report], set())
    assert intent.route == "compare"
    assert [t.key for t in intent.targets] == ["risk-of-harm", "likelihood-of-reoffending"]
    # two terms that name one measure are still a glossary question
    assert parse("RoH vs RoSH", [report], set()).route == "glossary"


def test_a_choice_between_two_measures_is_a_comparison_of_both():
    report = read_report((DATA / "formats" / "core-reinspection-northbridge-2011.txt").read_text())
    q = "did they do better on assessment and sentence planning or on delivery and review?"
    intent = parse(q, [report], set())
    assert intent.route == "compare"
    assert sorted(t.key for t in intent.targets) == ["1", "2"]
    # "better or worse" joins no two measures
    assert sides("were they better or worse on safeguarding?") == []


def test_a_side_that_names_no_measure_may_name_a_section():
    report = read_report((DATA / "formats" / "core-reinspection-northbridge-2011.txt").read_text())
    intent = parse("put the outcomes next to its assessment", [report], set())
    assert intent.route == "compare"
    assert [t.key for t in intent.targets] == ["3", "1"]


def test_compare_or_contrast_splits_at_the_word_after_the_first_side():
    assert sides("contrast protecting the public with reducing reoffending") == [
        "contrast protecting the public",
        "reducing reoffending",
    ]
    assert sides("compare safeguarding to risk of harm") == ["compare safeguarding", "risk of harm"]


def test_a_comparison_naming_a_level_sets_its_measures_side_by_side():
    report = read_report(
        (DATA.parent.parent / "data" / "reports" / "sefton-yot-2009.txt").read_text()
    )
    intent = parse("how do the sections compare?", [report], set())
    assert intent.route == "compare"
    assert sorted(t.key for t in intent.targets) == ["1", "2", "3"]


def test_a_reinspection_measure_against_the_year_of_the_earlier_inspection():
    report = read_report((DATA / "formats" / "core-reinspection-northbridge-2011.txt").read_text())
    q = "did Northbridge and Moorvale get better at protecting the public since 2010?"
    intent = parse(q, [report], set())
    assert not intent.unknown  # 2010 is the earlier inspection, not a report not loaded
    assert intent.route == "compare" and intent.earlier
    assert [t.key for t in intent.targets] == ["2.1"]

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


def test_ratings_of_one_scale_are_compared_by_their_rank():
    from assistant.answers.routes.compare import _like_verdict
    from ingest.model import Score, Source, Unit

    def rated(number: str, rating: str, rank: int) -> Score:
        return Score(
            number,
            f"{number} standard",
            float(rank),
            None,
            "criterion",
            Source(number, number, rating, 0),
            unit=Unit.RATING,
            rating=rating,
        )

    good, poor = rated("2.1", "Good", 2), rated("2.2", "Inadequate", 4)
    verdict = _like_verdict([("Assessment", good), ("Planning", poor)], None, ["ratings"] * 2)
    assert verdict == " Assessment is rated better (Good, against Inadequate)."
    lower = _like_verdict([("Assessment", good), ("Planning", poor)], "lower", ["ratings"] * 2)
    assert lower == " Planning is rated lower (Inadequate, against Good)."
    # "Good" on a 2014 scale is no rank on a 2021 one: given as they stand
    assert _like_verdict([("A", good), ("B", poor)], None, ["inspection-2012", "ratings"]) == ""


def test_a_part_number_other_formats_give_other_parts_names_none_of_them_alone():
    from assistant.answers.intent import catalog

    reports = [
        read_report((DATA / "layouts" / "full-joint-greyhaven-2016.txt").read_text()),
        read_report((DATA / "formats" / "core-reinspection-northbridge-2011.txt").read_text()),
    ]
    parts = [n.target for n in catalog(reports).names if n.target.type == "overall"]
    shared = [t for t in parts if t.key in ("1", "2", "3")]  # numbered in both reports
    assert shared and all(t.name for t in shared)  # each read only as its own report's part
    greyhaven_public = next(t for t in parts if "public" in t.name)
    assert greyhaven_public.score_in(reports[0]) is not None
    assert greyhaven_public.score_in(reports[1]) is None  # not Northbridge's section 2

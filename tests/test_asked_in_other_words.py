"""Questions of kinds the product knows, asked in words that once sent them astray: an acronym
a report writes out, a count of what a term names, an extreme of a change no inspection's scores
give, and how the answer should be put ("in plain English")."""

from __future__ import annotations

from conftest import SAMPLE

from assistant.answers.lead_in import without_lead_in
from assistant.answers.routing import parse
from ingest.readers import read_report


def _sample():
    return [read_report(SAMPLE.read_text(encoding="utf-8"), str(SAMPLE))]


def test_an_acronym_a_report_writes_out_is_no_unknown_name():
    reports = _sample()
    assert "BME" not in reports[0].text  # what the test rests on: it says it in full
    assert parse("what is the BME population of Sefton?", reports, set()).unknown == []
    assert parse("what is the XYZ score?", reports, set()).unknown == ["XYZ"]


def test_a_count_of_what_a_term_names_asks_for_no_definition():
    reports = _sample()
    assert parse("how many VMPs were done in Sefton?", reports, set()).route != "glossary"
    assert parse("VMP?", reports, set()).route == "glossary"


def test_an_extreme_of_a_change_is_no_lowest_or_highest_score():
    reports = _sample()
    intent = parse("which criterion improved the most?", reports, set())
    assert intent.route != "computed" and intent.asks == "ranking"
    assert parse("which criterion scored the most?", reports, set()).route == "computed"


def test_how_the_answer_should_be_put_is_no_part_of_the_question():
    asked = "in plain English what is the likelihood of reoffending?"
    assert without_lead_in(asked) == "what is the likelihood of reoffending?"
    reports = _sample()
    assert parse(without_lead_in(asked), reports, set()).unknown == []


def test_who_has_to_act_asks_for_a_recommendation_s_owner():
    reports = _sample()
    for q in ("who has to fill the YOT manager post?", "who has to appoint a health worker?"):
        assert parse(q, reports, set()).route == "recommendations", q
    # what happened since is still asked with a word of time
    assert parse("has the YOT manager post been filled yet?", reports, set()).asks == "progress"


def test_who_needs_to_sort_something_out_asks_who_must_act_not_an_order():
    from pathlib import Path

    harrowfield = Path(__file__).parent / "data" / "formats" / "ratings-harrowfield-2021.txt"
    # two standards named Planning: "sort" must not read as an order to set them side by side
    reports = [read_report(harrowfield.read_text())]
    q = "who needs to sort out plans for children leaving custody?"
    assert parse(q, reports, set()).route == "recommendations"
    assert parse("sort the standards by rating", reports, set()).route != "recommendations"

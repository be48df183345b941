"""Where an area is, asked with nothing particular to place: the context sentence placing it
somewhere other than itself; a question naming something to place is left to the search."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answers.places import answer_where
from ingest.readers import read_report

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def reports():
    files = [
        DATA / "layouts" / "ratings-cells-kestrelford-2023.txt",
        DATA / "wessex-vale-yot-2011.txt",
    ]
    return [read_report(f.read_text(encoding="utf-8"), str(f)) for f in files]


def test_the_sentence_placing_the_area_answers(reports):
    answer = answer_where("which part of the country is in?", reports[:1], "context")
    assert answer is not None and answer.found
    assert "east of England" in answer.citations[0].quote


def test_each_report_placed(reports):
    answer = answer_where("what sort of place is it?", reports, "context")
    quotes = " ".join(c.quote for c in answer.citations)
    assert "east of England" in quotes and "South West region" in quotes


def test_a_question_naming_something_to_place_is_left_to_the_search(reports):
    assert answer_where("where is the headquarters?", reports, "context") is None


def test_a_question_naming_the_service_is_also_told_where_it_works_from():
    f = Path(__file__).resolve().parents[1] / "data" / "reports" / "sefton-yot-2009.txt"
    report = read_report(f.read_text(encoding="utf-8"), str(f))
    answer = answer_where("where is the YOT based?", [report], "context")
    quotes = [c.quote for c in answer.citations]
    assert any("North West" in q for q in quotes) and any("headquarters" in q for q in quotes)
    alone = answer_where("whereabouts is it?", [report], "context")
    assert [c.quote for c in alone.citations] == quotes[:1]

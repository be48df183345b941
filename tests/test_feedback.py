"""Feedback on answers: stored in SQLite, one rating per turn, exported as safe CSV."""

from __future__ import annotations

import csv
import io

import pytest
from typer.testing import CliRunner

from assistant.storage.database import Store
from assistant.storage.feedback import all_feedback, parse_rating, record_feedback, write_csv


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "findings.sqlite3")


CITATION = {
    "report": "sefton-2009",
    "section": "glossary",
    "heading": "RoSH",
    "quote": "Risk of Serious Harm",
    "page": None,
}


def test_record_and_read_back(store):
    saved = record_feedback(
        store,
        rating="up",
        question="What does RoSH mean?",
        answer="Risk of Serious Harm [1]",
        comment="  clear  ",
        conversation_id="abc",
        turn=0,
        citations=[CITATION],
    )
    assert saved.id > 0 and saved.rating == 1 and saved.comment == "clear"
    rows = all_feedback(store)
    assert [r.to_dict()["rating"] for r in rows] == ["up"]
    assert rows[0].citations == [CITATION]
    assert rows[0].created_at


def test_rating_the_same_turn_again_replaces_it(store):
    for rating in ("up", "down"):
        record_feedback(store, rating=rating, question="q", answer="a", conversation_id="c", turn=1)
    record_feedback(store, rating="up", question="q", answer="a", conversation_id="c", turn=2)
    record_feedback(store, rating="up", question="q", answer="a")  # no turn: always a new row
    record_feedback(store, rating="up", question="q", answer="a")
    rows = all_feedback(store)
    assert [(r.turn, r.label) for r in rows] == [(1, "down"), (2, "up"), (None, "up"), (None, "up")]


def test_feedback_survives_a_new_store_object(tmp_path):
    record_feedback(Store(tmp_path / "db.sqlite3"), rating="down", question="q", answer="a")
    assert len(all_feedback(Store(tmp_path / "db.sqlite3"))) == 1


@pytest.mark.parametrize("value", ["up", "UP", " down ", "1", "-1", 1, -1, "+1"])
def test_parse_rating_accepts(value):
    assert parse_rating(value) in (1, -1)


@pytest.mark.parametrize("value", ["", "meh", "0", 0, 2, "thumbs"])
def test_parse_rating_rejects(value, store):
    with pytest.raises(ValueError, match="rating must be"):
        parse_rating(value)
    with pytest.raises(ValueError):
        record_feedback(store, rating=value, question="q", answer="a")
    assert all_feedback(store) == []


def test_long_comments_are_cut(store):
    saved = record_feedback(store, rating="up", question="q", answer="a", comment="x" * 5000)
    assert len(saved.comment) == 2000


def test_csv_export_round_trips_and_defuses_formulas(store):
    record_feedback(
        store,
        rating="down",
        question='Is "45%" right?',
        answer="No: it is 42% [1]\nsee the report",
        comment='=HYPERLINK("http://evil")',
        conversation_id="c1",
        turn=0,
        citations=[CITATION],
    )
    record_feedback(store, rating="up", question="@SUM(1)", answer="+1", comment="-2")
    out = io.StringIO()
    assert write_csv(all_feedback(store), out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["rating"] == "down"
    assert rows[0]["question"] == 'Is "45%" right?'
    assert rows[0]["answer"] == "No: it is 42% [1]\nsee the report"
    assert rows[0]["comment"] == '\'=HYPERLINK("http://evil")'
    assert rows[0]["citations"] == "[1] sefton-2009 glossary: Risk of Serious Harm"
    assert (rows[1]["question"], rows[1]["answer"], rows[1]["comment"]) == (
        "'@SUM(1)",
        "'+1",
        "'-2",
    )


def test_cli_feedback_csv(monkeypatch, tmp_path):
    from assistant import cli
    from assistant.core import get_findings

    get_findings.cache_clear()
    try:
        core = get_findings()
        record_feedback(core.store, rating="up", question="What does RoSH mean?", answer="a")
        runner = CliRunner()
        result = runner.invoke(cli.app, ["feedback", "--csv"])
        assert result.exit_code == 0, result.output
        rows = list(csv.DictReader(io.StringIO(result.output)))
        assert [(r["rating"], r["question"]) for r in rows] == [("up", "What does RoSH mean?")]
        summary = runner.invoke(cli.app, ["feedback"])
        assert "1 ratings: 1 up, 0 down" in summary.output
    finally:
        get_findings.cache_clear()

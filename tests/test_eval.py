"""The gold set over the real store (real model, Chroma, SQLite, both reports) meets its
targets; and the judge that scores it does fail wrong answers."""

from __future__ import annotations

import pytest

from assistant.evaluate import DEFAULT_GOLD, GoldQuestion, evaluate, gold_findings, judge, load_gold


@pytest.fixture(scope="module")
def gold():
    return load_gold(DEFAULT_GOLD)


@pytest.fixture(scope="module")
def result(gold, tmp_path_factory):
    files, conversations, targets = gold
    with gold_findings(files, store=tmp_path_factory.mktemp("gold") / "store") as findings:
        yield evaluate(findings, conversations, targets)


def test_gold_set_covers_every_kind(gold):
    files, conversations, _ = gold
    questions = [q for turns in conversations for q in turns]
    assert len(questions) >= 160 and len(files) == 5
    kinds = {q.kind for q in questions}
    assert {
        "glossary",
        "score",
        "findings",
        "recommendations",
        "context",
        "computed",
        "compare",
        "fallback",
        "unanswerable",
        "follow-up",
        "claim",
        "summary",
        "bands",
    } <= kinds
    assert any(len(turns) > 1 for turns in conversations)
    # Every report is asked about, the variant layouts included.
    about = {r for q in questions for r in q.reports}
    assert {
        "sefton-2009",
        "wessex-vale-2011",
        "stockbridge-on-wear-2011",
        "northbridge-and-moorvale-2011",
        "vale-of-ashdown-2010",
    } <= about
    assert sum(not q.found for q in questions) >= 15
    assert sum(len(turns) >= 3 for turns in conversations) >= 5  # follow-up chains


@pytest.mark.e2e
def test_gold_set_meets_its_targets(result):
    d = result.to_dict()
    assert result.passed, d["failures"]
    assert result.accuracy >= 0.95
    assert result.kind_accuracy("glossary") == 1.0
    assert result.kind_accuracy("score") == 1.0
    assert result.citation_accuracy == 1.0


@pytest.mark.e2e
def test_latency_is_measured(result):
    assert 0 < result.latency(0.5) <= result.latency(0.95)
    assert set(result.to_dict()["latency_ms"]) == {"p50", "p95"}


def _answer(text: str, found: bool = True, citations=None) -> dict:
    return {"answer": text, "found": found, "citations": citations or []}


def test_judge_catches_wrong_answers():
    texts = {"r": "The score was 28% DRASTIC improvement required."}
    g = GoldQuestion(
        id="x", kind="score", question="?", facts=["28%"], sections=["1.3"], absent=["38%"]
    )
    good = {"report": "r", "section": "1.3", "heading": "h", "quote": "28% DRASTIC", "page": None}
    assert judge(g, _answer("It scored 28%. [1]", citations=[good]), texts) == []
    assert judge(g, _answer("It scored 38%. [1]", citations=[good]), texts)  # wrong number
    assert judge(g, _answer("28% [1]", found=False, citations=[good]), texts)  # wrong flag
    assert judge(g, _answer("28%"), texts)  # no citation
    wrong_section = {**good, "section": "2.3"}
    assert judge(g, _answer("28% [1]", citations=[wrong_section]), texts)
    made_up = {**good, "quote": "29% DRASTIC"}
    assert judge(g, _answer("28% [1]", citations=[made_up]), texts)
    assert judge(g, _answer("28%, not 38% [1]", citations=[good]), texts)  # an absent string


def test_unanswerable_gold_needs_found_false():
    g = GoldQuestion(id="u", kind="unanswerable", question="?", found=False)
    assert judge(g, _answer("Nothing.", found=False), {}) == []
    assert judge(g, _answer("Paris.", found=True), {})

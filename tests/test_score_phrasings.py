"""Scores and lists of scores asked in plain words: a percentage asked with "what % did it
get", a section's scores asked by their plural, a domain by its number, and the judgements of
each area of work with one report loaded (a list, not a comparison). Every expected value was
read from the fixture texts by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from answer_fakes import make_findings

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SAMPLE = ROOT / "data" / "reports" / "sefton-yot-2009.txt"
GREYHAVEN = DATA / "layouts" / "full-joint-greyhaven-2016.txt"
STOCKBRIDGE = DATA / "variants" / "stockbridge-on-wear-yot-2011.txt"
COLD_ASHBY = DATA / "formats" / "ratings-mutated-cold-ashby-2023.txt"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    root = tmp_path_factory.mktemp("score-phrasings")
    return lambda name, path: make_findings(root / name, reports=[path])


def _text(answer) -> str:
    return " ".join(answer.answer.split())


def test_a_percentage_asked_of_a_scored_measure_is_its_score(store):
    # the foreword states the same 36% in passing; the answer is the score with its band
    a = store("sample", SAMPLE).ask("what % did Sefton get on risk of harm?")
    assert a.found and a.route == "score", a.answer
    assert "36%" in _text(a) and "DRASTIC" in _text(a)
    assert any("36% DRASTIC" in c.quote for c in a.citations)


def test_a_percentage_of_cases_is_still_a_share(store):
    a = store("sample-share", SAMPLE).ask("what percentage of cases had no RoSH screening?")
    assert a.route == "share", a.answer
    assert "28%" in _text(a)


def test_a_sections_scores_asked_by_their_plural_are_listed(store):
    a = store("stockbridge", STOCKBRIDGE).ask("scores for section 1")
    text = _text(a)
    for value in ("57%", "61%", "47%", "66%", "55%"):  # the section's and its four criteria
        assert value in text, (value, text)
    # one score of the section is still one score
    one = store("stockbridge-one", STOCKBRIDGE).ask("what did section 1 get overall?")
    assert "57%" in _text(one) and "61%" not in _text(one)


def test_a_domain_by_its_number_is_its_section(store):
    a = store("cold-ashby", COLD_ASHBY).ask("list Cold Ashby's domain 2 ratings")
    assert a.found, a.answer
    text = _text(a)
    assert "2.2 Planning" in text and "Requires improvement" in text
    assert "1.1 Governance" not in text and "4.1 Resettlement" not in text


def test_each_area_of_work_with_one_report_loaded_is_its_list(store):
    a = store("greyhaven", GREYHAVEN).ask("what judgement did each area of work get?")
    assert a.found, a.answer
    text = _text(a)
    assert "Protecting the public Unsatisfactory" in text
    assert "Governance and partnerships Satisfactory" in text
    assert "nothing to compare" not in text.lower()


def test_a_level_named_before_its_plural_is_listed(store):
    a = store("stockbridge-sections", STOCKBRIDGE).ask("Stockbridge section scores")
    text = _text(a)
    for value in ("57%", "56%", "62%"):  # the three section totals, and nothing else
        assert value in text, (value, text)
    assert "61%" not in text and "Safeguarding score" not in text

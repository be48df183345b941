"""The YAML data beside the readers: it loads, it is consistent, and its cues compile."""

from __future__ import annotations

import re

import pytest

from ingest.model import RATINGS
from ingest.readers.cues import alternation, cue_score, cues, expand, reader_data

NAMES = ("core_case", "inspection_2012", "ratings", "general")


@pytest.mark.parametrize("name", NAMES)
def test_data_file_loads_once(name):
    data = reader_data(name)
    assert isinstance(data, dict) and data
    assert reader_data(name) is data  # read once, then cached


@pytest.mark.parametrize("name", ("core_case", "inspection_2012", "ratings"))
def test_cues_compile_and_can_reach_certainty(name):
    found = cues(name)
    assert found and all(c.weight > 0 and c.at_least >= 1 for c in found)
    assert sum(c.weight for c in found) >= 0.9
    assert cue_score(name, "") == 0.0


def test_ratings_scale_matches_the_model():
    data = reader_data("ratings")
    assert tuple(data["vocab"]["ratings"]) == tuple(str(r) for r in RATINGS)
    assert set(data["expected_standards"]) <= set(data["domains"])
    assert all(re.compile(p) for p in data["points_patterns"])
    owner = re.compile(data["owner_pattern"], re.I)
    assert owner.match("The YOS Head of Service should:").group("owner") == "YOS Head of Service"
    assert owner.match("The YOS Head of Service will:") is None
    kinds = [k for k, heads in data["parts"].items() for _ in heads]
    heads = [h.lower() for heads in data["parts"].values() for h in heads]
    assert len(heads) == len(set(heads)) == len(kinds)  # a heading names one part only


def test_every_judgement_word_has_a_rank():
    data = reader_data("inspection_2012")
    words = {w.lower() for w in data["vocab"]["judgement_words"]}
    ranks = {k.lower(): v for k, v in data["judgements"].items()}
    assert words == set(ranks)
    assert ranks["good"] < ranks["satisfactory"] < ranks["poor"]


def test_previous_score_patterns():
    data = reader_data("core_case")
    patterns = [re.compile(expand(p, data["vocab"]), re.I) for p in data["previous_patterns"]]

    def found(line: str) -> tuple[str, str] | None:
        m = next((m for p in patterns if (m := p.search(line))), None)
        return (m.group(1), m.group(2)) if m else None

    assert found("Previous score (2010): 43%") == ("2010", "43")
    assert found("Score at the last inspection (2009): 29 per cent") == ("2009", "29")
    assert found("2009 previous inspection: 40%") == ("2009", "40")
    assert found("Score: 61% Comment: MODERATE improvement required") is None


def test_alternation_prefers_the_longest_phrase():
    pattern = re.compile(alternation(["Good", "Requires improvement", "Requires"]))
    assert pattern.match("Requires  improvement").group(0) == "Requires  improvement"
    assert expand("x {a}", {"a": ["b"]}) == "x (?:b)"

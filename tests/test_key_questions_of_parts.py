"""A threshold over the key questions of a standard or domain a question names: only that
part's key questions, and none when the part has none (assistant/answers/routes/computed.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from answer_fakes import make_findings

COLD_ASHBY = (
    Path(__file__).resolve().parent / "data" / "formats" / "ratings-mutated-cold-ashby-2023.txt"
)


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("parts") / "store", reports=[COLD_ASHBY])


def test_the_key_questions_of_the_named_standards_only(findings):
    a = findings.ask("which planning key questions were under 60%?")
    assert a.found, a.answer
    assert "57%" in a.answer and "of the 3 key questions" in a.answer, a.answer
    # the standards' own ratings are no percentages to set against 60%
    assert "Requires improvement" not in a.answer, a.answer


def test_a_named_part_with_no_key_questions_has_none_to_compute(findings):
    a = findings.ask("which resettlement key questions were under 60%?")
    assert not a.found, a.answer
    assert "57%" not in a.answer, a.answer


def test_without_a_named_part_every_key_question_counts(findings):
    a = findings.ask("which key questions were under 60%?")
    assert a.found and "57%" in a.answer and "of the 9 key questions" in a.answer, a.answer

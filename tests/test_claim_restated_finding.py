"""A claim that restates a finding's share of cases in other words ("only 13% of the
safeguarding assessments were good enough") is judged against that finding, not contradicted
by the score of the measure it names; a claim that names the score as one still is
(assistant/claims/report.py). "Good enough" is no rating word, and who says a claim ("i heard
...") is not part of it (assistant/answers/routes/claim.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from answer_fakes import make_findings

from assistant.answers.kinds import figure_pattern

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "reports" / "sefton-yot-2009.txt"


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("restated") / "store", reports=[SAMPLE])


def test_good_enough_is_no_rating_word():
    assert figure_pattern().findall("only 13% of assessments were good enough") == ["13%"]
    assert figure_pattern().findall("they got Good for staff") == ["Good"]


def test_a_restated_finding_is_supported_by_the_finding(findings):
    a = findings.ask("i heard only 13% of sefton safeguarding assessments were good enough, true?")
    assert a.route == "claim" and a.answer.startswith("Yes"), a.answer
    assert any("13% of cases" in c.quote for c in a.citations), a.citations


def test_a_figure_no_finding_states_is_still_contradicted(findings):
    a = findings.ask("only 20% of sefton safeguarding assessments were good enough, true?")
    assert a.answer.startswith("No"), a.answer


def test_a_score_named_as_one_is_judged_as_the_score(findings):
    a = findings.ask("is it true that Sefton scored 13% for safeguarding?")
    assert a.answer.startswith("No"), a.answer


def test_a_measure_sharing_one_word_with_the_claim_is_not_named_by_it():
    from assistant.answers.routes.claim import _names
    from ingest.model import Role, Score, Source

    def score(key: str, name: str) -> Score:
        return Score(key, name, 50, None, Role.CRITERION, Source("1", name, name, 0))

    harm = score("1.1", "1.1 Risk of Harm to Others")
    # "risk" alone is not Risk of Harm to Others: no Yes or No from its score
    assert not _names("did 45% of cases have a risk management plan?", harm)
    assert _names("did it get 60% for risk of harm to others?", harm)
    assert _names("is it true 1.1 was 60%?", harm)
    safeguarding = score("safeguarding", "Safeguarding")
    assert _names("a colleague says it got 50% on safeguarding - true?", safeguarding)

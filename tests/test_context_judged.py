"""A question naming a contextual cue (the police, the management board) but asking how the
work went is answered from the findings when the contextual parts do not say; a fact of the
area the contextual parts lack stays not found."""

from __future__ import annotations

from pathlib import Path

import pytest
from answer_fakes import make_findings

EASTMERE = (
    Path(__file__).resolve().parent / "data" / "formats" / "inspection-2012-eastmere-2014.txt"
)


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("judged") / "store", reports=[EASTMERE])


def test_what_the_inspectors_made_of_the_board_is_in_the_findings(findings):
    a = findings.ask("what did the inspectors think of the management board?")
    assert a.found, a.answer
    assert "did not receive information about the quality of work" in a.answer, a.answer


def test_a_fact_the_context_lacks_is_still_not_found(findings):
    a = findings.ask("who chairs the management board?")
    assert not a.found, a.answer

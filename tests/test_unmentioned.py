"""A question about a thing no loaded report mentions ("self-harm") is not found, though the
reports share its parts ("Risk of Harm"); a compound they do write, or one that is a way of
asking, changes nothing."""

from __future__ import annotations

import pytest
from answer_fakes import make_findings
from conftest import FICTIONAL, SAMPLE

from assistant.answers.unmentioned import unmentioned
from ingest.readers import read_report


@pytest.fixture(scope="module")
def reports():
    return [read_report(p.read_text(encoding="utf-8"), str(p)) for p in (SAMPLE, FICTIONAL)]


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("what did they say about self-harm?", ["self-harm"]),
        ("any cyber-bullying or self-harm work?", ["cyber-bullying", "self-harm"]),
        ("how was multi-agency working?", []),  # written "Multi-Agency" in the reports
        ("how was multiagency working?", []),  # no hyphen: not judged here
        ("give me the criterion-by-criterion scores", []),  # a function word: a way of asking
        ("which was the top-scoring criterion?", []),  # a word of asking
        ("what about out-of-court work?", []),
        ("what did they say about self harm?", ["self-harm"]),  # a compound spaced
        ("how was multi agency working?", []),  # written "Multi-Agency"
        ("has the post been filled?", []),  # a word that also stands alone opens none
        # a thing a report names whenever it speaks of it: neither report writes caseloads
        ("what were staff caseloads like?", ["caseloads"]),
        ("what was the staff turnover?", ["turnover"]),
        ("how were the staff supported?", []),
    ],
)
def test_compounds_no_report_writes(reports, question, missing):
    assert unmentioned(question, reports) == missing


def test_a_compound_counts_as_written_with_a_space_or_joined(reports):
    wessex = [r for r in reports if r.id.startswith("wessex")]
    text = wessex[0].text
    assert "Multi-Agency" in text  # what the next assertion rests on
    assert unmentioned("multi-agency", wessex) == []


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("unmentioned") / "store", reports=[SAMPLE])


def test_the_answer_is_not_found_with_the_passages_as_related(findings):
    a = findings.ask("what did the inspectors say about self-harm?")
    assert not a.found and not a.citations
    assert "do not mention self-harm" in a.answer
    assert a.related  # the Risk of Harm passages it would have quoted, offered as related


def test_a_way_of_asking_still_answers(findings):
    a = findings.ask("Sefton's top-scoring criterion?")
    assert a.found and "68%" in a.answer


def test_a_quantity_no_report_names_is_not_answered_by_its_other_words(findings):
    a = findings.ask("what did the inspectors say about the YOT staff caseloads?")
    assert not a.found and "do not mention caseloads" in a.answer


def test_a_named_quantity_is_checked_whatever_type_is_asked(findings):
    # "at the time of the inspection" asks like a date; the date of the inspection is no
    # caseload
    a = findings.ask("was Sefton's ISSP caseload 12 at the time of the inspection?")
    assert not a.found and "caseload" in a.answer

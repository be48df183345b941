"""Questions over one report judged by areas of work (a 2012-2017 inspection): "which area" and
"which YOT" ask about its own areas of work, the service's short name picks the report (it is
no topic and no unknown name), and weaknesses and strengths come worst and best first."""

from __future__ import annotations

from pathlib import Path

import pytest
from answer_fakes import make_findings

FORMATS = Path(__file__).parent / "data" / "formats"
REDBANK = FORMATS / "inspection-2012-mutated-redbank-2016.txt"
EASTMERE = FORMATS / "inspection-2012-eastmere-2014.txt"


def _findings(store: Path, report: Path):
    from assistant.embeddings import get_embedder

    # the product's own model: which kind a question is depends on it
    return make_findings(store, embedder=get_embedder(), reports=[report])


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    assert "YOT" not in REDBANK.read_text()  # what the name tests below rest on
    return _findings(tmp_path_factory.mktemp("one-report") / "store", REDBANK)


@pytest.fixture(scope="module")
def eastmere(tmp_path_factory):
    return _findings(tmp_path_factory.mktemp("eastmere") / "store", EASTMERE)


def test_the_worst_area_of_one_report_is_no_comparison_between_reports(findings):
    a = findings.ask("which area got the worst judgement?")
    assert a.found and "Protecting the public" in a.answer and "Poor" in a.answer
    assert "nothing to compare" not in a.answer


def test_the_short_name_of_the_service_is_no_unknown_name(findings):
    a = findings.ask("which YOT did best?")
    assert a.found and "Reducing reoffending" in a.answer


def test_the_short_name_of_the_service_is_no_topic(findings):
    a = findings.ask("what does the YOT need to improve?")
    b = findings.ask("what does Redbank need to improve?")
    assert a.found and a.citations == b.citations


def test_weaknesses_come_worst_judged_first_and_strengths_best_first(findings):
    weak = findings.ask("what are the weaknesses?").answer
    assert weak.index("Protecting the public") < weak.index("Reducing reoffending")
    strong = findings.ask("what were the strengths?").answer
    assert strong.index("Reducing reoffending") < strong.index("Protecting the public")


def test_a_question_about_a_topic_is_no_summary(findings):
    a = findings.ask("what does the report say about sexual exploitation?")
    assert a.found and a.route != "summary" and "exploitation" in a.answer


def test_a_bound_the_question_sets_is_no_figure_a_passage_must_hold(findings):
    # "more than 70%" is asked of, not quoted: the 19 of 31 answers it
    a = findings.ask("were safety plans in place in more than 70% of the cases?")
    assert a.found and "19 of the 31" in a.answer


def test_who_must_fix_an_area_gets_the_recommendations_under_it(eastmere):
    a = eastmere.ask("what went wrong with protecting the public and who must fix it?")
    assert a.found
    second = a.answer.split("\n\n", 1)[1]
    # the two recommendations under Protecting the public, not its findings again
    assert "15 working days" in second and "agree with the police" in second
    assert "Plans to manage risk to victims" not in second


def test_the_story_with_a_topic_the_findings_hold_is_no_summary(tmp_path_factory):
    from conftest import FICTIONAL

    wessex = _findings(tmp_path_factory.mktemp("wessex") / "store", FICTIONAL)
    a = wessex.ask("what's the story with management oversight in Wessex Vale?")
    assert a.found and a.route != "summary", a.answer
    assert "Management oversight of the vulnerability assessment" in a.answer
    assert wessex.ask("what's the story in Wessex Vale?").route == "summary"

"""A 2012-2017 inspection laid out unlike the other fixtures (tests/data/layouts/): lettered
parts ("PART C  RECOMMENDATIONS") listed first in a contents list, areas of work numbered with
a letter ("B2  PROTECTING THE PUBLIC") in capitals, "Judgement: ..." lines, findings under
"What was working well" and "What needed to improve", recommendations numbered "R1", a
context part named after the area ("About Greyhaven") and a "term - definition" glossary.
Every value was read from the text by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from answer_fakes import make_findings

from assistant.answers import stated
from ingest.model import ReportFormat, Unit
from ingest.readers import read_report
from ingest.text.layout import leading_marker

FILE = Path(__file__).resolve().parent / "data" / "layouts" / "full-joint-greyhaven-2016.txt"


@pytest.fixture(scope="module")
def report():
    return read_report(FILE.read_text(encoding="utf-8"), str(FILE))


def test_read_as_a_2012_inspection_with_nothing_missing(report):
    assert report.format == ReportFormat.INSPECTION_2012
    assert report.missing == []


def test_each_lettered_area_with_its_judgement_and_a_title_not_in_capitals(report):
    judged = {s.name: s.rating for s in report.measures}
    assert judged == {
        "Reducing reoffending": "Good",
        "Protecting the public": "Unsatisfactory",
        "Protecting the child or young person": "Satisfactory",
        "Ensuring the sentence is served": "Good",
        "Governance and partnerships": "Satisfactory",
    }
    assert all(s.unit == Unit.RATING and s.source.quote in report.text for s in report.measures)


def test_findings_under_both_labels_each_counted_once(report):
    public = next(s for s in report.sections if s.name == "Protecting the public")
    texts = [f.text for f in public.findings]
    assert len(texts) == 5
    assert texts[0].startswith("The police shared information")
    assert any("late in ten of the 24 cases" in t for t in texts)
    assert [f.position for f in public.findings] == [1, 2, 3, 4, 5]


def test_recommendations_numbered_with_a_letter_and_the_contents_list_is_no_part(report):
    recs = report.recommendations
    assert [r.position for r in recs] == [1, 2, 3, 4]
    assert recs[0].text.startswith("every assessment of risk of harm")
    assert recs[-1].text.endswith("within four weeks of referral")  # not run into Part D
    assert not any("Glossary" in r.text for r in recs)


def test_a_line_naming_who_should_act_owns_the_recommendations_after_it(report):
    recs = report.recommendations
    assert [r.owner for r in recs] == ["Greyhaven YOT Manager"] * 3 + [
        "Chair of the Greyhaven Youth Justice Board"
    ]
    assert not any("should make sure" in r.text for r in recs)  # the lead line is no item's


def test_the_part_named_after_the_area_is_its_context_and_the_glossary_is_read(report):
    context = " ".join(p.text for p in report.context)
    assert "population of 142,700" in context
    assert report.context[0].source.heading == "About Greyhaven"
    terms = {g.term: g.definition for g in report.glossary}
    assert terms["RoSH"] == "Risk of serious harm"
    assert terms["MAPPA"].startswith("Multi-Agency Public Protection Arrangements")


def test_a_lettered_number_opens_an_item_and_a_word_does_not():
    assert leading_marker("R3  managers check the work") == (3, 4)
    assert leading_marker("Reviews were late") is None


def test_a_judgement_no_loaded_report_gave_is_still_a_stated_rating(report):
    public = next(s for s in report.measures if s.name == "Protecting the public")
    assert stated.verdict("did it get Poor for protecting the public?", public) == "No"
    assert stated.verdict("was it Unsatisfactory for protecting the public?", public) == "Yes"


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("lettered") / "store", reports=[FILE])


@pytest.mark.parametrize(
    "question,expected",
    [
        ("when were the inspectors in Greyhaven?", "January 2016"),
        ("did Greyhaven get Poor for protecting the public?", "No."),
        ("what was Greyhaven's population?", "142,700"),
        ("what needed to improve in protecting the public?", "late in ten of the 24 cases"),
    ],
)
def test_questions(findings, question, expected):
    a = findings.ask(question)
    assert a.found, a.answer
    assert expected in " ".join(a.answer.split()), a.answer
    text = FILE.read_text(encoding="utf-8")
    assert all(c.quote in text for c in a.citations)


def test_a_date_after_the_report_is_not_answered_by_its_own_dates(findings):
    a = findings.ask("when is the next Greyhaven inspection due?")
    assert not a.found, a.answer
    assert "January 2016" not in a.answer and "March 2016" not in a.answer


def test_a_summary_part_that_closes_with_a_signature_names_the_signatory(report):
    # Part A has no foreword heading: the chief inspector signs the summary
    assert report.signatory == "Helena Marsh, HM Chief Inspector of Probation"

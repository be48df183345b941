"""Which loaded report a question means: mistyped and run-together area names read as the
area only when no other area is as near, reports picked by how recent they are, the kind of
document or the region they are in, a description no loaded report fits named as not loaded;
and scores asked for in plain words ("marks", "all the numbers", "every criterion in the risk
section"). Over fictional reports; every expected value was read from their texts by hand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from answer_fakes import make_findings

from assistant.answers.which_report import choose, data, near_names, put_right
from ingest.model import Report
from ingest.text.resources import load_yaml
from ingest.text.typos import edits, is_slip_of, keys_beside, slips

DATA = Path(__file__).resolve().parent / "data"
FILES = [
    DATA / "wessex-vale-yot-2011.txt",
    DATA / "formats" / "core-reinspection-northbridge-2011.txt",
    DATA / "formats" / "ratings-harrowfield-2021.txt",
    DATA / "formats" / "ratings-markdown-penmarrow-2024.txt",
    DATA / "formats" / "inspection-2012-eastmere-2014.txt",
    DATA / "formats" / "general-thematic-resettlement-2019.txt",
    DATA / "formats" / "general-improvement-plan-westbury-2023.txt",
]


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("which") / "store", reports=FILES)


def _ask(findings, question: str, conversation: str | None = None):
    return findings.ask(question, conversation)


def _reports_cited(answer) -> set[str]:
    return {c.report for c in answer.citations}


# --- typing slips (the language layer) ------------------------------------------------------


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("Seftn", "Sefton"),  # a letter left out
        ("Seffton", "Sefton"),  # one too many
        ("Setfon", "Sefton"),  # two swapped
        ("Sefron", "Sefton"),  # r is beside t
        ("Harrowfeild", "Harrowfield"),
        ("Northbirdge", "Northbridge"),
    ],
)
def test_a_slip_is_read_as_the_word_meant(typed, meant):
    assert is_slip_of(typed, meant)


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("Seaton", "Sefton"),  # a far key: another name
        ("Sefton", "Sefton"),  # the same word is no slip
        ("Wale", "Vale"),  # under five letters: too many words lie one slip apart
        ("Stockton", "Sefton"),
        ("Harrowgate", "Harrowfield"),
    ],
)
def test_another_word_is_no_slip(typed, meant):
    assert not is_slip_of(typed, meant)


def test_keys_beside_each_other():
    assert keys_beside("r", "t") and keys_beside("g", "b") and keys_beside("a", "q")
    assert not keys_beside("a", "f") and not keys_beside("q", "p")
    assert slips("setfon", "sefton") == 1 and slips("seaton", "sefton") > 1


# --- mistyped names (put_right) -------------------------------------------------------------


def _report(area: str, year: int, region: str | None = None, text: str = "") -> Report:
    rid = re.sub(r"[^a-z]+", "-", area.lower()) + f"-{year}"
    return Report(
        id=rid,
        area=area,
        title=f"Inspection of {area}",
        text=text or area,
        year=year,
        region=region,
    )


def test_a_mistyped_or_run_together_area_is_written_as_the_area():
    reports = [_report("Cold Ashby", 2023), _report("Harrowfield", 2021)]
    assert put_right("what did coldashby get?", reports, set()) == "what did Cold Ashby get?"
    assert put_right("Harowfield score", reports, set()) == "Harrowfield score"
    # a word the reports use is never read as a name; a far miss is left as written
    assert put_right("harrowfeld score", reports, {"harrowfeld"}) == "harrowfeld score"
    assert put_right("what did Seaton get?", reports, set()) == "what did Seaton get?"


def test_a_name_too_far_to_be_read_as_an_area_is_offered_as_a_did_you_mean():
    reports = [_report("Sefton", 2009), _report("Wessex Vale", 2011)]
    assert edits("seaton", "sefton") == 1 and not is_slip_of("seaton", "sefton")
    assert [r.id for r in near_names(["Seaton"], reports)] == ["sefton-2009"]
    assert near_names(["Stockport"], reports) == []


def test_a_name_as_near_to_two_areas_is_read_as_neither():
    reports = [_report("Harwood", 2011), _report("Hatwood", 2012)]
    assert put_right("what did Hawood score?", reports, set()) == "what did Hawood score?"
    assert put_right("what did Harwod score?", reports, set()) == "what did Harwood score?"


# --- descriptions (choose) -------------------------------------------------------------------


def test_the_latest_and_the_earliest_of_the_loaded_reports():
    reports = [_report("Ashby", 2011), _report("Brill", 2014), _report("Cotes", 2019)]
    latest = choose("what were the scores in the latest report?", reports, [])
    assert latest.reports == ["cotes-2019"] and "latest" not in latest.question
    assert choose("how did the oldest report do?", reports, []).reports == ["ashby-2011"]
    # "older" compares two: of three years it picks none (a reinspection's earlier one)
    assert choose("how did the older report do?", reports, []) is None
    assert choose("the older one", reports[:2], []).reports == ["ashby-2011"]
    # among the reports a question names
    named = choose("the most recent inspection", reports, ["ashby-2011", "brill-2014"])
    assert named.reports == ["brill-2014"]
    # one report, or one year: nothing to choose ("the earlier inspection" is then the
    # previous one a reinspection reports)
    assert choose("the earlier inspection", reports[:1], []) is None
    assert choose("what was the score?", reports, []) is None


def test_a_report_by_its_kind_of_document():
    plan = _report("Westbury", 2023, text="Westbury\nImprovement plan after the inspection\n")
    theme = _report("The Journey Home", 2019, text="The Journey Home\nA thematic inspection\n")
    core = _report("Ashby", 2011, text="Ashby\nan improvement plan is due later\n" * 1)
    reports = [plan, theme, core]
    assert choose("what did the thematic find?", reports, []).reports == [theme.id]
    assert choose("dates in the improvement plan", reports, []).reports[0] == plan.id


def test_a_report_by_its_region_and_a_region_none_is_in():
    reports = [_report("Ashby", 2011, "North West"), _report("Brill", 2012, "South West")]
    assert choose("the North West YOT's score", reports, []).reports == ["ashby-2011"]
    welsh = choose("what did the Welsh one score?", reports, [])
    assert welsh.reports == [] and welsh.unknown == ["the Welsh one"]
    # "England and Wales" is no report's description
    assert choose("the average for England and Wales", reports, []) is None
    # with a report from Wales loaded, the Welsh one is that report
    cymru = [*reports, _report("Cwm Taf", 2013, "Wales")]
    assert choose("what did the Welsh one score?", cymru, []).reports == ["cwm-taf-2013"]


def test_every_example_of_the_description_patterns():
    raw = load_yaml("assistant.answers", "which_report.yaml")
    d = data()
    for name, pattern in (("latest", d.latest), ("earliest", d.earliest)):
        for example in raw[name]["examples"]:
            assert pattern.search(example), (name, example)
        for example in raw[name]["not"]:
            assert not pattern.search(example), (name, example)


def test_every_example_of_the_measure_phrasings():
    for name, spec in load_yaml("assistant.answers", "measure_words.yaml").items():
        for example in spec["examples"]:
            assert re.search(spec["pattern"], example, re.I), (name, example)


# --- end to end over several reports -----------------------------------------------------------


@pytest.mark.parametrize(
    "question, report, values",
    [
        ("what overall rating did Harrowfeild get?", "harrowfield-2021", ["Requires improvement"]),
        ("how did Northbirdge do on safeguarding?", "northbridge-and-moorvale-2011", ["61%"]),
        ("what rating did the most recent inspection give?", "penmarrow-2024", ["Inadequate"]),
        ("headline scores in the newest report", "penmarrow-2024", ["6/36"]),
        (
            "what was the risk of harm score in the Yorkshire report?",
            "northbridge-and-moorvale-2011",
            ["57%"],
        ),
        ("how did Eastmere score on governance?", "eastmere-2014", ["Poor"]),
        ("what did Harrowfield get out of 36?", "harrowfield-2021", ["17/36"]),
        ("the overall score for delivery in Northbridge", "northbridge-and-moorvale-2011", ["64%"]),
    ],
)
def test_the_report_a_question_means_answers_alone(findings, question, report, values):
    answer = _ask(findings, question)
    assert answer.found, answer.answer
    assert _reports_cited(answer) == {report}, answer.answer
    for v in values:
        assert v in answer.answer, answer.answer


@pytest.mark.parametrize(
    "question", ["what did Penmarron score on staff?", "what did the Welsh one score?"]
)
def test_a_name_not_loaded_is_not_answered_and_the_loaded_reports_are_listed(findings, question):
    answer = _ask(findings, question)
    assert not answer.found and not answer.citations
    assert ("Did you mean Penmarrow (2024)?" in answer.answer) == ("Penmarron" in question)
    assert "Harrowfield (2021)" in answer.answer and "Wessex Vale (2011)" in answer.answer


def test_the_earliest_of_several_of_one_year_is_each_of_them(findings):
    answer = _ask(findings, "what were the three headline scores in the earliest report?")
    assert _reports_cited(answer) == {"northbridge-and-moorvale-2011", "wessex-vale-2011"}
    assert "61%" in answer.answer and "64%" in answer.answer, answer.answer


def test_scores_asked_in_plain_words(findings):
    everything = _ask(findings, "give me all the numbers for Northbridge")
    for v in ("61%", "62%", "54%", "71%"):  # headline, section, first and last criterion
        assert v in everything.answer, everything.answer
    risk = _ask(findings, "every criterion in the risk section for Northbridge and Moorvale")
    assert "54%" in risk.answer and "56%" in risk.answer, risk.answer
    assert "72%" not in risk.answer  # 1.2 Likelihood of Reoffending is no risk of harm criterion
    marks = _ask(findings, "what marks did Wessex Vale get?")
    assert marks.found and "64%" in marks.answer, marks.answer


def test_a_follow_up_keeps_the_report_the_conversation_named(findings):
    first = _ask(findings, "how did Wessex Vale score on risk of harm?")
    after = _ask(findings, "what about their safeguarding?", first.conversation_id)
    assert _reports_cited(after) == {"wessex-vale-2011"} and "64%" in after.answer, after.answer


def test_a_place_the_contextual_information_names(sample_report, fictional_report):
    reports = [sample_report, fictional_report]
    for question in ("how did the Merseyside YOT score?", "what did bootle get for safeguarding"):
        assert choose(question, reports, []).reports == [sample_report.id], question
    # "the Census 2001" is no place; a word both reports use names neither
    assert choose("what was the population at the Census?", reports, []) is None
    assert choose("what did the England average show?", reports, []) is None


def test_a_year_picks_among_one_areas_reports_not_the_others(sample_report, fictional_report):
    from assistant.answers.intent import find_reports

    reports = [sample_report, fictional_report]
    named, unknown = find_reports("Sefton safeguarding in 2009 vs Wessex Vale", reports)
    assert named == [sample_report.id, fictional_report.id] and not unknown
    named, unknown = find_reports("Sefton 2011 vs Wessex Vale on safeguarding", reports)
    assert named == [] and unknown == ["Sefton 2011"]
    assert find_reports("what did the 2011 one get?", reports)[0] == [fictional_report.id]

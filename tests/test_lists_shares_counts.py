"""Lists of scores, shares of cases and counts asked in plain words, over the fictional reports
of every format (tests/data/formats): the key questions of one standard listed, a rating said
as what the work needed ("needed improvement"), counts of whom the inspectors spoke to and of
the records they read, and a count whose "when" dates nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from answer_fakes import make_findings

from assistant.answers import dates
from assistant.answers.intent import Target
from assistant.answers.routes.rated import asked_rating
from assistant.answers.score_lists import levels_asked, scores_at
from ingest.model import Role
from ingest.readers import read_report

FORMATS = Path(__file__).resolve().parent / "data" / "formats"
FILES = [p for p in sorted(FORMATS.glob("*.txt")) if "core-comparison-mutated" not in p.name]
HARROWFIELD = FORMATS / "ratings-harrowfield-2021.txt"

# (question, must contain, must not contain)
ASKED: list[tuple[str, list[str], list[str]]] = [
    # the key questions of the one standard the question names, not every standard's
    (
        "what did each key question get in Harrowfield's court planning?",
        ["3 key questions", "58%", "47%", "39%"],
        ["96%", "78%"],
    ),
    ("Harrowfield court reviewing: the key question percentages", ["67%", "61%", "55%"], ["58%"]),
    (
        "what percentages did Harrowfield's out of court assessment questions come out at",
        ["96%", "92%", "90%"],
        ["78%"],
    ),
    # a plural of a cue word is no slip of the singular: "percentages" keeps the list asked
    ("can i have the criteria percentages for Northbridge", ["8 criteria", "54%", "74%"], []),
    # a rating said as what the work needed
    ("how many Harrowfield standards needed improvement?", ["4 of the 12"], []),
    # whom the inspectors spoke to, and how many records they read
    ("how many staff did the inspectors talk to in Eastmere?", ["22 staff"], []),
    ("how many parents did the Eastmere inspectors speak with?", ["9 parents"], []),
    ("how many children did the Eastmere inspectors meet?", ["14 children"], []),
    ("how many cases did inspectors look at in the resettlement thematic?", ["48 children"], []),
    # "when" says at what time the count stood, it asks no date
    (
        "how many children was Harrowfield YOS supervising when the inspection happened?",
        ["62 children"],
        ["June 2021", "March 2021"],
    ),
]


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("lists") / "store", reports=FILES)


@pytest.fixture(scope="module")
def texts(findings):
    return {r.id: r.text for r in findings.reports()}


@pytest.mark.parametrize("row", ASKED, ids=[r[0] for r in ASKED])
def test_asked_in_plain_words(findings, texts, row):
    question, must, must_not = row
    a = findings.ask(question)
    assert a.found, a.answer
    for m in must:
        assert m.lower() in a.answer.lower(), a.answer
    for m in must_not:
        assert m.lower() not in a.answer.lower(), a.answer
    assert a.citations, a.answer
    for c in a.citations:
        assert c.quote in texts[c.report], c


def test_a_list_of_key_questions_of_a_named_standard():
    planning = [Target(Role.CRITERION, "2.2")]
    assert levels_asked("what did each key question of planning get?", planning) == (
        "key-question",
    )
    # a standard named with no key questions asked for is a score question, not a list
    assert levels_asked("what did each planning standard get?", planning) == ()


def test_key_questions_of_a_standard_only():
    report = read_report(HARROWFIELD.read_text(encoding="utf-8"))
    every = scores_at(report, "key-question")
    planning = scores_at(report, "key-question", standards=["2.2"])
    assert len(every) > len(planning) == 3
    assert {s.parent for s in planning} == {"2.2"}
    assert [s.display() for s in planning] == ["58% of cases", "47% of cases", "39% of cases"]


def test_a_rating_said_in_other_words():
    report = read_report(HARROWFIELD.read_text(encoding="utf-8"))
    assert asked_rating("which standards needed improvement?", [report]) == "Requires improvement"
    assert asked_rating("which standards require some improvement", [report]) == (
        "Requires improvement"
    )
    # a band of the core case scale is not the rating
    assert asked_rating("which criteria needed substantial improvement?", [report]) is None
    assert asked_rating("which standards were Inadequate?", [report]) == "Inadequate"


def test_rating_forms_examples():
    from ingest.text.resources import load_cues

    for cue in load_cues("assistant.answers", "rating_forms.yaml").values():
        for e in cue.examples:
            assert cue.pattern.search(e), (cue.name, e)
        for e in cue.counterexamples:
            assert not cue.pattern.search(e), (cue.name, e)


@pytest.mark.parametrize(
    ("question", "dated"),
    [
        ("how many children was it supervising when the inspection happened?", False),
        ("number of cases open when the inspectors visited", False),
        ("when did the inspection happen?", True),
    ],
)
def test_a_count_at_a_time_asks_no_date(question, dated):
    assert dates.asks_date(question) is dated


def test_another_form_of_a_cue_word_is_no_slip_of_it():
    from assistant.answers.intent import CUE_WORDS
    from assistant.answers.retrieve import ChunkIndex

    southfold = FORMATS / "core-reinspection-mutated-southfold-2011.txt"
    index = ChunkIndex([read_report(southfold.read_text(encoding="utf-8"))])
    asked = "can i have the criteria percentages for southfold"
    assert "percentages" not in southfold.read_text(encoding="utf-8").lower()
    assert index.correct(asked, CUE_WORDS) == asked
    assert index.correct("wat was the scroe", CUE_WORDS) == "wat was the score"


@pytest.mark.parametrize(
    ("question", "targets", "levels"),
    [
        # the measures a named section holds, asked for by their plural
        ("show me the outcomes criteria", [Target(Role.OVERALL, "3")], ("section", "criterion")),
        ("what was the outcomes score?", [Target(Role.OVERALL, "3")], ()),
        # a level gone through one by one, or set out with its ratings
        ("how did it do area by area", [], ("area",)),
        ("a table of its standards with their ratings", [], ("criterion",)),
        ("scores for the key questions", [], ("key-question",)),
        ("run through its standards one by one", [], ("criterion",)),
        ("Northam: scores by criterion", [], ("criterion",)),
        ("how did Cold Ashby's standards come out?", [], ("criterion",)),
        # a single measure is no list
        ("what did Northam score for planning?", [], ()),
    ],
)
def test_lists_asked_without_every_or_all(question, targets, levels):
    assert levels_asked(question, targets) == levels


@pytest.mark.parametrize(
    ("question", "must"),
    [
        ("show me the outcomes criteria for Northbridge", ["3.1", "3.2"]),
        ("how did Redbank do area by area", ["Protecting the public Poor", "4 areas of work"]),
        ("how many standards were rated in Harrowfield altogether?", ["12 standards"]),
        ("run through Harrowfield's standards one by one", ["12 standards", "2.2 Planning"]),
        ("how did Cold Ashby's standards come out?", ["13 standards"]),
        (
            "how many of the Northbridge cases had victim safety given a high priority?",
            ["78%"],
        ),
    ],
)
def test_lists_and_counts_over_the_formats(findings, question, must):
    a = findings.ask(question)
    assert a.found, a.answer
    for m in must:
        assert m in a.answer, a.answer


def test_a_part_named_as_included_does_not_limit_the_list():
    from assistant.answers.score_lists import list_targets

    resettlement = [Target(Role.OVERALL, "4")]
    asked = "rating for every standard incl resettlement"
    assert levels_asked(asked, resettlement) == ("criterion",)
    assert list_targets(asked, resettlement) == []
    assert list_targets("all the scores for section 4", resettlement) == resettlement


@pytest.mark.parametrize(
    ("question", "must", "must_not"),
    [
        # every standard, the one named as included among them
        (
            "rating for every Harrowfield standard incl out-of-court disposals",
            ["12 standards", "1.1 Governance and leadership Good"],
            [],
        ),
        # each criterion of the level with its earlier score, not only the headline scores
        (
            "Northbridge's criterion scores, with last time's",
            ["1.1 Risk of Harm to Others: 54%", "previous score (2010): 41%"],
            ["Safeguarding score"],
        ),
    ],
)
def test_lists_with_a_part_included_or_with_the_earlier_scores(findings, question, must, must_not):
    a = findings.ask(question)
    assert a.found, a.answer
    for m in must:
        assert m in a.answer, a.answer
    for m in must_not:
        assert m not in a.answer, a.answer


def test_what_one_report_covered_is_not_a_list_of_the_loaded_reports(findings):
    a = findings.ask("how many areas did the thematic inspection cover?")
    assert "loaded reports are general reports" not in a.answer, a.answer


WESSEX = Path(__file__).resolve().parent / "data" / "wessex-vale-yot-2011.txt"


def test_a_stated_share_is_matched_in_other_words():
    from assistant.answers.case_shares import best_shares

    report = read_report(WESSEX.read_text(encoding="utf-8"))
    # "done promptly" is "completed on time"
    best = best_shares("how often was the vulnerability screening done promptly?", report)
    assert len(best) == 1 and "58%" in best[0].sentence, best
    # "kids" are "the child or young person" of the report
    best = best_shares("percentage of kids who complied with their sentence", report)
    assert len(best) == 1 and "77%" in best[0].sentence


@pytest.mark.parametrize(
    ("question", "levels"),
    [
        ("how many key questions does Northam have?", ("key-question",)),
        ("how many criteria were there?", ("criterion",)),
        # a count with a condition is computed over the level, not the level's list
        ("how many key questions did Northam score under 60% on?", ()),
        ("how many standards were rated inadequate?", ()),
    ],
)
def test_how_many_of_a_level_a_report_has_is_its_list(question, levels):
    assert levels_asked(question) == levels


def test_the_same_quality_of_work_is_said_one_way():
    from assistant.answers.case_shares import _stems

    assert "sufficient" in _stems("was the assessment good enough?") & _stems(
        "The assessment had been completed to a sufficient standard in only 13% of cases."
    )
    assert "timely" in _stems("done promptly") & _stems("completed on time in 58% of cases")
    asked = _stems("percentage of kids who complied")
    assert asked & _stems("the child or young person had complied") == asked - {"percentag"}


def test_a_share_of_cases_is_answered_only_by_a_share_of_cases(tmp_path):
    from assistant.answers.answer_type import asked_type

    asked = "what share of Northam's cases were from minority ethnic groups?"
    assert asked_type(asked) == "case_share"
    assert asked_type("how many out of the cases looked at had a plan?") == "case_share"
    # a share of staff is a share of a group, not a share of cases
    assert asked_type("what % of case managers were agency staff?") == "share"
    findings = make_findings(tmp_path / "store", reports=[WESSEX])
    # the area's population share is no share of the cases looked at
    a = findings.ask("what share of Wessex Vale's cases were from minority ethnic groups?")
    assert not a.found, a.answer


def test_a_list_of_key_questions_of_reports_without_them_is_not_their_criteria(tmp_path):
    findings = make_findings(tmp_path / "store", reports=[WESSEX])
    a = findings.ask("what did each key question get in Wessex Vale?")
    assert not a.found, a.answer
    assert "55%" not in a.answer

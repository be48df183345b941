"""Several reports loaded, a question that names none: answered across the reports when it
compares or aggregates, else for each report (up to the setting) with the rest named; never
from whichever report comes first. Over seven fictional reports of three formats; every
expected value was read from the report texts by hand."""

from __future__ import annotations

import re

import pytest
from answer_fakes import HashEmbedder, make_findings
from corpora import MIXED_SEVEN

from assistant.answers.fanout import Reach, fan_out, plan
from assistant.answers.registry import Context, Route, dispatch
from assistant.answers.routing import parse

FILES = MIXED_SEVEN
CORE = ["Eastmere (2014)", "Harrowfield (2021)", "Lowmoor (2021)", "Penmarrow (2024)"]
RATED = ["Eastmere (2014)", "Stockbridge-on-Wear (2011)", "Vale of Ashdown (2010)"]


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("fanout") / "store", reports=FILES)


@pytest.fixture(scope="module")
def texts(findings):
    return {r.id: r.text for r in findings.reports()}


def _citations_hold(answer, texts) -> None:
    """Every mark points at a citation, numbered in order of first use, each used and each an
    exact quote of its report."""
    marks = [int(n) for n in re.findall(r" \[(\d+)\]", answer.answer)]
    assert sorted(set(marks)) == list(range(1, len(answer.citations) + 1)), answer.answer
    first_use = list(dict.fromkeys(marks))
    assert first_use == sorted(first_use), answer.answer
    for c in answer.citations:
        assert c.quote and c.quote in texts[c.report], c


def _line_citing(answer, report_id: str, quoted: str) -> str:
    """The answer line whose citation quotes ``quoted`` from ``report_id``."""
    for n, c in enumerate(answer.citations, 1):
        if c.report == report_id and quoted in c.quote:
            return next(line for line in answer.answer.splitlines() if f"[{n}]" in line)
    raise AssertionError(f"no citation of {quoted!r} from {report_id}: {answer.answer}")


# question -> {report: (the value the answer gives, what its citation quotes)}, the reports
# named as holding nothing on it.
EACH = [
    (
        "What was the safeguarding score?",
        {
            "stockbridge-on-wear-2011": ("58%", "58 per cent"),
            "vale-of-ashdown-2010": ("77%", "77%"),
            "wessex-vale-2011": ("64%", "64%"),
        },
        CORE,
    ),
    (
        "What was the overall rating?",
        {
            "harrowfield-2021": ("Requires improvement", "Requires improvement"),
            "lowmoor-2021": ("Requires improvement", "Requires improvement"),
            "penmarrow-2024": ("Inadequate", "Inadequate"),
        },
        RATED + ["Wessex Vale (2011)"],
    ),
    (
        "what did inspectors find about victim safety?",
        {
            "stockbridge-on-wear-2011": ("70 per cent", "70 per cent"),
            "vale-of-ashdown-2010": ("85%", "85%"),
            "wessex-vale-2011": ("83%", "83%"),
        },
        CORE,
    ),
]


@pytest.mark.parametrize("question,values,nothing", EACH, ids=[q for q, _, _ in EACH])
def test_a_question_of_one_report_is_answered_for_each(findings, texts, question, values, nothing):
    a = findings.ask(question)
    assert a.found, a.answer
    _citations_hold(a, texts)
    labels = {r.id: f"{r.area} ({r.year})" for r in findings.reports()}
    for report_id, (value, quoted) in values.items():
        line = _line_citing(a, report_id, quoted)
        assert value in line, a.answer
        # Under the report's own heading (or on a line that names it).
        lines = a.answer.splitlines()
        at = lines.index(line)
        assert any(labels[report_id] in x for x in lines[: at + 1][-3:]), a.answer
    assert {c.report for c in a.citations} == set(values), a.answer
    said_nothing = next(x for x in a.answer.splitlines() if x.startswith("Nothing on this in:"))
    assert all(name in said_nothing for name in nothing), a.answer
    assert "Also loaded" not in a.answer


def test_a_date_every_report_states_is_answered_for_the_first_few_the_rest_named(findings, texts):
    """Six loaded reports date their fieldwork: five are answered, each value on a line naming
    its report and citing where the report says it; the sixth is named, not dropped. Penmarrow
    dates only its publication, which is no answer to when the fieldwork was: it is named as
    saying nothing on it."""
    a = findings.ask("When was the fieldwork?")
    assert a.found, a.answer
    _citations_hold(a, texts)
    dated = {
        "eastmere-2014": "September 2014",
        "harrowfield-2021": "March 2021",
        "lowmoor-2021": "March 2021",
        "stockbridge-on-wear-2011": "November 2010",
        "vale-of-ashdown-2010": "July 2010",
        "wessex-vale-2011": "January 2011",
    }
    labels = {r.id: f"{r.area} ({r.year})" for r in findings.reports()}
    answered = {c.report for c in a.citations}
    assert len(answered) == 5, a.answer
    for report_id in answered:
        line = _line_citing(a, report_id, dated[report_id])
        assert labels[report_id] in line and dated[report_id] in line, a.answer
    also = next(x for x in a.answer.splitlines() if x.startswith("Also loaded"))
    assert all(labels[r] in also for r in set(dated) - answered), a.answer
    assert "penmarrow-2024" not in answered
    assert any(
        x.startswith("Nothing on this in") and labels["penmarrow-2024"] in x
        for x in a.answer.splitlines()
    ), a.answer


def test_beyond_the_setting_the_reports_are_named_not_answered(findings, texts):
    from assistant.core import Findings

    two = Findings(findings.settings.model_copy(update={"fanout_reports": 2}), HashEmbedder())
    a = two.ask("What was the safeguarding score?")
    _citations_hold(a, texts)
    assert {c.report for c in a.citations} == {"stockbridge-on-wear-2011", "vale-of-ashdown-2010"}
    assert "Also loaded: Wessex Vale (2011); ask about one by name." in a.answer
    assert "64%" not in a.answer


def test_recommendations_of_seven_reports_give_five_and_name_the_rest(findings, texts):
    a = findings.ask("What were the recommendations?")
    _citations_hold(a, texts)
    assert len({c.report for c in a.citations}) == 5
    also = next(x for x in a.answer.splitlines() if x.startswith("Also loaded:"))
    assert "Vale of Ashdown (2010)" in also and "Wessex Vale (2011)" in also
    # A report's part is kept short; the rest is left for a question that names it.
    assert all(len(x) < 400 for x in a.answer.splitlines())


# Questions that compare or aggregate: one answer over the reports, like with like.
ACROSS = [
    (
        "which YOT had the lowest safeguarding score?",
        ["Lowest: Stockbridge-on-Wear (2011) (58%)", "77%", "64%"],
        [],
    ),
    (
        "which YOT had the highest risk of harm score?",
        ["Highest: Vale of Ashdown (2010) (66%)", "49%", "57%"],
        [],
    ),
    # (49 + 66 + 57) / 3
    ("average risk of harm score across the reports", ["Their average: 57.3%"], []),
    (
        "whats the lowest headline score across all the reports",
        [
            "Stockbridge-on-Wear (2011), Risk of Harm 49%",
            "Penmarrow (2024), Overall rating Inadequate",
        ],
        ["Outstanding", "Harrowfield (2021), Overall"],
    ),
    (
        "which standards were rated inadequate?",
        ["6 of the 12", "2.4 Reviewing (Inadequate)", "Eastmere (2014): rated on another scale"],
        ["Protecting the child"],
    ),
    (
        "which criterion scored lowest?",
        ["in Harrowfield (2021): 2.2 Planning Inadequate", "in Wessex Vale (2011): 3.1"],
        ["Assessment Outstanding"],
    ),
]


@pytest.mark.parametrize("question,must,must_not", ACROSS, ids=[q for q, _, _ in ACROSS])
def test_a_comparison_or_aggregate_is_answered_across(findings, texts, question, must, must_not):
    a = findings.ask(question)
    assert a.found, a.answer
    _citations_hold(a, texts)
    for m in must:
        assert m in a.answer, a.answer
    for m in must_not:
        assert m not in a.answer, a.answer
    assert "Also loaded" not in a.answer and "Nothing on this in" not in a.answer


def test_parts_of_each_report_are_set_side_by_side_like_with_like(findings, texts):
    a = findings.ask("how did court work compare with out-of-court work?")
    assert a.route == "domains", a.answer
    _citations_hold(a, texts)
    assert {c.report for c in a.citations} == {"harrowfield-2021", "lowmoor-2021", "penmarrow-2024"}
    lines = a.answer.splitlines()
    penmarrow = lines[lines.index("Penmarrow (2024):") :]
    assert "Court disposals: 3 Inadequate, 1 Requires improvement." in penmarrow, a.answer
    assert "%" not in a.answer  # ratings, never a percentage
    assert "Eastmere (2014)" in next(x for x in lines if x.startswith("Nothing on this in:"))


def test_follow_ups_keep_working(findings):
    first = findings.ask("What was the safeguarding score?")
    second = findings.ask("and the risk of harm one?", first.conversation_id)
    assert all(v in second.answer for v in ("49%", "66%", "57%")), second.answer
    assert "58%" not in second.answer
    third = findings.ask("and in Wessex Vale?", second.conversation_id)
    assert "57%" in third.answer and "49%" not in third.answer and "66%" not in third.answer
    assert {c.report for c in third.citations} == {"wessex-vale-2011"}


def test_a_follow_up_on_what_each_report_said_is_answered_for_each(findings):
    first = findings.ask("What was the risk of harm score?")
    weaknesses = findings.ask("what were its weaknesses?", first.conversation_id)
    assert {(c.report, c.section) for c in weaknesses.citations} >= {
        ("stockbridge-on-wear-2011", "1.2"),  # its own number for risk of harm assessment
        ("vale-of-ashdown-2010", "1.1"),
        ("wessex-vale-2011", "1.1"),
    }, weaknesses.answer


def test_a_named_report_is_answered_alone(findings):
    a = findings.ask("What was Wessex Vale's safeguarding score?")
    assert "64%" in a.answer and "Nothing on this in" not in a.answer
    assert {c.report for c in a.citations} == {"wessex-vale-2011"}


def test_one_definition_in_several_glossaries_is_given_once(findings):
    a = findings.ask("what does RMP mean?")
    assert a.answer.count("Risk management plan. A plan") == 1, a.answer
    assert "RMP is defined in the glossaries of Vale of Ashdown (2010), Wessex Vale (2011)" in (
        a.answer
    )


def test_differing_definitions_are_each_given_with_their_report(findings):
    a = findings.ask("what does ETE mean?")
    assert "ETE (Eastmere (2014) glossary): Education, training and employment" in a.answer
    assert "ETE (Stockbridge-on-Wear (2011) glossary): Employment, training and education" in (
        a.answer
    )
    assert a.answer.count("Employment, training and education") == 1, a.answer


def test_with_one_report_loaded_nothing_changes(tmp_path):
    one = make_findings(tmp_path / "store", reports=FILES[:1])
    answerer = one.answerer
    loaded = one.reports()
    index = answerer.retriever.chunk_index(loaded)
    for question in ("What was the safeguarding score?", "What were the recommendations?"):
        intent = parse(question, loaded, index.vocabulary)
        ctx = Context(list(loaded), loaded, index, answerer.passages)
        assert fan_out(intent, ctx).answer == dispatch(intent, ctx).answer
        assert "Nothing on this in" not in one.ask(question).answer


def test_which_routes_fan_out_is_data():
    reach = plan().reach
    assert set(reach) == set(Route)  # every route is placed, once (a repeat is refused)
    assert reach[Route.COMPARE] == Reach.ACROSS and reach[Route.SCORE] == Reach.EACH
    assert plan().part_lines > 0

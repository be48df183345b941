"""Lists of reports picked by what the catalogue stores of each (region, year, format, overall
rating): answered from the stored fields, each report cited where its own text says it. Over
seven fictional reports of three formats; the expected reports were read from their texts by
hand (Wessex Vale states the South West region, Stockbridge-on-Wear the North East; Penmarrow
is the one rated Inadequate overall; Harrowfield and Lowmoor are dated June 2021)."""

from __future__ import annotations

import re

import pytest
from answer_fakes import make_findings
from corpora import MIXED_SEVEN

from assistant.answers import fanout
from assistant.answers.catalogue import Facet, Pick, picks_in
from assistant.answers.registry import Route
from assistant.answers.routing import parse

FILES = MIXED_SEVEN


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("listing") / "store", reports=FILES)


@pytest.fixture(scope="module")
def texts(findings):
    return {r.id: r.text for r in findings.reports()}


def ask(findings, question: str):
    return findings.answerer.answer(question)[0]


def listed(answer) -> list[str]:
    """The reports the answer lists, by the citations of its list lines."""
    ids = []
    for line in answer.answer.splitlines():
        if line.startswith("- "):
            marks = [int(n) for n in re.findall(r"\[(\d+)\]", line)]
            ids.append({answer.citations[n - 1].report for n in marks})
    assert all(len(i) == 1 for i in ids), answer.answer  # a line cites its own report only
    return sorted(i.pop() for i in ids)


def grounded(answer, texts) -> None:
    assert answer.citations, answer.answer
    for c in answer.citations:
        assert c.quote and c.quote in texts[c.report], c


def test_areas_of_a_region_are_listed_with_the_statement_of_each(findings, texts):
    a = ask(findings, "Which areas are in the South West region?")
    assert a.route == Route.LISTING and a.found, a.answer
    assert listed(a) == ["wessex-vale-2011"]
    assert a.answer.startswith("1 of the 7 loaded reports")
    grounded(a, texts)
    (c,) = a.citations
    assert "South West" in c.quote and "located" in c.quote  # the sentence that states it


def test_reports_rated_inadequate_overall(findings, texts):
    a = ask(findings, "Which YOTs were rated Inadequate overall?")
    assert a.route == Route.LISTING and a.found, a.answer
    assert listed(a) == ["penmarrow-2024"]
    grounded(a, texts)
    assert "Inadequate" in a.citations[0].quote
    other = ask(findings, "which areas got Requires improvement overall")
    assert listed(other) == ["harrowfield-2021", "lowmoor-2021"]


def test_reports_of_a_year_and_a_format(findings, texts):
    a = ask(findings, "list the areas inspected in 2021")
    assert a.route == Route.LISTING and listed(a) == ["harrowfield-2021", "lowmoor-2021"]
    grounded(a, texts)
    assert all("2021" in c.quote for c in a.citations)
    both = ask(findings, "How many core case reports are from 2011?")
    assert both.route == Route.LISTING, both.answer
    assert listed(both) == ["stockbridge-on-wear-2011", "wessex-vale-2011"]
    assert both.answer.startswith("2 of the 7 loaded reports")
    grounded(both, texts)
    # each report cited twice: its title (the format) and its date (the year)
    assert len(both.citations) == 4


def test_a_follow_up_changes_one_condition(findings):
    first, intent = findings.answerer.answer("Which areas are in the South West region?")
    assert listed(first) == ["wessex-vale-2011"]
    then, _ = findings.answerer.answer("and the North East?", intent.state())
    assert then.route == Route.LISTING and listed(then) == ["stockbridge-on-wear-2011"]
    rated, intent = findings.answerer.answer("which YOTs were rated Requires improvement overall?")
    narrower, _ = findings.answerer.answer("and in 2021?", intent.state())
    assert listed(narrower) == ["harrowfield-2021", "lowmoor-2021"]
    assert "rated Requires improvement overall" in narrower.answer  # the rating is kept


def test_no_report_meets_the_conditions(findings):
    a = ask(findings, "Which areas were rated Outstanding overall?")
    assert a.route == Route.LISTING and not a.found
    assert "None of the 7 loaded reports" in a.answer and not a.citations


@pytest.mark.parametrize(
    ("question", "route"),
    [
        ("Which areas of work were judged good?", Route.RATED),
        ("Which standards were rated inadequate in Harrowfield?", Route.RATED),
        ("Where was Wessex Vale YOT located?", Route.CONTEXT),
    ],
)
def test_other_questions_keep_their_routes(findings, question, route):
    reports = findings.reports()
    vocabulary = findings.answerer.retriever.chunk_index(reports).vocabulary
    assert parse(question, reports, vocabulary).route == route


@pytest.mark.parametrize(
    "question",
    [
        "Which areas were not rated Good overall?",  # the opposite list: not guessed
        "Which area had the lowest safeguarding score in 2011?",  # an extreme
        "Which areas in the South West scored below 50% on safeguarding?",  # a measure
    ],
)
def test_lists_that_ask_more_are_not_answered_from_the_catalogue(findings, question):
    reports = findings.reports()
    vocabulary = findings.answerer.retriever.chunk_index(reports).vocabulary
    assert parse(question, reports, vocabulary).route != Route.LISTING


def test_picks_are_read_from_the_question(findings):
    reports = findings.reports()
    picks, rest = picks_in("which 2012-2017 inspections were in the North\nEast?", reports)
    assert picks == [Pick(Facet.FORMAT, "inspection-2012"), Pick(Facet.REGION, "North East")]
    assert "2012" not in rest  # the format's years are not a year asked for


def test_many_reports_are_searched_together_not_one_by_one(findings, texts, monkeypatch):
    """Over more reports than are searched one by one, a context question is one search
    across them; those it does not reach are named as not searched, never as silent."""
    calls = []
    passages = findings.answerer.passages
    real = passages.best_sentences

    def counted(question, reports, *args, **kwargs):
        calls.append(list(reports))
        return real(question, reports, *args, **kwargs)

    monkeypatch.setattr(passages, "best_sentences", counted)
    few = _plan(searched_each=2)
    monkeypatch.setattr(fanout, "plan", lambda: few)
    # (not a figure such as the population: a figure the reports state is answered from their
    # fact units, with no search at all)
    a = ask(findings, "What is the ethnic make-up of the area?")
    assert a.found and a.route == Route.CONTEXT, a.answer
    grounded(a, texts)
    assert len(calls[0]) == 7  # the first search: every report at once
    assert len(calls) <= 1 + fanout.DEFAULT_LIMIT  # then each answering report on its own
    assert "Nothing on this in" not in a.answer


def _plan(searched_each: int) -> fanout.Plan:
    real = fanout.plan()
    return fanout.Plan(real.reach, real.part_lines, real.names_listed, searched_each)


@pytest.mark.parametrize(
    "question", ["which reports are loaded?", "how many reports do you have?", "list the reports"]
)
def test_the_loaded_reports_themselves_are_listed_newest_first(findings, texts, question):
    a = ask(findings, question)
    assert a.route == Route.LISTING and a.found, a.answer
    assert a.answer.startswith(f"{len(FILES)} reports are loaded")
    assert sorted(listed(a)) == sorted(texts)
    grounded(a, texts)
    years = [int(m) for m in re.findall(r"\((\d{4})\)", a.answer)]
    assert years == sorted(years, reverse=True)


def test_the_report_a_question_picks_by_its_date_is_named(findings):
    a = ask(findings, "what is the oldest report?")
    assert a.route == Route.LISTING and a.found, a.answer
    reports = findings.reports()
    oldest = min(r.year for r in reports if r.year)
    assert listed(a) == sorted(r.id for r in reports if r.year == oldest)

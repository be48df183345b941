"""What a route answers once the question's kind is right, over the fictional reports of every
format (tests/data/formats): a whole list of scores at the level asked for, a yes/no check of a
stated figure or rating that leads with its verdict, the report's dates, and a summary whose
lowest and highest measure read a rating scale the right way round."""

from __future__ import annotations

from pathlib import Path

import pytest
from answer_fakes import make_findings

from assistant.answers import dates, stated
from assistant.answers.intent import Target
from assistant.answers.score_lists import ALL, levels_asked
from assistant.paraphrase_set import verdict_of
from ingest.model import Previous, Report, Role, Score, Source, Unit

FORMATS = Path(__file__).resolve().parent / "data" / "formats"
# The mutated Wessex Vale copy has the same report id as the original: one of the two.
FILES = [p for p in sorted(FORMATS.glob("*.txt")) if "core-comparison-mutated" not in p.name]

# (question, must contain, must not contain, verdict the answer leads with or None)
ASKED: list[tuple[str, list[str], list[str], str | None]] = [
    # every measure of the level asked for
    (
        "give me all the criterion scores for Northbridge and Moorvale",
        ["1.1 Risk of Harm to Others 54%", "2.2 Reducing the Likelihood of Reoffending 74%", "71%"],
        [],
        None,
    ),
    (
        "list the three headline scores for Northbridge and Moorvale",
        ["61%", "57%", "70%"],
        ["54%"],
        None,
    ),
    (
        "list all the scores for section 2 in Northbridge and Moorvale",
        ["64%", "56%", "74%", "63%"],
        ["54%", "72%"],
        None,
    ),
    (
        "list every standard and its rating for Harrowfield",
        ["12 standards", "2.2 Planning Inadequate", "3.1 Assessment Outstanding"],
        ["%"],
        None,
    ),
    # a stated figure or rating: the verdict first, then the stored value
    ("was Harrowfield rated Outstanding overall?", ["Requires improvement"], [], "no"),
    ("was Cold Ashby rated Good overall?", ["Good"], [], "yes"),
    (
        "was Northbridge and Moorvale's safeguarding score 43% at the previous inspection?",
        ["43%"],
        [],
        "yes",
    ),
    (
        "my notes say Northbridge and Moorvale scored 80% for 2.2; is that correct?",
        ["74%"],
        [],
        "no",
    ),
    # dates the report states
    ("when was the Penmarrow report published?", ["March 2024"], [], None),
    ("which month was the fieldwork in Eastmere?", ["September 2014"], ["November 2014"], None),
    ("when were the inspectors on site in Harrowfield?", ["March 2021"], ["June 2021"], None),
    # the key findings of an area of work named by its name
    (
        "what did the inspectors find about protecting the child in Eastmere?",
        ["Protecting the child", "Key findings (2)"],
        ["Protecting the public"],
        None,
    ),
    # a rating scale read the right way round: Inadequate is the lowest, Outstanding the highest
    (
        "summarise the Harrowfield report",
        ["Lowest criterion: 2.2 Planning Inadequate", "highest: 3.1 Assessment Outstanding"],
        [],
        None,
    ),
]


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("handlers") / "store", reports=FILES)


@pytest.fixture(scope="module")
def texts(findings):
    return {r.id: r.text for r in findings.reports()}


@pytest.mark.parametrize("row", ASKED, ids=[r[0] for r in ASKED])
def test_answer_over_the_formats(findings, texts, row):
    question, must, must_not, verdict = row
    a = findings.ask(question)
    assert a.found, a.answer
    for m in must:
        assert m.lower() in a.answer.lower(), a.answer
    for m in must_not:
        assert m.lower() not in a.answer.lower(), a.answer
    if verdict:
        assert verdict_of(a.answer) == verdict, a.answer
    assert a.citations, a.answer
    for c in a.citations:
        assert c.quote in texts[c.report], c


@pytest.mark.parametrize(
    ("question", "targets", "levels"),
    [
        ("give me every criterion score", [], ("criterion",)),
        ("what were the three headline scores?", [], ("headline",)),
        ("the overall scores for each of the three sections", [], ("section",)),
        ("all of its scores for a slide, criteria included", [], ALL),
        ("all the scores for section 2", [Target(Role.OVERALL, "2")], ("section", "criterion")),
        ("every key question score", [], ("key-question",)),
        ("what was the safeguarding score?", [], ()),
        ("what was the safeguarding score in all the reports?", [], ()),
        ("every score for 1.3", [Target(Role.CRITERION, "1.3")], ()),
    ],
)
def test_levels_asked(question, targets, levels):
    assert levels_asked(question, targets) == levels


def _score(unit: str, value, rating=None, previous=None) -> Score:
    src = Source("1", "1 Heading", "quote", 0)
    return Score("k", "Name", value, None, Role.HEADLINE, src, unit, rating, previous=previous)


@pytest.mark.parametrize(
    ("question", "score", "earlier", "said"),
    [
        ("was it 41%?", _score(Unit.PERCENT, 41), False, "Yes"),
        ("a colleague says it got 40% - true?", _score(Unit.PERCENT, 41), False, "No"),
        ("is it right that it was 41 per cent", _score(Unit.PERCENT, 41), False, "Yes"),
        ("was it rated Good?", _score(Unit.RATING, 2, "Good"), False, "Yes"),
        ("was it rated Requires improvement?", _score(Unit.RATING, 2, "Good"), False, "No"),
        ("was it rated Good or Outstanding?", _score(Unit.RATING, 2, "Good"), False, ""),
        ("what was the score?", _score(Unit.PERCENT, 41), False, ""),
        ("was it 41% or 45%?", _score(Unit.PERCENT, 41), False, ""),
        (
            "was it 30% last time?",
            _score(Unit.PERCENT, 41, previous=Previous(30, Source("1", "h", "q", 0))),
            True,
            "Yes",
        ),
        ("was criterion 2.2 good?", _score(Unit.PERCENT, 41), False, ""),
    ],
)
def test_stated_verdict(question, score, earlier, said):
    assert stated.verdict(question, score, earlier=earlier) == said


_TEXT = (
    "Inspection of youth justice work in Harbourside\n\nJuly 2020\n\n"
    "Harbourside has 40 staff. The service moved offices in March 2019.\n\n"
    "Fieldwork for this inspection was undertaken in May 2020. We looked at 30 cases.\n"
)


def test_fieldwork_dates_are_the_dated_sentences_about_the_inspection():
    report = Report("harbourside-2020", "Harbourside", "t", _TEXT, published="July 2020")
    found = dates.fieldwork_dates(report)
    assert [d.when for d in found] == ["May 2020"]
    assert found[0].citation.quote == "Fieldwork for this inspection was undertaken in May 2020."
    assert found[0].citation.quote in _TEXT
    assert dates.publication_date(report).when == "July 2020"


@pytest.mark.parametrize(
    ("question", "dated", "published"),
    [
        ("when did the Harbourside report come out?", True, True),
        ("which month were the inspectors on site?", True, False),
        ("when was the inspection?", True, False),
        ("when was the YOT set up?", False, False),
        ("when was the fieldwork, and who signed the report?", False, False),
        ("what was the safeguarding score?", False, False),
    ],
)
def test_date_questions(question, dated, published):
    assert dates.asks_date(question) is dated
    if dated:
        assert dates.asks_publication(question) is published


@pytest.mark.parametrize("name", ["score_lists.yaml", "stated.yaml", "dates.yaml"])
def test_cue_examples(name):
    from ingest.text.resources import load_cues

    for cue in load_cues("assistant.answers", name).values():
        for e in cue.examples:
            assert cue.pattern.search(e), (cue.name, e)
        for e in cue.counterexamples:
            assert not cue.pattern.search(e), (cue.name, e)


def test_a_document_with_no_scores_is_summarised_by_its_own_findings(findings):
    a = findings.ask("summarise The Journey Home report")
    assert a.found, a.answer
    assert "27 of the 48" in a.answer and "What we found" in a.answer
    assert "Glossary" not in a.answer


def test_a_document_with_no_recommendations_matches_none():
    from assistant.answers.routes.recommendations import _best_by_text

    assert _best_by_text([], {"plan", "review"}) == []


@pytest.mark.parametrize(
    ("area", "question", "must"),
    [
        ("Harrowfield", "list every key question score for Harrowfield", ["key questions", "69%"]),
        (
            "Northbridge and Moorvale",
            "give me all of Northbridge and Moorvale's scores, criteria included",
            ["3 headline scores", "3 section scores", "8 criteria"],
        ),
    ],
)
def test_a_list_sent_to_the_computed_route_lists_the_levels_asked(findings, area, question, must):
    """A list request the question kinds send to the computed route (as a count of one scope)
    still lists every level it asks for."""
    from assistant.answers.intent import Intent
    from assistant.answers.registry import Context
    from assistant.answers.routes.computed import ComputedSlots, Operation, answer

    reports = findings.reports()
    scoped = [r for r in reports if r.area == area]
    intent = Intent("computed", question, slots=ComputedSlots(op=Operation.COUNT))
    a = answer(intent, Context(scoped, reports, None, None))
    assert a.found, a.answer
    for m in must:
        assert m in a.answer, a.answer
    texts = {r.id: r.text for r in reports}
    for c in a.citations:
        assert c.quote in texts[c.report], c


@pytest.mark.parametrize(
    ("question", "found", "verdict"),
    [
        ("a colleague says Northbridge and Moorvale got 61% on safeguarding - true?", True, "yes"),
        ("a colleague says Northbridge and Moorvale got 16% on safeguarding - true?", True, "no"),
        # a year the stored score may not be of: no verdict from the report's own figure
        (
            "someone says Northbridge and Moorvale got 61% on safeguarding in 2014 - true?",
            False,
            None,
        ),
    ],
)
def test_a_claim_the_checker_cannot_place_is_checked_against_its_one_named_measure(
    findings, question, found, verdict
):
    from assistant.answers.intent import Intent
    from assistant.answers.registry import Context
    from assistant.answers.routes.claim import ClaimSlots, answer

    reports = findings.reports()
    scoped = [r for r in reports if r.area == "Northbridge and Moorvale"]
    intent = Intent(
        "claim",
        question,
        targets=[Target(Role.HEADLINE, "safeguarding")],
        slots=ClaimSlots(None),  # nothing the checker can place
    )
    a = answer(intent, Context(scoped, reports, None, None))
    assert a.found is found, a.answer
    if verdict:
        assert verdict_of(a.answer) == verdict and "61%" in a.answer, a.answer

"""Every route of the answerer, on the two parsed reports (real SQLite and Chroma; a hashing
embedder stands in for the model here: tests/test_answer_e2e.py uses the real one)."""

from __future__ import annotations

import re

import pytest
from answer_fakes import make_findings

from assistant.answers.answerer import MAX_QUESTION_CHARS, Answer


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("answer") / "store")


@pytest.fixture(scope="module")
def texts(findings):
    return {r.id: r.text for r in findings.reports()}


def ask(findings, question: str, **kw) -> Answer:
    return findings.ask(question, **kw)


def grounded(answer: Answer, texts: dict[str, str]) -> None:
    """The citation contract: every quote stands verbatim in its report, every marker cites."""
    assert answer.citations, answer.answer
    for c in answer.citations:
        assert c.quote and c.quote in texts[c.report], c
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)}
    assert markers == set(range(1, len(answer.citations) + 1))


def sections(answer: Answer) -> set[str]:
    return {c.section for c in answer.citations}


# --- the API shape ---------------------------------------------------------------------------


def test_answer_serialises_to_the_api_shape(findings):
    a = ask(findings, "What does RoSH mean?")
    d = a.to_dict()
    assert {"answer", "found", "citations", "conversation_id"} <= set(d)
    assert isinstance(d["answer"], str) and d["found"] is True
    assert d["conversation_id"] == a.conversation_id and len(a.conversation_id) >= 16
    for c in d["citations"]:
        assert set(c) == {"report", "section", "heading", "quote", "page"}


@pytest.mark.parametrize("question", ["", "   ", "x" * (MAX_QUESTION_CHARS + 1)])
def test_empty_or_overlong_question_is_refused(findings, question):
    with pytest.raises(ValueError):
        ask(findings, question)


def test_unknown_report_filter_is_not_found(findings):
    a = ask(findings, "What was the safeguarding score?", report="nowhere-1999")
    assert not a.found and "nowhere-1999" in a.answer and not a.citations


# --- glossary --------------------------------------------------------------------------------


def test_glossary_definition_is_quoted_and_cited(findings, texts):
    a = ask(findings, "what does RoSH mean?")
    assert a.found and a.route == "glossary"
    assert "Risk of Serious Harm" in a.answer
    grounded(a, texts)
    assert sections(a) == {"glossary"}
    # Related terms come from the glossary too: RoH shares the words of RoSH's expansion.
    assert "RoH: Risk of Harm to others" in a.answer


def test_glossary_definition_over_several_stretches_cites_each(findings, texts):
    """A definition whose lines had the term column merged in is read from several stretches
    of the text: the answer gives it whole and cites each stretch, none with the term's words."""
    a = ask(findings, "What does Interventions mean?")
    assert a.found and a.route == "glossary"
    grounded(a, texts)
    assert "change their offending behaviour and/or to support public protection" in a.answer
    assert "NB Both types of intervention are important." in a.answer
    quotes = [c.quote for c in a.citations]
    assert "offending behaviour and/or to support public protection." in quotes
    assert not any("constructive and offending" in q for q in quotes)


def test_glossary_difference_gives_both_definitions(findings, texts):
    a = ask(findings, "What's the difference between RoSH and RoH?")
    assert a.route == "glossary"
    assert "Risk of Serious Harm" in a.answer and "Risk of Harm to others" in a.answer
    grounded(a, texts)


def test_glossary_of_one_report_only(findings, texts):
    a = ask(findings, "what does NEET stand for?", report="wessex-vale-2011")
    assert "Not in Education, Employment or Training" in a.answer
    assert {c.report for c in a.citations} == {"wessex-vale-2011"}
    grounded(a, texts)


def test_glossary_spellings(findings):
    assert "Youth Offending Information System" in ask(findings, "What is YOIS+?").answer
    assert "Antisocial Behaviour Order" in ask(findings, "what does ASBO stand for").answer
    assert (
        "Youth Offending Service / Team"
        in ask(findings, "what does YOS mean", report="sefton-2009").answer
    )


def test_undefined_acronym_is_not_found(findings):
    a = ask(findings, "What does XYZQ stand for?")
    assert not a.found and not a.citations and "XYZQ" in a.answer


# --- scores ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question, facts, section",
    [
        ("What was Sefton's safeguarding score?", ["38%", "DRASTIC"], "summary"),
        ("what did 1.3 get in Sefton", ["28%", "DRASTIC"], "1.3"),
        ("overall score for outcomes in Sefton", ["52%"], "3"),
        ("Sefton score for sustaining outcomes", ["68%", "MODERATE"], "3.2"),
        ("What was the safeguarding assessment score in Wessex Vale?", ["62%", "MODERATE"], "1.3"),
        ("Wessex Vale's rating for safeguarding the child or young person", ["66%"], "2.3"),
        ("what's the LoR score for wessex vale", ["78%", "MINIMUM"], "summary"),
        ("Sefton's overall score for delivery and review of interventions", ["45%"], "2"),
    ],
)
def test_score_route(findings, texts, question, facts, section):
    a = ask(findings, question)
    assert a.found and a.route == "score", a.answer
    for fact in facts:
        assert fact in a.answer
    assert sections(a) == {section}
    grounded(a, texts)


def test_band_question_gets_a_yes_or_no(findings):
    assert ask(findings, "Did 3.2 in Sefton need moderate improvement?").answer.startswith("Yes")
    assert ask(findings, "Was Sefton's 1.3 band moderate?").answer.startswith("No")


def test_score_of_a_criterion_the_report_lacks(findings):
    a = ask(findings, "What was the score for 4.1 in Sefton?")
    assert not any("4.1" in c.section for c in a.citations)


# --- findings --------------------------------------------------------------------------------


def test_weaknesses_by_section_name(findings, texts):
    a = ask(findings, "weaknesses in the risk of harm assessment in Sefton")
    assert a.route == "findings"
    assert sections(a) == {"1.1"}
    assert "46%" in a.answer and "SUBSTANTIAL" in a.answer
    assert "no effective management oversight of the RoSH assessments" in a.answer
    assert "Strengths" not in a.answer
    # All five numbered items, each with its own citation, plus the score's.
    assert len(a.citations) == 6
    grounded(a, texts)


def test_strengths_by_number(findings, texts):
    a = ask(findings, "strengths in 2.3 in Wessex Vale")
    assert sections(a) == {"2.3"} and "Areas for improvement" not in a.answer
    assert "90% of community cases" in a.answer
    grounded(a, texts)


def test_section_words_pick_the_criterion(findings):
    # "safeguarding" alone is 1.3; "delivery" moves it to section 2's safeguarding criterion.
    assert sections(ask(findings, "strengths in safeguarding in Sefton")) == {"1.3"}
    assert sections(ask(findings, "strengths in safeguarding delivery in Sefton")) == {"2.3"}


def test_areas_for_improvement_in_a_named_criterion(findings):
    a = ask(findings, "areas for improvement in achievement of outcomes in Sefton")
    assert sections(a) == {"3.1"} and "67% of cases" in a.answer


def test_findings_about_a_topic_across_criteria(findings, texts):
    a = ask(findings, "What were the concerns about management oversight in Sefton?")
    assert a.found and a.route == "findings"
    assert {"1.1", "1.3"} <= sections(a)
    assert "management oversight" in a.answer
    grounded(a, texts)


# --- recommendations -------------------------------------------------------------------------


def test_all_recommendations_with_owners(findings, texts):
    a = ask(findings, "What were Sefton's recommendations?")
    assert a.route == "recommendations" and "8 recommendations" in a.answer
    assert "(Chair of Management Board)" in a.answer
    assert sections(a) == {"recommendations"}
    assert len(a.citations) == 8
    grounded(a, texts)


def test_recommendation_by_number_and_owner(findings):
    a = ask(findings, "What is Wessex Vale's recommendation 6?")
    assert "victim liaison officer" in a.answer and len(a.citations) == 1
    a = ask(findings, "Which Wessex Vale recommendations are for the Operations Manager?")
    assert len(a.citations) == 2 and "victim liaison" not in a.answer
    a = ask(findings, "Who is responsible for filling the vacant YOT Manager post?")
    assert "Chair of Management Board" in a.answer and len(a.citations) == 1


def test_next_steps(findings):
    a = ask(findings, "What are the next steps for Sefton?")
    assert sections(a) == {"next-steps"} and "four weeks" in a.answer


# --- computed --------------------------------------------------------------------------------


def test_lowest_and_highest_criterion(findings, texts):
    a = ask(findings, "Which criterion scored lowest in Sefton?")
    assert a.route == "computed" and "1.3 Safeguarding 28%" in a.answer
    assert sections(a) == {"1.3"}
    grounded(a, texts)
    a = ask(findings, "which criterion had the highest score in Wessex Vale")
    assert "2.2" in a.answer and "81%" in a.answer


def test_counts_and_lists_by_band(findings):
    a = ask(findings, "How many criteria need drastic improvement in Sefton?")
    assert "3 of the 8" in a.answer and sections(a) == {"1.3", "2.1", "3.1"}
    a = ask(findings, "How many of Sefton's criteria require substantial or drastic improvement?")
    assert "7 of the 8" in a.answer and "3.2" not in sections(a)
    a = ask(findings, "Which criteria needed only moderate improvement in Sefton?")
    assert sections(a) == {"3.2"}
    a = ask(findings, "Did any Wessex Vale criterion need drastic improvement?")
    assert a.found and "None of the 8" in a.answer and len(a.citations) == 8


def test_threshold_and_mean(findings):
    a = ask(findings, "Which Wessex Vale criteria scored below 60%?")
    assert sections(a) == {"1.1", "2.1", "3.1"}
    a = ask(findings, "What is the average criterion score in Sefton?")
    # (46 + 45 + 28 + 29 + 53 + 52 + 41 + 68) / 8 = 45.25
    assert "45.2%" in a.answer and len(a.citations) == 8


def test_headline_scope(findings):
    a = ask(findings, "Which headline score was lowest in Wessex Vale?")
    assert "Risk of Harm 57%" in a.answer and sections(a) == {"summary"}


# --- comparisons -----------------------------------------------------------------------------


def test_compare_across_reports(findings, texts):
    a = ask(findings, "Which area had the lower safeguarding score?")
    assert a.route == "compare"
    assert "Sefton (2009) is lower" in a.answer and "38%" in a.answer and "64%" in a.answer
    assert {c.report for c in a.citations} == {"sefton-2009", "wessex-vale-2011"}
    grounded(a, texts)
    a = ask(findings, "Which YOT scored higher on 3.2?")
    assert "Wessex Vale (2011) is higher" in a.answer


def test_compare_within_one_report(findings):
    a = ask(findings, "Was Sefton's 1.3 score lower than its 2.3 score?")
    assert sections(a) == {"1.3", "2.3"} and "lower" in a.answer


def test_compare_with_one_report_loaded(tmp_path, sample_report):
    only = make_findings(tmp_path / "one", reports=[__import__("answer_fakes").REPORTS[0]])
    a = only.ask("Which area had the lower safeguarding score?")
    assert not a.found and "nothing to compare" in a.answer


# --- context and anything else ---------------------------------------------------------------


@pytest.mark.parametrize(
    "question, fact, section",
    [
        ("What was the population of Sefton?", "283,000", "context"),
        ("When was the fieldwork for Wessex Vale?", "January 2011", "inspection-data"),
        ("What was Sefton's reoffending rate?", "64%", "context"),
        ("When was the Sefton report published?", "June 2009", "foreword"),
        ("Who signed the Wessex Vale report?", "Helen Marchbank", "foreword"),
    ],
)
def test_context_facts(findings, texts, question, fact, section):
    a = ask(findings, question)
    assert a.found and fact in a.answer, a.answer
    assert sections(a) == {section}
    grounded(a, texts)


def test_fallback_quotes_the_best_sentence(findings, texts):
    a = ask(findings, "Was there a YOT manager in post in Sefton at the time of the inspection?")
    assert a.found and "no YOT Manager active in post" in a.answer
    grounded(a, texts)
    # A quote is one sentence (or a few that belong together), not a whole chunk.
    assert all(len(c.quote) < 400 for c in a.citations)


@pytest.mark.parametrize(
    "question",
    [
        "What is the capital of France?",
        "recipe for pancakes",
        "What was Liverpool's safeguarding score?",
        "What was Sefton's safeguarding score in 2012?",
        "who won the football match last night",
        "What does CJS stand for?",
    ],
)
def test_not_in_the_reports(findings, question):
    a = ask(findings, question)
    assert not a.found and not a.citations, a.answer
    assert "38%" not in a.answer


# --- follow-ups ------------------------------------------------------------------------------


def test_follow_ups_resolve_against_the_previous_turn(findings):
    first = ask(findings, "What was Sefton's safeguarding score?")
    cid = first.conversation_id
    a = ask(findings, "and the risk of harm one?", conversation_id=cid)
    assert a.conversation_id == cid and "36%" in a.answer and "38%" not in a.answer
    a = ask(findings, "what were its strengths?", conversation_id=cid)
    assert a.route == "findings" and sections(a) <= {"1.1", "2.1"} and "Strengths" in a.answer


def test_follow_up_to_another_report_and_term(findings):
    cid = ask(findings, "What was the score for 1.1 in Wessex Vale?").conversation_id
    a = ask(findings, "and in Sefton?", conversation_id=cid)
    assert "46%" in a.answer and {c.report for c in a.citations} == {"sefton-2009"}
    cid = ask(findings, "What does MAPPA mean?").conversation_id
    a = ask(findings, "and MAPPP?", conversation_id=cid)
    assert "Multi-agency Public Protection Panel" in a.answer


def test_follow_up_keeps_the_section(findings):
    cid = ask(findings, "Strengths in 2.3 in Sefton").conversation_id
    a = ask(findings, "and the risk of harm one?", conversation_id=cid)
    assert sections(a) == {"2.1"} and "72% of cases" in a.answer


def test_without_conversation_id_nothing_is_inherited(findings):
    ask(findings, "What was Sefton's safeguarding score?")
    a = ask(findings, "and the risk of harm one?")
    # A fresh conversation: both reports' headline RoH scores, not a follow-up of Sefton only.
    assert "57%" in a.answer and "36%" in a.answer


# --- near misses are not answers -------------------------------------------------------------


def test_a_measure_the_reports_do_not_score(findings):
    a = ask(findings, "What was the Wessex Vale score for victim work?")
    assert not a.found and not a.citations
    assert "no score for “victim work”" in a.answer and "2.1 Protecting the public" in a.answer


def test_a_criterion_that_does_not_exist(findings):
    a = ask(findings, "What's the score for 1.4?")
    assert not a.found and "criterion 1.4" in a.answer and not a.citations


def test_a_partial_match_on_the_wrong_topic_is_not_an_answer(findings):
    # The reports give England averages, but only for YJB indicators, never for safeguarding.
    a = ask(findings, "What was the England average for safeguarding?")
    assert not a.found and not a.citations, a.answer


def test_term_defined_only_in_another_reports_glossary(findings, texts):
    a = ask(findings, "What does CAMHS mean in Wessex Vale?")
    assert "does not define CAMHS" in a.answer
    assert "Child and Adolescent Mental Health Services" in a.answer
    assert {c.report for c in a.citations} == {"sefton-2009"}
    grounded(a, texts)


def test_signatory_by_name(findings):
    a = ask(findings, "Who is Andrew Bridges?")
    assert a.found and "HM Chief Inspector of Probation" in a.answer
    assert {c.report for c in a.citations} == {"sefton-2009"}
    assert "Helen Marchbank" not in a.answer


def test_follow_up_comparison_with_another_report(findings):
    cid = ask(findings, "What was the score for 3.2 in Wessex Vale?").conversation_id
    a = ask(findings, "how does that compare with Sefton?", conversation_id=cid)
    assert a.route == "compare" and "68%" in a.answer and "73%" in a.answer
    assert {c.section for c in a.citations} == {"3.2"}


# --- claims ----------------------------------------------------------------------------------


def test_is_it_true_asks_the_claim_checker(findings, texts):
    a = ask(findings, "Is it true that Sefton's safeguarding was good enough 45% of the time?")
    assert a.route == "claim" and a.found and a.answer.startswith("No")
    assert "38%" in a.answer and {c.section for c in a.citations} == {"summary"}
    grounded(a, texts)
    a = ask(
        findings,
        "Is it true that 7 of the 8 criteria in Sefton need substantial or drastic improvement?",
    )
    assert a.answer.startswith("Yes") and len(a.citations) == 8
    a = ask(findings, "is it true that Knowsley scored 50% on safeguarding?")
    assert not a.found and not a.citations


# --- summaries and the scoring scheme --------------------------------------------------------


def test_summary(findings, texts):
    a = ask(findings, "Summarise the Sefton report")
    assert a.route == "summary" and "38%" in a.answer
    assert "extremely disappointing set of findings" in a.answer
    assert {"summary", "foreword"} <= sections(a)
    grounded(a, texts)


def test_scoring_bands_are_explained_from_the_report(findings, texts):
    a = ask(findings, "what do the bands mean?")
    assert a.route == "bands"
    assert "MINIMUM, MODERATE, SUBSTANTIAL or DRASTIC improvement" in a.answer
    assert "summary" in sections(a)
    grounded(a, texts)


def test_band_ranges(findings):
    a = ask(findings, "Which Sefton criteria need more than moderate improvement?")
    assert "7 of the 8" in a.answer and "3.2" not in sections(a)
    a = ask(findings, "Which Wessex Vale criteria need at most moderate improvement?")
    assert sections(a) == {"1.2", "1.3", "2.2", "2.3", "3.2"}


def test_definition_by_the_words_a_term_stands_for(findings):
    a = ask(findings, "what is a vulnerability management plan?")
    assert a.route == "glossary" and a.answer.startswith("VMP")


def test_misspelt_words_the_reports_use_are_put_right(findings):
    a = ask(findings, "waht was Sefton's safegaurding score")
    assert a.found and "38%" in a.answer
    a = ask(findings, "weaknesses in likelyhood of reofending in Sefton")
    assert sections(a) == {"1.2"}
    # ...but a name the reports never use is not turned into one they do.
    assert not ask(findings, "What was Knowsley's safeguarding score?").found


def test_why_follow_up_gives_the_reasons(findings):
    cid = ask(findings, "What was the score for 1.3 in Sefton?").conversation_id
    a = ask(findings, "why was it so low?", conversation_id=cid)
    assert a.found and sections(a) == {"1.3"} and "Areas for improvement" in a.answer
    cid = ask(
        findings, "Sefton's overall score for assessment and sentence planning"
    ).conversation_id
    a = ask(findings, "why?", conversation_id=cid)
    assert a.found and a.route == "fallback" and "1" in sections(a)

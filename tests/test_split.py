"""Several questions in one are split, each answered with its own citations, renumbered."""

from __future__ import annotations

from assistant.answers.citations import Citation
from assistant.answers.compose import Answer
from assistant.answers.split import answer_split, split_question
from ingest.model import Report


def _report(area: str, year: int) -> Report:
    return Report(id=f"{area.lower()}-{year}", area=area, year=year, title="t", text=area)


def test_two_questions_are_split_and_a_pronoun_stands_for_the_first_topic():
    parts = split_question("what is a risk management plan and were they done?")
    assert parts == ["what is a risk management plan?", "were risk management plan done?"]


def test_one_question_with_and_in_it_is_not_split():
    for q in (
        "what were the strengths and weaknesses?",
        "What was the overall score for assessment and sentence planning?",
        "compare safeguarding and risk of harm",
        "how did Northam and Eastmere compare?",
    ):
        assert split_question(q) == [q]


def test_a_later_question_keeps_the_report_the_first_names():
    reports = [_report("Northam", 2010), _report("Eastmere", 2014)]
    parts = split_question("when was the fieldwork in Eastmere and who signed the report?", reports)
    assert parts == ["when was the fieldwork in Eastmere?", "who signed the report in Eastmere?"]


def test_each_part_is_answered_with_its_own_citations():
    def one(part: str):
        quote = f"quote for {part}"
        c = Citation("northam-2010", "1.1", "1.1", quote)
        found = "done" not in part
        text = f"answer to {part} [1]" if found else "not found"
        return Answer(text, found, [c] if found else [], passages=[quote] if found else []), None

    answer, _ = answer_split(["what is X?", "what is Y?"], one)
    assert answer.found
    assert [c.quote for c in answer.citations] == ["quote for what is X?", "quote for what is Y?"]
    assert "answer to what is X? [1]" in answer.answer
    assert "answer to what is Y? [2]" in answer.answer
    partly, _ = answer_split(["what is X?", "were X done?"], one)
    assert partly.found and "not found" in partly.answer and len(partly.citations) == 1


def test_it_stands_for_the_report_the_first_question_names_else_its_topic():
    reports = [_report("Northam", 2010), _report("Eastmere", 2014)]
    parts = split_question("how many children live in Northam and what was it rated?", reports)
    assert parts == ["how many children live in Northam?", "what was Northam rated?"]
    parts = split_question("whats ISSP and how did Eastmere do on it?", reports)
    assert parts == ["whats ISSP?", "how did Eastmere do on ISSP?"]


def test_it_asked_of_a_defined_term_is_about_what_the_term_stands_for():
    from ingest.model import GlossaryEntry, Source

    text = "Glossary\nETE Employment, training and education\n"
    quote = "Employment, training and education"
    entry = GlossaryEntry(
        ["ETE"], "ETE", quote, Source("glossary", "Glossary", quote, text.index(quote))
    )
    report = Report(
        id="northam-2010", area="Northam", year=2010, title="t", text=text, glossary=[entry]
    )
    parts = split_question("whats ETE and how did Northam do on it?", [report])
    # not "how did Northam do on ETE?", which reads as the term's definition asked again
    assert parts[1] == "how did Northam do on Employment, training and education?"
    # a question that says more than the term keeps it as asked
    parts = split_question("whats ETE and what went wrong with it in Northam?", [report])
    assert parts[1] == "what went wrong with ETE in Northam?"


def test_a_count_that_leaves_out_what_it_counts_counts_the_first_topic():
    parts = split_question("what's a VMP, and how many were done?")
    assert parts == ["what's a VMP?", "how many VMP were done?"]
    # a count that says what it counts is left as it is
    parts = split_question("what's a VMP, and how many cases needed one?")
    assert parts[1] == "how many cases needed one?"

"""Everyday words for what findings name in the reports' own words."""

from pathlib import Path

from assistant.answers.plain_words import in_report_wording, in_report_words
from ingest.text.stemming import stem
from ingest.text.tokens import stems


def test_everyday_words_are_read_in_the_reports_words():
    topic = stems("mums and dads")
    assert in_report_words(topic) == [stem("parents")]
    assert in_report_words(stems("kids info")) == [stem("children"), stem("information")]


def test_report_words_are_kept_as_they_are():
    topic = stems("management oversight of vulnerability")
    assert in_report_words(topic) == topic


def test_a_question_is_written_in_the_reports_words_for_a_search():
    assert in_report_wording("what did they find about Housing?") == (
        "what did they find about accommodation?"
    )
    # a word inside another is left alone
    assert in_report_wording("what about the kidney unit?") == "what about the kidney unit?"


def test_a_document_with_no_findings_is_searched_in_its_own_words(tmp_path):
    from answer_fakes import make_findings

    from assistant.embeddings import get_embedder

    thematic = Path(__file__).parent / "data" / "formats" / "general-thematic-resettlement-2019.txt"
    assert "housing" not in thematic.read_text().lower()  # what the test rests on
    findings = make_findings(tmp_path / "store", embedder=get_embedder(), reports=[thematic])
    a = findings.ask("what did the resettlement thematic find about housing?")
    assert a.found and "Accommodation was confirmed" in a.answer

"""Everyday words for what findings name in the reports' own words."""

from assistant.answers.plain_words import in_report_words
from ingest.text.stemming import stem
from ingest.text.tokens import stems


def test_everyday_words_are_read_in_the_reports_words():
    topic = stems("mums and dads")
    assert in_report_words(topic) == [stem("parents")]
    assert in_report_words(stems("kids info")) == [stem("children"), stem("information")]


def test_report_words_are_kept_as_they_are():
    topic = stems("management oversight of vulnerability")
    assert in_report_words(topic) == topic

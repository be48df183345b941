"""Which topic words of a findings question count: a word most findings hold narrows nothing,
and a compound no loaded report writes is a thing they do not mention."""

from __future__ import annotations

from assistant.answers.passages import content_words
from assistant.answers.plain_words import in_report_words
from assistant.answers.topic_words import (
    COMMON_SHARE,
    about_words,
    distinctive,
    held_by_findings,
    in_findings_words,
    unmentioned_topic,
)
from ingest.text.tokens import stems


def _findings(*texts: str) -> list[frozenset[str]]:
    return [frozenset(stems(t)) for t in texts]


def test_a_word_most_findings_hold_does_not_narrow_the_topic():
    findings = _findings(
        "young people were seen weekly",
        "young people helped write their plans",
        "young people were late for appointments",
        "joint work on mental health with the provider",
        "the board met monthly",
    )
    assert COMMON_SHARE < 3 / 5
    assert distinctive(stems("health young people"), findings) == stems("health")


def test_when_every_topic_word_is_common_all_of_them_count():
    findings = _findings("cases were reviewed", "cases were late", "plans in most cases")
    assert distinctive(stems("cases"), findings) == stems("cases")
    assert distinctive(stems("reviewed cases"), []) == stems("reviewed cases")


def test_the_words_a_question_says_it_is_about():
    assert about_words("Northam - any findings on gang involvement?") == ["gang", "involvement"]
    # what follows a question word is asking, and a dash ends the topic
    assert about_words("what did they say about how the kids fared") == []
    assert about_words("whats the story on reviews - any news?") == ["reviews"]


def _stem(word: str):
    return next(iter(in_report_words(content_words(word))), None)


def test_a_compound_no_report_writes_is_unmentioned(fictional_report):
    vocabulary = set(stems(fictional_report.text))
    missing = unmentioned_topic("any findings on gang involvement?", vocabulary, _stem)
    assert missing == ["gang involvement"]
    assert unmentioned_topic("what did they find about knife crime work?", vocabulary, _stem)


def test_words_the_report_uses_or_ways_of_asking_are_not_unmentioned(fictional_report):
    vocabulary = set(stems(fictional_report.text))
    for question in (
        "what did they say about risk management plans?",  # every word is in the report
        "what did they say about the way the board is run?",  # a lone unknown word
        "what did inspectors note about stopping reoffending?",  # a verb form
        "anything on vulnerability plan completion?",  # "completion" starts like "completed"
    ):
        assert unmentioned_topic(question, vocabulary, _stem) == [], question


def test_words_naming_who_the_work_is_for_never_narrow_beside_another_word():
    findings = _findings("plans for the transition to adult services", "young people were seen")
    topic = stems("young people adult services")
    assert distinctive(topic, findings) == stems("adult services")
    assert distinctive(stems("young people"), findings) == stems("young people")


def test_a_word_the_glossary_spells_out_is_read_as_the_abbreviation_findings_use(
    fictional_report,
):
    # the findings write "ETE staff"; the glossary spells ETE out as employment, training and
    # education
    topic = stems("education training")
    assert in_findings_words(topic, [fictional_report], most=12) == stems("ETE")
    assert held_by_findings(topic, [fictional_report], most=12) == topic
    # one word of a longer spelled-out form is no abbreviation ("training new staff")
    assert stems("training")[0] in in_findings_words(
        stems("training new staff"), [fictional_report], most=12
    )
    # a word the findings hold stays as it is; too many reports: nothing is read
    assert in_findings_words(stems("diversity"), [fictional_report], most=12) == stems("diversity")
    assert in_findings_words(topic, [fictional_report], most=0) == topic
    assert held_by_findings(topic, [fictional_report], most=0) == []

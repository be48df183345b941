"""A recommendation question that names a post no recommendation is for, or a topic none is
about, is not answered with every recommendation; an ordinal asked of a post counts within
that post's recommendations; "who has to fix things after the inspection?" gets the
recommendations and their owners, not only the next steps."""

from __future__ import annotations

import pytest
from answer_fakes import make_findings
from conftest import FICTIONAL

from assistant.answers.recommendation_scope import asks_action, by_position, scope_of
from ingest.model import Item, Source
from ingest.text.tokens import stems

_SRC = Source(section="recommendations", heading="Recommendations", quote="x", start=0)


def _item(n: int, text: str, owner: str | None) -> Item:
    return Item(n, n, text, _SRC, owner)


def _content(question: str) -> set[str]:
    return set(stems(question))


def test_a_post_and_a_topic_are_told_apart_from_the_asking():
    s = scope_of(_content("what does the report want the police to do"))
    assert s.posts == set(stems("police"))
    assert not s.topic
    s = scope_of(_content("any recommendations about staff sickness"))
    assert not s.posts
    assert s.topic == set(stems("sickness"))
    assert not scope_of(_content("what should they sort out first")).names_something


def test_an_ordinal_counts_within_the_posts_list_but_a_number_does_not():
    board = [_item(3, "receive data", "Board"), _item(4, "review policy", "Board")]
    assert by_position(board, [1], "what should the board do first?") == [board[0]]
    assert by_position(board, [-1], "the board's last one?") == [board[1]]
    assert by_position(board, [3], "what is recommendation 3 for the board?") == []


def test_asking_who_or_what_to_do_is_an_action():
    assert asks_action("who has to put things right after the inspection?")
    assert not asks_action("what happens after the inspection?")


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("scope") / "store", reports=[FICTIONAL])


@pytest.mark.parametrize(
    "question",
    [
        "what does the Wessex Vale report want the police to do?",
        "any recommendations about staff sickness for Wessex Vale?",
        "what deadline was Wessex Vale given for the recommendations?",
    ],
)
def test_a_post_or_topic_no_recommendation_has_is_not_found(findings, question):
    a = findings.ask(question)
    assert not a.found, a.answer
    assert not a.citations and a.related  # the recommendations offered, not as the answer


def test_a_post_the_recommendations_name_is_answered_with_its_own(findings):
    a = findings.ask("what does the Wessex Vale Head of Integrated Youth Support have to do?")
    assert a.found, a.answer
    assert "vulnerability management plans" in a.answer
    assert "full RoSH assessment" not in a.answer  # the Operations Manager's


def test_the_first_of_a_posts_recommendations(findings):
    a = findings.ask("what should the Wessex Vale YOT manager do first?")
    assert a.found, a.answer
    assert "intervention plan" in a.answer  # recommendation 4, the YOT Manager's first
    assert "full RoSH assessment" not in a.answer  # recommendation 1, another post's

"""A list asked for of which nothing qualifies is not found; asked as yes or no, "none" is the
answer."""

from __future__ import annotations

from assistant.answers.compose import Answer
from assistant.answers.none_found import asks_yes_no, listed_none


def _answer() -> Answer:
    return Answer("None of the 7 key questions scored below 10%: ...", True, [], route="computed")


def test_a_list_of_nothing_is_not_found_and_a_yes_no_question_is_answered():
    assert not listed_none(_answer(), "which key questions were under 10%?", False).found
    assert listed_none(_answer(), "were any key questions under 10%?", False).found
    assert listed_none(_answer(), "any key questions over 95%?", False).found
    assert listed_none(_answer(), "which key questions were under 60%?", True).found


def test_yes_no_wording():
    assert asks_yes_no("did any criterion need drastic improvement?")
    assert not asks_yes_no("list the criteria under 10%")

"""A report's numbered part asked for with its number in words."""

from assistant.answers.part_numbers import with_part_numbers


def test_a_number_in_words_is_the_part_number():
    assert with_part_numbers("weaknesses in section two") == "weaknesses in section 2"
    assert with_part_numbers("what went well in the third section?") == (
        "what went well in the section 3?"
    )
    assert with_part_numbers("domain 3 problems") == "section 3 problems"


def test_other_numbers_are_left_alone():
    # a criterion, a count of sections and a plain number are not a part named in words
    assert with_part_numbers("what did section 2.1 say?") == "what did section 2.1 say?"
    assert with_part_numbers("compare two sections") == "compare two sections"
    assert with_part_numbers("one section scored 45%") == "one section scored 45%"

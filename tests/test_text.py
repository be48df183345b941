"""The language layer (ingest/text): one home for tokens, stems, stopwords, sentences, quotes,
terms, and the cue patterns the packages above keep as data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.text.locate import find_cleaned, find_loose, find_quote
from ingest.text.resources import load_cues
from ingest.text.sentences import sentence_spans
from ingest.text.stemming import prefix_stem, stem
from ingest.text.stopwords import CLAIM_STOPWORDS, COMMON, STOPWORDS
from ingest.text.terms import exact_term_pattern, phrase_regex, term_pattern
from ingest.text.tokens import letter_words, stems, words

ROOT = Path(__file__).resolve().parent.parent


def test_the_two_stemmers_part_where_their_users_need_them_to():
    # Retrieval keeps roots apart that a claim's measure names run together.
    assert stem("inspection") != stem("inspector")
    assert prefix_stem("inspection") == prefix_stem("inspector")
    assert stem("protection") != stem("protecting")
    assert prefix_stem("protection") == prefix_stem("protecting")
    # Both meet on ordinary inflections.
    for a, b in [("assessments", "assessment"), ("outcomes", "outcome"), ("planning", "plan")]:
        assert stem(a) == stem(b)
        assert prefix_stem(a) == prefix_stem(b)


def test_stopwords_share_one_list_and_add_their_own():
    assert COMMON <= STOPWORDS and COMMON <= CLAIM_STOPWORDS
    assert "please" in STOPWORDS and "please" not in CLAIM_STOPWORDS
    assert "inspection" in CLAIM_STOPWORDS and "inspection" not in STOPWORDS
    assert stems("Please tell me about the safeguarding work") == ["safeguard", "work"]


def test_tokens():
    assert words("YOIS+ and Sefton's 3 cases") == ["yois+", "and", "sefton", "3", "cases"]
    assert letter_words("Sefton's 38% of YOIS+") == ["Sefton's", "of", "YOIS+"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("One. Two! Three? four", ["One.", "Two!", "Three? four"]),
        ('He said "Go." Then 3 more.', ['He said "Go."', "Then 3 more."]),
        ("Tools, e.g. The Asset form. Next.", ["Tools, e.g. The Asset form.", "Next."]),
        ("A 3.5 rate. (See below.) End", ["A 3.5 rate.", "(See below.)", "End"]),
        ("  \n ", []),
    ],
)
def test_sentence_spans(text, expected):
    assert [text[a:b] for a, b in sentence_spans(text)] == expected


def test_sentence_spans_within_a_range_keep_offsets_in_the_whole_text():
    text = "Head. One two. Three four. Tail."
    start, end = text.index("One"), text.index(" Tail")
    assert [text[a:b] for a, b in sentence_spans(text, start, end)] == ["One two.", "Three four."]


def test_locating_quotes():
    text = "one two\nthree   four well-\nbeing"
    assert find_quote(text, "two\nthree") == (4, 13)
    assert find_quote(text, "two three four") == (4, 20)
    assert find_quote(text, "TWO three") is None  # a quote keeps its case
    assert find_loose(text, "TWO three") == (4, 13)  # a search need not
    assert find_cleaned(text, "four well-being") == (16, 32)
    assert find_cleaned(text, "five") is None


def test_the_two_term_readings():
    # Asked about: any case past two letters, and an acronym's plural.
    assert term_pattern("RoSH").search("what does rosh mean")
    assert term_pattern("VMP").search("how many VMPs were there")
    # Marked for a reader: the printed spelling only.
    assert not exact_term_pattern("RoSH").search("what does rosh mean")
    assert not exact_term_pattern("VMP").search("how many VMPs were there")
    assert exact_term_pattern("asset").search("The Asset form")


def _cue_files() -> list[tuple[str, str]]:
    found = []
    for top in ("ingest", "assistant", "web"):
        for path in sorted((ROOT / top).rglob("*cues*.yaml")):
            rel = path.relative_to(ROOT)
            found.append((".".join(rel.parent.parts), rel.name))
    return found


def test_cue_files_exist():
    assert _cue_files(), "no cue pattern files found"


@pytest.mark.parametrize("package, name", _cue_files())
def test_every_cue_compiles_and_matches_its_examples(package, name):
    cues = load_cues(package, name)
    assert cues
    for cue in cues.values():
        assert cue.examples, f"{name}: {cue.name} lists no examples"
        for example in cue.examples:
            assert cue.pattern.search(example), f"{name}: {cue.name} misses {example!r}"
        for example in cue.counterexamples:
            assert not cue.pattern.search(example), f"{name}: {cue.name} matches {example!r}"


def test_a_phrase_is_found_across_a_line_break_and_taken_literally():
    pattern = re.compile(phrase_regex("Requires improvement"), re.I)
    assert pattern.search("rated Requires\nimprovement overall")
    assert re.fullmatch(phrase_regex("3.1 (a)"), "3.1  (a)")
    assert not re.fullmatch(phrase_regex("3.1"), "321")

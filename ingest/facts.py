"""Numeric statements: percentages, counts, rates per 1,000 and populations, with comparisons.

Works on raw passages (so each fact's quote is an exact substring of the report text) and
cleans only the sentence it stores.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ingest.model import Fact, Source
from ingest.text.layout import clean_text, word_list, word_set
from ingest.text.qualifiers import qualifiers_in
from ingest.text.sentences import sentence_spans

NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        word_list(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
        )
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
_NUM = r"(?:\d+|" + "|".join(NUMBER_WORDS) + r")"

_PERCENT = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d+)?)\s*(?:%+|per\s*cent\b|percent\b)", re.I)
_PER_1000 = re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?)\s+per\s+1,?000\b", re.I)
_POPULATION = re.compile(
    r"population\s+(?:of\s+)?(?:about\s+|approximately\s+|around\s+|some\s+)?"
    r"(\d{1,3}(?:,\d{3})+|\d{4,})(?!\s*%)",
    re.I,
)
_COUNT = re.compile(r"(?<![\w.,/(£$-])(" + _NUM + r")(?![\w%])(?![.,/]\d)", re.I)
_COUNTRY = r"(?:England(?:\s*(?:/|and|&)\s*Wales)?|Wales)"
_COMPARATOR = re.compile(
    r"(?:the\s+)?((?:(?:England|national|regional|Welsh|all-Wales|Wales|England/\s*Wales)\s+)?"
    r"average(?:\s+(?:rate|figure|level))?(?:\s+(?:for|in|across)\s+" + _COUNTRY + r")?"
    r"(?:,\s*which\s+was|\s+of|\s+was|\s+at)\s+(\d+(?:\.\d+)?)\s*"
    r"(%+|per\s*cent\b|per\s+1,?000)?)",
    re.I,
)
_BACK_REFERENCE = re.compile(r"^[\"'“‘(]?(?:This|It|That|Which|These)\b")
_TIME_UNITS = word_set(
    "year years month months week weeks day days hour hours minute minutes time times o'clock am pm"
)
_FUNCTION = word_set(
    "a an the and or of to in on at by for from with as is was were be been being had has "
    "have did do does not no that which who whom whose this these those it its they them "
    "there than then so but if per each every all any some more less only also further "
    "had been"
)
_ADJECTIVES = word_set(
    "relevant inspected further other additional full initial separate remaining "
    "individual more fewer new young older different"
)
# A number right after one of these is a label or a date, not a count.
_LABEL_BEFORE = word_set(
    "appendix appendices section criterion criteria paragraph page pages act census aged "
    "age floor street chapter table figure part tier level phase version no number year"
)
_MONTHS = word_set(
    "january february march april may june july august september october november december"
)


@dataclass
class Passage:
    """A raw passage of the report to search, with where it stands for citations."""

    section: str
    heading: str
    start: int
    end: int


MakeSource = Callable[[str, str, int, int], Source]  # (section, heading, start, end)


@dataclass
class _Found:
    value: float
    unit: str
    pos: int  # offset of the number in the report text
    sentence: int  # index into the passage's sentences
    compared_with: str | None = None
    compared_value: float | None = None
    extend_to: int | None = None  # sentence index the quote extends to (a comparison after it)


def _number_value(token: str) -> int:
    return NUMBER_WORDS[token.lower()] if token.lower() in NUMBER_WORDS else int(token)


def _is_count(sentence: str, m: re.Match[str]) -> bool:
    """Is this number a count of things ("four cases", "nine of the cases")?"""
    token = m.group(1)
    if token.isdigit() and (len(token) >= 4 or token.startswith("0")):
        return False  # years and codes
    # Only the words just before matter; scanning the whole sentence prefix for every number
    # would be quadratic on a sentence that never ends (a line of "Appendix 1 Appendix 1 ...").
    before = re.findall(r"[\w']+", sentence[max(0, m.start() - 80) : m.start()])
    if before and (before[-1].lower() in _LABEL_BEFORE or before[-1].lower() in _MONTHS):
        return False
    if sentence[: m.start()].rstrip().endswith("(") and sentence[m.end() :].lstrip().startswith(
        ")"
    ):
        return False  # a list number
    after = re.findall(r"[A-Za-z'’-]+|\d+|[^\sA-Za-z\d]", sentence[m.end() : m.end() + 80])
    words = [w.lower() for w in after]
    i = 0
    if i < len(words) and words[i] == "of":
        i += 1
        if i < len(words) and words[i] in ("the", "these", "those"):
            i += 1
        if i < len(words) and (words[i] in NUMBER_WORDS or words[i].isdigit()):
            i += 1
    if i < len(words) and words[i] in _ADJECTIVES:
        i += 1
    if i >= len(words):
        return False
    noun = words[i]
    return (
        noun.isalpha()
        and len(noun) >= 3
        and noun not in _FUNCTION
        and noun not in _TIME_UNITS
        and noun not in NUMBER_WORDS
    )


def _compatible(unit: str, comparator_unit: str | None) -> bool:
    if comparator_unit is None:
        return True
    if comparator_unit.startswith("%") or comparator_unit.lower().startswith("per cent"):
        return unit == "%"
    return unit == "per 1,000"


def extract_facts(text: str, passages: list[Passage], make_source: MakeSource) -> list[Fact]:
    """Every numeric statement in the passages, in order."""
    facts: list[Fact] = []
    for passage in passages:
        spans = sentence_spans(text, passage.start, passage.end)
        found: list[_Found] = []
        for si, (s, e) in enumerate(spans):
            raw = text[s:e]
            taken: list[tuple[int, int]] = []  # number spans already used in this sentence
            comparators = list(_COMPARATOR.finditer(raw))
            for c in comparators:
                taken.append((c.start(2), c.end(2)))

            def free(a: int, b: int, taken: list[tuple[int, int]] = taken) -> bool:
                return all(b <= x or a >= y for x, y in taken)

            here: list[_Found] = []
            for pattern, unit in ((_POPULATION, "people"), (_PER_1000, "per 1,000")):
                for m in pattern.finditer(raw):
                    if free(m.start(1), m.end(1)):
                        value = float(m.group(1).replace(",", ""))
                        here.append(_Found(value, unit, s + m.start(1), si))
                        taken.append((m.start(1), m.end()))
            for m in _PERCENT.finditer(raw):
                if free(m.start(1), m.end(1)):
                    here.append(_Found(float(m.group(1)), "%", s + m.start(1), si))
                    taken.append((m.start(1), m.end()))
            for m in _COUNT.finditer(raw):
                if free(m.start(1), m.end(1)) and _is_count(raw, m):
                    here.append(_Found(_number_value(m.group(1)), "count", s + m.start(1), si))
            here.sort(key=lambda f: f.pos)

            for c in comparators:
                cpos = s + c.start()
                unit = c.group(3)
                candidates = [f for f in here if f.pos < cpos and _compatible(f.unit, unit)]
                target = candidates[-1] if candidates else None
                if target is None and _BACK_REFERENCE.match(raw) and found:
                    previous = [
                        f for f in found if f.sentence == si - 1 and _compatible(f.unit, unit)
                    ]
                    if previous:
                        target = previous[-1]
                        target.extend_to = si
                if target is not None and target.compared_value is None:
                    target.compared_with = clean_text(c.group(1))
                    target.compared_value = float(c.group(2))
            found.extend(here)

        for f in found:
            s, _ = spans[f.sentence]
            _, e = spans[f.extend_to if f.extend_to is not None else f.sentence]
            sentence = clean_text(text[s:e])
            facts.append(
                Fact(
                    value=f.value,
                    unit=f.unit,
                    sentence=sentence,
                    source=make_source(passage.section, passage.heading, s, e),
                    compared_with=f.compared_with,
                    compared_value=f.compared_value,
                    qualifiers=qualifiers_in(sentence).as_dict(),
                )
            )
    return facts

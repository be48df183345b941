"""Which topic words of a findings question count (topic_words.yaml).

A word most findings of a report hold ("young people", "cases") picks no finding of its own;
with it counted, "health work with young people" picks every finding about young people. And a
word of what a question is about that no loaded report uses ("any findings on gang
involvement?") means the reports do not cover it: findings that share only its other words
("involved") are no answer."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import cache

from ingest.text.resources import load_yaml
from ingest.text.terms import phrase_regex
from ingest.text.tokens import stems

_DATA = load_yaml("assistant.answers", "topic_words.yaml")
COMMON_SHARE = float(_DATA["common_share"])
_PREFIX = int(_DATA["prefix"])
_POPULATION = frozenset(stems(" ".join(map(str, _DATA["population"]))))


# the words naming the service every report is about, by whatever name (``service``)
SERVICE_WORDS = stems(" ".join(map(str, _DATA.get("service") or ())))


def distinctive(topic: Sequence[str], findings: Sequence[Collection[str]]) -> list[str]:
    """``topic`` without the words more than ``COMMON_SHARE`` of ``findings`` (each a set of
    stems) hold and the words naming who the work is for (``population``), unless every topic
    word is that common (then all of them count)."""
    limit = max(1.0, COMMON_SHARE * len(findings))  # one finding's word is never common
    rare = [w for w in topic if w not in _POPULATION and sum(w in f for f in findings) <= limit]
    return rare if rare else list(topic)


@cache
def _about(with_after: bool = False) -> re.Pattern:
    opens = "|".join(re.escape(str(w)) for w in _DATA["about"])
    if with_after:  # "the story with management oversight"
        after = "|".join(phrase_regex(str(w)) for w in _DATA["about_with"])
        opens += rf"|(?:{after})\s+with"
    stops = "|".join(map(re.escape, _DATA["stop_at"]))
    # the words after "about"/"on", up to punctuation, a dash or a question word
    return re.compile(
        rf"\b(?:{opens})\s+((?:(?!\b(?:{stops})\b)(?!\s-\s)[^?.!,;:()\u2013\u2014])+)", re.I
    )


def about_words(question: str) -> list[str]:
    """The words of what ``question`` says it is about ("gang involvement")."""
    return [w for phrase in about_phrases(question) for w in phrase]


def about_heads(question: str) -> list[str]:
    """The words of each thing ``question`` says it is about, up to where its name ends
    (``about_ends``): "the verdict on Harrowfield in a few words" -> Harrowfield."""
    ends = {str(w) for w in _DATA.get("about_ends") or ()}
    out: list[str] = []
    for phrase in about_phrases(question, with_after=True):
        for word in phrase:
            if word.lower() in ends:
                break
            out.append(word)
    return out


def about_phrases(question: str, with_after: bool = False) -> list[list[str]]:
    """Each stretch of words ``question`` says it is about, as its words (``with_after``: also
    after "the story with", ``about_with``)."""
    return [re.findall(r"[A-Za-z][\w'’]*", m[1]) for m in _about(with_after).finditer(question)]


def unmentioned_topic(
    question: str, vocabulary: Collection[str], stem_of, ignore: Collection[str] = ()
) -> list[str]:
    """The words of what ``question`` is about that no loaded report uses, each opening a
    compound with another topic word ("gang involvement", "knife crime"): ``vocabulary`` is
    every stem they use, ``stem_of`` a word's topic stem or None (a stopword, a word of
    asking), ``ignore`` stems that name no topic (the loaded areas' names). A lone unknown
    word ("the way the board is run") or a verb form ("keeping", "stopping") is how a question
    is put, not a thing asked about."""
    pairs = [p for words in about_phrases(question) for p in zip(words, words[1:], strict=False)]
    missing = []
    for word, after in pairs:
        s, t = stem_of(word), stem_of(after)
        if not s or not t or s in ignore or t in ignore or _VERB_FORM.search(word):
            continue
        if _known(s, vocabulary):
            continue
        missing.append(f"{word} {after}")
    return list(dict.fromkeys(missing))


_VERB_FORM = re.compile(r"(?:ing|ed|ly)$", re.I)


def _known(stem: str, vocabulary: Collection[str]) -> bool:
    """A stem the reports use, or one starting like one ("vacancy" for "vacant")."""
    head = stem[:_PREFIX]
    return stem in vocabulary or any(v.startswith(head) for v in vocabulary)


def held_by_findings(topic: Sequence[str], reports: Sequence, most: int) -> list[str]:
    """The words of ``topic`` some finding of ``reports`` holds (a strength, an area for
    improvement or an area of work's key finding), or holds by the abbreviation the reports'
    glossary spells it out in ("education": ETE): what a question names that the findings are
    about ("reparation"). None read when more than ``most`` reports are in question: a
    question across that many is not told apart by reading every finding."""
    if not topic or len(reports) > most:
        return []
    held = _finding_stems(reports)
    return [w for w in topic if w in held or _glossary_forms(w, reports, held, topic)]


def in_findings_words(topic: Sequence[str], reports: Sequence, most: int) -> list[str]:
    """``topic`` with each word no finding holds put as the abbreviation that findings use
    and the reports' glossary spells out with it ("education and training": ETE,
    "Employment, training and education"), once each; as it is with more than ``most``
    reports in question."""
    if not topic or len(reports) > most:
        return list(topic)
    held = _finding_stems(reports)
    out: list[str] = []
    for w in topic:
        forms = [w] if w in held else (_glossary_forms(w, reports, held, topic) or [w])
        out += [f for f in forms if f not in out]
    return out


def _finding_stems(reports: Sequence) -> set[str]:
    held: set[str] = set()
    for r in reports:
        items = [i for c in r.criteria for i in (*c.strengths, *c.areas_for_improvement)]
        items += [i for s in r.sections for i in s.findings]
        held.update(w for i in items for w in _item_stems(i.text))
    return held


def _glossary_forms(
    word: str, reports: Sequence, held: Collection[str], topic: Collection[str] = ()
) -> list[str]:
    """The abbreviations findings use that the glossary spells out with ``word`` and, when
    the spelled-out form has more than two words, with another word of ``topic`` ("education
    and training" is ETE, Employment, training and education; "training new staff" is not)."""
    out: list[str] = []
    for r in reports:
        for e in r.glossary:
            head = _head_stems(e.definition)
            if word not in head or (len(head) > 2 and len(head & {word, *topic}) < 2):
                continue
            out += [t for t in _item_stems(" ".join(e.terms)) if t in held and t not in out]
    return out


@cache
def _head_stems(definition: str) -> frozenset[str]:
    """The stems of a definition's spelled-out form: up to its first colon, full stop or dash."""
    return _item_stems(re.split(r"[:.\n]|\s[-\u2013\u2014]\s", definition, maxsplit=1)[0])


@cache
def _item_stems(text: str) -> frozenset[str]:
    return frozenset(stems(text))

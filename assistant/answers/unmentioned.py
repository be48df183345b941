"""A question about a thing no loaded report mentions ("self-harm", "caseloads") is not answered
by passages that share only its parts ("Risk of Harm") or its other words ("staff"): found is
false and they are offered as related.

A thing a report names whenever it says anything of it (a caseload, a budget, staff turnover:
``unmentioned.yaml``, ``named``) is mentioned when a report writes a word starting with it.

Only a written compound is judged this way (words joined by hyphens): its parts are common
words, so the search and the routes match them one by one, while the thing asked about is the
whole. It counts as mentioned when a report writes it with a hyphen, a space or neither
("well-being", "well being", "wellbeing"). A compound with a function word or a word of asking
in it ("criterion-by-criterion", "to-do list", "top-scoring") is a way of asking, not a thing
asked about, and is left alone. A compound written with a space counts too after a word that
only ever opens one ("self harm", ``unmentioned.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from assistant.answers.compose import Answer
from assistant.answers.intent import QUESTION_WORDS
from ingest.model import Report
from ingest.text.resources import load_yaml
from ingest.text.stemming import stem
from ingest.text.stopwords import STOPWORDS
from ingest.text.terms import phrase_regex

_COMPOUND = re.compile(r"\b[a-z]{2,}(?:-[a-z]{2,})+\b", re.I)


@cache
def _spaced() -> re.Pattern:
    """A compound written with a space after a word that only ever opens one ("self harm",
    "cyber bullying"): the prefixes are data (``unmentioned.yaml``)."""
    prefixes = load_yaml("assistant.answers", "unmentioned.yaml")["prefixes"]
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, prefixes))})\s+[a-z]{{2,}}\b", re.I)


@cache
def _asking() -> frozenset[str]:
    return frozenset(
        w.lower() for w in load_yaml("assistant.answers", "unmentioned.yaml")["asking"]
    )


def _compounds(question: str) -> list[str]:
    spaced = ["-".join(m.group(0).split()) for m in _spaced().finditer(question)]
    return [m.group(0) for m in _COMPOUND.finditer(question)] + spaced


@cache
def _named() -> tuple[re.Pattern, ...]:
    """The things a report names whenever it says anything of them (``unmentioned.yaml``:
    ``named``), each the start of a word ("caseload" in "caseloads")."""
    words = load_yaml("assistant.answers", "unmentioned.yaml").get("named") or ()
    return tuple(re.compile(r"\b" + phrase_regex(str(w)) + r"[\w-]*", re.I) for w in words)


def _named_in(question: str) -> list[re.Match]:
    return [m for m in (p.search(question) for p in _named()) if m]


def unmentioned(question: str, reports: Sequence[Report]) -> list[str]:
    """The compounds of ``question``, and the things a report names whenever it speaks of them
    ("caseloads"), that none of ``reports`` writes."""
    out = [m.group(0) for m in _named_in(question) if not any(m.re.search(r.text) for r in reports)]
    for compound in _compounds(question):
        parts = compound.lower().split("-")
        if any(p in STOPWORDS or stem(p) in QUESTION_WORDS for p in parts):
            continue
        if compound.lower() in _asking():  # "double-checking: ...": a way of asking
            continue
        written = re.compile(r"\b" + r"[\s-]?".join(map(re.escape, parts)) + r"\b", re.I)
        if not any(written.search(r.text) for r in reports):
            out.append(compound)
    return list(dict.fromkeys(out))


def checked_mentions(answer: Answer, question: str, reports: Sequence[Report]) -> Answer:
    """``answer``, or not found when the question asks about something no report mentions."""
    if not answer.found or not answer.citations:
        return answer
    if not _compounds(question) and not _named_in(question):
        return answer
    missing = unmentioned(question, reports)
    if not missing:
        return answer
    return Answer(
        f"The loaded reports do not mention {' or '.join(missing)}. The passages below share "
        "some of the question's words but do not answer it; they are listed as related, not as "
        "an answer.",
        False,
        [],
        route=answer.route,
        related=list(answer.citations),
    )

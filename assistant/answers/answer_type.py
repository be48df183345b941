"""Whether an answer answers: a question that asks for a number, a date, a place, a person, a
person's name, a count or a definition is answered only by a cited unit that holds one
(``answer_types.yaml``). Passages that merely share the question's words are then no answer:
``found`` is false and they are offered as related, never as the answer.

What a question asks for is its kind's ``answer`` (``kinds.yaml``); a question routed by a rule
rather than by its kind is read for it by its asking (``asked_types.yaml``: "who ...", "what
was the name of ...", "when ..."), for the routes whose answers are passages.
"""

from __future__ import annotations

import re
from functools import cache

from assistant.answers import dates
from assistant.answers.citations import Citation
from assistant.answers.compose import Answer
from assistant.answers.groups import names_group
from assistant.answers.intent import Intent
from ingest.text.resources import load_cues, load_yaml
from ingest.text.tokens import stems, words

_DATA = ("assistant.answers", "answer_types.yaml")
TYPES = load_cues(*_DATA)
# The kinds of unit (citation sections) that can hold each type at all; "not X" excludes X.
_UNITS = {name: tuple(spec.get("units") or ()) for name, spec in load_yaml(*_DATA).items()}
# how an answer says what it does not give ("the person's name"); the type's name otherwise
_SAYS = {name: str(spec.get("says") or name) for name, spec in load_yaml(*_DATA).items()}


@cache
def _asked() -> tuple[tuple[str, re.Pattern, tuple[str, ...], tuple[str, ...]], ...]:
    """(type, pattern, examples, counterexamples) of each type a question may ask for."""
    out = []
    for name, spec in load_yaml("assistant.answers", "asked_types.yaml")["types"].items():
        raw = spec["pattern"]
        pattern = re.compile("|".join(raw) if isinstance(raw, list) else raw, re.I)
        out.append((name, pattern, tuple(spec.get("examples", ())), tuple(spec.get("not", ()))))
    return tuple(out)


@cache
def _checked_routes() -> frozenset[str]:
    return frozenset(load_yaml("assistant.answers", "asked_types.yaml")["routes"])


@cache
def _every_route() -> frozenset[str]:
    return frozenset(load_yaml("assistant.answers", "asked_types.yaml")["every_route"])


@cache
def _also_routes() -> dict[str, frozenset[str]]:
    data = load_yaml("assistant.answers", "asked_types.yaml").get("also_routes") or {}
    return {name: frozenset(routes) for name, routes in data.items()}


def asked_type(question: str) -> str | None:
    """The type of answer ``question`` asks for by its wording, if any."""
    return next((name for name, pattern, _, _ in _asked() if pattern.search(question)), None)


def asked_types() -> tuple[tuple[str, re.Pattern, tuple[str, ...], tuple[str, ...]], ...]:
    return _asked()


def _unit_may_hold(asks: str, citation: Citation) -> bool:
    units = _UNITS.get(asks, ())
    if not units:
        return True
    section = citation.section.lower()
    allowed = [u for u in units if not u.startswith("not ")]
    if any(section == u[4:].strip() for u in units if u.startswith("not ")):
        return False
    return not allowed or section in allowed


# a question of who must act ("who should fill the post?", "whose job is it?"), which the
# owner a recommendation names in brackets answers
_ASKS_OWNER = re.compile(
    r"\b(?:should|must|responsib\w*|needs? to|has to|have to|expected|owners?|accountable|"
    r"tasked|job|charged|recommend\w*|asked to|told to)\b",
    re.I,
)


def _owner_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\([^()]*\)\s*$", text)]


def _held(asks: str, citation: Citation, text: str, question: str = "") -> bool:
    cue = TYPES[asks]
    if asks in ("person", "people"):
        # a post the question itself names ("who was the board chair?" -> "the board has a
        # new chair") says no more than the question does
        asked = set(stems(question))
        # a recommendation's owner in brackets ("(Director of Children's Services)") is who
        # must act, which answers only a question of who should act, not who holds a post
        owners = () if _ASKS_OWNER.search(question) else _owner_spans(text)
        if any(
            not set(stems(m.group(0))) <= asked and not any(a <= m.start() < b for a, b in owners)
            for m in cue.pattern.finditer(text)
        ):
            return True
    if asks == "place":
        # the report's own area places nothing: "where do the inspectors work from?" is not
        # answered by "the inspection of youth offending work in Sefton"
        area = set(citation.report.lower().split("-"))
        return any(m.group(0).split()[-1].lower() not in area for m in cue.pattern.finditer(text))
    if asks not in ("name", "person", "people"):
        return bool(cue.pattern.search(text))
    cue = TYPES["name"]  # a person's own name answers "who" as well as "what was the name"
    # a name is no place: the words of the report's own area ("Wessex Vale", "the Greyhaven
    # Youth Justice Board") name none
    area = set(citation.report.lower().split("-"))
    return any(not set(m.group(0).lower().split()) & area for m in cue.pattern.finditer(text))


@cache
def _named_quantities() -> frozenset[str]:
    words = load_yaml("assistant.answers", "asked_types.yaml").get("named_quantities") or ""
    return frozenset(stems(str(words)))


@cache
def _named_places() -> frozenset[str]:
    words = load_yaml("assistant.answers", "asked_types.yaml").get("named_places") or ""
    return frozenset(stems(str(words)))


def _names_quantity(text: str, question: str, named_words: frozenset[str] | None = None) -> bool:
    """``text`` names the quantity the question asks the figure of, when the question names
    one a report states only in its own words ("what was the caseload?" is not answered by
    "we looked at 24 cases and interviewed 19 case managers")."""
    from assistant.answers.fact_units import said_one_way  # it reads this module's types

    # "HQ" and "head office" name the headquarters a report writes out
    known = _named_quantities() if named_words is None else named_words
    named = set(stems(said_one_way(question))) & known
    return not named or bool(named & set(stems(said_one_way(text))))


def _unnamed_quantity(question: str, texts: list[str]) -> str | None:
    """The quantity the question names ("caseload") when none of ``texts`` names it, as the
    question writes it: what the answer says it does not give."""
    if any(_names_quantity(t, question) for t in texts):
        return None
    named = _named_quantities()
    return next((w for w in words(question) if set(stems(w)) & named), None)


def holds(asks: str, citation: Citation, passage: str = "", question: str = "") -> bool:
    """The cited unit holds what the question asks for."""
    if asks not in TYPES:
        return True  # a type this check does not know is never held against an answer
    text = passage or citation.quote
    # "was the ISSP caseload 12 at the time of the inspection?" is not answered by the date
    # of the inspection, whatever type the question asks for (but a street address or a
    # definition answers without naming itself)
    if asks not in ("definition", "address") and not _names_quantity(text, question):
        return False
    if asks in ("number", "share", "case_share") and not _names_acronyms(text, question):
        return False  # "what proportion were NEET?": not a share of all young people
    if asks == "place" and not _names_quantity(text, question, _named_places()):
        return False  # "where is the headquarters?": not "located in the South West"
    return _unit_may_hold(asks, citation) and _held(asks, citation, text, question)


def _names_acronyms(text: str, question: str) -> bool:
    from assistant.answers.fact_units import acronyms_named  # it reads this module's types

    return acronyms_named(text, question) is not None


def _asks(answer: Answer, intent: Intent | None) -> str | None:
    if intent is None:
        return None
    # what the wording asks for in so many words ("how many", "the name of") before what the
    # kind's examples suggest
    if intent.asks == "progress":
        # a word of time after the inspection ("who manages it these days?"): only a unit
        # stating what happened after answers, whatever else the wording asks for
        return intent.asks
    if intent.asks:
        return asked_type(intent.question) or intent.asks
    asked = asked_type(intent.question)
    if answer.route in _checked_routes() or asked in _every_route():
        return asked
    if answer.route in _also_routes().get(asked or "", ()):
        return asked
    if asked == "count" and answer.route in _MEASURE_COUNTS:
        return None if _counts_a_value(intent.question, answer.route) else asked
    if asked in _COVERED and answer.route in _COVERED[asked]:
        return asked  # a route whose answer must be about what was asked (`covered`)
    return None


def _measure_counts() -> dict[str, tuple[frozenset[str], bool]]:
    spec = load_yaml("assistant.answers", "asked_types.yaml")["measure_counts"]
    return {
        route: (frozenset(stems(str(s["words"]))), bool(s.get("anywhere")))
        for route, s in spec.items()
    }


_MEASURE_COUNTS = _measure_counts()


def _counts_a_value(question: str, route: str) -> bool:
    """A count of what ``route`` answers from ("how many points did it get?", "how many
    recommendations were there?"), or of nothing the question names."""
    from assistant.answers.fact_units import counted, counted_words  # they read this module

    own, anywhere = _MEASURE_COUNTS.get(route, (frozenset(), False))
    if anywhere and set(stems(question)) & own:
        return True
    first = counted_words(question)[:1]  # "how many percent": "percent" is no thing
    if first and set(stems(first[0])) & own:
        return True
    things = counted(question)
    return not things or bool(things & own)


# the words that name a kind of document ("the thematic"): they pick a report, not a thing
_DOCUMENTS = frozenset(
    w
    for kind in load_yaml("assistant.answers", "which_report.yaml")["documents"]
    for w in kind.split()
)


# a part's number at the start of a unit or of a line: a heading, not a figure
_PART_NUMBER = re.compile(r"(?:^|(?<=\n)|(?<=\|))\s*\d{1,2}(?:\.\d{1,2})+(?=\s+[A-Z])")


def _counts(text: str, question: str, citation: Citation | None = None) -> bool:
    """``text`` gives a count of what "how many ..." asks about (when the question says)."""
    from assistant.answers.fact_units import (  # they read this module's types
        counted,
        counts,
        covers,
        done_as_asked,
        names_figures,
    )

    # the number of the cited part ("1.2 Staff: Inadequate") counts no staff
    text = _PART_NUMBER.sub(" ", text)
    # the name of the cited report's area ("how many ... in Kestrelford") is no thing counted
    area = set(citation.report.lower().split("-")) if citation is not None else set()
    things = frozenset(t for t in counted(question) if t not in area)
    # what names the cited report ("the resettlement thematic") is no more asked about
    report = frozenset(stems(" ".join(area | _DOCUMENTS)))
    if not things:
        return True
    # every figure the question names is a qualifier the unit must hold ("MAPPA level 3")
    return (
        counts(text, things, question)
        and covers(text, things - report, question)
        and names_figures(text, question)
        and done_as_asked(text, question)
    )


# A date found by a search for the question's words is about what was asked only when its
# passage holds enough of them: "when did the head of service start in post?" is not answered
# by "Fieldwork started March 2021" (asked_types.yaml: `covered`).
def _covered() -> dict[str, frozenset[str]]:
    data = load_yaml("assistant.answers", "asked_types.yaml").get("covered") or {}
    return {name: frozenset(spec["routes"]) for name, spec in data.items()}


_COVERED = _covered()


# the words that ask for a date, not what it is the date of
_DATE_WORDS = frozenset(stems("date dates month months year years day days time"))


@cache
def _share_words() -> frozenset[str]:
    return frozenset(stems(str(load_yaml("assistant.answers", "asked_types.yaml")["share_words"])))


def _about(text: str, question: str, citation: Citation, asks: str = "") -> bool:
    """``text`` holds at least half the question's own content words (not the words every
    report uses, nor the name of the cited report's area; for a share, not its own words nor
    who it counts)."""
    from assistant.answers.fact_units import content_words, rules

    area = set(citation.report.lower().split("-"))
    area |= set(stems(" ".join(area)))  # "Moorvale" is stemmed "moorval" in the question
    if asks in ("share", "case_share"):
        area |= _share_words() | set(stems(" ".join(rules().populations)))
    # a figure the question names ("under 18") is what it asks of, not what it is about
    asked = {
        w
        for w in content_words(question) - rules().generic - area
        if len(w) > 1 and not w.isdigit()
    }
    if dates.dates_the_report(text):
        # "what month did the inspectors visit?": a date of the inspection or the report is
        # about what was asked when the question asks of nothing else ("the board meeting")
        asked = {w for w in content_words(dates.the_subject(question)) if w in asked}
        asked -= _DATE_WORDS
    held = content_words(text)
    rest = content_words(TYPES["date"].pattern.sub(" ", text))
    if not asked or all(w.isdigit() for w in rest):
        return True  # a bare date ("14 September 2023") is a unit chosen for what it is
    # two stemmers: "reinspected" and "reinspection" are one word
    near = {a for a in asked if any(w.startswith(a) or a.startswith(w) for w in held if len(w) > 3)}
    return len((asked & held) | near) / len(asked) >= 0.5


def checked(answer: Answer, intent: Intent | None) -> Answer:
    """``answer`` as it is when one of its units holds what is asked; otherwise not found,
    with its passages as related."""
    asks = _asks(answer, intent)
    if not asks or not answer.found or not answer.citations:
        return answer
    passages = answer.passages or [""] * len(answer.citations)
    question = intent.question if intent is not None else ""
    held = [
        (c, p)
        for c, p in zip(answer.citations, passages, strict=False)
        if holds(asks, c, p, question)
    ]
    if asks == "count":
        held = [(c, p) for c, p in held if _counts(p or c.quote, intent.question, c)]
    if asks in ("share", "case_share"):
        held = [(c, p) for c, p in held if names_group(p or c.quote, question)]
    if asks in _COVERED and answer.route in _COVERED[asks]:
        held = [(c, p) for c, p in held if _about(p or c.quote, intent.question, c, asks)]
    if held:
        return answer
    what = _SAYS.get(asks, asks)
    unnamed = _unnamed_quantity(
        question, [p or c.quote for c, p in zip(answer.citations, passages, strict=False)]
    )
    return Answer(
        f"The loaded reports do not give the {unnamed or what} this asks for. The passages below "
        "share "
        "its words but do not answer it; they are listed as related, not as an answer.",
        False,
        [],
        route=answer.route,
        related=list(answer.citations),
    )

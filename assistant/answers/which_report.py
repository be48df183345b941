"""Which loaded reports a question means, beyond the area names it spells right.

``put_right`` reads a mistyped or run-together area name as the area ("Seftn", "Harrowfeild",
"coldashby"): only a word no loaded report uses, within a few typing slips of one area's name
and of no other's (``ingest.text.typos``). A name further off, or as near to two areas, is left
as written, so the question is answered as naming an area that is not loaded (the loaded
reports are listed) rather than from a report it may not mean.

``choose`` picks among the loaded reports by what a question says of a report rather than its
name: the latest or earliest of them, the kind of document ("the thematic", "the improvement
plan"), the region or nation its area is in ("the North West YOT", "the Welsh one"). Which
words say so is data: ``which_report.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from assistant.answers.derived import persisted
from assistant.answers.intent import catalog
from assistant.answers.lexicon import per_report, per_reports, report_words
from ingest.model import Report
from ingest.text.resources import load_yaml
from ingest.text.stopwords import STOPWORDS
from ingest.text.typos import edits, is_slip_of, slips

_OPENING_LINES = 8  # a report's title and subtitle lie in its first lines


@dataclass(frozen=True)
class _Data:
    latest: re.Pattern
    earliest: re.Pattern
    documents: dict[str, tuple[re.Pattern, re.Pattern]]  # kind -> (asked, opening)
    places: dict[str, re.Pattern]  # region -> the words for it
    place_asked: dict[str, re.Pattern]  # region -> its words asked as a report
    place_not: re.Pattern
    comparatives: frozenset[str]
    place_name: re.Pattern  # a place named in a report's contextual information


def _any(patterns: Sequence[str]) -> str:
    return "(?:" + "|".join(patterns) + ")"


@cache
def data() -> _Data:
    raw = load_yaml("assistant.answers", "which_report.yaml")
    documents = {
        kind: (
            re.compile(r"\bthe\s+" + _any(spec["asked"]) + r"\b", re.I),
            re.compile(_any(spec["opening"]), re.I),
        )
        for kind, spec in raw["documents"].items()
    }
    places = {
        region: re.compile(r"\b" + _any(words) + r"\b", re.I)
        for region, words in raw["places"].items()
    }
    asked = raw["place-asked"]["pattern"]
    place_asked = {
        region: re.compile(asked.replace("{place}", _any(words)), re.I)
        for region, words in raw["places"].items()
    }
    return _Data(
        re.compile(raw["latest"]["pattern"], re.I),
        re.compile(raw["earliest"]["pattern"], re.I),
        documents,
        places,
        place_asked,
        re.compile(raw["place-not"]["pattern"], re.I),
        frozenset(raw["comparatives"]),
        re.compile(
            r"(?:\b(?i:" + "|".join(raw["place-name-after"]) + r")\s+)([A-Z][a-z]{4,})\b"
            r"|\b([A-Z][a-z]{4,})\s+(?i:" + "|".join(raw["place-name-before"]) + r")\b"
        ),
    )


# --- mistyped area names --------------------------------------------------------------------


@dataclass(frozen=True)
class _Name:
    spelling: str  # lower case, as a question may run it together ("coldashby")
    written: str  # as the report writes it ("Cold Ashby")
    report: str


@per_reports
def _names(reports: Sequence[Report]) -> list[_Name]:
    """The spellings a mistyped word may be read as: each area whole (its words run together
    too) and each word of it that names that area alone (``catalog().areas``)."""
    out: list[_Name] = []
    spellings = catalog(reports).areas
    for r in reports:
        whole = r.area.strip()
        if not whole:
            continue
        out.append(_Name(whole.lower(), whole, r.id))
        joined = re.sub(r"[^a-z]", "", whole.lower())
        if joined != whole.lower():
            out.append(_Name(joined, whole, r.id))
        for word in re.findall(r"[A-Za-z]+", whole):
            if word.lower() in spellings.get(r.id, ()):
                out.append(_Name(word.lower(), word, r.id))
    return out


@per_reports
def _names_by_head(reports: Sequence[Report]) -> dict[str, list[_Name]]:
    out: dict[str, list[_Name]] = {}
    for n in _names(reports):
        out.setdefault(n.spelling[0], []).append(n)
    return out


def put_right(question: str, reports: Sequence[Report], known: set[str] | frozenset[str]) -> str:
    """``question`` with each mistyped area name written as the area writes it.

    ``known`` holds the words the loaded reports use (lower case): such a word is never
    read as a mistyped name."""
    if len(reports) == 0:
        return question
    by_head = _names_by_head(reports)

    def fix(m: re.Match) -> str:
        word = m.group(0)
        low = word.lower()
        if len(low) < 5 or low in known or low in STOPWORDS:
            return word
        # A slip seldom changes a name's first letter: only names starting with the word's
        # first letter (or its second, when the first two are swapped) are compared.
        pool = by_head.get(low[0], []) + by_head.get(low[1], [])
        near = [n for n in pool if n.spelling == low or is_slip_of(low, n.spelling)]
        if not near:
            return word
        best = min(slips(low, n.spelling) for n in near)
        meant = {n.report: n for n in near if slips(low, n.spelling) == best}
        if len(meant) != 1:
            return word  # as near to two areas: not read as either
        return next(iter(meant.values())).written

    return re.sub(r"[A-Za-z]+", fix, question)


def near_names(names: Sequence[str], reports: Sequence[Report]) -> list[Report]:
    """The loaded reports whose area looks like one of ``names`` (a name no report holds):
    what a "did you mean" offers, never what is answered."""
    out: list[Report] = []
    for name in names:
        low = name.lower()
        if len(low) < 4:
            continue
        for n in _names(reports):
            if abs(len(n.spelling) - len(low)) <= 2 and edits(low, n.spelling) <= 2:
                out += [r for r in reports if r.id == n.report and r not in out]
    return out


# --- descriptions of a report ------------------------------------------------------------


@dataclass
class Choice:
    """The reports a description picks, the question without it, and descriptions that no
    loaded report fits ("the Welsh one" with no report from Wales)."""

    reports: list[str] = field(default_factory=list)
    question: str = ""
    unknown: list[str] = field(default_factory=list)


@per_report
def _opening(report: Report) -> str:
    lines = [line.strip() for line in report.text.splitlines() if line.strip()]
    return " ".join([report.title] + lines[:_OPENING_LINES])


def choose(question: str, reports: Sequence[Report], named: Sequence[str]) -> Choice | None:
    """The reports a question describes, among ``named`` (those it names) or else all loaded;
    None when it describes none (or its description does not tell them apart)."""
    d = data()
    pool = [r for r in reports if r.id in named] if named else list(reports)
    q = question
    picked: list[Report] | None = None
    unknown: list[str] = []
    if not named and len(reports) > 1:
        for pattern, opening in d.documents.values():
            if m := pattern.search(q):
                fits = [r for r in pool if opening.search(_opening(r))]
                if fits and len(fits) < len(pool):
                    picked, q = fits, _cut(q, m)
                    break
        if picked is None:
            picked, q, unknown = _by_place(q, pool)
        if picked is None and not unknown:
            picked = _by_place_name(q, pool, reports)
    pool = picked or pool
    for pattern, pick in ((d.latest, max), (d.earliest, min)):
        if m := pattern.search(q):
            years = {r.year for r in pool if r.year}
            said = " ".join(m.group(0).lower().split()[:-1])
            if len(years) > 1 and (said not in d.comparatives or len(years) == 2):
                year = pick(years)
                picked, q = [r for r in pool if r.year == year], _cut(q, m)
            break
    if picked is None and not unknown:
        return None
    return Choice([r.id for r in picked or []], q, unknown)


def _by_place(q: str, pool: list[Report]) -> tuple[list[Report] | None, str, list[str]]:
    d = data()
    for region, words in d.places.items():
        m = words.search(q)
        if not m or d.place_not.search(q[: m.start()]):
            continue
        fits = [r for r in pool if r.region == region]
        asked = d.place_asked[region].search(q)
        if fits and len(fits) < len(pool):
            return fits, q, []
        if not fits and asked and not any(r.region for r in pool if words.search(r.region or "")):
            return None, q, [asked.group(0).strip()]
    return None, q, []


_MONTHS = frozenset(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september")
    + ("october", "november", "december")
)


@per_report
def _place_names(report: Report) -> frozenset[str]:
    """Names the report's contextual information gives places in its area ("Merseyside",
    "Bootle"): capitalised words where a place is named (``place-name-*`` in the YAML), never
    in lower case in the report, and no glossary term, month or stopword."""
    text = " ".join(p.text for p in report.context)
    lower = set(re.findall(r"\b[a-z]+\b", report.text))
    glossary = {w.lower() for g in report.glossary for t in g.terms for w in t.split()}
    out = set()
    for m in data().place_name.finditer(text):
        low = (m.group(1) or m.group(2)).lower()
        if low in lower or low in glossary or low in _MONTHS or low in STOPWORDS:
            continue
        out.add(low)
    return frozenset(out)


@persisted("sole-users")  # saved once per store change: counting reads every report's text
def sole_users(reports: Sequence[Report]) -> dict[str, str]:
    """Each word only one of ``reports`` uses, with that report's id."""
    users: dict[str, str | None] = {}
    for r in reports:
        for w in report_words(r):
            users[w] = None if w in users else r.id
    return {w: rid for w, rid in users.items() if rid is not None}


def _by_place_name(q: str, pool: list[Report], reports: Sequence[Report]) -> list[Report] | None:
    """The report whose contextual information names a place the question names, when no
    other loaded report uses that word at all."""
    sole = sole_users(reports)
    asked = {w for w in (x.lower() for x in re.findall(r"[A-Za-z]{5,}", q)) if w in sole}
    # (only the reports that use such a word are read: reading one's place names reads it whole)
    fits = [r for r in pool if r.id in {sole[w] for w in asked} and _place_names(r) & asked]
    return fits if fits and len(fits) < len(pool) else None


def _cut(q: str, m: re.Match) -> str:
    """The question without the words that described the report ("in the latest report")."""
    before = re.sub(r"\b(?:in|for|from|of|at|by)\s+(?:the\s+)?$", "", q[: m.start()], flags=re.I)
    before = re.sub(r"\bthe\s+$", "", before, flags=re.I)
    return " ".join((before + " " + q[m.end() :]).split())

"""Which areas, years and averages a claim is about, and which loaded reports that picks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.claims.subjects import ReportIndex
from ingest.text.layout import word_set
from ingest.text.numbers import scan, word_to_number
from ingest.text.resources import cue_patterns

CUES = cue_patterns("assistant.claims", "cues.yaml")

_MONTHS = word_set(
    "january february march april may june july august september october november december"
)


_NOT_AREAS = word_set(
    """england wales english welsh uk britain british national hm hmi her majesty yjb yib yot yos
    youth offending team service the a an it its this that these those they their there then
    overall all most both none only each every some half in for at from than and versus vs
    also however but while whereas of on our we judged score scores criterion criteria section
    headline report inspection inspectors inspectorate probation minimum moderate substantial
    drastic improvement table appendix foreword recommendations glossary summary children
    young people victims management board
    furthermore moreover additionally similarly meanwhile notably importantly again equally
    likewise consequently therefore thus hence nevertheless nonetheless finally firstly
    secondly thirdly lastly currently now today previously recently separately together
    instead otherwise still yet indeed clearly following after according since during before
    by contrast so as note members member officers officer councillors managers manager staff
    inspectors inspector partners colleagues practitioners workers governors trustees readers
    chair director directors head heads we they you"""
)


_AREA_VERB = (
    r"scored|scores|had|has|was|were|is|achieved|received|got|gets|required|requires|needs|"
    r"needed|performed|recorded|saw|managed|did|does|expects|expected|hopes|plans|aims|will|"
    r"would|should|could|may|might|intends|reported|reports|improved|shows|showed|remains|"
    r"remained|ranked|ranks|fell|rose|obtained|earned|faces|faced|made|makes|came"
)


_CAP = r"[A-Z][a-z][A-Za-z-]*"


# A place name: capitalised words, with the joining words of names like "Newcastle upon Tyne",
# "Isle of Wight", "Kensington and Chelsea", "Blackburn with Darwen".
_NAME = rf"{_CAP}(?:\s+(?:(?:upon|on|under|of|and|with|in\s+the)\s+)?{_CAP})*"


_AREA_PATTERNS = [
    re.compile(rf"\b({_NAME})(?:'s|\u2019s|s'|\u2019)(?=\s|$|[,.;:])"),
    re.compile(rf"\b({_NAME})\s+(?:YOT|YOS|Youth Offending|youth offending)\b"),
    re.compile(rf"(?:^|[.;:]\s+)(?:In|For|At)\s+({_NAME})\s*,"),
    re.compile(
        rf"(?:^|[,;:]\s*)({_NAME})\s+(?:(?:both|all|each|also|together|jointly|still|only|just|"
        rf"then|now|again|too)\s+)?(?:{_AREA_VERB})\b"
    ),
    re.compile(rf"^\s*({_NAME})\s*,"),  # "Leeds, not yet inspected, ..."
    re.compile(rf",\s*({_NAME})\s*,"),  # "Wessex Vale's neighbour, Dorset, scored ..."
    re.compile(rf"\b(?i:in|for|at|from|than|and|versus|vs\.?|with|of|across)\s+({_NAME})\b"),
]


_REPORT_YEAR = CUES["report-year"]
_EARLIER = CUES["previous-score"]


@dataclass
class Scope:
    """Which reports a claim is about."""

    reports: list[ReportIndex]  # the reports to judge against
    named: list[tuple[ReportIndex, int]] = field(default_factory=list)  # (report, position)
    unknown: list[str] = field(default_factory=list)  # areas named but not loaded
    missing_year: str | None = None  # "Sefton 2011" when that year is not loaded
    explicit: bool = False
    by_year: bool = False  # named by a year alone ("the 2011 inspection"), no area said


@lru_cache(maxsize=8192)  # every loaded area is tried on every claim: compile each once
def area_pattern(area: str) -> re.Pattern[str]:
    parts = [re.escape(w) for w in area.split()]
    return re.compile(r"\b" + r"\s+".join(parts) + r"\b", re.IGNORECASE)


def _is_loaded_word(name: str, indexes: list[ReportIndex]) -> bool:
    ws = [w.lower() for w in _letters(name)]
    return bool(ws) and any(all(w in idx.area_words for w in ws) for idx in indexes)


def _letters(name: str) -> list[str]:
    """The words of a name ("Stoke-on-Trent's" -> Stoke, on, Trent)."""
    return [w for w in re.findall(r"[A-Za-z]+", re.sub(r"(?:'s|\u2019s)\b", "", name))]


def _not_an_area(name: str, following: str, indexes: list[ReportIndex]) -> bool:
    """Whether a capitalised name in a claim is something other than a place."""
    ws = [w.lower() for w in _letters(name)]
    if not ws or all(w in _NOT_AREAS or w in _MONTHS for w in ws):
        return True
    for idx in indexes:
        # Words the report also uses in lower case ("Performance", "Reoffending") are ordinary
        # words; measure, section and glossary words ("Risk", "Asset") are terms.
        if all(w in idx.vocabulary or w in idx.measure_words for w in ws):
            return True
        # "Bootle Police station", "Hornby resource centre": a facility the report mentions.
        nxt = following.split()[:2]
        if nxt and re.search(
            re.escape(name) + r"\s+" + re.escape(nxt[0]), idx.report.text, re.IGNORECASE
        ):
            return True
    return False


def _area_candidates(claim: str) -> list[tuple[str, str]]:
    """(name, the text after it) for every capitalised name in a place-like position."""
    out: list[tuple[str, str]] = []
    for pat in _AREA_PATTERNS:
        for m in pat.finditer(claim):
            raw = re.sub(r"(?:'s|\u2019s|'|\u2019)$", "", m.group(1).strip())
            following = claim[m.end(1) :]
            # "Sefton and Leeds", "Blackburn with Darwen": each part may be a place.
            for part in re.split(r"\s+(?:and|with)\s+", raw):
                ws = part.split()
                # "Two-thirds of Stockbridge": a leading number or joining word is not the name.
                while ws and (
                    ws[0].lower() in _NOT_AREAS or ws[0].lower() in _MONTHS or _number_word(ws[0])
                ):
                    ws = ws[1:]
                if ws:
                    out.append((" ".join(ws), following))
    return out


def _number_word(word: str) -> bool:
    """'Two-thirds', 'Seven', 'Half': a number or fraction word."""
    parts = [w for w in re.split(r"-", word.lower()) if w]
    return bool(parts) and all(word_to_number(w) is not None or w in _FRACTION_WORDS for w in parts)


_FRACTION_WORDS = word_set(
    "half halves third thirds quarter quarters fifth fifths sixth sixths tenth tenths"
)


def _without_loaded_areas(name: str, indexes: list[ReportIndex]) -> list[str]:
    """The parts of a capitalised run left when loaded area names are taken out of it
    ("Risk of Harm in the Vale of Ashdown" -> "Risk of Harm")."""
    parts = [name]
    for idx in indexes:
        if not idx.report.area:
            continue
        pat = area_pattern(idx.report.area)
        parts = [piece for p in parts for piece in pat.split(p)]
    out = []
    for p in parts:
        ws = p.split()
        # "Ashdown Youth Offending Service", "Sefton Council": the place is what precedes.
        while ws and re.sub(r"['\u2019]s?$", "", ws[-1].lower()) in _ORG_WORDS:
            ws = ws[:-1]
        while ws and ws[-1].lower() in ("in", "the", "of", "and", "for", "at", "with"):
            ws = ws[:-1]
        while ws and ws[0].lower() in ("in", "the", "of", "and", "for", "at", "with"):
            ws = ws[1:]
        if ws:
            out.append(" ".join(ws))
    return out


_ORG_WORDS = word_set(
    """youth offending service services team teams yot yos yots council borough county city
    district partnership board management authority local"""
)


def report_years(idx: ReportIndex) -> set[int]:
    """The years a report can be called by: published, and the fieldwork's."""
    r = idx.report
    years = {r.year} if r.year else set()
    for when in (r.fieldwork, r.published):
        m = re.search(r"\b((?:19|20)\d{2})\b", when or "")
        if m:
            years.add(int(m.group(1)))
    return years


# "In 2010 the score was 43%": a claim about a time, which a report of another year is not.
_CLAIM_YEAR = CUES["claim-year"]


def find_scope(claim: str, indexes: list[ReportIndex], default: Scope | None = None) -> Scope:
    """The loaded reports a claim names, and any area it names that is not loaded."""
    named: list[tuple[ReportIndex, int]] = []
    for idx in indexes:
        r = idx.report
        positions = [m.start() for m in area_pattern(r.area).finditer(claim)] if r.area else []
        if r.id and r.id.lower() in claim.lower():
            positions.append(claim.lower().index(r.id.lower()))
        if positions:
            named.append((idx, min(positions)))

    unknown: list[str] = []
    candidates = [
        (part, following)
        for name, following in _area_candidates(claim)
        for part in _without_loaded_areas(name, indexes)
    ]
    for name, following in candidates:
        if any(c.isdigit() for c in name):
            continue
        if re.fullmatch(r"[A-Za-z+/]{2,8}", name) and sum(ch.isupper() for ch in name) >= 2:
            continue  # an acronym (ETE, RoSH) is a term; "Stockbridge-on-Wear" is a place
        if _is_loaded_word(name, indexes):
            # "Wessex" for "Wessex Vale": a loaded area by one of its words.
            for idx in indexes:
                ws = {w.lower() for w in _letters(name)}
                if ws <= idx.area_words and all(i is not idx for i, _ in named):
                    named.append((idx, claim.find(name)))
            continue
        if _not_an_area(name, following, indexes):
            continue
        if name not in unknown:
            unknown.append(name)

    # A year that identifies a report ("Sefton's 2011 inspection", "the 2009 report").
    years: set[int] = set()
    # "The previous inspection, carried out in 2010, gave 43%": the earlier inspection's year,
    # which the reinspection report gives beside its earlier score, not the report's own.
    earlier = [m.span() for m in _EARLIER.finditer(claim)]
    for m in [*_REPORT_YEAR.finditer(claim), *_CLAIM_YEAR.finditer(claim)]:
        if not any(a <= m.start() < b for a, b in earlier):
            years.add(int(next(g for g in m.groups() if g)))
    for idx, pos in named:
        window = claim[max(0, pos - 12) : pos + len(idx.report.area) + 16]
        for q in scan(window):
            if q.kind == "year" and "/" not in q.text and "-" not in q.text:
                years.add(int(q.value))
    missing_year = None
    if years:
        pool = [idx for idx, _ in named] or indexes
        kept = [idx for idx in pool if report_years(idx) & years]
        if not kept:
            who = ", ".join(sorted({idx.report.area for idx, _ in named})) or "any loaded area"
            missing_year = f"{who} {', '.join(str(y) for y in sorted(years))}"
        by_year = not named
        named = [(idx, p) for idx, p in named if report_years(idx) & years] if named else []
        if not named and kept:
            named = [(idx, 0) for idx in kept]
    else:
        by_year = False

    if named:
        named.sort(key=lambda t: t[1])
        reports = []
        for idx, _ in named:
            if idx not in reports:
                reports.append(idx)
        return Scope(reports, named, unknown, missing_year, True, by_year)
    if default is not None and not unknown and not missing_year:
        return default
    return Scope(list(indexes), [], unknown, missing_year, False)


# A claim about England or Wales as a whole ("In England, 72% of young people were in ETE"):
# its figures can only be the report's stated averages.
_NATIONAL_RE = CUES["national"]


def is_national(claim: str, idx: ReportIndex | None = None) -> bool:
    """Whether the claim is about England or Wales as a whole, not about an area."""
    if idx is not None and idx.report.area and area_pattern(idx.report.area).search(claim):
        return False
    return any(
        not re.search(r"\baverage\s*$", claim[max(0, m.start() - 12) : m.start()], re.I)
        for m in _NATIONAL_RE.finditer(claim)
    )

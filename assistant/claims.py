"""Deterministic checking of numeric claims against the stored scores and facts of reports.

``check_claim`` judges one sentence; ``check_text`` judges every sentence of a paragraph that
carries a number or a band. A verdict is ``supported`` or ``contradicted`` only when it rests on
a stored fact about the very measure or finding the claim names; each such verdict cites it.

Every figure a claim states must be accounted for before it is supported: a clause, a gap
("10 points higher"), an earlier inspection's score, an average or a figure of another year
that no stored fact settles makes the verdict ``unverifiable``, as do aims and forecasts,
rankings over areas that are not all loaded, and areas or years that are not loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from assistant.measures import (
    SCORE_WORDS,
    STOP,
    Measure,
    MeasureMatch,
    ReportIndex,
    Unit,
    blank_numbers,
    content_groups,
    content_stems,
    index_for,
    match_measures,
    split_sentences,
    stem,
    word_set,
)
from assistant.numbers import (
    Quantity,
    bands_in,
    comparable,
    compare,
    format_value,
    is_salient,
    quantity_of,
    scan,
    unit_class,
    word_to_number,
)
from assistant.numbers import numbers_in as _numbers_in
from ingest.model import BANDS, Report, Score, Source

SUPPORTED = "supported"
CONTRADICTED = "contradicted"
UNVERIFIABLE = "unverifiable"

# How much of a claim's wording a report sentence must share to count as the same finding.
FINDING_THRESHOLD = 0.6


@dataclass
class Evidence:
    report: str
    section: str
    heading: str
    quote: str
    value: str  # "42%", "MODERATE", "42% MODERATE", "283,000"


@dataclass
class ClaimResult:
    verdict: str  # "supported" | "contradicted" | "unverifiable"
    claim: str
    evidence: list[Evidence]
    explanation: str
    span: tuple[int, int] | None = None


def numbers_in(text: str) -> list[Quantity]:
    """Every quantity ``text`` asserts, with its span: what the LLM answer path must check."""
    return _numbers_in(text)


def to_dict(result: ClaimResult) -> dict:
    """The API shape of a verdict (``span`` only in text mode)."""
    out: dict = {
        "verdict": result.verdict,
        "claim": result.claim,
        "evidence": [
            {
                "report": e.report,
                "section": e.section,
                "heading": e.heading,
                "quote": e.quote,
                "value": e.value,
            }
            for e in result.evidence
        ],
        "explanation": result.explanation,
    }
    if result.span is not None:
        out["span"] = [result.span[0], result.span[1]]
    return out


# --- claim understanding ------------------------------------------------------------------------

_SUPERLATIVE = re.compile(
    r"\b(lowest|highest|best|worst|weakest|strongest|poorest|top|bottom)\b", re.IGNORECASE
)
_MIN_WORDS = {"lowest", "worst", "weakest", "poorest", "bottom"}
_COMPARATIVE = re.compile(
    r"\b(lower|higher|better|worse|greater|less|more|smaller|larger|weaker|stronger|poorer)"
    r"(?:\s+(?!than\b)[\w-]+){0,2}?\s+than\b|"
    r"\b(above|below|exceed(?:ed|s)?|outscored|outperformed|behind|ahead of)\b",
    re.IGNORECASE,
)
_GREATER = {
    "higher",
    "better",
    "greater",
    "more",
    "larger",
    "stronger",
    "above",
    "exceed",
    "exceeded",
    "exceeds",
    "outscored",
    "outperformed",
    "ahead of",
}
_NEGATION = re.compile(r"\b(not|never|no longer)\b|n't\b", re.IGNORECASE)
_SCORE_CUE = re.compile(
    r"\b(scor\w*|rated|rating|band\w*|headline|criterion|criteria|overall|improvement required|"
    r"(?<!as )(?<!where )(?<!when )(?<!if )(?:require[sd]?|requiring|needs?|needed)|"
    r"well enough|good enough|of the time)\b",
    re.IGNORECASE,
)
_CRITERION_CUE = re.compile(r"\b(criterion|criteria)\b", re.IGNORECASE)
_HEADLINE_CUE = re.compile(r"\bheadline\b", re.IGNORECASE)
_HEADLINE_PHRASE = re.compile(r"\bof\s+the\s+time\b|\bwell\s+enough\b", re.IGNORECASE)
_OVERALL_CUE = re.compile(
    r"\boverall\b(?!\s*,)|\bas a whole\b|\bsection\s+(?:score|\d)|\bsections?\b", re.IGNORECASE
)
_AVERAGE_OF_AREA = re.compile(r"\b(national|england|wales|regional)\b", re.IGNORECASE)
_SET_NOUN = re.compile(
    r"\b(criteria|criterion scores|headline scores|headline measures|section scores|"
    r"overall scores|sections|scores|criterion)\b",
    re.IGNORECASE,
)
_QUANT_WORD = re.compile(
    r"\b(all|none|no|most|majority|both|every|each|only one|just one|neither|half)\b",
    re.IGNORECASE,
)
_CLAUSE_SPLIT = re.compile(
    r"\s*;\s*|,\s*(?:and|but|while|whereas)\s+|\s+(?:and|but|while|whereas)\s+|,\s+",
    re.IGNORECASE,
)
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
_REPORT_YEAR = re.compile(
    r"\b(?:(?:the\s+)?((?:19|20)\d{2})\s+(?:report|inspection|core case inspection)|"
    r"(?:report|inspection)\s+(?:of|from|in|published in|dated)\s+(?:\w+\s+)?((?:19|20)\d{2}))\b",
    re.IGNORECASE,
)


@dataclass
class Scope:
    """Which reports a claim is about."""

    reports: list[ReportIndex]  # the reports to judge against
    named: list[tuple[ReportIndex, int]] = field(default_factory=list)  # (report, position)
    unknown: list[str] = field(default_factory=list)  # areas named but not loaded
    missing_year: str | None = None  # "Sefton 2011" when that year is not loaded
    explicit: bool = False


def _area_pattern(area: str) -> re.Pattern[str]:
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
        pat = _area_pattern(idx.report.area)
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


def _report_years(idx: ReportIndex) -> set[int]:
    """The years a report can be called by: published, and the fieldwork's."""
    r = idx.report
    years = {r.year} if r.year else set()
    for when in (r.fieldwork, r.published):
        m = re.search(r"\b((?:19|20)\d{2})\b", when or "")
        if m:
            years.add(int(m.group(1)))
    return years


# "In 2010 the score was 43%": a claim about a time, which a report of another year is not.
_CLAIM_YEAR = re.compile(r"\b(?:in|during)\s+((?:19|20)\d{2})\b(?!\s*[/-])", re.IGNORECASE)


def find_scope(claim: str, indexes: list[ReportIndex], default: Scope | None = None) -> Scope:
    """The loaded reports a claim names, and any area it names that is not loaded."""
    named: list[tuple[ReportIndex, int]] = []
    for idx in indexes:
        r = idx.report
        positions = [m.start() for m in _area_pattern(r.area).finditer(claim)] if r.area else []
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
    for m in _REPORT_YEAR.finditer(claim):
        years.add(int(m.group(1) or m.group(2)))
    for m in _CLAIM_YEAR.finditer(claim):
        years.add(int(m.group(1)))
    for idx, pos in named:
        window = claim[max(0, pos - 12) : pos + len(idx.report.area) + 16]
        for q in scan(window):
            if q.kind == "year" and "/" not in q.text and "-" not in q.text:
                years.add(int(q.value))
    missing_year = None
    if years:
        pool = [idx for idx, _ in named] or indexes
        kept = [idx for idx in pool if _report_years(idx) & years]
        if not kept:
            who = ", ".join(sorted({idx.report.area for idx, _ in named})) or "any loaded area"
            missing_year = f"{who} {', '.join(str(y) for y in sorted(years))}"
        named = [(idx, p) for idx, p in named if _report_years(idx) & years] if named else []
        if not named and kept:
            named = [(idx, 0) for idx in kept]

    if named:
        named.sort(key=lambda t: t[1])
        reports = []
        for idx, _ in named:
            if idx not in reports:
                reports.append(idx)
        return Scope(reports, named, unknown, missing_year, True)
    if default is not None and not unknown and not missing_year:
        return default
    return Scope(list(indexes), [], unknown, missing_year, False)


@dataclass
class Parts:
    """What a piece of claim text asserts."""

    text: str
    quantities: list[Quantity]
    bands: set[str]
    refs: list[str]
    negated: bool  # a negation denies the claim's figure or band ("was not 38%")
    loose_negation: bool = False  # a negation that cannot be tied to a figure


def _parts(text: str) -> Parts:
    toks = scan(text)
    qs = [q for q in _numbers_in(text)]
    refs = [q.text for q in toks if q.kind == "ref"]
    refs = [re.search(r"\d+(?:\.\d+)?", r).group(0) for r in refs if re.search(r"\d", r)]
    neg = _negation(text)
    return Parts(text, qs, band_set(text), refs, neg == "attached", neg == "loose")


# Words that may stand between "not" and the figure it denies ("did not reach 40%", "was not
# rated drastic"); any other word ("not good enough 62% of the time") makes the denial loose.
_NEG_BRIDGE = word_set(
    """reach reached reaching exceed exceeded exceeding meet met require required requiring
    requires need needed needing needs achieve achieved score scored rated rate get got quite
    even at as high much more less than over under above below a an the equal equals top
    topped hit go beyond rise fall to make made have has had be been being was were is are
    any judged"""
)


def _negation(text: str) -> str | None:
    """'attached' when a negation denies a figure, band or comparison of the claim; 'loose'
    when the claim has a negation that cannot be tied to one; None without a negation."""
    negs = list(_NEGATION.finditer(text))
    if not negs:
        return None
    targets = (
        [q.start for q in _numbers_in(text)]
        + [b.start for b in bands_in(text)]
        + [m.start() for m in _COMPARATIVE.finditer(text)]
        + [m.start() for m in _SUPERLATIVE.finditer(text)]
    )
    for n in negs:
        for t in targets:
            between = text[n.end() : t]
            if t < n.end() or re.search(r"[,;:()]", between):
                continue
            ws = re.findall(r"[A-Za-z']+", between)
            if len(ws) <= 4 and all(w.lower() in _NEG_BRIDGE for w in ws):
                return "attached"
    return "loose"


_BAND_ABOVE = re.compile(
    r"\b(?:more\s+than|worse\s+than|beyond|above|greater\s+than|over)\s+(?:an?\s+|the\s+)?$", re.I
)
_BAND_AT_LEAST = re.compile(r"\b(?:at\s+least|no\s+less\s+than)\s+(?:an?\s+|the\s+)?$", re.I)
_BAND_BELOW = re.compile(
    r"\b(?:less\s+than|better\s+than|below|under|fewer\s+than)\s+(?:an?\s+|the\s+)?$", re.I
)


def band_set(text: str) -> set[str]:
    """The bands a claim allows: "substantial or drastic", "more than moderate" (substantial
    or drastic), "at least moderate", "moderate or better"."""
    out: set[str] = set()
    for b in bands_in(text):
        i = BANDS.index(b.band)
        before = text[max(0, b.start - 25) : b.start]
        after = text[b.end : b.end + 30].lower()
        if _BAND_ABOVE.search(before):
            out.update(BANDS[i + 1 :])
        elif _BAND_AT_LEAST.search(before) or re.match(
            r"\s+(?:improvement\s+)?or\s+(?:more|worse|above|higher|greater)\b", after
        ):
            out.update(BANDS[i:])
        elif _BAND_BELOW.search(before):
            out.update(BANDS[:i])
        elif re.search(r"\b(?:at\s+most|no\s+more\s+than)\s+(?:an?\s+|the\s+)?$", before, re.I) or (
            re.match(r"\s+(?:improvement\s+)?or\s+(?:less|better|below|lower|fewer)\b", after)
        ):
            out.update(BANDS[: i + 1])
        else:
            out.add(b.band)
    return out


def _flip(verdict: str) -> str:
    return {SUPPORTED: CONTRADICTED, CONTRADICTED: SUPPORTED}.get(verdict, verdict)


def _verdict_of(comparison: str | None) -> str:
    """A verdict from ``numbers.compare``: 'unknown' or incomparable means unverifiable."""
    return comparison if comparison in (SUPPORTED, CONTRADICTED) else UNVERIFIABLE


def _lead(verdict: str) -> str:
    return {SUPPORTED: "Supported", CONTRADICTED: "Contradicted"}.get(verdict, "Cannot tell")


def _combine(verdicts: list[str]) -> str:
    if not verdicts:
        return UNVERIFIABLE
    if CONTRADICTED in verdicts:
        return CONTRADICTED
    if all(v == SUPPORTED for v in verdicts):
        return SUPPORTED
    return UNVERIFIABLE


def _score_evidence(idx: ReportIndex, score: Score, value: str | None = None) -> Evidence:
    s = score.source
    shown = value or format_value(score.value) + (f" {score.band}" if score.band else "")
    return Evidence(idx.report.id, s.section, s.heading, s.quote, shown)


def _unit_evidence(idx: ReportIndex, unit: Unit, value: str) -> Evidence:
    s: Source = unit.source
    return Evidence(idx.report.id, s.section, s.heading, unit.quote, value)


def _score_text(score: Score) -> str:
    band = f" ({score.band} improvement required)" if score.band else ""
    return f"{score.value}%{band}"


@dataclass
class Judgement:
    verdict: str
    evidence: list[Evidence]
    explanation: str
    measure: Measure | None = None  # the score judged, when there is one
    # A claim that restates one statement word for word and figure for figure.
    exact: bool = False


def _unverifiable(why: str) -> Judgement:
    return Judgement(UNVERIFIABLE, [], why)


# --- measures ----------------------------------------------------------------------------------


def _claim_stems(text: str, idx: ReportIndex) -> list[str]:
    drop = frozenset(stem(w) for w in idx.area_words)
    return content_stems(blank_numbers(text), idx.expansions, drop)


def _claim_groups(text: str, idx: ReportIndex) -> list[tuple[str, ...]]:
    drop = frozenset(stem(w) for w in idx.area_words)
    return content_groups(blank_numbers(text), idx.expansions, drop)


def _measure_by_ref(idx: ReportIndex, ref: str, overall: bool) -> Measure | None:
    for m in idx.measures:
        if overall and m.kind == "overall" and m.ref == ref.split(".")[0] and "." not in ref:
            return m
        if not overall and m.kind == "criterion" and m.ref == ref:
            return m
    return None


@dataclass
class Resolution:
    measure: Measure | None
    others: list[Measure]
    why: str = ""  # when no measure: the reason
    matches: list[MeasureMatch] = field(default_factory=list)


def resolve_measure(text: str, idx: ReportIndex, kinds: set[str] | None = None) -> Resolution:
    """Which stored score ``text`` names; headline preferred unless the claim says otherwise."""
    parts = _parts(text)
    section_ref = re.search(r"\bsection\s+(\d)\b", text, re.IGNORECASE)
    crit_refs = [r for r in parts.refs if "." in r]
    if crit_refs:
        m = _measure_by_ref(idx, crit_refs[0], overall=False)
        if m is None:
            return Resolution(None, [], f"{idx.report.id} has no criterion {crit_refs[0]}")
        clash = _name_clash(text, idx, m)
        if clash is not None:
            return Resolution(
                None,
                [],
                f"the claim says criterion {m.ref} but names {clash.label} "
                f"({_score_text(clash.score)}); criterion {m.ref} in {idx.report.id} is "
                f"{m.label} ({_score_text(m.score)})",
            )
        return Resolution(m, [])
    if section_ref and (kinds is None or "overall" in kinds):
        m = _measure_by_ref(idx, section_ref.group(1), overall=True)
        if m is None:
            return Resolution(None, [], f"{idx.report.id} has no section {section_ref.group(1)}")
        return Resolution(m, [])

    stems = _claim_stems(text, idx)
    matches = match_measures(stems, idx)
    if kinds is not None:
        matches = [mm for mm in matches if mm.measure.kind in kinds]
    if _CRITERION_CUE.search(text) and any(mm.measure.kind == "criterion" for mm in matches):
        matches = [mm for mm in matches if mm.measure.kind == "criterion"]
    elif (_HEADLINE_CUE.search(text) or _HEADLINE_PHRASE.search(text)) and any(
        mm.measure.kind == "headline" for mm in matches
    ):
        # "done well enough 57% of the time" is how the format states a headline score.
        matches = [mm for mm in matches if mm.measure.kind == "headline"]
    elif _OVERALL_CUE.search(text) and any(mm.measure.kind == "overall" for mm in matches):
        overall = [mm for mm in matches if mm.measure.kind == "overall"]
        if overall[0].coverage >= 0.5:
            matches = overall + [mm for mm in matches if mm.measure.kind != "overall"]
    if not matches:
        return Resolution(None, [], "the claim names no score of this report")
    top = matches[0]
    tied = [mm for mm in matches if mm.key == top.key]
    if len(tied) > 1:
        headline = [mm for mm in tied if mm.measure.kind == "headline"]
        if headline:
            top = headline[0]
        elif len({mm.measure.kind for mm in tied}) == 1 or all(
            mm.measure.score.value == tied[0].measure.score.value for mm in tied
        ):
            names = " and ".join(mm.measure.label for mm in tied)
            return Resolution(None, [], f"the claim could mean {names}", matches)
        else:
            top = tied[0]
    # Other readings worth naming: measures sharing the claim's key words.
    others = [
        mm.measure
        for mm in matches
        if mm.measure is not top.measure
        and mm.matched >= top.matched
        and mm.coverage >= 0.5  # 'Safeguarding' names 1.3, not really 2.3
    ][:3]
    return Resolution(top.measure, others, "", matches)


def _name_clash(text: str, idx: ReportIndex, by_ref: Measure) -> Measure | None:
    """The criterion a claim names when its number points at another one ("criterion 1.3
    Safeguarding" where 1.3 is Likelihood of Reoffending and Safeguarding is 1.4)."""
    present = set(_claim_stems(text, idx))
    own = {s for alias in by_ref.aliases for s in alias}
    if own & present:
        return None
    for m in idx.measures:
        if (
            m.kind == "criterion"
            and m is not by_ref
            and any(alias and set(alias) <= present for alias in m.aliases)
        ):
            return m
    return None


def _others_text(others: list[Measure], chosen: Measure) -> str:
    if not others:
        return ""
    bits = [f"{m.label} scored {_score_text(m.score)}" for m in others]
    hint = ""
    if chosen.kind == "headline" and any(m.kind == "criterion" for m in others):
        crit = next(m for m in others if m.kind == "criterion")
        hint = f" (name 'criterion {crit.ref}' to check that one)"
    return " Other readings: " + "; ".join(bits) + hint + "."


# --- judging one report ------------------------------------------------------------------------


def _judge_score_segment(
    parts: Parts, measure: Measure, idx: ReportIndex, others: list[Measure]
) -> Judgement:
    score = measure.score
    verdicts: list[str] = []
    said: list[str] = []
    stored = quantity_of(score.value, "%")
    past = _PAST.search(parts.text) and not any(q.role == "previous" for q in parts.quantities)
    if _national(parts.text, idx):
        parts = Parts(
            parts.text,
            [replace(q, role=q.role or "average") for q in parts.quantities],
            parts.bands,
            parts.refs,
            parts.negated,
            parts.loose_negation,
        )
    # An earlier score, a change or an average is not a level of this score: never compared
    # with it ("rose from 43% to 61%", "up 18 points", "against a Wales average of 70%").
    quantities = [_dated(q, idx) for q in parts.quantities if q.role != "areas"]
    levels = [q for q in quantities if q.role is None and not past]
    aside = [q for q in quantities if (q.role is not None or past) and is_salient(q)]
    pcts = [q for q in levels if unit_class(q) == "pct"]
    if not pcts:
        # "Safeguarding scored 38": a bare number in a score claim is a percentage.
        pcts = [
            Quantity(q.text, q.start, q.end, q.value, "%", qualifier=q.qualifier)
            for q in levels
            if q.unit == "number" and 0 <= q.value <= 100
        ]
    aside_notes = [_aside_note(q, measure, past=bool(past)) for q in aside]
    verdicts += [UNVERIFIABLE] * len(aside)
    unsettled: list[str] = []  # stated figures the stored score does not settle
    for q in pcts:
        v = compare(q, stored)
        if v is None:
            continue
        verdicts.append(_verdict_of(v))
        said.append(_qualified(q))
        if _verdict_of(v) == UNVERIFIABLE:
            unsettled.append(_qualified(q))
    band_note = ""
    if parts.bands:
        if score.band is None:
            verdicts.append(UNVERIFIABLE)
            band_note = f" The report gives no improvement band for {measure.label}."
        else:
            verdicts.append(SUPPORTED if score.band in parts.bands else CONTRADICTED)
            said.append(" or ".join(sorted(parts.bands, key=BANDS.index)).lower() + " improvement")
    if parts.negated and verdicts:
        verdicts = [_flip(v) for v in verdicts]
    if parts.loose_negation and verdicts:
        return _unverifiable(
            f"The claim has a negation that cannot be tied to its figure ('{parts.text}'); "
            f"{measure.label} in {idx.report.id} is {_score_text(score)}."
        )
    if not verdicts:
        return _unverifiable(
            f"The claim names {measure.label} in {idx.report.id} but states no percentage "
            f"or band to check; it is {_score_text(score)}."
        )
    verdict = _combine(verdicts)
    value = format_value(score.value)
    if parts.bands and score.band:
        value = f"{value} {score.band}" if pcts else score.band
    ev = [_score_evidence(idx, score, value)]
    stated = " and ".join(said) if said else "its figure"
    says = "denies" if parts.negated else "says"
    if verdict == SUPPORTED:
        head = (
            f"Supported: {measure.label} in {idx.report.id} is {_score_text(score)}, "
            f"{'not ' + stated if parts.negated else 'as claimed'}."
        )
    elif verdict == CONTRADICTED:
        head = (
            f"Contradicted: the claim {says} {stated}, but {measure.label} in {idx.report.id} is "
            f"{_score_text(score)}."
        )
    elif unsettled:
        head = (
            f"Cannot tell: {measure.label} in {idx.report.id} is {_score_text(score)}, which "
            f"neither confirms nor refutes '{' and '.join(unsettled)}'."
        )
    else:
        agreed = f", as the claim says ({stated})" if said else ""
        head = f"Cannot tell: {measure.label} in {idx.report.id} is {_score_text(score)}{agreed}."
    aside_text = (" " + " ".join(aside_notes)) if aside_notes else ""
    return Judgement(
        verdict, ev, head + band_note + aside_text + _others_text(others, measure), measure
    )


# A claim about an earlier inspection's scores, which the report's stored scores are not.
_PAST = re.compile(
    r"\b(previous|previously|earlier|former|prior|original)\b|"
    r"\b(?:at|in|during)\s+the\s+(?:last|first|original)\s+inspection\b",
    re.IGNORECASE,
)


def _dated(q: Quantity, idx: ReportIndex) -> Quantity:
    """'64% in 2011' is a level of a 2011 report; '38% in 2009' is not."""
    if q.role and q.role.startswith("year:") and int(q.role[5:]) in _report_years(idx):
        return replace(q, role=None)
    return q


def _aside_note(q: Quantity, measure: Measure, past: bool = False) -> str:
    """Why a stated number was not compared with the score."""
    if q.role == "previous" or past:
        return (
            f"'{q.label()}' is an earlier inspection's figure; no earlier score of "
            f"{measure.label} is stored, so that part cannot be checked."
        )
    if q.role == "change":
        return (
            f"'{q.label()}' is a change or difference; no earlier score of {measure.label} is "
            "stored to check it against."
        )
    if q.role and q.role.startswith("year:"):
        return f"'{q.label()}' is given for {q.role[5:]}, which this report is not of."
    return f"'{q.label()}' is given as an average; the report states no average for this score."


def _segments(text: str) -> list[str]:
    """Split a compound claim into pieces that each carry a figure or band."""
    pieces: list[str] = []
    last = 0
    for m in _CLAUSE_SPLIT.finditer(text):
        pieces.append(text[last : m.start()])
        last = m.end()
    pieces.append(text[last:])
    segments: list[str] = []
    buf = ""
    for p in pieces:
        buf = f"{buf} {p}".strip() if buf else p
        if _numbers_in(buf) or bands_in(buf):
            segments.append(buf)
            buf = ""
    if buf and segments:
        segments[-1] = f"{segments[-1]} {buf}"
    elif buf:
        segments.append(buf)
    return segments


def judge_score(text: str, idx: ReportIndex, resolution: Resolution) -> Judgement:
    """A claim about one or more named scores: its percentages and bands."""
    parts = _parts(text)
    refs = list(dict.fromkeys(r for r in parts.refs if "." in r))
    pcts = [q for q in parts.quantities if unit_class(q) == "pct" and q.role is None]
    if len(refs) >= 2 and (len(refs) == len(pcts) or len(pcts) <= 1):
        # "Criteria 1.1 and 1.2 scored 46% and 45%": paired in order; "Criteria 1.3 and 3.2
        # both required drastic improvement": the one predicate holds for each.
        subs = []
        for k, ref in enumerate(refs):
            m = _measure_by_ref(idx, ref, overall=False)
            if m is None:
                return _unverifiable(f"{idx.report.id} has no criterion {ref}.")
            if len(pcts) == len(refs) and len(refs) > 1:
                q = pcts[k]
                piece = Parts(q.text, [q], set(), [ref], parts.negated, parts.loose_negation)
            else:
                piece = Parts(text, pcts, parts.bands, [ref], parts.negated, parts.loose_negation)
            subs.append(_judge_score_segment(piece, m, idx, []))
        return Judgement(
            _combine([j.verdict for j in subs]),
            [e for j in subs for e in j.evidence],
            " ".join(j.explanation for j in subs),
        )
    segments = _segments(text)
    if len(segments) > 1:
        # "Safeguarding scored 38% and Risk of Harm 36%": each piece judged on its own measure.
        pairs: list[tuple[str, Resolution]] = []
        current = resolution
        for seg in segments:
            r = resolve_measure(seg, idx)
            if r.measure is None:
                r = current
            else:
                current = r
            pairs.append((seg, r))
        if len({id(r.measure) for _, r in pairs if r.measure is not None}) > 1:
            subs = [
                _judge_score_segment(_parts(seg), r.measure, idx, [])
                if r.measure is not None
                else _unverifiable(f"'{seg}': {r.why or 'no score named'}.")
                for seg, r in pairs
            ]
            verdict = _combine([s.verdict for s in subs])
            ev = [e for s in subs for e in s.evidence]
            return Judgement(verdict, ev, " ".join(s.explanation for s in subs))
    assert resolution.measure is not None
    named = _named_measures(text, idx)
    levels = [q for q in parts.quantities if q.role is None and is_salient(q)]
    if len(named) >= 2 and len(levels) <= 1 and resolution.measure in named:
        # "The LoR score required substantial improvement, as did the Risk of Harm score":
        # one predicate about two scores holds for each of them.
        subs = [_judge_score_segment(parts, m, idx, []) for m in named]
        return Judgement(
            _combine([j.verdict for j in subs]),
            [e for j in subs for e in j.evidence],
            " ".join(j.explanation for j in subs),
            resolution.measure,
        )
    return _judge_score_segment(parts, resolution.measure, idx, resolution.others)


def _named_measures(text: str, idx: ReportIndex) -> list[Measure]:
    """The distinct scores a claim names in full, one per name ("LoR" and "Risk of Harm").

    Names whose words overlap ("Safeguarding" and "Safeguarding the child or young person")
    are one mention, read as the fuller name; the kind preference (headline first unless the
    claim says criterion or overall) picks among scores of the same name.
    """
    present = set(_claim_stems(text, idx))
    full: list[tuple[frozenset[str], Measure]] = []
    for m in idx.measures:
        for alias in m.aliases:
            if alias and set(alias) <= present:
                full.append((frozenset(alias), m))
    full.sort(key=lambda t: -len(t[0]))
    groups: list[tuple[frozenset[str], list[Measure]]] = []
    for stems, m in full:
        home = next((g for g in groups if g[0] & stems), None)
        if home is None:
            groups.append((stems, [m]))
        elif m not in home[1] and stems == home[0]:
            home[1].append(m)
    if len(groups) < 2:
        return []
    kind = (
        "criterion"
        if _CRITERION_CUE.search(text)
        else "overall"
        if _OVERALL_CUE.search(text)
        else "headline"
    )
    order = {kind: 0, "headline": 1, "criterion": 2, "overall": 3}
    picked: list[Measure] = []
    for _, ms in groups:
        m = min(ms, key=lambda m: order[m.kind])
        if all(m is not p for p in picked):
            picked.append(m)
    return picked


def _set_scores(text: str, idx: ReportIndex) -> tuple[str, list[Measure]] | None:
    """The set a count or superlative ranges over: criteria, headline scores or sections."""
    low = text.lower()
    if "headline" in low:
        kind, label = "headline", "headline scores"
    elif re.search(r"\b(criteria|criterion)\b", low):
        kind, label = "criterion", "criteria"
    elif re.search(r"\b(sections?|overall scores?|section scores?)\b", low):
        kind, label = "overall", "section scores"
    else:
        return None
    members = [m for m in idx.measures if m.kind == kind]
    if kind == "criterion":
        # "the three Outcomes criteria", "section 1 criteria": restrict to one section.
        sec = re.search(r"\bsection\s+(\d)\b", text, re.IGNORECASE)
        stems = set(_claim_stems(text, idx))
        if sec:
            members = [m for m in members if m.section == int(sec.group(1))]
            label = f"criteria in section {sec.group(1)}"
        else:
            hits = {}
            qualifier = re.search(r"([A-Za-z]+)\s+(?:criteria|criterion)\b", text, re.IGNORECASE)
            first_word = stem(qualifier.group(1)) if qualifier else None
            for s in idx.report.sections:
                sstems = content_stems(s.name, idx.expansions)
                if sstems and (
                    len(set(sstems) & stems) / len(set(sstems)) >= 0.5
                    or sstems[0] == first_word  # "the Delivery criteria", "assessment criteria"
                ):
                    hits[s.number] = s.name
            if len(hits) == 1:
                number, name = next(iter(hits.items()))
                members = [m for m in members if m.section == number]
                label = f"{name} criteria"
    return label, members


_QUAL_WORDS = {
    "<": "below",
    "<=": "at most",
    ">": "above",
    ">=": "at least",
    "~": "about",
    "~<": "just under",
    "~>": "just over",
}


def _qualified(q: Quantity) -> str:
    """'below 50%' for a quantity with a qualifier."""
    word = _QUAL_WORDS.get(q.qualifier or "", "")
    if not word:
        return q.label()
    value = format_value(q.percent()) if unit_class(q) == "pct" else q.label()
    return f"{word} {value}"


def _threshold(parts: Parts) -> Quantity | None:
    for q in parts.quantities:
        if unit_class(q) == "pct" and q.qualifier in ("<", "<=", ">", ">="):
            return q
    return None


def _meets(score: Score, bands: set[str], threshold: Quantity | None) -> bool:
    ok = True
    if bands:
        ok = score.band in bands
    if threshold is not None:
        v = compare(threshold, quantity_of(score.value, "%"))
        ok = ok and v == SUPPORTED
    return ok


def _count_claim(text: str) -> re.Match[str] | None:
    """'Seven of the eight criteria ...', 'all three headline scores ...', 'most criteria ...'."""
    noun = _SET_NOUN.search(text)
    if not noun:
        return None
    before = text[: noun.start()]
    if not (
        _QUANT_WORD.search(before)
        or any(q.unit in ("count", "fraction", "number") for q in _numbers_in(before))
        or _QUANT_AFTER.match(text[noun.end() :])
    ):
        return None
    return noun


# "the criteria all needed ...", "its headline scores were each above 50%".
_QUANT_AFTER = re.compile(r"\s+(?:(?:were|are|had|have|was)\s+)?(all|each|both)\b", re.IGNORECASE)


def judge_count(text: str, idx: ReportIndex) -> Judgement | None:
    noun = _count_claim(text)
    chosen = _set_scores(text, idx)
    if noun is None or chosen is None:
        return None
    label, members = chosen
    if not members:
        return _unverifiable(f"{idx.report.id} has no {label}.")
    before, after = text[: noun.start()], text[noun.end() :]
    # "every criterion except 3.2 required ...": the named exceptions are left out of the set.
    excl = _EXCEPT.match(after)
    excluded: list[Measure] = []
    if excl:
        for ref in re.findall(r"\d\.\d", excl.group(1)):
            m = _measure_by_ref(idx, ref, overall=False)
            if m is None:
                return _unverifiable(f"{idx.report.id} has no criterion {ref}.")
            excluded.append(m)
        after = after[excl.end() :]
    # The condition: in the count's own clause, after the set noun or else before the count
    # ("needs substantial improvement in three criteria").
    pred = _parts(_PRED_BREAK.split(after, maxsplit=1)[0])
    if not pred.bands and _threshold(pred) is None:
        counted = [q for q in _numbers_in(before) if q.role is None]
        head = before[: counted[-1].start] if counted else before
        pred = _parts(_PRED_BREAK.split(head)[-1])
    threshold = _threshold(pred)
    if not pred.bands and threshold is None:
        return None
    members = [m for m in members if all(m is not e for e in excluded)]
    meeting = [m for m in members if _meets(m.score, pred.bands, threshold)]
    k, n = len(meeting), len(members)

    claimed: Quantity | None = None
    used: list[Quantity] = []
    quant = [q for q in _numbers_in(before) if q.unit in ("count", "fraction", "number", "%")]
    words = before.lower()
    post = _QUANT_AFTER.match(after)
    if post:
        words += " " + post.group(1).lower()
    size_said: float | None = None
    verdict: str | None = None
    lead_word = (
        re.search(
            r"\b(all|both|every|each|none|no|neither|most|majority)\s+(?:of\s+)?"
            r"(?:the\s+|its\s+|their\s+|these\s+)?$",
            before[: quant[-1].start].lower(),
        )
        if quant
        else None
    )
    if quant and lead_word and lead_word.group(1) in ("none", "no", "neither", "most", "majority"):
        # "None of the eight criteria", "most of the eight": eight is the size of the set.
        size_said = quant[-1].value
        used.append(quant[-1])
        quant = []
    all_but = (
        re.search(r"\ball\s+(?:but|except|bar|save)\s+$", before[: quant[-1].start], re.I)
        if quant
        else None
    )
    if quant and all_but:
        # "all but one of the criteria": one fewer than the whole set.
        q = quant[-1]
        used.append(q)
        verdict = SUPPORTED if k == n - q.value else CONTRADICTED
    elif quant:
        q = quant[-1]
        used.append(q)
        if q.total is not None:
            size_said = q.total
        if lead_word:
            size_said = q.value  # "all three": three is the size of the set
            verdict = SUPPORTED if k == n else CONTRADICTED
        elif unit_class(q) == "pct":
            share = Quantity("", 0, 0, 100 * k / n, "%", decimals=3)
            verdict = _verdict_of(compare(q, share))
        else:
            claimed = Quantity(q.text, q.start, q.end, q.value, "count", qualifier=q.qualifier)
            verdict = _verdict_of(compare(claimed, quantity_of(k, "count")))
    elif re.search(r"\b(none|no|neither)\b", words):
        verdict = SUPPORTED if k == 0 else CONTRADICTED
    elif re.search(r"\b(all|every|each|both)\b", words):
        verdict = SUPPORTED if k == n else CONTRADICTED
        if "both" in words and n != 2:
            verdict = CONTRADICTED
    elif re.search(r"\b(most|majority)\b", words):
        verdict = SUPPORTED if k > n / 2 else CONTRADICTED
    elif re.search(r"\b(only|just) one\b", words):
        verdict = SUPPORTED if k == 1 else CONTRADICTED
    if (
        excluded
        and verdict is not None
        and any(_meets(m.score, pred.bands, threshold) for m in excluded)
    ):
        verdict = CONTRADICTED  # "... except 3.2": the exceptions do not meet the condition
    if verdict is None:
        return None
    if size_said is not None and size_said != n + len(excluded):
        verdict = CONTRADICTED
    if pred.negated and not re.search(r"\b(none|no|neither)\b", words):
        verdict = _flip(verdict)
    # Every figure must be accounted for: "three criteria ... and substantial in four" is not
    # settled by counting the first part alone.
    spare = [
        q
        for q in _numbers_in(text)
        if is_salient(q)
        and all(q.start != u.start for u in used)
        and (threshold is None or (q.value, q.qualifier) != (threshold.value, threshold.qualifier))
        and (size_said is None or q.value != size_said)
        and q.role != "areas"
    ]
    if spare and verdict == SUPPORTED:
        verdict = UNVERIFIABLE

    what = " or ".join(b.lower() for b in BANDS if b in pred.bands)
    cond = f"require {what} improvement" if what else ""
    if threshold is not None:
        cond = (cond + " and " if cond else "") + f"scored {_qualified(threshold)}"
    listing = ", ".join(f"{m.ref or m.label} {_score_text(m.score)}" for m in members)
    which = ", ".join(m.ref or m.label for m in meeting) or "none"
    size_note = f" (the report has {n}, not {size_said:g})" if size_said not in (None, n) else ""
    explanation = (
        f"{_lead(verdict)}: in {idx.report.id}, {k} of the {n} {label} {cond}{size_note}: {which}. "
        f"All {label}: {listing}."
    )
    ev = [_score_evidence(idx, m.score) for m in members + excluded]
    return Judgement(verdict, ev, explanation)


_PRED_BREAK = re.compile(r"\s*[,;]\s*|\s+(?:and|but|while|whereas)\s+", re.IGNORECASE)
_EXCEPT = re.compile(
    r"\s*(?:except|but|apart\s+from|other\s+than|bar|save)\s+(?:for\s+)?(?:criteri\w+\s+)?"
    r"(\d\.\d(?:\s*(?:,|and|&)\s*\d\.\d)*)",
    re.IGNORECASE,
)
_ITEM_NOUN = re.compile(
    r"\b(recommendations?|areas?\s+for\s+improvement|strengths?)\b", re.IGNORECASE
)


def judge_item_count(text: str, idx: ReportIndex) -> Judgement | None:
    """'Sefton made eight recommendations', '1.2 has seven areas for improvement'."""
    noun = _ITEM_NOUN.search(text)
    if noun is None:
        return None
    before = [q for q in _numbers_in(text[: noun.start()]) if unit_class(q) == "num"]
    if not before or text[before[-1].end : noun.start()].strip(" ()-"):
        return None  # the number must count the items ("eight recommendations")
    q = before[-1]
    kind = noun.group(1).lower()
    crit = None
    if not kind.startswith("recommendation"):
        refs = [r for r in _parts(text).refs if "." in r]
        if refs:
            crit = idx.report.criterion(refs[0])
            if crit is None:
                return _unverifiable(f"{idx.report.id} has no criterion {refs[0]}.")
        else:
            res = resolve_measure(text[: noun.start()] + text[noun.end() :], idx, {"criterion"})
            crit = idx.report.criterion(res.measure.ref) if res.measure else None
    after = text[noun.end() :]
    owner = re.match(
        r"\s+(?:were|was|are|is)?\s*(?:for|to|owned\s+by|assigned\s+to|addressed\s+to|aimed\s+at|"
        r"directed\s+at|led\s+by)\s+(?:the\s+)?([^.;,]+)",
        after,
        re.IGNORECASE,
    )
    if re.match(
        r"\s+(?:were|was|are|is)?\s*(?:about|on|concern\w*|relat\w*|cover\w*|address\w*|of\s+which|"
        r"in\s+(?:the\s+)?area)\b",
        after,
        re.IGNORECASE,
    ) or (owner and not kind.startswith("recommendation")):
        return _unverifiable(
            "The claim counts a subset of the listed items by topic, which the report does not "
            "label; only whole lists (and recommendations by owner) can be counted."
        )
    if kind.startswith("recommendation"):
        items, where = idx.report.recommendations, "recommendations"
        if owner:
            # "Six recommendations were for the YOT Manager": the bracketed owners decide.
            who = set(re.findall(r"[a-z]+", owner.group(1).lower())) - STOP
            items = [
                i for i in items if i.owner and who <= set(re.findall(r"[a-z]+", i.owner.lower()))
            ]
            where = f"recommendations for {owner.group(1).strip()}"
            if not items:
                return _unverifiable(
                    f"{idx.report.id} gives no recommendation to {owner.group(1)}."
                )
    elif crit is None:
        return None  # strengths of what? a whole-report total is rarely what is meant
    elif kind.startswith("strength"):
        items, where = crit.strengths, f"strengths under {crit.number} {crit.name}"
    else:
        items, where = crit.areas_for_improvement, f"areas for improvement under {crit.number}"
    if not items:
        return _unverifiable(f"{idx.report.id} lists no {where}.")
    claimed = Quantity(q.text, q.start, q.end, q.value, "count", qualifier=q.qualifier)
    verdict = _verdict_of(compare(claimed, quantity_of(len(items), "count")))
    if _negation(text) == "attached":
        verdict = _flip(verdict)
    ev = [
        Evidence(
            idx.report.id,
            i.source.section,
            i.source.heading,
            i.source.quote,
            f"item {i.position} of {len(items)}",
        )
        for i in items
    ]
    explanation = (
        f"{_lead(verdict)}: {idx.report.id} lists {len(items)} {where}; the claim says "
        f"{_qualified(claimed)}."
    )
    return Judgement(verdict, ev, explanation)


_MEAN = re.compile(r"\b(averag\w*|mean)\b", re.IGNORECASE)


def judge_mean(text: str, idx: ReportIndex) -> Judgement | None:
    """'The average criterion score was 45%': the mean of a set of stored scores."""
    if not _MEAN.search(text) or _AVERAGE_OF_AREA.search(text):
        return None
    chosen = _set_scores(text, idx)
    pcts = [q for q in _numbers_in(text) if unit_class(q) == "pct"]
    if chosen is None or not chosen[1] or not pcts:
        return None
    label, members = chosen
    mean = sum(m.score.value for m in members) / len(members)
    verdict = _verdict_of(compare(pcts[0], Quantity("", 0, 0, round(mean, 2), "%", decimals=2)))
    listing = ", ".join(f"{m.ref or m.label} {m.score.value}%" for m in members)
    explanation = (
        f"{_lead(verdict)}: the mean of the {len(members)} {label} in {idx.report.id} is "
        f"{mean:.1f}% (computed from {listing}); the claim says {_qualified(pcts[0])}."
    )
    return Judgement(verdict, [_score_evidence(idx, m.score) for m in members], explanation)


def _same_measure(measure: Measure, idx: ReportIndex) -> Measure | None:
    """The score of ``idx`` that is the same measure as ``measure`` of another report.

    Headline and section scores match by key; criteria by name, since reports number them
    differently (Safeguarding is 1.3 in one report and 1.4 in another).
    """
    if measure in idx.measures:
        return measure
    for m in idx.measures:
        if m.kind != measure.kind:
            continue
        if m.kind != "criterion" and m.score.key == measure.score.key:
            return m
        if m.kind == "criterion" and m.aliases and m.aliases[0] == measure.aliases[0]:
            return m
    return None


_AREA_SET = re.compile(
    r"\b(?:of|among|amongst|across|in|for)\s+(?:all\s+|any\s+|every\s+)?(?:the\s+|these\s+|those\s+)?"
    r"(?:(\w+)\s+)?(?:loaded\s+|inspected\s+)?(?:areas?|yots?|yoss?|teams?|services|reports|"
    r"inspections|authorities|councils|regions?|boroughs?|counties|places)\b",
    re.IGNORECASE,
)


def _cross_area(text: str, idx: ReportIndex) -> re.Match[str] | None:
    """A superlative over areas ("the highest Safeguarding score of the five areas"), not over
    the scores of one report ("the lowest-scoring criterion")."""
    sup = _SUPERLATIVE.search(text)
    if not sup:
        return None
    group = _AREA_SET.search(text)
    if group:
        return group
    # "had the highest Safeguarding score": the superlative qualifies one named measure.
    after = re.split(r"\b(?:score|scores|rating|result|figure)\b|[,;.]", text[sup.end() :])[0]
    after = re.sub(r"^[-\s]*scor\w*", "", after)
    if not after.strip() or _set_noun_kind(after) is not None:
        return None
    if resolve_measure(after, idx).measure is not None and re.search(
        r"\b(?:score|scores|rating)\b", text[sup.end() :], re.IGNORECASE
    ):
        return sup
    return None


def _set_noun_kind(text: str) -> str | None:
    low = text.lower()
    if "headline" in low:
        return "headline"
    if re.search(r"\b(criteria|criterion)\b", low):
        return "criterion"
    if re.search(r"\b(sections?|overall scores?|section scores?)\b", low):
        return "overall"
    return None


def judge_across(
    text: str, scope: Scope, indexes: list[ReportIndex], group: re.Match[str]
) -> Judgement:
    """A superlative over areas: only judged when every area it ranges over is loaded."""
    sup = _SUPERLATIVE.search(text)
    assert sup is not None
    lowest = sup.group(1).lower() in _MIN_WORDS
    # Only a set that is exactly the loaded reports can be ranked: "of the five areas" with five
    # loaded, "of these areas"; never "of any YOT", "in England" or an unnamed set.
    exact = group.re is _AREA_SET and _exact_set(group, indexes)
    if len(indexes) < 2 or not exact:
        loaded = ", ".join(i.report.id for i in indexes)
        return _unverifiable(
            f"The claim ranks areas ('{group.group(0).strip()}'), but {len(indexes)} "
            f"report(s) are loaded ({loaded}); a ranking can only be checked over a set of "
            "areas that are all loaded, named as such (e.g. 'of the five areas')."
        )
    rest = text[: sup.start()] + " " + text[sup.end() :]
    rest = _AREA_SET.sub(" ", rest)
    subject_idx = scope.reports[0] if scope.explicit and len(scope.reports) == 1 else None
    base = resolve_measure(rest, subject_idx or indexes[0]).measure
    if base is None:
        return _unverifiable("The claim ranks areas but does not say on which score.")
    values: list[tuple[ReportIndex, Measure]] = []
    for idx in indexes:
        same = _same_measure(base, idx)
        if same is None:
            return _unverifiable(f"{idx.report.id} has no score matching {base.label}.")
        values.append((idx, same))
    target = (min if lowest else max)(m.score.value for _, m in values)
    at = [(i, m) for i, m in values if m.score.value == target]
    verdicts: list[str] = []
    if subject_idx is not None:
        verdicts.append(SUPPORTED if any(i is subject_idx for i, _ in at) else CONTRADICTED)
    for q in _numbers_in(text):
        if unit_class(q) == "pct" and q.role is None:
            verdicts.append(_verdict_of(compare(q, quantity_of(target, "%"))))
    if not verdicts:
        return _unverifiable("The claim ranks areas but names no area or figure to check.")
    if _negation(text) == "attached":
        verdicts = [_flip(v) for v in verdicts]
    verdict = _combine(verdicts)
    word = "lowest" if lowest else "highest"
    listing = "; ".join(f"{i.report.id} {_score_text(m.score)}" for i, m in values)
    names = " and ".join(i.report.id for i, _ in at)
    explanation = (
        f"{_lead(verdict)}: of the {len(values)} loaded areas, the {word} {base.label} is "
        f"{names} ({format_value(target)}). All: {listing}."
    )
    ev = [_score_evidence(i, m.score) for i, m in values]
    return Judgement(verdict, ev, explanation, base)


_ORDINALS = {
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
}


def _exact_set(group: re.Match[str], indexes: list[ReportIndex]) -> bool:
    """Whether "of the five areas" / "across these areas" is exactly the loaded reports."""
    size_word = group.group(1) if group.lastindex else None
    if size_word and size_word.lower() in ("loaded", "inspected", "these", "those"):
        size_word = None
    over = group.group(0).lower()
    if size_word:
        return word_to_number(size_word) == len(indexes)
    return bool(re.search(r"\b(these|loaded)\b", over))


def judge_across_mean(
    text: str, scope: Scope, indexes: list[ReportIndex], group: re.Match[str]
) -> Judgement:
    """'The average Safeguarding score across the five areas was 59.6%'."""
    if len(indexes) < 2 or not _exact_set(group, indexes):
        return _unverifiable(
            f"The claim averages over '{group.group(0).strip()}', but the loaded reports "
            f"({', '.join(i.report.id for i in indexes)}) are not named as that set."
        )
    rest = _AREA_SET.sub(" ", _MEAN.sub(" ", text))
    base = resolve_measure(rest, indexes[0]).measure
    pcts = [q for q in _numbers_in(rest) if unit_class(q) == "pct" and q.role is None]
    if base is None or not pcts:
        return _unverifiable("The claim averages over areas but names no score and figure.")
    values: list[tuple[ReportIndex, Measure]] = []
    for idx in indexes:
        same = _same_measure(base, idx)
        if same is None:
            return _unverifiable(f"{idx.report.id} has no score matching {base.label}.")
        values.append((idx, same))
    mean = sum(m.score.value for _, m in values) / len(values)
    stored = Quantity("", 0, 0, round(mean, 2), "%", decimals=2)
    verdict = _verdict_of(compare(pcts[0], stored))
    listing = "; ".join(f"{i.report.id} {format_value(m.score.value)}" for i, m in values)
    explanation = (
        f"{_lead(verdict)}: the mean of {base.label} over the {len(values)} loaded areas is "
        f"{mean:.1f}% ({listing}); the claim says {_qualified(pcts[0])}."
    )
    return Judgement(verdict, [_score_evidence(i, m.score) for i, m in values], explanation)


def judge_superlative(text: str, idx: ReportIndex) -> Judgement | None:
    sup = _SUPERLATIVE.search(text)
    if not sup:
        return None
    across = _cross_area(text, idx)
    if across is not None:
        return _unverifiable(
            f"The claim ranks areas ('{across.group(0).strip()}'), which one report "
            f"({idx.report.id}) cannot settle; load the reports of every area it ranges over."
        )
    lowest = sup.group(1).lower() in _MIN_WORDS
    chosen = _set_scores(text, idx)
    # The subject: what the claim says is lowest/highest (words other than the superlative).
    rest = text[: sup.start()] + " " + text[sup.end() :]
    rest = re.sub(r"[-\s]+scor\w*", " score", rest)
    kinds = None
    if chosen is not None:
        kinds = {chosen[1][0].kind} if chosen[1] else None
    res = resolve_measure(rest, idx, kinds)
    subject = res.measure
    if chosen is None:
        if subject is None:
            return None
        kind = subject.kind
        members = [m for m in idx.measures if m.kind == kind]
        label = {
            "headline": "headline scores",
            "criterion": "criteria",
            "overall": "section scores",
        }[kind]
    else:
        label, members = chosen
    if not members:
        return _unverifiable(f"{idx.report.id} has no {label}.")
    ordinal = re.search(
        r"\b(second|third|fourth|fifth|2nd|3rd|4th|5th)[\s-]+(?:" + sup.group(1) + r")\b",
        text,
        re.IGNORECASE,
    )
    rank = _ORDINALS[ordinal.group(1).lower()] if ordinal else 1
    ranked = sorted({m.score.value for m in members}, reverse=not lowest)
    if rank > len(ranked):
        return _unverifiable(f"{idx.report.id} has only {len(ranked)} distinct {label} scores.")
    target = ranked[rank - 1]
    at = [m for m in members if m.score.value == target]
    word = (
        ("lowest" if lowest else "highest")
        if rank == 1
        else (f"{ordinal.group(1).lower()} {'lowest' if lowest else 'highest'}")
    )
    verdicts: list[str] = []
    if subject is not None and subject in members:
        verdicts.append(SUPPORTED if subject in at else CONTRADICTED)
    pcts = [q for q in _numbers_in(text) if unit_class(q) == "pct"]
    for q in pcts:
        v = compare(q, quantity_of(target, "%"))
        verdicts.append({"unknown": UNVERIFIABLE}.get(v or "", v or UNVERIFIABLE))
    if not verdicts:
        return None
    if _negation(text) == "attached":
        verdicts = [_flip(v) for v in verdicts]
    verdict = _combine(verdicts)
    names = " and ".join(f"{m.ref or m.label} ({_score_text(m.score)})" for m in at)
    shared = " (shared)" if len(at) > 1 else ""
    subj = f"{subject.label} scored {_score_text(subject.score)}; " if subject else ""
    explanation = (
        f"{_lead(verdict)}: in {idx.report.id}, {subj}the {word}-scoring of the "
        f"{len(members)} {label} is {names}{shared}."
    )
    ev = [_score_evidence(idx, m.score) for m in at]
    if subject is not None and subject not in at:
        ev.insert(0, _score_evidence(idx, subject.score))
    return Judgement(verdict, ev, explanation)


def _comparison(text: str) -> re.Match[str] | None:
    """A comparison between two measures or reports ('lower than Wessex Vale's')."""
    for m in _COMPARATIVE.finditer(text):
        after = text[m.end() :].lstrip()
        first = _numbers_in(after[:25])
        lead = scan(after[:12])
        if lead and lead[0].kind == "ref" and lead[0].start < 6:
            return m  # "lower than 2.1": another criterion
        if re.match(r"(?:the\s+)?(?:about|around|nearly|almost|only|just)?\s*\d", after) or (
            first
            and first[0].start < 12
            and not re.search(r"[A-Z]", after[: first[0].start])  # "than Sefton's (52%)"
        ):
            continue  # "below 50%": a qualified number, judged as such
        if re.match(r"(?:the\s+|a\s+)?(?:england|national|regional|average)", after, re.I):
            continue  # against an average: a stored fact, not a score comparison
        return m
    return None


def judge_comparison(
    text: str, idx_left: ReportIndex, idx_right: ReportIndex, m: re.Match[str]
) -> Judgement | None:
    word = (m.group(1) or m.group(2)).lower()
    greater = word in _GREATER or word.startswith("exceed")
    left, right = text[: m.start()], text[m.end() :]
    lres = resolve_measure(left, idx_left)
    rres = resolve_measure(right, idx_right) if right.strip() else Resolution(None, [])
    if lres.measure is None and rres.measure is None:
        whole = resolve_measure(text, idx_left)
        if whole.measure is None:
            return None
        lres = whole
    if lres.measure is None:
        lres = resolve_measure(
            text, idx_left, {rres.measure.kind} if rres.measure is not None else None
        )
        if lres.measure is None:
            return None
    if rres.measure is None or idx_right is not idx_left and rres.measure.kind != lres.measure.kind:
        if idx_right is idx_left:
            return None  # no second measure and no second report: not a comparison
        same = _same_measure(lres.measure, idx_right)
        if same is None:
            return _unverifiable(
                f"{idx_right.report.id} has no score matching {lres.measure.label}."
            )
        rres = Resolution(same, [])
    a, b = lres.measure, rres.measure
    assert a is not None and b is not None
    holds = a.score.value > b.score.value if greater else a.score.value < b.score.value
    verdict = SUPPORTED if holds else CONTRADICTED
    if _negation(text) == "attached":
        verdict = _flip(verdict)
    where_a = idx_left.report.id
    where_b = idx_right.report.id
    # Every figure the comparison states must be checked too: "77%", "30 points higher".
    stated, notes = _comparison_figures(text, m, a.score.value, b.score.value)
    verdict = _combine([verdict, *stated])
    explanation = (
        f"{_lead(verdict)}: {a.label} in {where_a} is "
        f"{_score_text(a.score)} and {b.label} in {where_b} is {_score_text(b.score)}"
        f" (higher scores mean better work)" + (f"; {'; '.join(notes)}" if notes else "") + "."
    )
    ev = [_score_evidence(idx_left, a.score), _score_evidence(idx_right, b.score)]
    return Judgement(verdict, ev, explanation)


def _as_percent(q: Quantity) -> Quantity:
    return Quantity(q.text, q.start, q.end, q.value, "%", qualifier=q.qualifier, upper=q.upper)


def _comparison_figures(
    text: str, m: re.Match[str], left: float, right: float
) -> tuple[list[str], list[str]]:
    """Verdicts and notes for the numbers a comparison states: each side's level, the gap."""
    verdicts: list[str] = []
    notes: list[str] = []
    gap = abs(left - right)
    for q in _numbers_in(text):
        if not is_salient(q):
            continue
        just_before = not text[q.end : m.start()].strip(" ,") and q.end <= m.start()
        if q.unit == "pp" or q.role == "change":
            v = _verdict_of(compare(_as_percent(q), quantity_of(gap, "%")))
            notes.append(f"the gap is {format_value(gap)[:-1]} points, the claim says {q.label()}")
        elif just_before and unit_class(q) == "pct":
            # "10% higher": percentage points or a relative difference; both must fail to refute.
            rel = 100 * gap / min(left, right) if min(left, right) else float("inf")
            readings = [compare(_as_percent(q), quantity_of(gap, "%"))]
            readings.append(compare(_as_percent(q), quantity_of(round(rel, 1), "%")))
            v = (
                SUPPORTED
                if all(r == SUPPORTED for r in readings)
                else CONTRADICTED
                if all(r == CONTRADICTED for r in readings)
                else UNVERIFIABLE
            )
            notes.append(
                f"the gap is {format_value(gap)[:-1]} points ({rel:.0f}% of the lower score); "
                f"the claim says {q.label()}"
            )
        elif unit_class(q) == "pct" or (q.unit == "number" and 0 <= q.value <= 100):
            target = left if q.start < m.start() else right
            v = _verdict_of(compare(_as_percent(q), quantity_of(target, "%")))
            if v != SUPPORTED:
                notes.append(f"the claim says {q.label()}, the score is {format_value(target)}")
        else:
            v = UNVERIFIABLE
            notes.append(f"'{q.label()}' is not a score or a gap between them")
        verdicts.append(v)
    return verdicts, notes


# --- findings and facts -------------------------------------------------------------------------


_POLARITY = re.compile(r"\b(no|not|none|never|without|nor|nobody|nothing)\b|n't\b", re.I)


def _coverage(
    claim: list[str] | list[tuple[str, ...]], have: frozenset[str] | set[str], idx: ReportIndex
) -> float:
    """Weighted share of the claim's words found in ``have``; an expanded acronym counts once."""
    groups = {g if isinstance(g, tuple) else (g,) for g in claim}
    total = 0.0
    found = 0.0
    for g in groups:
        w = sum(idx.weight(s) for s in g) / len(g)
        total += w
        found += w * sum(s in have for s in g) / len(g)
    return found / total if total else 0.0


_SUBORDINATE = re.compile(
    r"^\s*(?:where|when|whenever|if|although|though|unless|while|whilst|once|because|since)\b"
    r"[^,;]*,\s*",
    re.IGNORECASE,
)


def _main_clause(sentence: str) -> str:
    """The sentence without a leading subordinate clause ("Where ... had not complied, ..."),
    whose negation says nothing about the finding itself."""
    rest = _SUBORDINATE.sub("", sentence, count=1)
    return rest if rest.strip() else sentence


def best_units(
    text: str, idx: ReportIndex, sections: set[str] | None = None
) -> list[tuple[float, Unit]]:
    """Report sentences ranked by how much of the claim's wording they share."""
    stems = _claim_groups(text, idx)
    # Words found in most sentences ("cases") cannot tie a claim to one finding on their own.
    if not any(idx.weight(s) >= idx.distinctive for g in stems for s in g):
        return []
    negative = _POLARITY.search(_main_clause(text))
    group_stems: dict[int, frozenset[str]] = {}
    scored: list[tuple[float, Unit]] = []
    for u in idx.units:
        if sections and u.source.section not in sections:
            continue
        cov = _coverage(stems, u.stems, idx)
        if cov == 0:
            continue
        if (_POLARITY.search(_main_clause(u.text)) is None) != (negative is None):
            # "there had been no RoSH screening" is not the finding "a screening was completed".
            cov *= 0.5
        if len(idx.groups.get(u.group, ())) > 1:
            if u.group not in group_stems:
                group_stems[u.group] = frozenset().union(
                    *(idx.units[i].stems for i in idx.groups[u.group])
                )
            # A claim may join two sentences of one paragraph ("88%, above the average of 72%").
            cov = max(cov, 0.95 * _coverage(stems, group_stems[u.group], idx))
        scored.append((cov, u))
    scored.sort(key=lambda t: -t[0])
    return scored


def _window(text: str, q: Quantity, others: list[Quantity], idx: ReportIndex) -> dict[str, float]:
    """The words around ``q`` up to the neighbouring numbers: what the number is a figure of,
    each weighted 1 when on the number's side of a clause break, 0.5 across one."""
    a = max([o.end for o in others if o.end <= q.start], default=None)
    b = min([o.start for o in others if o.start >= q.end], default=None)
    left = re.split(r"[;:]", text[a or 0 : q.start])[-1]
    right = re.split(r"[;:]", text[q.end : len(text) if b is None else b])[0]
    # Between two numbers, words after a clause break ("88%, above the average of 72%", "52% on
    # time and consulted in 45%") are mainly about the second number, words before it the first.
    far = ""
    if a is not None:
        cut = list(_BETWEEN_BREAK.finditer(left))
        if cut:
            left, far = left[cut[-1].end() :], left[: cut[-1].start()]
    if b is not None:
        cut = list(_BETWEEN_BREAK.finditer(right))
        if cut:
            right, far = right[: cut[0].start()], far + " " + right[cut[0].end() :]
    out = {s: 0.5 for s in content_stems(blank_numbers(far), idx.expansions)}
    out.update({s: 1.0 for s in content_stems(blank_numbers(left + " " + right), idx.expansions)})
    return out


def _head(text: str, q: Quantity, idx: ReportIndex) -> frozenset[str]:
    """What a count counts: the first words after it ("three victims", "Eleven children and
    young people"); empty for percentages and rates."""
    if unit_class(q) != "num" or q.total is not None:
        return frozenset()
    after = re.split(r"[,;:.]|\d", text[q.end : q.end + 60])[0]
    groups = content_groups(after, idx.expansions)[:3]
    return frozenset(s for g in groups for s in g)


_BETWEEN_BREAK = re.compile(r",|\s+(?:and|but|while|whereas|against|compared\s+with)\s+", re.I)


def _align(
    q: Quantity, claim: str, best: Unit, idx: ReportIndex
) -> list[tuple[float, Unit, Quantity]]:
    """Stored numbers that could be the claim's ``q``, best context match first."""
    qctx = _window(claim, q, [o for o in _numbers_in(claim) if o != q], idx)
    group = [idx.units[i] for i in idx.groups.get(best.group, [])]
    national = _national(claim, idx)
    out: list[tuple[float, Unit, Quantity]] = []
    for u in group:
        for sq in u.numbers:
            if compare(q, sq) is None:
                continue
            if not is_salient(sq) and is_salient(q) and unit_class(q) != "num":
                continue
            if national and sq.role != "average":
                continue  # "In England as a whole, 72% ...": only the report's averages
            if q.unit.startswith("per ") and sq.word:
                continue  # "31 crimes per 1,000" is a rate, not the "Twelve" of a headcount
            ctx = _window(u.text, sq, [o for o in u.numbers if o != sq], idx)
            shared = qctx.keys() & ctx.keys()
            score = sum(idx.weight(s) * min(qctx[s], ctx[s]) for s in shared)
            score += 0.5 if u is best else 0.0
            if unit_class(q) == unit_class(sq):
                score += 1000.0  # "29 per 1,000" is a rate, not the "10" of "aged 10"
            if (q.role == "average") == (sq.role == "average"):
                score += 50.0  # an average stands for an average, an area's figure for one
            qh, sh = _head(claim, q, idx), _head(u.text, sq, idx)
            if qh and sh:
                # "three victims" is not a count of "children and young people".
                score += 20.0 if qh & sh else -20.0
            out.append((score, u, sq))
    out.sort(key=lambda t: -t[0])
    return out


# A claim about England or Wales as a whole ("In England, 72% of young people were in ETE"):
# its figures can only be the report's stated averages.
_NATIONAL_RE = re.compile(
    r"\b(?:in|across|throughout|for)\s+(?:the\s+whole\s+of\s+)?(?:england|wales)"
    r"(?:\s+and\s+wales)?\b(?!\s+average)(?:\s+as\s+a\s+whole)?|"
    r"\b(?:england|wales)(?:'s|\u2019s)\s|\bnationally\b|"
    r"\bnational\s+(?:figure|rate|level|picture|performance|proportion)",
    re.IGNORECASE,
)


def _national(claim: str, idx: ReportIndex | None = None) -> bool:
    """Whether the claim is about England or Wales as a whole, not about an area."""
    if idx is not None and idx.report.area and _area_pattern(idx.report.area).search(claim):
        return False
    return any(
        not re.search(r"\baverage\s*$", claim[max(0, m.start() - 12) : m.start()], re.I)
        for m in _NATIONAL_RE.finditer(claim)
    )


def _assign(
    qs: list[Quantity], claim: str, best: Unit, idx: ReportIndex
) -> list[tuple[Unit, Quantity] | None]:
    """Pair each number of the claim with a distinct stored number of the statement.

    The pairing with the best total context match wins, so "97%, better than the England average
    of 95%" pairs 97% with the area's figure and 95% with the average, not both with one of
    them; ties go to the pairing that keeps the claim's order, then to the one that agrees more.
    """
    options = [_align(q, claim, best, idx)[:6] for q in qs]
    order = {
        (id(u), sq.start): k
        for k, (_, u, sq) in enumerate(
            sorted(
                {(id(u), sq.start): (0, u, sq) for opts in options for _, u, sq in opts}.values(),
                key=lambda t: (idx.units.index(t[1]) if t[1] in idx.units else 0, t[2].start),
            )
        )
    }
    best_key: tuple[float, int, int] | None = None
    best_pick: list[tuple[Unit, Quantity] | None] = [None] * len(qs)

    def walk(i: int, used: frozenset, score: float, pick: list) -> None:
        nonlocal best_key, best_pick
        if i == len(qs):
            ranks = [order[(id(p[0]), p[1].start)] for p in pick if p is not None]
            in_order = sum(1 for a, b in zip(ranks, ranks[1:], strict=False) if a < b)
            agree = sum(
                1 for q, p in zip(qs, pick, strict=True) if p and compare(q, p[1]) == SUPPORTED
            )
            key = (round(score, 6), in_order, agree)
            if best_key is None or key > best_key:
                best_key, best_pick = key, list(pick)
            return
        free = [(sc, u, sq) for sc, u, sq in options[i] if (id(u), sq.start) not in used]
        for sc, u, sq in free:
            walk(i + 1, used | {(id(u), sq.start)}, score + sc, [*pick, (u, sq)])
        # Left unpaired: the statement may hold no figure for this number at all.
        walk(i + 1, used, score, [*pick, None])

    walk(0, frozenset(), 0.0, [])
    return best_pick


def _respectively(unit: Unit, sq: Quantity, claim: str, idx: ReportIndex) -> list[Quantity] | None:
    """For "A and B ... 82% and 81% respectively": the number paired with the claim's item,
    or the whole run when the pairing cannot be read. None when not such a sentence."""
    if "respectively" not in unit.text.lower():
        return None
    nums = unit.numbers
    i = next((k for k, n in enumerate(nums) if n == sq), None)
    if i is None:
        return None
    joiner = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)$")
    lo = i
    while lo > 0 and joiner.match(unit.text[nums[lo - 1].end : nums[lo].start]):
        lo -= 1
    hi = i
    while hi + 1 < len(nums) and joiner.match(unit.text[nums[hi].end : nums[hi + 1].start]):
        hi += 1
    run = nums[lo : hi + 1]
    if len(run) == 1:
        return None
    verb = re.search(r"\b(had|has|have|was|were|is|are)\b", unit.text)
    subject = unit.text[: verb.start()] if verb else ""
    items = [t for t in re.split(r",\s*(?:and\s+)?|\s+and\s+", subject) if t.strip()]
    if len(items) == len(run):
        claim_stems = set(_claim_stems(claim, idx))
        overlap = [len(claim_stems & set(content_stems(t, idx.expansions))) for t in items]
        best = max(overlap)
        if best > 0 and overlap.count(best) == 1:
            return [run[overlap.index(best)]]
    return run


def judge_finding(text: str, idx: ReportIndex, ranked: list[tuple[float, Unit]]) -> Judgement:
    """A claim that restates a finding or a contextual figure: align each number it states."""
    top_cov = ranked[0][0]
    candidates = [u for cov, u in ranked if cov >= top_cov - 0.02]
    kinds = {unit_class(q) for q in _numbers_in(text) if is_salient(q)}
    fitting = [
        u
        for u in candidates
        if kinds
        <= {
            unit_class(n)
            for i in idx.groups.get(u.group, [idx.units.index(u)])
            for n in idx.units[i].numbers
        }
    ]
    if fitting:
        candidates = fitting  # "31 per 1,000" is about a statement that gives a rate
    if len(candidates) > 1:
        # Of statements the claim's words cover equally, the ones with least wording the claim
        # leaves out ("In 74% of cases there was an intervention plan" over "Intervention plans
        # reflected the sentencing purpose in 94% of cases").
        claim_stems = frozenset(s for g in _claim_groups(text, idx) for s in g)
        precision = {id(u): _coverage(sorted(u.stems), claim_stems, idx) for u in candidates}
        best = max(precision.values())
        candidates = [u for u in candidates if precision[id(u)] >= best - 0.1]
    if len(candidates) > 3:
        # Many statements fit the wording equally: the claim does not pin one down.
        return _unverifiable(
            f"The claim's wording fits {len(candidates)} statements of {idx.report.id} equally "
            "well, so it does not say which figure it means; name the measure or quote more."
        )
    qs = _numbers_in(text)
    if not qs:
        return _unverifiable("The claim states no figure to check.")
    readings: list[Judgement] = []
    for unit in candidates:
        verdicts: list[str] = []
        ev: list[Evidence] = []
        notes: list[str] = []
        for q, pair in zip(qs, _assign(qs, text, unit, idx), strict=True):
            q = _dated(q, idx)
            if q.role and q.role.startswith("year:"):
                verdicts.append(UNVERIFIABLE)
                notes.append(
                    f"'{q.label()}' is given for {q.role[5:]}, which this report is not of"
                )
                continue
            if pair is None:
                if is_salient(q):
                    verdicts.append(UNVERIFIABLE)
                    notes.append(f"the report gives no figure for '{q.label()}' here")
                continue
            u, sq = pair
            v = {"unknown": UNVERIFIABLE}.get(compare(q, sq) or "", compare(q, sq))
            run = _respectively(u, sq, text, idx)
            if run is not None and len(run) > 1:
                # "82% and 81% ... respectively" with no clear pairing: which is which is unknown.
                listed = " and ".join(r.label() for r in run)
                if any(compare(q, r) == SUPPORTED for r in run):
                    v = UNVERIFIABLE
                    notes.append(
                        f"the report gives {listed} respectively for items listed together"
                    )
                    verdicts.append(v)
                    ev.append(_unit_evidence(idx, u, listed))
                    continue
                sq = Quantity(listed, sq.start, sq.end, sq.value, sq.unit)
            elif run is not None:
                sq = run[0]
                v = {"unknown": UNVERIFIABLE}.get(compare(q, sq) or "", compare(q, sq))
            if not is_salient(q) and v != SUPPORTED:
                continue
            verdicts.append(v)
            ev.append(_unit_evidence(idx, u, sq.label()))
            if v == CONTRADICTED:
                notes.append(f"the claim says {_qualified(q)}, the report says {sq.label()}")
            elif v == UNVERIFIABLE:
                notes.append(f"'{_qualified(q)}' is not settled by the report's '{sq.label()}'")
            else:
                notes.append(f"{q.label()} matches")
        comp = _average_direction(text, [idx.units[i] for i in idx.groups.get(unit.group, [])])
        if comp is not None:
            verdicts.append(comp[0])
            notes.append(comp[1])
        verdict = _combine(verdicts)
        seen: set[tuple[str, str]] = set()
        ev = [e for e in ev if not ((e.quote, e.value) in seen or seen.add((e.quote, e.value)))]
        where = f"{unit.source.heading or unit.source.section} of {idx.report.id}"
        lead = {SUPPORTED: "Supported", CONTRADICTED: "Contradicted"}.get(verdict, "Cannot tell")
        j = Judgement(
            verdict,
            ev if verdict != UNVERIFIABLE or ev else [],
            f'{lead}: judged against the statement in {where}: "{unit.text}" ({"; ".join(notes)}).',
            exact=verdict == SUPPORTED and top_cov >= 0.99 and len(verdicts) >= len(qs),
        )
        readings.append(j)
    # Sentences that match the claim equally well: a decisive reading beats "cannot tell".
    rank = {SUPPORTED: 0, CONTRADICTED: 1, UNVERIFIABLE: 2}
    return min(readings, key=lambda j: rank[j.verdict])


_DIRECTION_WORDS = {
    "better": "better",
    "worse": "worse",
    "above": "above",
    "below": "below",
    "higher": "above",
    "lower": "below",
}
_OPPOSITE = {"better": "worse", "worse": "better", "above": "below", "below": "above"}
_DIRECTION_RE = (
    r"\b(better|worse|above|below|higher|lower)\b(?:\s+than)?\s+(?:the\s+|on\s+the\s+|an?\s+)?"
    r"((?:[\w/]+\s+){0,3}?)average\b((?:\s+(?:for|in|across)\s+(?:[\w/]+\s*){1,3})?)"
)
_AVERAGE_AREAS = {"england": "England", "english": "England", "wales": "Wales", "welsh": "Wales"}


def _phrase(direction: str) -> str:
    return direction if direction in ("above", "below") else f"{direction} than"


def _average_of(words: str) -> frozenset[str]:
    """Which average: {'England'}, {'Wales'}, both, or empty for 'national'/unnamed."""
    return frozenset(
        _AVERAGE_AREAS[w] for w in re.findall(r"[a-z]+", words.lower()) if w in _AVERAGE_AREAS
    )


def _average_direction(text: str, group: list[Unit]) -> tuple[str, str] | None:
    """'better than the England average': the report's own comparison decides.

    Above/below are read from the stored figure and the stored average; better/worse only from
    the report's own words (a higher rate is not always better: reoffending, crime).
    """
    m = re.search(_DIRECTION_RE, text, re.IGNORECASE)
    if not m:
        return None
    said = _DIRECTION_WORDS[m.group(1).lower()]
    claimed_avg = _average_of(m.group(2) + " " + m.group(3))
    source = " ".join(u.text for u in group)
    found = list(re.finditer(_DIRECTION_RE, source, re.IGNORECASE))
    # The averages the report gives in this statement, and which area each is of.
    report_avgs = [_average_of(f.group(2) + " " + f.group(3)) for f in found]
    report_avgs += [
        _average_of(a.group(1) + " " + a.group(2))
        for a in re.finditer(
            r"((?:[\w/]+\s+){0,2})average((?:\s+(?:for|in)\s+(?:[\w/]+\s*){1,3})?)", source, re.I
        )
    ]
    if claimed_avg and report_avgs and not any(claimed_avg <= r for r in report_avgs if r):
        given = " or ".join(sorted({"/".join(sorted(r)) for r in report_avgs if r})) or "another"
        return (
            UNVERIFIABLE,
            f"the report compares it with the {given} average, not the "
            f"{'/'.join(sorted(claimed_avg))} average",
        )
    stated = {_DIRECTION_WORDS[f.group(1).lower()] for f in found}
    if said in stated:
        return SUPPORTED, f"the report also puts it {_phrase(said)} the average"
    if _OPPOSITE[said] in stated:
        return (
            CONTRADICTED,
            f"the report puts it {_phrase(_OPPOSITE[said])} the average, not {_phrase(said)}",
        )
    if said in ("above", "below"):
        # The report says "worse than the average of 94%": compare the stored figures.
        nums = [q for u in group for q in u.numbers if unit_class(q) in ("pct", "num")]
        avgs = [q for q in nums if q.role == "average"]
        values = [q for q in nums if q.role is None and q.unit == (avgs[0].unit if avgs else "")]
        if len(avgs) == 1 and len(values) == 1:
            holds = values[0].value > avgs[0].value
            if values[0].value == avgs[0].value:
                return (
                    CONTRADICTED,
                    f"the report gives the same figure as the average, {avgs[0].label()}",
                )
            actual = "above" if holds else "below"
            verdict = SUPPORTED if actual == said else CONTRADICTED
            return (
                verdict,
                f"the report's {values[0].label()} is {actual} its average of {avgs[0].label()}",
            )
    elif stated:
        return (
            UNVERIFIABLE,
            f"the report puts it {' and '.join(sorted(stated))} the average, and does not say "
            f"whether that is {said}",
        )
    return None


# --- dispatch ------------------------------------------------------------------------------------


def _explained_by_measure(text: str, idx: ReportIndex, measure: Measure | None) -> float:
    stems = _claim_groups(text, idx)
    if not stems:
        return 1.0 if measure else 0.0
    known = set(SCORE_WORDS_STEMS)
    if measure is not None:
        for alias in measure.aliases:
            known |= set(alias)
        known |= set(measure.context)
        # "Safeguarding 38%, RoH 36%, LoR 50%": other scores named in full are score words too.
        present = {s for g in stems for s in g}
        for m in idx.measures:
            for alias in m.aliases:
                if alias and set(alias) <= present:
                    known |= set(alias)
    return _coverage(stems, known, idx)


def _names_measure(unit: Unit, measure: Measure) -> bool:
    """Whether a report sentence carries one of the measure's names in full."""
    return any(alias and set(alias) <= unit.stems for alias in measure.aliases)


def _named_share(text: str, idx: ReportIndex, measure: Measure) -> float:
    """How much of the claim's wording is the measure's own name."""
    known: set[str] = set()
    for alias in measure.aliases:
        known |= set(alias)
    return _coverage(_claim_groups(text, idx), known, idx)


SCORE_WORDS_STEMS = frozenset(stem(w) for w in SCORE_WORDS if w not in STOP) | frozenset(
    stem(w) for w in SCORE_WORDS
)


# Aims, plans and forecasts: "we expect 60% by March 2012", "our target is 70%".
_FUTURE = re.compile(
    r"\b(?:we|they|it|the\s+\w+|our\s+\w+)\s+(?:expects?|will|shall|would\s+like|"
    r"(?:aims?|plans?|intends?|hopes?|wants?|is\s+aiming|are\s+aiming)\s+to)\b|"
    r"\b(?:our|its|their)\s+(?:\w+\s+)?(?:target|aim|goal|ambition|aspiration)s?\b|"
    r"\b(?:forecast|projection|trajectory)s?\b|"
    r"\bby\s+(?:the\s+end\s+of\s+)?(?:(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december)\s+)?(?:19|20)\d{2}\b",
    re.IGNORECASE,
)

# Openings that carry no claim ("By contrast, ...", "Following the inspection in June, ...").
_DISCOURSE = re.compile(
    r"^\s*(?:by\s+contrast|in\s+contrast|however|overall|in\s+addition|additionally|"
    r"furthermore|moreover|similarly|meanwhile|in\s+summary|in\s+short|notably|importantly|"
    r"as\s+a\s+result|again|also|equally|likewise|(?:following|after|according\s+to|at|in)\s+"
    r"(?:the|its|our|their|this)\s+[^,;]{0,70}?(?:inspection|reinspection|report|visit|review)"
    r"(?:\s+[^,;]{0,40})?)\s*,\s*",
    re.IGNORECASE,
)
# Clause boundaries strong enough to carry separate claims.
_CLAUSE_BREAK = re.compile(
    r"\s*;\s*|,\s*(?:and|but|while|whereas|although|though|yet)\s+|\s+(?:but|whereas|while)\s+",
    re.IGNORECASE,
)
# An average over something the report does not average ("ETE performance averaged 80%").
_AGGREGATE = re.compile(r"\baveraged\b|\bon\s+average\b|\bmean\b", re.IGNORECASE)


_ELLIPTIC_QUANT = re.compile(
    r"\s*(?:none|all|most|half|both|each|neither|only\s+one|just\s+one|(?:only\s+)?"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+))\b(?!\s+(?:of|in|per|%))",
    re.IGNORECASE,
)


def _clauses(text: str) -> list[str]:
    """The clauses of a sentence that each carry a figure or band."""
    if re.search(r"\brespectively\b", text, re.IGNORECASE):
        return [text]
    pieces: list[str] = []
    last = 0
    for m in _CLAUSE_BREAK.finditer(text):
        pieces.append(text[last : m.start()])
        last = m.end()
    pieces.append(text[last:])
    out: list[str] = []
    for p in pieces:
        if _numbers_in(p) or bands_in(p) or not out:
            out.append(p)
        else:
            out[-1] = f"{out[-1]}, {p}"
    if out and not (_numbers_in(out[0]) or bands_in(out[0])) and len(out) > 1:
        out[1] = f"{out[0]}, {out[1]}"
        out = out[1:]
    return [o for o in out if o.strip()]


def judge_report(text: str, idx: ReportIndex, hint: Measure | None = None) -> Judgement:
    """Judge a claim against one report (``hint``: the measure an earlier clause named).

    A sentence of several clauses ("Half of the criteria need substantial improvement, and
    Risk of Harm was the lowest headline score") is judged clause by clause as well as whole:
    every clause must hold for support, and a refuted clause refutes the sentence unless the
    whole sentence reads as supported (then the verdict is 'cannot tell').
    """
    text = _DISCOURSE.sub("", text, count=1) or text
    clauses = _clauses(text)
    if len(clauses) < 2:
        whole = _judge_clause(text, idx, hint)
        soft = _soft_clauses(text)
        if whole.verdict != UNVERIFIABLE or len(soft) < 2:
            return whole
        # "drastic improvement in three criteria and substantial improvement in four": read as
        # two claims, both must be decided.
        parts = _judge_clauses(soft, idx, hint)
        verdicts = [j.verdict for j in parts]
        if UNVERIFIABLE in verdicts:
            return whole
        return Judgement(
            _combine(verdicts),
            [e for j in parts for e in j.evidence],
            " ".join(j.explanation for j in parts),
            next((j.measure for j in parts if j.measure is not None), None),
        )
    subs = _judge_clauses(clauses, idx, hint)
    h = next((j.measure for j in reversed(subs) if j.measure is not None), hint)
    whole = _judge_clause(text, idx, hint)
    verdicts = [j.verdict for j in subs]
    evidence = [e for j in subs for e in j.evidence]
    why = " ".join(j.explanation for j in subs)
    if all(v == SUPPORTED for v in verdicts):
        return Judgement(SUPPORTED, evidence, why, h)
    if whole.exact:
        return whole  # one statement restated in full: its clauses need no separate reading
    if CONTRADICTED in verdicts and whole.verdict != SUPPORTED:
        return Judgement(CONTRADICTED, evidence, why, h)
    if whole.verdict == SUPPORTED and CONTRADICTED not in verdicts:
        return whole
    if CONTRADICTED in verdicts:
        return _unverifiable(
            f"Read whole, the sentence is supported ({whole.explanation}) but clause by clause "
            f"one part is not ({why}); check each part separately."
        )
    return Judgement(UNVERIFIABLE, [], why, h)


def _judge_clauses(clauses: list[str], idx: ReportIndex, hint: Measure | None) -> list[Judgement]:
    """Each clause judged in turn; an elliptical clause borrows the set its neighbour counts
    ("..., and none needs drastic improvement", "... and substantial improvement in four")."""
    subs: list[Judgement] = []
    h = hint
    noun: str | None = None
    for c in clauses:
        own = _SET_NOUN.search(c)
        if own is None and noun is not None:
            lead = _ELLIPTIC_QUANT.match(c)
            bare = [
                q
                for q in _numbers_in(c)
                if unit_class(q) == "num" and q.total is None and q.role is None
            ]
            if lead is not None:
                c = f"{c[: lead.end()]} of the {noun}{c[lead.end() :]}"
            elif bare and not re.match(r"\s*[A-Za-z]", c[bare[-1].end :]):
                c = f"{c[: bare[-1].end]} {noun}{c[bare[-1].end :]}"
        noun = own.group(0) if own is not None else noun
        j = _judge_clause(c, idx, h)
        h = j.measure or h
        subs.append(j)
    return subs


def _soft_clauses(text: str) -> list[str]:
    """The sentence split at each plain "and" with a figure or band on both sides."""
    pieces = re.split(r"\s+and\s+", text)
    out: list[str] = []
    for p in pieces:
        bare = not (_numbers_in(p) or bands_in(p))
        if out and (bare or not (_numbers_in(out[-1]) or bands_in(out[-1]))):
            out[-1] = f"{out[-1]} and {p}"
        else:
            out.append(p)
    return out


def _judge_clause(text: str, idx: ReportIndex, hint: Measure | None = None) -> Judgement:
    parts = _parts(text)
    for computed in (judge_item_count, judge_count, judge_mean):
        j = computed(text, idx)
        if j is not None:
            return j
    if _AGGREGATE.search(text) and not _AVERAGE_OF_AREA.search(text):
        return _unverifiable(
            f"The claim states an average that {idx.report.id} does not give; only the mean of "
            "its own criteria, headline or section scores can be computed."
        )
    if _SUPERLATIVE.search(text):
        sup = judge_superlative(text, idx)
        if sup is not None:
            return sup
    comp = _comparison(text)
    if comp is not None:
        j = judge_comparison(text, idx, idx, comp)
        if j is not None:
            return j

    crit_refs = [r for r in parts.refs if "." in r]
    missing = [r for r in crit_refs if idx.report.criterion(r) is None]
    if missing:
        return _unverifiable(f"{idx.report.id} has no criterion {', '.join(missing)}.")
    sections = set(crit_refs) if crit_refs else None
    ranked = best_units(text, idx, sections) if parts.quantities else []
    if sections and not ranked and parts.quantities:
        ranked = best_units(text, idx)
    res = resolve_measure(text, idx)
    claim_stems = frozenset(_claim_stems(text, idx))
    if (
        ranked
        and res.measure is not None
        and any(alias and set(alias) <= claim_stems for alias in res.measure.aliases)
        and not _names_measure(ranked[0][1], res.measure)
    ):
        # "Its Safeguarding score was 77%, against a Wales average of 70%": a statement that
        # does not name the score the claim names is not what the claim restates.
        ranked = [(cov, u) for cov, u in ranked if _names_measure(u, res.measure)]
    finding_cov = ranked[0][0] if ranked else 0.0

    if res.measure is None and hint is not None and not res.matches:
        same = _same_measure(hint, idx)
        if same is not None:
            res = Resolution(same, [])
    explained = _explained_by_measure(text, idx, res.measure)
    cued = bool(_SCORE_CUE.search(text)) or bool(parts.bands)
    has_figure = bool(parts.quantities) or bool(parts.bands)
    if (
        finding_cov >= FINDING_THRESHOLD
        and parts.quantities
        and (
            res.measure is None
            or finding_cov > explained + (0.25 if cued else 0.1)
            # "38% of RoH reviews were on time": words beyond the score's name, all in a finding
            or (not cued and finding_cov >= 0.99 and _named_share(text, idx, res.measure) < 0.99)
        )
    ):
        return judge_finding(text, idx, ranked)
    if res.measure is not None and has_figure and (cued or explained >= 0.5):
        j = judge_score(text, idx, res)
        if j.verdict == CONTRADICTED:
            # "Reoffending was 64%": the LoR score is not, but a stated figure may be; say so.
            for cov, unit in ranked:
                if cov < 0.99:
                    break
                alt = judge_finding(text, idx, [(cov, unit)])
                if alt.verdict == SUPPORTED:
                    j.explanation += f" Another reading: {alt.explanation}"
                    break
        return j
    if finding_cov >= FINDING_THRESHOLD and parts.quantities:
        return judge_finding(text, idx, ranked)
    if res.why and res.matches:
        return _unverifiable(f"Ambiguous in {idx.report.id}: {res.why}; name the criterion.")
    if res.why and crit_refs:
        return _unverifiable(f"{res.why[0].upper()}{res.why[1:]}.")
    if not has_figure:
        return _unverifiable("The claim states no figure or band that could be checked.")
    for cue, kind in (
        (_OVERALL_CUE, "overall"),
        (_HEADLINE_CUE, "headline"),
        (_CRITERION_CUE, "criterion"),
    ):
        if cue.search(text) and res.measure is None:
            listing = "; ".join(
                f"{m.label} {_score_text(m.score)}" for m in idx.measures if m.kind == kind
            )
            if listing:
                return _unverifiable(
                    f"The claim does not say which {kind} score it means; in {idx.report.id}: "
                    f"{listing}."
                )
    return _unverifiable(
        f"No stored score or finding of {idx.report.id} is about this claim, so it cannot be "
        "checked (a matching number elsewhere in the report would not be evidence)."
    )


def _check(
    claim: str,
    indexes: list[ReportIndex],
    default: Scope | None = None,
    hint: Measure | None = None,
) -> tuple[ClaimResult, Scope, Measure | None]:
    """The verdict on one claim, the scope it was judged in and the measure it named
    (``hint``: the measure of the sentence before, for "and Wessex Vale 64%")."""
    text = " ".join(claim.split())
    if not indexes:
        return ClaimResult(UNVERIFIABLE, claim, [], "No reports are loaded."), Scope([]), None
    scope = find_scope(text, indexes, default)
    loaded = ", ".join(i.report.id for i in indexes)
    if scope.unknown:
        names = ", ".join(scope.unknown)
        return (
            ClaimResult(
                UNVERIFIABLE,
                claim,
                [],
                f"The claim is about {names}, which is not among the loaded reports ({loaded}).",
            ),
            scope,
            None,
        )
    if scope.missing_year:
        return (
            ClaimResult(
                UNVERIFIABLE,
                claim,
                [],
                f"No report for {scope.missing_year} is loaded (loaded: {loaded}).",
            ),
            scope,
            None,
        )

    if _FUTURE.search(text):
        return (
            ClaimResult(
                UNVERIFIABLE,
                claim,
                [],
                "The sentence states an aim, a plan or a forecast, not a finding of an inspection "
                "report, so no report can confirm or refute it.",
            ),
            scope,
            None,
        )
    if _MEAN.search(text) and not _AVERAGE_OF_AREA.search(text) and _AREA_SET.search(text):
        j = judge_across_mean(text, scope, indexes, _AREA_SET.search(text))
        return ClaimResult(j.verdict, claim, j.evidence, j.explanation), scope, j.measure
    across = _cross_area(text, scope.reports[0]) if _SUPERLATIVE.search(text) else None
    if across is not None:
        j = judge_across(text, scope, indexes, across)
        return ClaimResult(j.verdict, claim, j.evidence, j.explanation), scope, j.measure

    # Two named reports and a comparison: judge one against the other.
    if len(scope.reports) >= 2 and scope.explicit:
        comp = _comparison(text)
        if comp is not None:
            left = [idx for idx, pos in scope.named if pos < comp.start()]
            right = [idx for idx, pos in scope.named if pos >= comp.start()]
            a = left[0] if left else scope.reports[0]
            b = right[0] if right else next(i for i in scope.reports if i is not a)
            rights = list(dict.fromkeys(id(i) for i in right))
            j = (
                _judge_comparisons(text, a, right, comp, scope)
                if len(rights) >= 2
                else judge_comparison(text, a, b, comp)
            )
            if j is not None:
                return ClaimResult(j.verdict, claim, j.evidence, j.explanation), scope, j.measure

    if len(scope.reports) >= 2 and scope.explicit:
        split = _judge_per_area(text, indexes, hint)
        if split is None or split.verdict == UNVERIFIABLE:
            # "35% in Wessex Vale, against 44% in the Vale of Ashdown": a clause may lack its
            # subject; each figure judged with the whole sentence's words may settle it.
            other = _judge_attributed(text, scope, hint)
            if other is not None and (split is None or other.verdict != UNVERIFIABLE):
                split = other
        if split is not None:
            result = ClaimResult(split.verdict, claim, split.evidence, split.explanation)
            return result, scope, split.measure

    judged = [(idx, judge_report(text, idx, hint)) for idx in scope.reports]
    measure = next((j.measure for _, j in judged if j.measure is not None), None)
    if len(judged) == 1:
        j = judged[0][1]
        return ClaimResult(j.verdict, claim, j.evidence, j.explanation), scope, measure
    decided = [(idx, j) for idx, j in judged if j.verdict != UNVERIFIABLE]
    if not decided:
        why = " ".join(f"[{idx.report.id}] {j.explanation}" for idx, j in judged)
        return ClaimResult(UNVERIFIABLE, claim, [], why), scope, measure
    if len(decided) == 1:
        idx, j = decided[0]
        if j.verdict == CONTRADICTED:
            # The claim may be about another loaded area, which says nothing on it: a report
            # it does not name cannot refute it.
            return (
                ClaimResult(
                    UNVERIFIABLE,
                    claim,
                    [],
                    "The claim names no area; only in "
                    f"{idx.report.id} is there a figure for it, and that one disagrees "
                    f"({j.explanation}) Name the area to check it.",
                ),
                scope,
                measure,
            )
        note = (
            f" The claim names no area; of the loaded reports only {idx.report.id} has a "
            "matching fact."
        )
        return ClaimResult(j.verdict, claim, j.evidence, j.explanation + note), scope, measure
    verdicts = {j.verdict for _, j in decided}
    evidence = [e for _, j in decided for e in j.evidence]
    per = " ".join(f"[{idx.report.id}] {j.explanation}" for idx, j in decided)
    if len(verdicts) == 1:
        return ClaimResult(decided[0][1].verdict, claim, evidence, per), scope, measure
    return (
        ClaimResult(
            UNVERIFIABLE,
            claim,
            evidence,
            "The claim names no area and the loaded reports disagree; name the area to check "
            f"it. {per}",
        ),
        scope,
        measure,
    )


def _judge_comparisons(
    text: str, a: ReportIndex, right: list[ReportIndex], comp: re.Match[str], scope: Scope
) -> Judgement | None:
    """'A was lower than B's (61%) and C's (58%)': one comparison per area on the right, each
    with the figures of its own part of the sentence."""
    later = [(s, e, i) for s, e, i in _mentions(text, scope) if s >= comp.end() and i is not a]
    subs: list[Judgement] = []
    start = comp.end()
    for k, (begin, end, idx) in enumerate(later):
        brk = _BETWEEN_BREAK.search(text, end)
        stop = brk.start() if brk is not None and k + 1 < len(later) else len(text)
        if k + 1 < len(later):
            stop = min(stop, later[k + 1][0])
        head = text[: comp.end()]
        if k > 0:
            # The gap stated before the first comparative ("26 points lower than ...") is the
            # first comparison's.
            for q in _numbers_in(head):
                if q.unit == "pp" or q.role == "change":
                    head = head[: q.start] + " " * (q.end - q.start) + head[q.end :]
        piece = head + text[start:stop]
        at = len(head) + begin - start
        # "higher than Sefton's but lower than Wessex Vale's": each area's own comparative.
        ms = [m for m in _COMPARATIVE.finditer(piece, comp.start()) if m.start() < at]
        if not ms:
            return None
        m = ms[-1]
        if m.start() != comp.start():
            piece = piece[: comp.start()] + " " * (comp.end() - comp.start()) + piece[comp.end() :]
        j = judge_comparison(piece, a, idx, m)
        if j is None:
            return None
        subs.append(j)
        start = stop
    if not subs:
        return None
    return Judgement(
        _combine([j.verdict for j in subs]),
        [e for j in subs for e in j.evidence],
        " ".join(j.explanation for j in subs),
        subs[0].measure,
    )


def _mentions(text: str, scope: Scope) -> list[tuple[int, int, ReportIndex]]:
    """Spans where the claim names each report of the scope."""
    out = []
    for idx in scope.reports:
        area = idx.report.area
        if not area:
            continue
        for m in re.finditer(_area_pattern(area).pattern + r"(?:'s|\u2019s|'|\u2019)?", text, re.I):
            out.append((m.start(), m.end(), idx))
    return sorted(out, key=lambda t: t[0])


def _judge_attributed(text: str, scope: Scope, hint: Measure | None = None) -> Judgement | None:
    """'Sefton's 38% compares with 64% in Wessex Vale': each figure judged for its own area.

    A figure belongs to the area named right after it ("64% in Wessex Vale"), else to the
    nearest area named before it; each area is judged on its own figures only.
    """
    mentions = _mentions(text, scope)
    qs = [q for q in _numbers_in(text) if is_salient(q) and q.role != "areas"]
    sets = [q for q in _numbers_in(text) if q.role == "areas"]
    if len(qs) < 2 or len({id(i) for _, _, i in mentions}) < 2:
        return None
    owner: dict[int, ReportIndex] = {}
    for k, q in enumerate(qs):
        after = [
            (a, i)
            for a, _, i in mentions
            if a >= q.end
            and re.fullmatch(
                r"\s*(?:of\s+\w+\s+)?(?:in|for|at|from|by|of)\s+(?:the\s+)?", text[q.end : a], re.I
            )
        ]
        before = [(b, i) for _, b, i in mentions if b <= q.start]
        if after:
            owner[k] = after[0][1]
        elif before:
            owner[k] = before[-1][1]
        else:
            return None
    if len({id(i) for i in owner.values()}) < 2:
        return None
    subs: list[tuple[ReportIndex, Judgement]] = []
    for idx in scope.reports:
        mine = [q for k, q in enumerate(qs) if owner[k] is idx]
        if not mine:
            continue
        chars = list(text)
        for k, q in enumerate(qs):
            if owner[k] is not idx:
                chars[q.start : q.end] = " " * (q.end - q.start)
        for q in sets:
            chars[q.start : q.end] = " " * (q.end - q.start)
        for a, b, i in mentions:
            if i is not idx:
                chars[a:b] = " " * (b - a)
        subs.append((idx, judge_report("".join(chars), idx, hint)))
    verdict = _combine([j.verdict for _, j in subs])
    notes = ""
    comp = _COMPARATIVE.search(text)
    if comp is not None and verdict == SUPPORTED:
        # Each figure is right for its area; the claim's order between them must hold too.
        left = [q for q in qs if q.end <= comp.start()]
        right = [q for q in qs if q.start >= comp.end()]
        word = (comp.group(1) or comp.group(2)).lower()
        if len(left) == 1 and len(right) == 1 and comparable(left[0], right[0]):
            a, b = left[0].percent(), right[0].percent()
            holds = a > b if word in _GREATER or word.startswith("exceed") else a < b
            if _negation(text) == "attached":
                holds = not holds
            verdict = SUPPORTED if holds else CONTRADICTED
            higher = "higher" if a > b else "not higher"
            notes = f" {left[0].label()} is {higher} than {right[0].label()}."
        else:
            verdict = UNVERIFIABLE
            notes = " The comparison between the figures could not be read."
    return Judgement(
        verdict,
        [e for _, j in subs for e in j.evidence],
        " ".join(f"[{i.report.id}] {j.explanation}" for i, j in subs) + notes,
        next((j.measure for _, j in subs if j.measure is not None), None),
    )


def _judge_per_area(
    text: str, indexes: list[ReportIndex], hint: Measure | None = None
) -> Judgement | None:
    """'Sefton's Outcomes score was 52%, Wessex Vale's was 58%': each clause on its own area."""
    segs = _segments(text)
    if len(segs) < 2:
        return None
    subs: list[Judgement] = []
    current: ReportIndex | None = None
    used: set[str] = set()
    for seg in segs:
        sc = find_scope(seg, indexes)
        if sc.unknown or sc.missing_year or len(sc.reports) > 1 and sc.explicit:
            return None
        if sc.explicit:
            current = sc.reports[0]
        if current is None:
            return None
        used.add(current.report.id)
        j = judge_report(seg, current, hint)
        hint = j.measure or hint
        subs.append(j)
    if len(used) < 2:
        return None
    return Judgement(
        _combine([j.verdict for j in subs]),
        [e for j in subs for e in j.evidence],
        " ".join(j.explanation for j in subs),
        hint,
    )


def check_claim(claim: str, reports: list[Report]) -> ClaimResult:
    """Judge one claim against the loaded reports."""
    return _check(claim, [index_for(r) for r in reports])[0]


def _checkable(sentence: str) -> bool:
    if any(is_salient(q) for q in _numbers_in(sentence)) or bands_in(sentence):
        return True
    refs = [q for q in scan(sentence) if q.kind == "ref" and "." in q.text]
    return bool(refs and (_SUPERLATIVE.search(sentence) or _COMPARATIVE.search(sentence)))


_FIRST_PERSON = re.compile(r"\b(our|we|us|ours)\b", re.IGNORECASE)
_THIRD_PERSON = re.compile(r"\b(its|their|theirs|it|they)\b", re.IGNORECASE)


def check_text(text: str, reports: list[Report]) -> list[ClaimResult]:
    """Judge every sentence of ``text`` that carries a number or band, with its span.

    A sentence that names no area is about the area named last, and one that names no score is
    about the score named last ("Wessex Vale scored 64%" after a sentence on Safeguarding).
    """
    indexes = [index_for(r) for r in reports]
    results: list[ClaimResult] = []
    scope: Scope | None = None
    hint: Measure | None = None
    areas_named: set[str] = set()
    for a, b in split_sentences(text):
        sentence = text[a:b]
        named = find_scope(" ".join(sentence.split()), indexes) if indexes else None
        if named is not None and (named.explicit or named.unknown):
            scope = named  # later sentences that name no area are about the last one named
            areas_named.update(i.report.id for i in named.reports if named.explicit)
        if not _checkable(sentence):
            continue
        default = scope if scope and scope.explicit else None
        if (
            default is not None
            and not (named and named.explicit)
            and len(areas_named) > 1
            and _FIRST_PERSON.search(sentence)
            and not _THIRD_PERSON.search(sentence)
        ):
            # "Our reoffending rate ..." after several areas: whose is not clear from the text.
            default = None
        result, _, judged = _check(sentence, indexes, default, hint)
        hint = judged or hint
        if scope is not None and scope.unknown and not (named and named.explicit):
            result = ClaimResult(
                UNVERIFIABLE,
                sentence,
                [],
                f"The text is about {', '.join(scope.unknown)}, which is not among the loaded "
                "reports.",
            )
        result.span = (a, b)
        results.append(result)
    return results

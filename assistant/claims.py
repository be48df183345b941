"""Deterministic checking of numeric claims against the stored scores and facts of reports.

``check_claim`` judges one sentence; ``check_text`` judges every sentence of a paragraph that
carries a number or a band. A verdict is ``supported`` or ``contradicted`` only when it rests on
a stored fact about the very measure or finding the claim names; each such verdict cites it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
    compare,
    format_value,
    is_salient,
    quantity_of,
    scan,
    unit_class,
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
    r"\s+than\b|\b(above|below|exceed(?:ed|s)?|outscored|outperformed|behind|ahead of)\b",
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
    r"require[sd]?|requiring|needs?|needed)\b",
    re.IGNORECASE,
)
_CRITERION_CUE = re.compile(r"\b(criterion|criteria)\b", re.IGNORECASE)
_HEADLINE_CUE = re.compile(r"\bheadline\b", re.IGNORECASE)
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
    young people victims management board"""
)
_AREA_VERB = (
    r"scored|had|has|was|were|is|achieved|received|got|required|requires|needs|needed|"
    r"performed|recorded|saw|managed|did"
)
_CAP = r"[A-Z][a-z][A-Za-z-]*"
# A place name: capitalised words, with the joining words of names like "Newcastle upon Tyne",
# "Isle of Wight", "Kensington and Chelsea", "Blackburn with Darwen".
_NAME = rf"{_CAP}(?:\s+(?:(?:upon|on|under|of|and|with|in\s+the)\s+)?{_CAP})*"
_AREA_PATTERNS = [
    re.compile(rf"\b({_NAME})(?:'s|\u2019s|s'|\u2019)(?=\s|$|[,.;:])"),
    re.compile(rf"\b({_NAME})\s+(?:YOT|YOS|Youth Offending|youth offending)\b"),
    re.compile(rf"(?:^|[.;:]\s+)(?:In|For|At)\s+({_NAME})\s*,"),
    re.compile(rf"^\s*({_NAME})\s+(?:{_AREA_VERB})\b"),
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
                while ws and (ws[0].lower() in _NOT_AREAS or ws[0].lower() in _MONTHS):
                    ws = ws[1:]
                if ws:
                    out.append((" ".join(ws), following))
    return out


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
    for name, following in _area_candidates(claim):
        if any(c.isdigit() for c in name):
            continue
        if sum(ch.isupper() for ch in name.replace(" ", "")) >= 2 and " " not in name:
            continue  # an acronym (ETE, RoSH) is a term, not a place
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
    for idx, pos in named:
        window = claim[max(0, pos - 12) : pos + len(idx.report.area) + 16]
        for q in scan(window):
            if q.kind == "year" and "/" not in q.text and "-" not in q.text:
                years.add(int(q.value))
    missing_year = None
    if years:
        pool = [idx for idx, _ in named] or indexes
        kept = [idx for idx in pool if idx.report.year in years]
        if not kept:
            who = ", ".join(sorted({idx.report.area for idx, _ in named})) or "any loaded area"
            missing_year = f"{who} {', '.join(str(y) for y in sorted(years))}"
        named = [(idx, p) for idx, p in named if idx.report.year in years] if named else []
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
    negated: bool


def _parts(text: str) -> Parts:
    toks = scan(text)
    qs = [q for q in _numbers_in(text)]
    refs = [q.text for q in toks if q.kind == "ref"]
    refs = [re.search(r"\d+(?:\.\d+)?", r).group(0) for r in refs if re.search(r"\d", r)]
    bands = {b.band for b in bands_in(text)}
    return Parts(text, qs, bands, refs, bool(_NEGATION.search(text)))


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
    elif _HEADLINE_CUE.search(text) and any(mm.measure.kind == "headline" for mm in matches):
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
    pcts = [q for q in parts.quantities if unit_class(q) == "pct"]
    if not pcts:
        # "Safeguarding scored 38": a bare number in a score claim is a percentage.
        pcts = [
            Quantity(q.text, q.start, q.end, q.value, "%", qualifier=q.qualifier)
            for q in parts.quantities
            if q.unit == "number" and 0 <= q.value <= 100
        ]
    for q in pcts:
        v = compare(q, stored)
        if v is None:
            continue
        verdicts.append(_verdict_of(v))
        said.append(_qualified(q))
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
    else:
        head = (
            f"Cannot tell: {measure.label} in {idx.report.id} is {_score_text(score)}, which "
            f"neither confirms nor refutes '{stated}'."
        )
    return Judgement(verdict, ev, head + band_note + _others_text(others, measure), measure)


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
    refs = [r for r in parts.refs if "." in r]
    pcts = [q for q in parts.quantities if unit_class(q) == "pct"]
    if re.search(r"\brespectively\b", text, re.I) and len(refs) >= 2 and len(refs) == len(pcts):
        # "Criteria 1.1 and 1.2 scored 46% and 45% respectively": pair them in order.
        subs = []
        for ref, q in zip(refs, pcts, strict=True):
            m = _measure_by_ref(idx, ref, overall=False)
            if m is None:
                return _unverifiable(f"{idx.report.id} has no criterion {ref}.")
            subs.append(_judge_score_segment(Parts(q.text, [q], set(), [ref], False), m, idx, []))
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
    return _judge_score_segment(_parts(text), resolution.measure, idx, resolution.others)


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
            for s in idx.report.sections:
                sstems = set(content_stems(s.name, idx.expansions))
                if sstems and len(sstems & stems) / len(sstems) >= 0.5:
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
    ):
        return None
    return noun


def judge_count(text: str, idx: ReportIndex) -> Judgement | None:
    noun = _count_claim(text)
    chosen = _set_scores(text, idx)
    if noun is None or chosen is None:
        return None
    label, members = chosen
    if not members:
        return _unverifiable(f"{idx.report.id} has no {label}.")
    before, after = text[: noun.start()], text[noun.end() :]
    pred = _parts(after)
    threshold = _threshold(pred)
    if not pred.bands and threshold is None:
        return None
    meeting = [m for m in members if _meets(m.score, pred.bands, threshold)]
    k, n = len(meeting), len(members)

    claimed: Quantity | None = None
    quant = [q for q in _numbers_in(before) if q.unit in ("count", "fraction", "number", "%")]
    words = before.lower()
    size_said: float | None = None
    verdict: str | None = None
    if quant:
        q = quant[-1]
        if q.total is not None:
            size_said = q.total
        if re.search(r"\b(all|both|every|each)\s*$", before[: q.start].lower()):
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
    if verdict is None:
        return None
    if size_said is not None and size_said != n:
        verdict = CONTRADICTED
    if pred.negated and not re.search(r"\b(none|no|neither)\b", words):
        verdict = _flip(verdict)

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
    ev = [_score_evidence(idx, m.score) for m in members]
    return Judgement(verdict, ev, explanation)


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
    if kind.startswith("recommendation"):
        items, where = idx.report.recommendations, "recommendations"
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
    if _NEGATION.search(text):
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


_MEAN = re.compile(r"\b(average|mean)\b", re.IGNORECASE)


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


def judge_superlative(text: str, idx: ReportIndex) -> Judgement | None:
    sup = _SUPERLATIVE.search(text)
    if not sup:
        return None
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
    extreme = min if lowest else max
    target = extreme(m.score.value for m in members)
    at = [m for m in members if m.score.value == target]
    word = "lowest" if lowest else "highest"
    verdicts: list[str] = []
    if subject is not None and subject in members:
        verdicts.append(SUPPORTED if subject in at else CONTRADICTED)
    pcts = [q for q in _numbers_in(text) if unit_class(q) == "pct"]
    for q in pcts:
        v = compare(q, quantity_of(target, "%"))
        verdicts.append({"unknown": UNVERIFIABLE}.get(v or "", v or UNVERIFIABLE))
    if not verdicts:
        return None
    if _NEGATION.search(text):
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
        if re.match(r"(?:the\s+)?(?:about|around|nearly|almost|only|just)?\s*[\d(]", after) or (
            _numbers_in(after[:25]) and _numbers_in(after[:25])[0].start < 12
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
        same = [
            mm
            for mm in idx_right.measures
            if mm.kind == lres.measure.kind and mm.score.key == lres.measure.score.key
        ]
        if not same:
            return _unverifiable(
                f"{idx_right.report.id} has no score matching {lres.measure.label}."
            )
        rres = Resolution(same[0], [])
    a, b = lres.measure, rres.measure
    assert a is not None and b is not None
    holds = a.score.value > b.score.value if greater else a.score.value < b.score.value
    verdict = SUPPORTED if holds else CONTRADICTED
    if _NEGATION.search(text):
        verdict = _flip(verdict)
    where_a = idx_left.report.id
    where_b = idx_right.report.id
    explanation = (
        f"{'Supported' if verdict == SUPPORTED else 'Contradicted'}: {a.label} in {where_a} is "
        f"{_score_text(a.score)} and {b.label} in {where_b} is {_score_text(b.score)}"
        f" (higher scores mean better work)."
    )
    ev = [_score_evidence(idx_left, a.score), _score_evidence(idx_right, b.score)]
    return Judgement(verdict, ev, explanation)


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


def best_units(
    text: str, idx: ReportIndex, sections: set[str] | None = None
) -> list[tuple[float, Unit]]:
    """Report sentences ranked by how much of the claim's wording they share."""
    stems = _claim_groups(text, idx)
    # Words found in most sentences ("cases") cannot tie a claim to one finding on their own.
    if not any(idx.weight(s) >= idx.distinctive for g in stems for s in g):
        return []
    negative = _POLARITY.search(text)
    group_stems: dict[int, frozenset[str]] = {}
    scored: list[tuple[float, Unit]] = []
    for u in idx.units:
        if sections and u.source.section not in sections:
            continue
        cov = _coverage(stems, u.stems, idx)
        if cov == 0:
            continue
        if (_POLARITY.search(u.text) is None) != (negative is None):
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


def _window(text: str, q: Quantity, others: list[Quantity], idx: ReportIndex) -> set[str]:
    """The words around ``q`` up to the neighbouring numbers: what the number is a figure of."""
    a = max([o.end for o in others if o.end <= q.start], default=0)
    b = min([o.start for o in others if o.start >= q.end], default=len(text))
    left = re.split(r"[;:]", text[a : q.start])[-1]
    right = re.split(r"[;:]", text[q.end : b])[0]
    return set(content_stems(blank_numbers(left + " " + right), idx.expansions))


def _align(
    q: Quantity, claim: str, best: Unit, idx: ReportIndex
) -> list[tuple[float, Unit, Quantity]]:
    """Stored numbers that could be the claim's ``q``, best context match first."""
    qctx = _window(claim, q, [o for o in _numbers_in(claim) if o != q], idx)
    group = [idx.units[i] for i in idx.groups.get(best.group, [])]
    out: list[tuple[float, Unit, Quantity]] = []
    for u in group:
        for sq in u.numbers:
            if compare(q, sq) is None:
                continue
            if not is_salient(sq) and is_salient(q) and unit_class(q) != "num":
                continue
            ctx = _window(u.text, sq, [o for o in u.numbers if o != sq], idx)
            score = sum(idx.weight(s) for s in qctx & ctx) + (0.5 if u is best else 0.0)
            if unit_class(q) == unit_class(sq):
                score += 1000.0  # "29 per 1,000" is a rate, not the "10" of "aged 10"
            out.append((score, u, sq))
    out.sort(key=lambda t: -t[0])
    return out


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
        for q in qs:
            aligned = _align(q, text, unit, idx)
            if not aligned:
                if is_salient(q):
                    verdicts.append(UNVERIFIABLE)
                    notes.append(f"the report gives no figure for '{q.label()}' here")
                continue
            top = aligned[0][0]
            tied = [a for a in aligned if a[0] >= top - 1e-9]
            results = [(compare(q, sq), u, sq) for _, u, sq in tied]
            chosen = next((r for r in results if r[0] == SUPPORTED), results[0])
            v, u, sq = chosen
            v = {"unknown": UNVERIFIABLE}.get(v or "", v or UNVERIFIABLE)
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
                notes.append(f"the claim says {q.label()}, the report says {sq.label()}")
            elif v == UNVERIFIABLE:
                notes.append(f"'{q.label()}' is not settled by the report's '{sq.label()}'")
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


def _phrase(direction: str) -> str:
    return direction if direction in ("above", "below") else f"{direction} than"


def _average_direction(text: str, group: list[Unit]) -> tuple[str, str] | None:
    """'better than the England average': the report's own word for the comparison decides."""
    m = re.search(
        r"\b(better|worse|above|below|higher|lower)\b(?:\s+than)?\s+(?:the\s+)?"
        r"(?:\w+\s+){0,2}average",
        text,
        re.IGNORECASE,
    )
    if not m:
        return None
    said = _DIRECTION_WORDS[m.group(1).lower()]
    source = " ".join(u.text for u in group).lower()
    stated = {
        _DIRECTION_WORDS[w]
        for w in re.findall(
            r"\b(better|worse|above|below|higher|lower)\b(?:\s+than)?\s+(?:the\s+|on\s+the\s+)?"
            r"(?:[\w/]+\s+){0,3}average",
            source,
        )
    }
    if said in stated:
        return SUPPORTED, f"the report also puts it {_phrase(said)} the average"
    if _OPPOSITE[said] in stated:
        return (
            CONTRADICTED,
            f"the report puts it {_phrase(_OPPOSITE[said])} the average, not {_phrase(said)}",
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
    return _coverage(stems, known, idx)


SCORE_WORDS_STEMS = frozenset(stem(w) for w in SCORE_WORDS if w not in STOP) | frozenset(
    stem(w) for w in SCORE_WORDS
)


def judge_report(text: str, idx: ReportIndex, hint: Measure | None = None) -> Judgement:
    """Judge a claim against one report (``hint``: the measure an earlier clause named)."""
    parts = _parts(text)
    for computed in (judge_item_count, judge_count, judge_mean):
        j = computed(text, idx)
        if j is not None:
            return j
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
    finding_cov = ranked[0][0] if ranked else 0.0

    res = resolve_measure(text, idx)
    if res.measure is None and hint is not None and not res.matches:
        same = [m for m in idx.measures if (m.kind, m.score.key) == (hint.kind, hint.score.key)]
        if same:
            res = Resolution(same[0], [])
    explained = _explained_by_measure(text, idx, res.measure)
    cued = bool(_SCORE_CUE.search(text)) or bool(parts.bands)
    has_figure = bool(parts.quantities) or bool(parts.bands)
    if (
        finding_cov >= FINDING_THRESHOLD
        and parts.quantities
        and (res.measure is None or finding_cov > explained + (0.25 if cued else 0.1))
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
    claim: str, indexes: list[ReportIndex], default: Scope | None = None
) -> tuple[ClaimResult, Scope]:
    text = " ".join(claim.split())
    if not indexes:
        return ClaimResult(UNVERIFIABLE, claim, [], "No reports are loaded."), Scope([])
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
        )

    # Two named reports and a comparison: judge one against the other.
    if len(scope.reports) >= 2 and scope.explicit:
        comp = _comparison(text)
        if comp is not None:
            left = [idx for idx, pos in scope.named if pos < comp.start()]
            right = [idx for idx, pos in scope.named if pos >= comp.start()]
            a = left[0] if left else scope.reports[0]
            b = right[0] if right else next(i for i in scope.reports if i is not a)
            j = judge_comparison(text, a, b, comp)
            if j is not None:
                return ClaimResult(j.verdict, claim, j.evidence, j.explanation), scope

    if len(scope.reports) >= 2 and scope.explicit:
        split = _judge_per_area(text, indexes)
        if split is not None:
            return ClaimResult(split.verdict, claim, split.evidence, split.explanation), scope

    judged = [(idx, judge_report(text, idx)) for idx in scope.reports]
    if len(judged) == 1:
        j = judged[0][1]
        return ClaimResult(j.verdict, claim, j.evidence, j.explanation), scope
    decided = [(idx, j) for idx, j in judged if j.verdict != UNVERIFIABLE]
    if not decided:
        why = " ".join(f"[{idx.report.id}] {j.explanation}" for idx, j in judged)
        return ClaimResult(UNVERIFIABLE, claim, [], why), scope
    if len(decided) == 1:
        idx, j = decided[0]
        note = (
            f" The claim names no area; of the loaded reports only {idx.report.id} has a "
            "matching fact."
        )
        return ClaimResult(j.verdict, claim, j.evidence, j.explanation + note), scope
    verdicts = {j.verdict for _, j in decided}
    evidence = [e for _, j in decided for e in j.evidence]
    per = " ".join(f"[{idx.report.id}] {j.explanation}" for idx, j in decided)
    if len(verdicts) == 1:
        return ClaimResult(decided[0][1].verdict, claim, evidence, per), scope
    return (
        ClaimResult(
            UNVERIFIABLE,
            claim,
            evidence,
            "The claim names no area and the loaded reports disagree; name the area to check "
            f"it. {per}",
        ),
        scope,
    )


def _judge_per_area(text: str, indexes: list[ReportIndex]) -> Judgement | None:
    """'Sefton's Outcomes score was 52%, Wessex Vale's was 58%': each clause on its own area."""
    segs = _segments(text)
    if len(segs) < 2:
        return None
    subs: list[Judgement] = []
    current: ReportIndex | None = None
    hint: Measure | None = None
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
    )


def check_claim(claim: str, reports: list[Report]) -> ClaimResult:
    """Judge one claim against the loaded reports."""
    return _check(claim, [index_for(r) for r in reports])[0]


def _checkable(sentence: str) -> bool:
    if any(is_salient(q) for q in _numbers_in(sentence)) or bands_in(sentence):
        return True
    refs = [q for q in scan(sentence) if q.kind == "ref" and "." in q.text]
    return bool(refs and (_SUPERLATIVE.search(sentence) or _COMPARATIVE.search(sentence)))


def check_text(text: str, reports: list[Report]) -> list[ClaimResult]:
    """Judge every sentence of ``text`` that carries a number or band, with its span."""
    indexes = [index_for(r) for r in reports]
    results: list[ClaimResult] = []
    scope: Scope | None = None
    for a, b in split_sentences(text):
        sentence = text[a:b]
        named = find_scope(" ".join(sentence.split()), indexes) if indexes else None
        if named is not None and (named.explicit or named.unknown):
            scope = named  # later sentences that name no area are about the last one named
        if not _checkable(sentence):
            continue
        result, _ = _check(sentence, indexes, scope if scope and scope.explicit else None)
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

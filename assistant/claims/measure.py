"""Which stored measure a claim names, and whether the score it states for it is right."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from assistant.claims.scope import is_national, report_years
from assistant.claims.subjects import (
    Measure,
    MeasureMatch,
    ReportIndex,
    content_stems,
    match_measures,
)
from assistant.claims.verdict import (
    CONTRADICTED,
    SUPPORTED,
    UNVERIFIABLE,
    Judgement,
    combine_verdicts,
    flip,
    score_evidence,
    score_text,
    unverifiable_because,
    verdict_of,
)
from assistant.claims.wording import (
    CRITERION_CUE,
    HEADLINE_CUE,
    HEADLINE_PHRASE,
    OVERALL_CUE,
    Parts,
    split_parts,
    stems_of_claim,
)
from ingest.model import BANDS, Unit
from ingest.text.numbers import (
    Quantity,
    bands_in,
    compare,
    format_value,
    is_salient,
    quantity_of,
    unit_class,
)
from ingest.text.numbers import numbers_in as _numbers_in
from ingest.text.qualifiers import qualifiers_in
from ingest.text.resources import cue_patterns
from ingest.text.stemming import prefix_stem

CUES = cue_patterns("assistant.claims", "cues.yaml")

_CLAUSE_SPLIT = CUES["clause-split"]


def measure_by_ref(idx: ReportIndex, ref: str, overall: bool) -> Measure | None:
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
    parts = split_parts(text)
    section_ref = re.search(r"\bsection\s+(\d)\b", text, re.IGNORECASE)
    crit_refs = [r for r in parts.refs if "." in r]
    if crit_refs:
        m = measure_by_ref(idx, crit_refs[0], overall=False)
        if m is None:
            return Resolution(None, [], f"{idx.report.id} has no criterion {crit_refs[0]}")
        clash = _name_clash(text, idx, m)
        if clash is not None:
            return Resolution(
                None,
                [],
                f"the claim says criterion {m.ref} but names {clash.label} "
                f"({score_text(clash.score)}); criterion {m.ref} in {idx.report.id} is "
                f"{m.label} ({score_text(m.score)})",
            )
        return Resolution(m, [])
    if section_ref and (kinds is None or "overall" in kinds):
        m = measure_by_ref(idx, section_ref.group(1), overall=True)
        if m is None:
            return Resolution(None, [], f"{idx.report.id} has no section {section_ref.group(1)}")
        return Resolution(m, [])

    stems = stems_of_claim(text, idx)
    matches = match_measures(stems, idx)
    if kinds is not None:
        matches = [mm for mm in matches if mm.measure.kind in kinds]
    if CRITERION_CUE.search(text) and any(mm.measure.kind == "criterion" for mm in matches):
        matches = [mm for mm in matches if mm.measure.kind == "criterion"]
    elif (HEADLINE_CUE.search(text) or HEADLINE_PHRASE.search(text)) and any(
        mm.measure.kind == "headline" for mm in matches
    ):
        # "done well enough 57% of the time" is how the format states a headline score.
        matches = [mm for mm in matches if mm.measure.kind == "headline"]
    elif OVERALL_CUE.search(text) and any(mm.measure.kind == "overall" for mm in matches):
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
    present = set(stems_of_claim(text, idx))
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
    bits = [f"{m.label} scored {score_text(m.score)}" for m in others]
    hint = ""
    if chosen.kind == "headline" and any(m.kind == "criterion" for m in others):
        crit = next(m for m in others if m.kind == "criterion")
        hint = f" (name 'criterion {crit.ref}' to check that one)"
    return " Other readings: " + "; ".join(bits) + hint + "."


def _judge_score_segment(
    parts: Parts, measure: Measure, idx: ReportIndex, others: list[Measure]
) -> Judgement:
    score = measure.score
    verdicts: list[str] = []
    said: list[str] = []
    stored = quantity_of(score.value, "%")
    past = _PAST.search(parts.text) and not any(q.role == "previous" for q in parts.quantities)
    if is_national(parts.text, idx):
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
    quantities = [dated_quantity(q, idx) for q in parts.quantities if q.role != "areas"]
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
    if pcts and score.unit == Unit.RATING:
        # a rating's value is its rank on the scale, never a percentage to compare with
        return unverifiable_because(
            f"The claim states a percentage, but {measure.label} in {idx.report.id} is rated "
            f"{score_text(score)}; the report gives it no percentage."
        )
    aside_notes = [_aside_note(q, measure, past=bool(past)) for q in aside]
    verdicts += [UNVERIFIABLE] * len(aside)
    unsettled: list[str] = []  # stated figures the stored score does not settle
    for q in pcts:
        v = compare(q, stored)
        if v is None:
            continue
        verdicts.append(verdict_of(v))
        said.append(qualifier(q))
        if verdict_of(v) == UNVERIFIABLE:
            unsettled.append(qualifier(q))
    band_note = ""
    if parts.bands:
        if score.band is None:
            verdicts.append(UNVERIFIABLE)
            band_note = f" The report gives no improvement band for {measure.label}."
        else:
            verdicts.append(SUPPORTED if score.band in parts.bands else CONTRADICTED)
            said.append(" or ".join(sorted(parts.bands, key=BANDS.index)).lower() + " improvement")
    if parts.negated and verdicts:
        verdicts = [flip(v) for v in verdicts]
    if parts.loose_negation and verdicts:
        return unverifiable_because(
            f"The claim has a negation that cannot be tied to its figure ('{parts.text}'); "
            f"{measure.label} in {idx.report.id} is {score_text(score)}."
        )
    if not verdicts:
        return unverifiable_because(
            f"The claim names {measure.label} in {idx.report.id} but states no percentage "
            f"or band to check; it is {score_text(score)}."
        )
    verdict = combine_verdicts(verdicts)
    group = _case_group(parts.text, measure)
    if group and verdict != UNVERIFIABLE:
        # A score is of all the cases inspected: "38% of custodial cases" is not what it says.
        return unverifiable_because(
            f"The claim gives its figure for {group} cases; {measure.label} in {idx.report.id} "
            f"({score_text(score)}) is of all the cases inspected, not of {group} ones."
        )
    value = format_value(score.value)
    if parts.bands and score.band:
        value = f"{value} {score.band}" if pcts else score.band
    ev = [score_evidence(idx, score, value)]
    stated = " and ".join(said) if said else "its figure"
    says = "denies" if parts.negated else "says"
    if verdict == SUPPORTED:
        head = (
            f"Supported: {measure.label} in {idx.report.id} is {score_text(score)}, "
            f"{'not ' + stated if parts.negated else 'as claimed'}."
        )
    elif verdict == CONTRADICTED:
        head = (
            f"Contradicted: the claim {says} {stated}, but {measure.label} in {idx.report.id} is "
            f"{score_text(score)}."
        )
    elif unsettled:
        head = (
            f"Cannot tell: {measure.label} in {idx.report.id} is {score_text(score)}, which "
            f"neither confirms nor refutes '{' and '.join(unsettled)}'."
        )
    else:
        agreed = f", as the claim says ({stated})" if said else ""
        head = f"Cannot tell: {measure.label} in {idx.report.id} is {score_text(score)}{agreed}."
    aside_text = (" " + " ".join(aside_notes)) if aside_notes else ""
    return Judgement(
        verdict, ev, head + band_note + aside_text + _others_text(others, measure), measure
    )


# A claim about an earlier inspection's scores, which the report's stored scores are not.
_PAST = CUES["past"]


def _case_group(text: str, measure: Measure) -> str | None:
    """A group of cases the claim names that the measure's own name does not ("custodial
    cases" in a Safeguarding claim), or None."""
    own = {s for alias in measure.aliases for s in alias} | set(measure.context)
    for g in sorted(qualifiers_in(text).groups):
        if prefix_stem(g) not in own:
            return g
    return None


def dated_quantity(q: Quantity, idx: ReportIndex) -> Quantity:
    """'64% in 2011' is a level of a 2011 report; '38% in 2009' is not."""
    if q.role and q.role.startswith("year:") and int(q.role[5:]) in report_years(idx):
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


def claim_segments(text: str) -> list[str]:
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
    parts = split_parts(text)
    refs = list(dict.fromkeys(r for r in parts.refs if "." in r))
    pcts = [q for q in parts.quantities if unit_class(q) == "pct" and q.role is None]
    if len(refs) >= 2 and (len(refs) == len(pcts) or len(pcts) <= 1):
        # "Criteria 1.1 and 1.2 scored 46% and 45%": paired in order; "Criteria 1.3 and 3.2
        # both required drastic improvement": the one predicate holds for each.
        subs = []
        for k, ref in enumerate(refs):
            m = measure_by_ref(idx, ref, overall=False)
            if m is None:
                return unverifiable_because(f"{idx.report.id} has no criterion {ref}.")
            if len(pcts) == len(refs) and len(refs) > 1:
                q = pcts[k]
                piece = Parts(q.text, [q], set(), [ref], parts.negated, parts.loose_negation)
            else:
                piece = Parts(text, pcts, parts.bands, [ref], parts.negated, parts.loose_negation)
            subs.append(_judge_score_segment(piece, m, idx, []))
        return Judgement(
            combine_verdicts([j.verdict for j in subs]),
            [e for j in subs for e in j.evidence],
            " ".join(j.explanation for j in subs),
        )
    segments = claim_segments(text)
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
                _judge_score_segment(split_parts(seg), r.measure, idx, [])
                if r.measure is not None
                else unverifiable_because(f"'{seg}': {r.why or 'no score named'}.")
                for seg, r in pairs
            ]
            verdict = combine_verdicts([s.verdict for s in subs])
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
            combine_verdicts([j.verdict for j in subs]),
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
    present = set(stems_of_claim(text, idx))
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
        if CRITERION_CUE.search(text)
        else "overall"
        if OVERALL_CUE.search(text)
        else "headline"
    )
    order = {kind: 0, "headline": 1, "criterion": 2, "overall": 3}
    picked: list[Measure] = []
    for _, ms in groups:
        m = min(ms, key=lambda m: order[m.kind])
        if all(m is not p for p in picked):
            picked.append(m)
    return picked


def set_scores(text: str, idx: ReportIndex) -> tuple[str, list[Measure]] | None:
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
        stems = set(stems_of_claim(text, idx))
        if sec:
            members = [m for m in members if m.section == int(sec.group(1))]
            label = f"criteria in section {sec.group(1)}"
        else:
            hits = {}
            qualifier = re.search(r"([A-Za-z]+)\s+(?:criteria|criterion)\b", text, re.IGNORECASE)
            first_word = prefix_stem(qualifier.group(1)) if qualifier else None
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


def qualifier(q: Quantity) -> str:
    """'below 50%' for a quantity with a qualifier."""
    word = _QUAL_WORDS.get(q.qualifier or "", "")
    if not word:
        return q.label()
    value = format_value(q.percent()) if unit_class(q) == "pct" else q.label()
    return f"{word} {value}"

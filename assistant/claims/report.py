"""Judging a claim against one report: splitting it into clauses and sending each to its judge."""

from __future__ import annotations

import re

from assistant.claims.across import same_measure
from assistant.claims.computed import (
    find_comparison,
    judge_comparison,
    judge_count,
    judge_item_count,
    judge_mean,
    judge_superlative,
)
from assistant.claims.findings import (
    best_units,
    explained_by_measure,
    judge_finding,
    named_share,
    names_measure,
)
from assistant.claims.measure import Resolution, judge_score, resolve_measure
from assistant.claims.subjects import Measure, ReportIndex, Unit
from assistant.claims.verdict import (
    CONTRADICTED,
    SUPPORTED,
    UNVERIFIABLE,
    Judgement,
    combine_verdicts,
    score_text,
    unverifiable_because,
)
from assistant.claims.wording import (
    AVERAGE_OF_AREA,
    CRITERION_CUE,
    HEADLINE_CUE,
    OVERALL_CUE,
    SCORE_CUE,
    SET_NOUN,
    SUPERLATIVE,
    split_parts,
    stems_of_claim,
)
from ingest.text.numbers import bands_in, unit_class
from ingest.text.numbers import numbers_in as _numbers_in
from ingest.text.resources import cue_patterns

CUES = cue_patterns("assistant.claims", "cues.yaml")

# How much of a claim's wording a report sentence must share to count as the same finding.
FINDING_THRESHOLD = 0.6


# Openings that carry no claim ("By contrast, ...", "Following the inspection in June, ...").
_DISCOURSE = CUES["discourse"]


# Clause boundaries strong enough to carry separate claims.
_CLAUSE_BREAK = CUES["clause-break"]


# An average over something the report does not average ("ETE performance averaged 80%").
_AGGREGATE = CUES["aggregate"]


_ELLIPTIC_QUANT = CUES["elliptic-quant"]


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
            combine_verdicts(verdicts),
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
        return unverifiable_because(
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
        own = SET_NOUN.search(c)
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


# How much of a claim's wording a finding of the measure it names must share when the claim
# restates that finding's share of cases in other words ("good enough" for "to a sufficient
# standard"): less than a finding named by its own words.
_RESTATED_THRESHOLD = FINDING_THRESHOLD / 2
_NAMED_SCORE = CUES["named-score"]


def _restated_finding(
    text: str, idx: ReportIndex, measure: Measure, ranked: list[tuple[float, Unit]]
) -> Judgement | None:
    """ "Only 13% of safeguarding assessments were good enough": a claim that names no score
    as one, and whose figure a finding of the measure it names states, restates that finding;
    it is not contradicted by the measure's score (28%)."""
    if _NAMED_SCORE.search(text):
        return None
    for cov, unit in ranked:
        if cov < _RESTATED_THRESHOLD:
            break
        if not names_measure(unit, measure):
            continue
        j = judge_finding(text, idx, [(cov, unit)])
        if j.verdict == SUPPORTED:
            return j
    return None


def _judge_clause(text: str, idx: ReportIndex, hint: Measure | None = None) -> Judgement:
    parts = split_parts(text)
    for computed in (judge_item_count, judge_count, judge_mean):
        j = computed(text, idx)
        if j is not None:
            return j
    if _AGGREGATE.search(text) and not AVERAGE_OF_AREA.search(text):
        return unverifiable_because(
            f"The claim states an average that {idx.report.id} does not give; only the mean of "
            "its own criteria, headline or section scores can be computed."
        )
    if SUPERLATIVE.search(text):
        sup = judge_superlative(text, idx)
        if sup is not None:
            return sup
    comp = find_comparison(text)
    if comp is not None:
        j = judge_comparison(text, idx, idx, comp)
        if j is not None:
            return j

    crit_refs = [r for r in parts.refs if "." in r]
    missing = [r for r in crit_refs if idx.report.criterion(r) is None]
    if missing:
        return unverifiable_because(f"{idx.report.id} has no criterion {', '.join(missing)}.")
    sections = set(crit_refs) if crit_refs else None
    ranked = best_units(text, idx, sections) if parts.quantities else []
    if sections and not ranked and parts.quantities:
        ranked = best_units(text, idx)
    res = resolve_measure(text, idx)
    claim_stems = frozenset(stems_of_claim(text, idx))
    if (
        ranked
        and res.measure is not None
        and any(alias and set(alias) <= claim_stems for alias in res.measure.aliases)
        and not names_measure(ranked[0][1], res.measure)
    ):
        # "Its Safeguarding score was 77%, against a Wales average of 70%": a statement that
        # does not name the score the claim names is not what the claim restates.
        ranked = [(cov, u) for cov, u in ranked if names_measure(u, res.measure)]
    finding_cov = ranked[0][0] if ranked else 0.0

    if res.measure is None and hint is not None and not res.matches:
        same = same_measure(hint, idx)
        if same is not None:
            res = Resolution(same, [])
    explained = explained_by_measure(text, idx, res.measure)
    cued = bool(SCORE_CUE.search(text)) or bool(parts.bands)
    has_figure = bool(parts.quantities) or bool(parts.bands)
    if (
        finding_cov >= FINDING_THRESHOLD
        and parts.quantities
        and (
            res.measure is None
            or finding_cov > explained + (0.25 if cued else 0.1)
            # "38% of RoH reviews were on time": words beyond the score's name, all in a finding
            or (not cued and finding_cov >= 0.99 and named_share(text, idx, res.measure) < 0.99)
        )
    ):
        return judge_finding(text, idx, ranked)
    if res.measure is not None and has_figure and (cued or explained >= 0.5):
        j = judge_score(text, idx, res)
        if j.verdict == CONTRADICTED:
            restated = _restated_finding(text, idx, res.measure, ranked)
            if restated is not None:
                return restated
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
        return unverifiable_because(f"Ambiguous in {idx.report.id}: {res.why}; name the criterion.")
    if res.why and crit_refs:
        return unverifiable_because(f"{res.why[0].upper()}{res.why[1:]}.")
    if not has_figure:
        return unverifiable_because("The claim states no figure or band that could be checked.")
    for cue, kind in (
        (OVERALL_CUE, "overall"),
        (HEADLINE_CUE, "headline"),
        (CRITERION_CUE, "criterion"),
    ):
        if cue.search(text) and res.measure is None:
            listing = "; ".join(
                f"{m.label} {score_text(m.score)}" for m in idx.measures if m.kind == kind
            )
            if listing:
                return unverifiable_because(
                    f"The claim does not say which {kind} score it means; in {idx.report.id}: "
                    f"{listing}."
                )
    return unverifiable_because(
        f"No stored score or finding of {idx.report.id} is about this claim, so it cannot be "
        "checked (a matching number elsewhere in the report would not be evidence)."
    )

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

from assistant.claims.across import AREA_SET, cross_area, judge_across, judge_across_mean
from assistant.claims.computed import find_comparison, judge_comparison
from assistant.claims.findings import BETWEEN_BREAK
from assistant.claims.measure import claim_segments
from assistant.claims.narrowing import Narrowing, narrowed, noted
from assistant.claims.report import judge_report
from assistant.claims.scope import Scope, area_pattern, find_scope
from assistant.claims.so_far import judge_so_far
from assistant.claims.subjects import Measure, ReportIndex, index_for
from assistant.claims.tally import judge_tally
from assistant.claims.units import judge_measure_claim, rating_in
from assistant.claims.verdict import (
    CONTRADICTED,
    MIXED,
    SUPPORTED,
    UNVERIFIABLE,
    ClaimResult,
    Evidence,
    Judgement,
    ReportVerdict,
    combine_per_report,
    combine_verdicts,
    per_report_text,
    unverifiable_because,
)
from assistant.claims.wording import (
    AVERAGE_OF_AREA,
    COMPARATIVE,
    GREATER,
    MEAN,
    SUPERLATIVE,
    band_set,
    negation_in,
)
from ingest.model import Report
from ingest.text.numbers import Quantity, bands_in, comparable, is_salient, scan
from ingest.text.numbers import numbers_in as _numbers_in
from ingest.text.resources import cue_patterns
from ingest.text.sentences import sentence_spans

CUES = cue_patterns("assistant.claims", "cues.yaml")

__all__ = [
    "CONTRADICTED",
    "ClaimResult",
    "Evidence",
    "Narrowing",
    "SUPPORTED",
    "UNVERIFIABLE",
    "band_set",
    "check_claim",
    "check_text",
    "numbers_in",
    "to_dict",
]


def numbers_in(text: str) -> list[Quantity]:
    """Every quantity ``text`` asserts, with its span: what the LLM answer path must check."""
    return _numbers_in(text)


def to_dict(result: ClaimResult) -> dict:
    """The API shape of a verdict (``span`` only in text mode)."""
    out: dict = {
        "verdict": result.verdict,
        "claim": result.claim,
        "evidence": [_evidence_dict(e) for e in result.evidence],
        "explanation": result.explanation,
    }
    if result.span is not None:
        out["span"] = [result.span[0], result.span[1]]
    if result.per_report:
        # Only for a claim that names no report, judged against each loaded one.
        out["per_report"] = [
            {
                "report": p.report,
                "label": p.label,
                "verdict": p.verdict,
                "value": p.value,
                "explanation": p.explanation,
                "evidence": [_evidence_dict(e) for e in p.evidence],
            }
            for p in result.per_report
        ]
    return out


def _evidence_dict(e: Evidence) -> dict:
    return {
        "report": e.report,
        "section": e.section,
        "heading": e.heading,
        "quote": e.quote,
        "value": e.value,
    }


# Aims, plans and forecasts: "we expect 60% by March 2012", "our target is 70%".
_FUTURE = CUES["future"]


def _check(
    claim: str,
    indexes: list[ReportIndex],
    default: Scope | None = None,
    hint: Measure | None = None,
    narrowing: Narrowing | None = None,
) -> tuple[ClaimResult, Scope, Measure | None]:
    """The verdict on one claim, the scope it was judged in and the measure it named
    (``hint``: the measure of the sentence before, for "and Wessex Vale 64%"; ``narrowing``:
    how a claim naming no area is judged with many reports loaded)."""
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
    few = narrowed(text, scope, narrowing)
    if few is not None:
        if not few.reports:
            empty = ClaimResult(UNVERIFIABLE, claim, [], "")
            return noted(empty, 0, len(scope.reports)), scope, None
        result, _, measure = _judge(claim, text, few, indexes, hint)
        return noted(result, len(few.reports), len(scope.reports)), scope, measure
    return _judge(claim, text, scope, indexes, hint)


def _judge(
    claim: str, text: str, scope: Scope, indexes: list[ReportIndex], hint: Measure | None
) -> tuple[ClaimResult, Scope, Measure | None]:
    """The verdict on one claim in ``scope``, once the claim is known to be checkable there."""
    tallied = _tally(claim, text, scope)
    if tallied is not None:
        return tallied, scope, None
    if len(scope.reports) == 1 or (scope.explicit and not scope.by_year):
        j = _measure_each(text, scope) or judge_so_far(text, scope)
        if j is not None:
            return ClaimResult(j.verdict, claim, j.evidence, j.explanation), scope, j.measure
    else:
        # A rating, points or earlier-score claim that names no report: judged against each
        # report; one that holds no such measure is judged as any other claim.
        narrowed = _measure_claim_of_holders(claim, text, scope, hint)
        if narrowed is not None:
            return narrowed, scope, None
        ones = [judge_measure_claim(text, _only(idx)) for idx in scope.reports]
        if any(j is not None for j in ones):
            judged = [
                (idx, j if j is not None else judge_report(text, idx, hint))
                for idx, j in zip(scope.reports, ones, strict=True)
            ]
            return _unnamed(claim, judged), scope, None
    if MEAN.search(text) and not AVERAGE_OF_AREA.search(text) and AREA_SET.search(text):
        j = judge_across_mean(text, scope, indexes, AREA_SET.search(text))
        return ClaimResult(j.verdict, claim, j.evidence, j.explanation), scope, j.measure
    across = cross_area(text, scope.reports[0]) if SUPERLATIVE.search(text) else None
    if across is not None:
        j = judge_across(text, scope, indexes, across)
        return ClaimResult(j.verdict, claim, j.evidence, j.explanation), scope, j.measure

    # Two named reports and a comparison: judge one against the other.
    if len(scope.reports) >= 2 and scope.explicit:
        comp = find_comparison(text)
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
    return _unnamed(claim, judged), scope, measure


def _measure_claim_of_holders(
    claim: str, text: str, scope: Scope, hint: Measure | None
) -> ClaimResult | None:
    """A rating, points or earlier-score claim naming no report, judged only against the
    reports that hold such a measure (``ReportIndex.plain``, read once per report version),
    when that gives the verdict judging every report would.

    A report holding none gives every such claim one answer: none (then the claim is judged
    as any other, for every report) or unverifiable (it gives only percentages). Unverifiable
    reports drop out of the combined verdict as long as one report decides it, so then only
    the holders need judging; otherwise (None) every report is judged as before."""
    plain = [idx for idx in scope.reports if idx.plain]
    if not plain or len(plain) == len(scope.reports):
        return None
    if judge_measure_claim(text, _only(plain[0])) is None:
        return None  # the plain reports are judged as for any other claim
    holders = [idx for idx in scope.reports if not idx.plain]
    ones = [judge_measure_claim(text, _only(idx)) for idx in holders]
    judged = [
        (idx, j if j is not None else judge_report(text, idx, hint))
        for idx, j in zip(holders, ones, strict=True)
    ]
    if all(j.verdict == UNVERIFIABLE for _, j in judged):
        return None  # no report decides it: every report's reason is given, as before
    return _unnamed(claim, judged)


def _tally(claim: str, text: str, scope: Scope) -> ClaimResult | None:
    """A count over the reports' lists (recommendations by owner, standards by rating, key
    questions by share): each named report must bear it out; a claim naming none is judged
    against each report."""
    judged = [(idx, judge_tally(text, idx)) for idx in scope.reports]
    if all(j is None for _, j in judged):
        return None
    subs = [
        (idx, j or unverifiable_because(f"{idx.report.id} has no such list to count."))
        for idx, j in judged
    ]
    if len(subs) == 1 or (scope.explicit and not scope.by_year):
        return ClaimResult(
            combine_verdicts([j.verdict for _, j in subs]),
            claim,
            [e for _, j in subs for e in j.evidence],
            " ".join(j.explanation for _, j in subs),
        )
    return _unnamed(claim, subs)


def _only(idx: ReportIndex) -> Scope:
    """The scope of a claim about one report."""
    return Scope([idx], [(idx, 0)], [], None, True)


def _measure_each(text: str, scope: Scope) -> Judgement | None:
    """A rating, points or earlier-score claim about the named reports: each named report
    judged on its own part of the claim ("Harrowfield was rated Good, Cold Ashby
    Outstanding"), or on the whole claim when its part says nothing ("Harrowfield and Cold
    Ashby were rated Good"); every named report must bear it out."""
    if len(scope.reports) == 1:
        return judge_measure_claim(text, scope)
    starts = sorted(((pos, idx) for idx, pos in scope.named), key=lambda t: t[0])
    subs: list[tuple[ReportIndex, Judgement]] = []
    for idx in scope.reports:
        mine = [pos for pos, i in starts if i is idx]
        later = [pos for pos, i in starts if i is not idx and pos > mine[0]] if mine else []
        piece = text[mine[0] : later[0] if later else len(text)] if mine else text
        j = judge_measure_claim(piece, _only(idx)) if piece != text else None
        # the other reports' names are no words of this report's claim
        own = text
        for other in scope.reports:
            if other is not idx and other.report.area:
                own = area_pattern(other.report.area).sub(" ", own)
        j = j or judge_measure_claim(own, _only(idx))
        if j is None:
            return None
        subs.append((idx, j))
    return Judgement(
        combine_verdicts([j.verdict for _, j in subs]),
        [e for _, j in subs for e in j.evidence],
        " ".join(f"[{i.report.id}] {j.explanation}" for i, j in subs),
        next((j.measure for _, j in subs if j.measure is not None), None),
    )


def _label(idx: ReportIndex) -> str:
    """'Sefton 2009': how a verdict names a report."""
    r = idx.report
    if not r.area:
        return r.id
    return f"{r.area} {r.year}" if r.year else r.area


def _held(j: Judgement) -> str:
    """What the report holds for the claim: the measure's value, else the evidence's."""
    if j.held is not None:
        return j.held
    if j.measure is not None:
        return j.measure.score.display()
    return j.evidence[0].value if j.evidence else ""


def _unnamed(claim: str, judged: list[tuple[ReportIndex, Judgement]]) -> ClaimResult:
    """A claim that names no report, judged against each loaded report (``combine_per_report``
    says how the verdicts combine; each report that decides it is listed with its evidence)."""
    decided = [(idx, j) for idx, j in judged if j.verdict != UNVERIFIABLE]
    per = [
        ReportVerdict(idx.report.id, _label(idx), j.verdict, _held(j), j.explanation, j.evidence)
        for idx, j in decided
    ]
    if not decided:
        why = " ".join(f"[{idx.report.id}] {j.explanation}" for idx, j in judged)
        return ClaimResult(UNVERIFIABLE, claim, [], why)
    if len(decided) == 1:
        idx, j = decided[0]
        if j.verdict == CONTRADICTED:
            # The claim may be about another loaded area, which says nothing on it: a report
            # it does not name cannot refute it.
            return ClaimResult(
                UNVERIFIABLE,
                claim,
                [],
                "The claim names no area; only in "
                f"{idx.report.id} is there a figure for it, and that one disagrees "
                f"({j.explanation}) Name the area to check it.",
                per_report=per,
            )
        note = (
            f" The claim names no area; of the loaded reports only {idx.report.id} has a "
            "matching fact."
        )
        return ClaimResult(j.verdict, claim, j.evidence, j.explanation + note, per_report=per)
    evidence = [e for _, j in decided for e in j.evidence]
    details = " ".join(f"[{idx.report.id}] {j.explanation}" for idx, j in decided)
    verdict = combine_per_report(per)
    lead = per_report_text(per)
    if verdict == MIXED:
        lead += " The claim names no area, so it is judged against each loaded report."
    return ClaimResult(verdict, claim, evidence, f"{lead} {details}", per_report=per)


def _judge_comparisons(
    text: str, a: ReportIndex, right: list[ReportIndex], comp: re.Match[str], scope: Scope
) -> Judgement | None:
    """'A was lower than B's (61%) and C's (58%)': one comparison per area on the right, each
    with the figures of its own part of the sentence."""
    later = [(s, e, i) for s, e, i in _mentions(text, scope) if s >= comp.end() and i is not a]
    subs: list[Judgement] = []
    start = comp.end()
    for k, (begin, end, idx) in enumerate(later):
        brk = BETWEEN_BREAK.search(text, end)
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
        ms = [m for m in COMPARATIVE.finditer(piece, comp.start()) if m.start() < at]
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
        combine_verdicts([j.verdict for j in subs]),
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
        for m in re.finditer(area_pattern(area).pattern + r"(?:'s|\u2019s|'|\u2019)?", text, re.I):
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
    verdict = combine_verdicts([j.verdict for _, j in subs])
    notes = ""
    comp = COMPARATIVE.search(text)
    if comp is not None and verdict == SUPPORTED:
        # Each figure is right for its area; the claim's order between them must hold too.
        left = [q for q in qs if q.end <= comp.start()]
        right = [q for q in qs if q.start >= comp.end()]
        word = (comp.group(1) or comp.group(2)).lower()
        if len(left) == 1 and len(right) == 1 and comparable(left[0], right[0]):
            a, b = left[0].percent(), right[0].percent()
            holds = a > b if word in GREATER or word.startswith("exceed") else a < b
            if negation_in(text) == "attached":
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
    segs = claim_segments(text)
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
        combine_verdicts([j.verdict for j in subs]),
        [e for j in subs for e in j.evidence],
        " ".join(j.explanation for j in subs),
        hint,
    )


def _about(about: list[Report] | None, indexes: list[ReportIndex]) -> Scope | None:
    """The scope a caller gave ("check against Sefton"): what a claim naming no area is about."""
    if not about:
        return None
    ids = {r.id for r in about}
    chosen = [i for i in indexes if i.report.id in ids]
    return Scope(chosen, [(i, 0) for i in chosen], [], None, True) if chosen else None


def check_claim(
    claim: str,
    reports: list[Report],
    about: list[Report] | None = None,
    narrowing: Narrowing | None = None,
) -> ClaimResult:
    """Judge one claim against the loaded reports (``about``: the reports a claim that names
    no area is about; a claim that names another loaded area is still judged against it;
    ``narrowing``: how a claim naming no area is judged with many reports loaded)."""
    indexes = [index_for(r) for r in reports]
    return _check(claim, indexes, _about(about, indexes), narrowing=narrowing)[0]


def _checkable(sentence: str, indexes: list[ReportIndex]) -> bool:
    if any(is_salient(q) for q in _numbers_in(sentence)) or bands_in(sentence):
        return True
    if _RATED.search(sentence) and rating_in(sentence, indexes):
        return True
    refs = [q for q in scan(sentence) if q.kind == "ref" and "." in q.text]
    return bool(refs and (SUPERLATIVE.search(sentence) or COMPARATIVE.search(sentence)))


_FIRST_PERSON = CUES["first-person"]
_RATED = CUES["rated"]


_THIRD_PERSON = CUES["third-person"]


def check_text(
    text: str,
    reports: list[Report],
    about: list[Report] | None = None,
    narrowing: Narrowing | None = None,
) -> list[ClaimResult]:
    """Judge every sentence of ``text`` that carries a number or band, with its span.

    A sentence that names no area is about the area named last (before any is named, about
    ``about``, when given), and one that names no score is about the score named last
    ("Wessex Vale scored 64%" after a sentence on Safeguarding).
    """
    indexes = [index_for(r) for r in reports]
    results: list[ClaimResult] = []
    scope: Scope | None = _about(about, indexes)
    hint: Measure | None = None
    areas_named: set[str] = {i.report.id for i in scope.reports} if scope else set()
    for a, b in sentence_spans(text):
        sentence = text[a:b]
        named = find_scope(" ".join(sentence.split()), indexes) if indexes else None
        subject = _pronoun_subject(sentence, scope, named)
        if subject is not None:
            # "Its safeguarding score was 64%, well above Sefton's 38%": the area carried is
            # the subject, the one named is compared with it, and the text stays about the first
            sentence = subject
        elif named is not None and (named.explicit or named.unknown):
            scope = named  # later sentences that name no area are about the last one named
            areas_named.update(i.report.id for i in named.reports if named.explicit)
        if not _checkable(sentence, indexes):
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
        result, _, judged = _check(sentence, indexes, default, hint, narrowing)
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
        result.claim = text[a:b] if subject is not None else result.claim
        results.append(result)
    return results


_PRONOUN_SUBJECT = CUES["pronoun-subject"]


def _pronoun_subject(sentence: str, carried: Scope | None, named: Scope | None) -> str | None:
    """``sentence`` with its opening pronoun written as the one area carried from the sentences
    before, when it names another area too (which it then compares with it); None otherwise."""
    m = _PRONOUN_SUBJECT.match(sentence)
    if m is None or carried is None or not carried.explicit or len(carried.reports) != 1:
        return None
    if named is None or not named.explicit:
        return None  # naming no other area, it is about the carried one anyway
    area = carried.reports[0].report.area
    if any(i.report.id == carried.reports[0].report.id for i in named.reports):
        return None
    word = m.group("pronoun").lower()
    said = f"{area}'s" if word in ("its", "their") else area
    return sentence[: m.start("pronoun")] + said + sentence[m.end("pronoun") :]

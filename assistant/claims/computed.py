"""Claims computed over one report's stored scores: counts, averages, superlatives, comparisons."""

from __future__ import annotations

import re

from assistant.claims.across import ORDINALS, cross_area, same_measure
from assistant.claims.measure import (
    Resolution,
    measure_by_ref,
    qualifier,
    resolve_measure,
    set_scores,
)
from assistant.claims.subjects import Measure, ReportIndex
from assistant.claims.verdict import (
    CONTRADICTED,
    SUPPORTED,
    UNVERIFIABLE,
    Evidence,
    Judgement,
    combine_verdicts,
    flip,
    score_evidence,
    score_text,
    unverifiable_because,
    verdict_lead,
    verdict_of,
)
from assistant.claims.wording import (
    AVERAGE_OF_AREA,
    COMPARATIVE,
    GREATER,
    MEAN,
    MIN_WORDS,
    QUANT_WORD,
    SET_NOUN,
    SUPERLATIVE,
    Parts,
    negation_in,
    split_parts,
)
from ingest.model import BANDS, Score
from ingest.text.numbers import (
    Quantity,
    compare,
    format_value,
    is_salient,
    quantity_of,
    scan,
    unit_class,
)
from ingest.text.numbers import numbers_in as _numbers_in
from ingest.text.resources import cue_patterns
from ingest.text.stopwords import CLAIM_STOPWORDS

CUES = cue_patterns("assistant.claims", "cues.yaml")


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
    noun = SET_NOUN.search(text)
    if not noun:
        return None
    before = text[: noun.start()]
    if not (
        QUANT_WORD.search(before)
        or any(q.unit in ("count", "fraction", "number") for q in _numbers_in(before))
        or _QUANT_AFTER.match(text[noun.end() :])
    ):
        return None
    return noun


# "the criteria all needed ...", "its headline scores were each above 50%".
_QUANT_AFTER = CUES["quant-after"]


def judge_count(text: str, idx: ReportIndex) -> Judgement | None:
    noun = _count_claim(text)
    chosen = set_scores(text, idx)
    if noun is None or chosen is None:
        return None
    label, members = chosen
    if not members:
        return unverifiable_because(f"{idx.report.id} has no {label}.")
    before, after = text[: noun.start()], text[noun.end() :]
    # "every criterion except 3.2 required ...": the named exceptions are left out of the set.
    excl = _EXCEPT.match(after)
    excluded: list[Measure] = []
    if excl:
        for ref in re.findall(r"\d\.\d", excl.group(1)):
            m = measure_by_ref(idx, ref, overall=False)
            if m is None:
                return unverifiable_because(f"{idx.report.id} has no criterion {ref}.")
            excluded.append(m)
        after = after[excl.end() :]
    # The condition: in the count's own clause, after the set noun or else before the count
    # ("needs substantial improvement in three criteria").
    pred = split_parts(_PRED_BREAK.split(after, maxsplit=1)[0])
    if not pred.bands and _threshold(pred) is None:
        counted = [q for q in _numbers_in(before) if q.role is None]
        head = before[: counted[-1].start] if counted else before
        pred = split_parts(_PRED_BREAK.split(head)[-1])
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
            verdict = verdict_of(compare(q, share))
        else:
            claimed = Quantity(q.text, q.start, q.end, q.value, "count", qualifier=q.qualifier)
            verdict = verdict_of(compare(claimed, quantity_of(k, "count")))
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
        verdict = flip(verdict)
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
        cond = (cond + " and " if cond else "") + f"scored {qualifier(threshold)}"
    listing = ", ".join(f"{m.ref or m.label} {score_text(m.score)}" for m in members)
    which = ", ".join(m.ref or m.label for m in meeting) or "none"
    size_note = f" (the report has {n}, not {size_said:g})" if size_said not in (None, n) else ""
    explanation = (
        f"{verdict_lead(verdict)}: in {idx.report.id}, {k} of the {n} {label} {cond}{size_note}: "
        f"{which}. "
        f"All {label}: {listing}."
    )
    ev = [score_evidence(idx, m.score) for m in members + excluded]
    return Judgement(verdict, ev, explanation, held=f"{k} of {n}")


_PRED_BREAK = CUES["pred-break"]


_EXCEPT = CUES["except"]


_ITEM_NOUN = CUES["item-noun"]


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
        refs = [r for r in split_parts(text).refs if "." in r]
        if refs:
            crit = idx.report.criterion(refs[0])
            if crit is None:
                return unverifiable_because(f"{idx.report.id} has no criterion {refs[0]}.")
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
        return unverifiable_because(
            "The claim counts a subset of the listed items by topic, which the report does not "
            "label; only whole lists (and recommendations by owner) can be counted."
        )
    if kind.startswith("recommendation"):
        items, where = idx.report.recommendations, "recommendations"
        if owner:
            # "Six recommendations were for the YOT Manager": the bracketed owners decide.
            who = set(re.findall(r"[a-z]+", owner.group(1).lower())) - CLAIM_STOPWORDS
            items = [
                i for i in items if i.owner and who <= set(re.findall(r"[a-z]+", i.owner.lower()))
            ]
            where = f"recommendations for {owner.group(1).strip()}"
            if not items:
                return unverifiable_because(
                    f"{idx.report.id} gives no recommendation to {owner.group(1)}."
                )
    elif crit is None:
        return None  # strengths of what? a whole-report total is rarely what is meant
    elif kind.startswith("strength"):
        items, where = crit.strengths, f"strengths under {crit.number} {crit.name}"
    else:
        items, where = crit.areas_for_improvement, f"areas for improvement under {crit.number}"
    if not items:
        return unverifiable_because(f"{idx.report.id} lists no {where}.")
    claimed = Quantity(q.text, q.start, q.end, q.value, "count", qualifier=q.qualifier)
    verdict = verdict_of(compare(claimed, quantity_of(len(items), "count")))
    if negation_in(text) == "attached":
        verdict = flip(verdict)
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
        f"{verdict_lead(verdict)}: {idx.report.id} lists {len(items)} {where}; the claim says "
        f"{qualifier(claimed)}."
    )
    return Judgement(verdict, ev, explanation, held=str(len(items)))


def judge_mean(text: str, idx: ReportIndex) -> Judgement | None:
    """'The average criterion score was 45%': the mean of a set of stored scores."""
    if not MEAN.search(text) or AVERAGE_OF_AREA.search(text):
        return None
    chosen = set_scores(text, idx)
    pcts = [q for q in _numbers_in(text) if unit_class(q) == "pct"]
    if chosen is None or not chosen[1] or not pcts:
        return None
    label, members = chosen
    mean = sum(m.score.value for m in members) / len(members)
    verdict = verdict_of(compare(pcts[0], Quantity("", 0, 0, round(mean, 2), "%", decimals=2)))
    listing = ", ".join(f"{m.ref or m.label} {m.score.display()}" for m in members)
    explanation = (
        f"{verdict_lead(verdict)}: the mean of the {len(members)} {label} in {idx.report.id} is "
        f"{mean:.1f}% (computed from {listing}); the claim says {qualifier(pcts[0])}."
    )
    return Judgement(
        verdict,
        [score_evidence(idx, m.score) for m in members],
        explanation,
        held=f"{mean:.1f}%",
    )


def judge_superlative(text: str, idx: ReportIndex) -> Judgement | None:
    sup = SUPERLATIVE.search(text)
    if not sup:
        return None
    across = cross_area(text, idx)
    if across is not None:
        return unverifiable_because(
            f"The claim ranks areas ('{across.group(0).strip()}'), which one report "
            f"({idx.report.id}) cannot settle; load the reports of every area it ranges over."
        )
    lowest = sup.group(1).lower() in MIN_WORDS
    chosen = set_scores(text, idx)
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
        return unverifiable_because(f"{idx.report.id} has no {label}.")
    ordinal = re.search(
        r"\b(second|third|fourth|fifth|2nd|3rd|4th|5th)[\s-]+(?:" + sup.group(1) + r")\b",
        text,
        re.IGNORECASE,
    )
    rank = ORDINALS[ordinal.group(1).lower()] if ordinal else 1
    ranked = sorted({m.score.value for m in members}, reverse=not lowest)
    if rank > len(ranked):
        return unverifiable_because(
            f"{idx.report.id} has only {len(ranked)} distinct {label} scores."
        )
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
    if negation_in(text) == "attached":
        verdicts = [flip(v) for v in verdicts]
    verdict = combine_verdicts(verdicts)
    names = " and ".join(f"{m.ref or m.label} ({score_text(m.score)})" for m in at)
    shared = " (shared)" if len(at) > 1 else ""
    subj = f"{subject.label} scored {score_text(subject.score)}; " if subject else ""
    explanation = (
        f"{verdict_lead(verdict)}: in {idx.report.id}, {subj}the {word}-scoring of the "
        f"{len(members)} {label} is {names}{shared}."
    )
    ev = [score_evidence(idx, m.score) for m in at]
    if subject is not None and subject not in at:
        ev.insert(0, score_evidence(idx, subject.score))
    return Judgement(verdict, ev, explanation)


def find_comparison(text: str) -> re.Match[str] | None:
    """A comparison between two measures or reports ('lower than Wessex Vale's')."""
    for m in COMPARATIVE.finditer(text):
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
    greater = word in GREATER or word.startswith("exceed")
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
        same = same_measure(lres.measure, idx_right)
        if same is None:
            return unverifiable_because(
                f"{idx_right.report.id} has no score matching {lres.measure.label}."
            )
        rres = Resolution(same, [])
    a, b = lres.measure, rres.measure
    assert a is not None and b is not None
    holds = a.score.value > b.score.value if greater else a.score.value < b.score.value
    verdict = SUPPORTED if holds else CONTRADICTED
    if negation_in(text) == "attached":
        verdict = flip(verdict)
    where_a = idx_left.report.id
    where_b = idx_right.report.id
    # Every figure the comparison states must be checked too: "77%", "30 points higher".
    stated, notes = _comparison_figures(text, m, a.score.value, b.score.value)
    verdict = combine_verdicts([verdict, *stated])
    explanation = (
        f"{verdict_lead(verdict)}: {a.label} in {where_a} is "
        f"{score_text(a.score)} and {b.label} in {where_b} is {score_text(b.score)}"
        f" (higher scores mean better work)" + (f"; {'; '.join(notes)}" if notes else "") + "."
    )
    ev = [score_evidence(idx_left, a.score), score_evidence(idx_right, b.score)]
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
            v = verdict_of(compare(_as_percent(q), quantity_of(gap, "%")))
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
            v = verdict_of(compare(_as_percent(q), quantity_of(target, "%")))
            if v != SUPPORTED:
                notes.append(f"the claim says {q.label()}, the score is {format_value(target)}")
        else:
            v = UNVERIFIABLE
            notes.append(f"'{q.label()}' is not a score or a gap between them")
        verdicts.append(v)
    return verdicts, notes

"""Matching a claim to the report's finding sentences and facts, and checking their figures."""

from __future__ import annotations

import re

from assistant.claims.measure import dated_quantity, qualifier
from assistant.claims.qualifiers import narrower_groups, qualifier_conflicts
from assistant.claims.scope import is_national, report_years
from assistant.claims.subjects import (
    SCORE_WORDS,
    Measure,
    ReportIndex,
    Unit,
    blank_numbers,
    content_groups,
    content_stems,
)
from assistant.claims.verdict import (
    CONTRADICTED,
    SUPPORTED,
    UNVERIFIABLE,
    Evidence,
    Judgement,
    combine_verdicts,
    unit_evidence,
    unverifiable_because,
)
from assistant.claims.wording import claim_groups, stems_of_claim
from ingest.text.numbers import Quantity, compare, is_salient, unit_class
from ingest.text.numbers import numbers_in as _numbers_in
from ingest.text.resources import cue_patterns
from ingest.text.stemming import prefix_stem
from ingest.text.stopwords import CLAIM_STOPWORDS
from ingest.text.tokens import words

CUES = cue_patterns("assistant.claims", "cues.yaml")

_POLARITY = CUES["polarity"]


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


_SUBORDINATE = CUES["subordinate"]


def _main_clause(sentence: str) -> str:
    """The sentence without a leading subordinate clause ("Where ... had not complied, ..."),
    whose negation says nothing about the finding itself."""
    rest = _SUBORDINATE.sub("", sentence, count=1)
    return rest if rest.strip() else sentence


def best_units(
    text: str, idx: ReportIndex, sections: set[str] | None = None
) -> list[tuple[float, Unit]]:
    """Report sentences ranked by how much of the claim's wording they share."""
    stems = claim_groups(text, idx)
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
        cut = list(BETWEEN_BREAK.finditer(left))
        if cut:
            left, far = left[cut[-1].end() :], left[: cut[-1].start()]
    if b is not None:
        cut = list(BETWEEN_BREAK.finditer(right))
        if cut:
            right, far = right[: cut[0].start()], far + " " + right[cut[0].end() :]
    out = {s: 0.5 for s in content_stems(blank_numbers(far), idx.expansions)}
    out.update({s: 1.0 for s in content_stems(blank_numbers(left + " " + right), idx.expansions)})
    return out


def _head(text: str, q: Quantity, idx: ReportIndex, of_total: bool = False) -> frozenset[str]:
    """What a count counts: the first words after it ("three victims", "Eleven children and
    young people"; with ``of_total``, "sites" in "one of the three sites"); empty for
    percentages and rates."""
    if unit_class(q) != "num" or (q.total is not None and not of_total):
        return frozenset()
    after = re.split(r"[,;:.]|\d", text[q.end : q.end + 60])[0]
    if HEADLESS.match(after):
        return frozenset()
    groups = content_groups(after, idx.expansions)[:3]
    return frozenset(s for g in groups for s in g)


BETWEEN_BREAK = CUES["between-break"]
HEADLESS = CUES["headless"]


def _align(
    q: Quantity, claim: str, best: Unit, idx: ReportIndex
) -> list[tuple[float, Unit, Quantity]]:
    """Stored numbers that could be the claim's ``q``, best context match first."""
    qctx = _window(claim, q, [o for o in _numbers_in(claim) if o != q], idx)
    group = [idx.units[i] for i in idx.groups.get(best.group, [])]
    national = is_national(claim, idx)
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
            if qh and sq.total is not None and q.total is None:
                whole = _head(u.text, sq, idx, of_total=True)
                if whole and not qh & whole:
                    continue  # "15 case managers" is no "one of the three sites"
            if qh and sh:
                # "three victims" is not a count of "children and young people".
                score += 20.0 if qh & sh else -20.0
            out.append((score, u, sq))
    out.sort(key=lambda t: -t[0])
    return out


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
        claim_stems = set(stems_of_claim(claim, idx))
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
        claim_stems = frozenset(s for g in claim_groups(text, idx) for s in g)
        precision = {id(u): _coverage(sorted(u.stems), claim_stems, idx) for u in candidates}
        best = max(precision.values())
        candidates = [u for u in candidates if precision[id(u)] >= best - 0.1]
    if len(candidates) > 3:
        # Many statements fit the wording equally: the claim does not pin one down.
        return unverifiable_because(
            f"The claim's wording fits {len(candidates)} statements of {idx.report.id} equally "
            "well, so it does not say which figure it means; name the measure or quote more."
        )
    qs = _numbers_in(text)
    if not qs:
        return unverifiable_because("The claim states no figure to check.")
    readings: list[Judgement] = []
    for unit in candidates:
        verdicts: list[str] = []
        ev: list[Evidence] = []
        notes: list[str] = []
        for q, pair in zip(qs, _assign(qs, text, unit, idx), strict=True):
            q = dated_quantity(q, idx)
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
                    ev.append(unit_evidence(idx, u, listed))
                    continue
                sq = Quantity(listed, sq.start, sq.end, sq.value, sq.unit)
            elif run is not None:
                sq = run[0]
                v = {"unknown": UNVERIFIABLE}.get(compare(q, sq) or "", compare(q, sq))
            if not is_salient(q) and v != SUPPORTED:
                continue
            verdicts.append(v)
            ev.append(unit_evidence(idx, u, sq.label()))
            if v == CONTRADICTED:
                notes.append(f"the claim says {qualifier(q)}, the report says {sq.label()}")
            elif v == UNVERIFIABLE:
                notes.append(f"'{qualifier(q)}' is not settled by the report's '{sq.label()}'")
            else:
                notes.append(f"{q.label()} matches")
        comp = _average_direction(text, [idx.units[i] for i in idx.groups.get(unit.group, [])])
        if comp is not None:
            verdicts.append(comp[0])
            notes.append(comp[1])
        verdict = combine_verdicts(verdicts)
        unsaid = _never_said(text, idx)
        if verdict == CONTRADICTED and unsaid:
            # "60% of staff had a social work qualification" against "staff had worked with
            # social care in 57% of cases": a figure of something the report never mentions
            # is not contradicted by a figure of what it does
            verdict = UNVERIFIABLE
            notes.append(f"the report never mentions '{' '.join(unsaid)}'")
        narrower = narrower_groups(text, unit.text) if verdict == CONTRADICTED else []
        if narrower:
            verdict = UNVERIFIABLE
            notes += narrower
        around = " ".join(idx.units[i].text for i in idx.groups.get(unit.group, []))
        conflicts = qualifier_conflicts(text, unit.text, around, frozenset(report_years(idx)))
        if conflicts:
            # Equal numbers of another census, period or group of cases bear nothing out.
            verdict = UNVERIFIABLE
            notes += conflicts
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


def _never_said(text: str, idx: ReportIndex) -> list[str]:
    """The claim's words that no sentence of the report uses (an acronym counts as said when
    its expansion is)."""
    unsaid = [g[0] for g in claim_groups(text, idx) if not any(s in idx.idf for s in g)]
    # as written, not as stemmed: the words go back to the user
    return [next((w for w in words(text) if w.startswith(s)), s) for s in unsaid]


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


def explained_by_measure(text: str, idx: ReportIndex, measure: Measure | None) -> float:
    stems = claim_groups(text, idx)
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


def names_measure(unit: Unit, measure: Measure) -> bool:
    """Whether a report sentence carries one of the measure's names in full."""
    return any(alias and set(alias) <= unit.stems for alias in measure.aliases)


def named_share(text: str, idx: ReportIndex, measure: Measure) -> float:
    """How much of the claim's wording is the measure's own name."""
    known: set[str] = set()
    for alias in measure.aliases:
        known |= set(alias)
    return _coverage(claim_groups(text, idx), known, idx)


SCORE_WORDS_STEMS = frozenset(
    prefix_stem(w) for w in SCORE_WORDS if w not in CLAIM_STOPWORDS
) | frozenset(prefix_stem(w) for w in SCORE_WORDS)

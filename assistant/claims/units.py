"""Claims about measures that are not plain percentages: a rating ("rated Good overall"), a
points score ("scored 21 out of 36") and a reinspection's earlier score ("improved from 43%
to 61%"). Each is judged only against a measure of the same unit: a rating with a rating,
points with points, a percentage with a percentage; a claim that would compare a rating with
a percentage is unverifiable, and says why.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.claims.scope import Scope
from assistant.claims.subjects import ReportIndex
from assistant.claims.verdict import (
    CONTRADICTED,
    SUPPORTED,
    UNVERIFIABLE,
    Evidence,
    Judgement,
)
from ingest.model import RATINGS, Role, Score, Unit
from ingest.text.resources import cue_patterns, load_yaml
from ingest.text.stemming import stem
from ingest.text.stopwords import STOPWORDS
from ingest.text.terms import phrase_regex
from ingest.text.tokens import words

CUES = cue_patterns("assistant.claims", "cues.yaml")
_GENERIC = frozenset(
    stem(w) for w in load_yaml("assistant.claims", "words.yaml")["rating-generic"].split()
)
_CRITERION = re.compile(r"(?<![\d.])([1-9])\.([1-9])(?![\d%])")
_PERCENT = re.compile(r"\d\s*%|\bper ?cent\b", re.I)
_SHARE = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*(?:%|per ?cent\b)", re.I)
_MIN_SHARED_WORDS = 3  # a key question is named by several of its words, not one


def rating_words(indexes: list[ReportIndex]) -> list[str]:
    """Every rating word the loaded reports use, and the framework's scale; longest first, so
    "Requires improvement" is found before a shorter word inside it."""
    if len(indexes) == 1:
        return indexes[0].rating_words  # read when the report's index was built
    found = {w for i in indexes for w in i.rating_words}
    return sorted({w for w in found | set(RATINGS) if w}, key=len, reverse=True)


def rating_in(text: str, indexes: list[ReportIndex]) -> str | None:
    for word in rating_words(indexes):
        if _word_pattern(word).search(text):
            return word
    return None


@lru_cache(maxsize=1024)
def _word_pattern(word: str) -> re.Pattern:
    return re.compile(r"\b" + phrase_regex(word) + r"\b", re.I)


def _evidence(idx: ReportIndex, s: Score, value: str | None = None) -> Evidence:
    src = s.source
    return Evidence(idx.report.id, src.section, src.heading, src.quote, value or s.display())


_NUMBERED = re.compile(r"^\s*\d+(?:\.\d+)*\s+")


def _named(text: str, scores: list[Score]) -> list[Score]:
    """The scores the claim names: by number ("2.2"), else by the most words of a name."""
    numbers = {f"{a}.{b}" for a, b in _CRITERION.findall(text)}
    if numbers:
        return [s for s in scores if s.key in numbers or s.name.split(" ", 1)[0] in numbers]
    said = _content(text)
    best: tuple[int, float] = (0, 0.0)
    chosen: list[Score] = []
    for s in scores:
        # a name's number is no word of it: "2.2 Planning" and "3.2 Planning" fit "planning"
        # equally, where counting "2" made the shorter number the better fit
        name = _content(_NUMBERED.sub("", s.name))
        overlap = len(said & name)
        # More of the claim's words first, then more of the name's words said ("risk of
        # harm" is the headline Risk of Harm, not 1.1 Risk of Harm to Others).
        fit = (overlap, overlap / len(name) if name else 0.0)
        if overlap and fit > best:
            best, chosen = fit, [s]
        elif overlap and fit == best:
            chosen.append(s)
    return chosen


def _content(text: str) -> frozenset[str]:
    return _content_of(text)


@lru_cache(maxsize=65536)  # measure names recur in every report and every claim reads them
def _content_of(text: str) -> frozenset[str]:
    return frozenset({stem(w) for w in words(text.lower()) if w not in STOPWORDS} - _GENERIC)


def _unrated_words(text: str, idx: ReportIndex) -> tuple[str, ...]:
    """The words of a rating claim that name something besides the report and the rating
    ("resources" in "Harrowfield got Outstanding for resources")."""
    said = {w for w in _content(text) if not w.isdigit()}
    own = {stem(w) for w in words(f"{idx.report.area} {idx.report.id}".lower())}
    scale = {stem(w) for r in RATINGS for w in words(str(r).lower())}
    left = said - own - scale
    # as written, not as stemmed: the words go back to the user
    return tuple(dict.fromkeys(w for w in words(text.lower()) if stem(w) in left))


def _overall_rating(idx: ReportIndex) -> Score | None:
    return next(
        (
            s
            for s in idx.report.headline_scores
            if s.unit == Unit.RATING and s.kind == Role.HEADLINE
        ),
        None,
    )


def judge_measure_claim(text: str, scope: Scope) -> Judgement | None:
    """A verdict on a rating, points or earlier-score claim, or None when the claim is none."""
    if not scope.reports:
        return None
    for judge in (_judge_change, _judge_share, _judge_points, _judge_rating):
        j = judge(text, scope)
        if j is not None:
            return j
    return None


def _judge_rating(text: str, scope: Scope) -> Judgement | None:
    indexes = scope.reports
    word = rating_in(text, indexes) if CUES["rated"].search(text) else None
    percent = bool(_PERCENT.search(text))
    if word is None and not (percent and CUES["rated"].search(text)):
        return None
    for idx in indexes[:1]:
        ratings = [s for s in idx.scores if s.unit == Unit.RATING]
        if not ratings:
            if word is None:
                return None
            named = _named(text, idx.scores)
            what = named[0].name if len(named) == 1 else idx.report.id
            return Judgement(
                UNVERIFIABLE,
                [_evidence(idx, named[0])] if len(named) == 1 else [],
                f"{idx.report.id} gives no ratings, only percentage scores"
                + (f" ({what}: {named[0].display()})" if len(named) == 1 else "")
                + f"; a rating (“{word}”) cannot be compared with a percentage.",
            )
        named = _named(text, ratings)
        unnamed = _unrated_words(text, idx)
        if not named and unnamed:
            return Judgement(
                UNVERIFIABLE,
                [],
                f"No rating of {idx.report.id} is for “{' '.join(unnamed)}”; name "
                "the standard or area.",
            )
        if not named:
            overall = _overall_rating(idx)
            named = [overall] if overall else []
        if len(named) != 1:
            names = "; ".join(s.name for s in named) or "no rated measure"
            return Judgement(
                UNVERIFIABLE,
                [],
                f"Cannot tell which rating of {idx.report.id} the claim means ({names}); name "
                "the standard or area.",
            )
        s = named[0]
        if word is None:
            return Judgement(
                UNVERIFIABLE,
                [_evidence(idx, s)],
                f"{s.name} in {idx.report.id} is a rating ({s.display()}), not a percentage; a "
                "percentage cannot be compared with a rating.",
            )
        right = (s.rating or "").lower() == word.lower()
        return Judgement(
            SUPPORTED if right else CONTRADICTED,
            [_evidence(idx, s)],
            f"{'Supported' if right else 'Contradicted'}: {s.name} in {idx.report.id} was rated "
            f"{s.display()} (“{s.source.quote.strip()}”)" + ("." if right else f", not {word}."),
        )
    return None


def _judge_points(text: str, scope: Scope) -> Judgement | None:
    m = CUES["points"].search(text)
    if m is None or _CRITERION.search(m.group(0)):
        return None
    value, maximum = int(m.group(1)), int(m.group(2))
    idx = scope.reports[0]
    points = next((s for s in idx.scores if s.unit == Unit.POINTS), None)
    if points is None:
        return None
    right = points.value == value and (points.maximum in (None, maximum))
    return Judgement(
        SUPPORTED if right else CONTRADICTED,
        [_evidence(idx, points)],
        f"{'Supported' if right else 'Contradicted'}: {idx.report.id} scored "
        f"{points.display()} points (“{points.source.quote.strip()}”)"
        + ("." if right else f", not {value}/{maximum}."),
    )


def _judge_change(text: str, scope: Scope) -> Judgement | None:
    change = CUES["change-from-to"].search(text)
    # "72%, up from 55%": the same two values, the current one first
    flipped = None if change else CUES["change-to-from"].search(text)
    earlier = None if change or flipped else CUES["previous-score"].search(text)
    if change is None and flipped is None and earlier is None:
        return None
    idx = scope.reports[0]
    with_previous = [s for s in idx.scores if s.previous is not None and s.unit == Unit.PERCENT]
    if not with_previous:
        return None
    named = _named(text, with_previous)
    headline = [s for s in named if s.kind == Role.HEADLINE]
    named = headline or named
    if len(named) != 1:
        return None
    s = named[0]
    prev = s.previous
    assert prev is not None
    if flipped:
        before, after = float(flipped.group(2)), float(flipped.group(1))
    else:
        before = float((change or earlier).group(1))
        after = float(change.group(2)) if change else None
    said_years = (
        {int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", earlier.group(0))}
        if earlier
        else set()
    )
    if said_years and prev.year and said_years != {prev.year}:
        # Every qualifier counts: the earlier inspection the claim dates is not the stored one.
        return Judgement(
            UNVERIFIABLE,
            [_evidence(idx, s)],
            f"The claim dates the earlier inspection {', '.join(map(str, sorted(said_years)))}; "
            f"{idx.report.id} gives the earlier {s.name} score for {prev.year} "
            f"({prev.value:g}%), so the claim's figure cannot be checked.",
        )
    checks = [(before, prev.value, "earlier", prev.source)]
    if after is not None:
        checks.append((after, s.value, "current", s.source))
    wrong = [(said, held, what) for said, held, what, _ in checks if held != said]
    evidence = [
        Evidence(idx.report.id, s.source.section, s.source.heading, s.source.quote, s.display())
    ]
    if prev.source.quote != s.source.quote:
        evidence.append(
            Evidence(
                idx.report.id,
                prev.source.section,
                prev.source.heading,
                prev.source.quote,
                f"{prev.value:g}%",
            )
        )
    year = f" ({prev.year})" if prev.year else ""
    held = f"{s.name}: earlier{year} {prev.value:g}%, now {s.display()}"
    if wrong:
        why = "; ".join(f"the {what} score was {h:g}%, not {said:g}%" for said, h, what in wrong)
        return Judgement(CONTRADICTED, evidence, f"Contradicted: {why} ({held}).")
    return Judgement(SUPPORTED, evidence, f"Supported: {held}.")


def _domain_phrase(name: str) -> str:
    """A domain's name as a claim would say it of cases: "out of court" for "Out-of-court
    disposals", "court" for "Court disposals"."""
    ws = [w for w in re.findall(r"[a-z]+", name.lower()) if w not in _DOMAIN_NOUNS]
    return " ".join(ws)


def _by_domain(text: str, chosen: list[Score], idx: ReportIndex) -> list[Score]:
    """The key questions of the one domain whose name the claim says, longest name first
    ("out-of-court cases" is not read as "court cases")."""
    said = " " + " ".join(re.findall(r"[a-z]+", text.lower())) + " "
    names = {s.number: _domain_phrase(s.name) for s in idx.report.sections}
    hit: int | None = None
    for number, phrase in sorted(names.items(), key=lambda t: -len(t[1])):
        if phrase and f" {phrase} " in said:
            hit = number
            break
    if hit is None:
        return []
    return [s for s in chosen if s.parent and s.parent.split(".")[0] == str(hit)]


_DOMAIN_NOUNS = frozenset(load_yaml("assistant.claims", "words.yaml")["domain-nouns"].split())


def _judge_share(text: str, scope: Scope) -> Judgement | None:
    """ "69% of cases had an assessment that analysed how to keep other people safe": the key
    question whose words the claim uses most, judged like a percentage. When one wording
    stands under several standards with different shares, the claim must say which."""
    m = _SHARE.search(text)
    idx = scope.reports[0]
    kqs = [s for s in idx.report.measures if s.kind == Role.KEY_QUESTION]
    if m is None or not kqs:
        return None
    numbers = {f"{a}.{b}" for a, b in _CRITERION.findall(text)}
    if numbers:
        kqs = [s for s in kqs if s.parent in numbers] or kqs
    said = {stem(w) for w in words(text.lower())} - _GENERIC
    fit = {id(s): len(said & {stem(w) for w in words(s.name.lower())}) for s in kqs}
    best = max(fit.values())
    if best < _MIN_SHARED_WORDS:
        return None
    chosen = [s for s in kqs if fit[id(s)] == best]
    claimed = float(m.group(1))
    if len({s.value for s in chosen}) > 1:
        # "69% of court cases": the group of cases names the domain the question stands in.
        chosen = _by_domain(text, chosen, idx) or chosen
    if len({s.value for s in chosen}) > 1:
        return Judgement(
            UNVERIFIABLE,
            [_evidence(idx, s) for s in chosen],
            "Cannot tell which key question the claim means: "
            + "; ".join(f"{s.parent} “{s.name}” {s.display()}" for s in chosen)
            + ". Name the standard.",
        )
    s = chosen[0]
    right = s.value == claimed
    return Judgement(
        SUPPORTED if right else CONTRADICTED,
        [_evidence(idx, x) for x in chosen],
        f"{'Supported' if right else 'Contradicted'}: in {idx.report.id}, “{s.name}” was answered "
        f"yes in {s.display()}" + ("." if right else f", not {claimed:g}%."),
    )

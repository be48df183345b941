"""Reading a claim's wording: cue words, negation, bands and content stems."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.claims.subjects import (
    ReportIndex,
    blank_numbers,
    content_groups,
    content_stems,
)
from ingest.model import BANDS
from ingest.text.layout import word_set
from ingest.text.numbers import Quantity, bands_in, scan
from ingest.text.numbers import numbers_in as _numbers_in
from ingest.text.resources import cue_patterns
from ingest.text.stemming import prefix_stem

CUES = cue_patterns("assistant.claims", "cues.yaml")

SUPERLATIVE = CUES["superlative"]


MIN_WORDS = {"lowest", "worst", "weakest", "poorest", "bottom"}


COMPARATIVE = CUES["comparative"]


GREATER = {
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


_NEGATION = CUES["negation"]


SCORE_CUE = CUES["score-cue"]


CRITERION_CUE = CUES["criterion-cue"]


HEADLINE_CUE = CUES["headline-cue"]


HEADLINE_PHRASE = CUES["headline-phrase"]


OVERALL_CUE = CUES["overall-cue"]


AVERAGE_OF_AREA = CUES["average-of-area"]


SET_NOUN = CUES["set-noun"]


QUANT_WORD = CUES["quant-word"]


@dataclass
class Parts:
    """What a piece of claim text asserts."""

    text: str
    quantities: list[Quantity]
    bands: set[str]
    refs: list[str]
    negated: bool  # a negation denies the claim's figure or band ("was not 38%")
    loose_negation: bool = False  # a negation that cannot be tied to a figure


def split_parts(text: str) -> Parts:
    toks = scan(text)
    qs = [q for q in _numbers_in(text)]
    refs = [q.text for q in toks if q.kind == "ref"]
    refs = [re.search(r"\d+(?:\.\d+)?", r).group(0) for r in refs if re.search(r"\d", r)]
    neg = negation_in(text)
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


def negation_in(text: str) -> str | None:
    """'attached' when a negation denies a figure, band or comparison of the claim; 'loose'
    when the claim has a negation that cannot be tied to one; None without a negation."""
    negs = list(_NEGATION.finditer(text))
    if not negs:
        return None
    targets = (
        [q.start for q in _numbers_in(text)]
        + [b.start for b in bands_in(text)]
        + [m.start() for m in COMPARATIVE.finditer(text)]
        + [m.start() for m in SUPERLATIVE.finditer(text)]
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


_BAND_ABOVE = CUES["band-above"]


_BAND_AT_LEAST = CUES["band-at-least"]


_BAND_BELOW = CUES["band-below"]


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


def stems_of_claim(text: str, idx: ReportIndex) -> list[str]:
    drop = frozenset(prefix_stem(w) for w in idx.area_words)
    return content_stems(blank_numbers(text), idx.expansions, drop)


def claim_groups(text: str, idx: ReportIndex) -> list[tuple[str, ...]]:
    drop = frozenset(prefix_stem(w) for w in idx.area_words)
    return content_groups(blank_numbers(text), idx.expansions, drop)


MEAN = CUES["mean"]

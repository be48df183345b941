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
from ingest.text.stemming import prefix_stem

SUPERLATIVE = re.compile(
    r"\b(lowest|highest|best|worst|weakest|strongest|poorest|top|bottom)\b", re.IGNORECASE
)


MIN_WORDS = {"lowest", "worst", "weakest", "poorest", "bottom"}


COMPARATIVE = re.compile(
    r"\b(lower|higher|better|worse|greater|less|more|smaller|larger|weaker|stronger|poorer)"
    r"(?:\s+(?!than\b)[\w-]+){0,2}?\s+than\b|"
    r"\b(above|below|exceed(?:ed|s)?|outscored|outperformed|behind|ahead of)\b",
    re.IGNORECASE,
)


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


_NEGATION = re.compile(r"\b(not|never|no longer)\b|n't\b", re.IGNORECASE)


SCORE_CUE = re.compile(
    r"\b(scor\w*|rated|rating|band\w*|headline|criterion|criteria|overall|improvement required|"
    r"(?<!as )(?<!where )(?<!when )(?<!if )(?:require[sd]?|requiring|needs?|needed)|"
    r"well enough|good enough|of the time)\b",
    re.IGNORECASE,
)


CRITERION_CUE = re.compile(r"\b(criterion|criteria)\b", re.IGNORECASE)


HEADLINE_CUE = re.compile(r"\bheadline\b", re.IGNORECASE)


HEADLINE_PHRASE = re.compile(r"\bof\s+the\s+time\b|\bwell\s+enough\b", re.IGNORECASE)


OVERALL_CUE = re.compile(
    r"\boverall\b(?!\s*,)|\bas a whole\b|\bsection\s+(?:score|\d)|\bsections?\b", re.IGNORECASE
)


AVERAGE_OF_AREA = re.compile(r"\b(national|england|wales|regional)\b", re.IGNORECASE)


SET_NOUN = re.compile(
    r"\b(criteria|criterion scores|headline scores|headline measures|section scores|"
    r"overall scores|sections|scores|criterion)\b",
    re.IGNORECASE,
)


QUANT_WORD = re.compile(
    r"\b(all|none|no|most|majority|both|every|each|only one|just one|neither|half)\b",
    re.IGNORECASE,
)


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


def stems_of_claim(text: str, idx: ReportIndex) -> list[str]:
    drop = frozenset(prefix_stem(w) for w in idx.area_words)
    return content_stems(blank_numbers(text), idx.expansions, drop)


def claim_groups(text: str, idx: ReportIndex) -> list[tuple[str, ...]]:
    drop = frozenset(prefix_stem(w) for w in idx.area_words)
    return content_groups(blank_numbers(text), idx.expansions, drop)


MEAN = re.compile(r"\b(averag\w*|mean)\b", re.IGNORECASE)

"""Numbers and quantities in report prose and in claims: "45%", "45 per cent", "283,000",
"seven of the eight", "one in five", "a fifth", "less than half", "38 per 1,000".

Pure functions. ``scan`` finds every numeric token (quantities, years, section references);
``numbers_in`` keeps the quantities, which are what a claim asserts.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

_UNITS = {
    "zero": 0,
    "no": 0,
    "none": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
# Words that can count things in running text ("a", "no" only inside fixed phrases).
_COUNT_WORDS = [w for w in _UNITS if w not in ("a", "an", "no", "none")]

_TEN_ALT = "|".join(_TENS)
_UNIT_ALT = "|".join(sorted(_COUNT_WORDS, key=len, reverse=True))
WORD_NUMBER = (
    rf"(?:(?:one|a)\s+hundred|(?:{_TEN_ALT})(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|"
    rf"nine))?|{_UNIT_ALT})"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER = rf"(?:{_DIGITS}|{WORD_NUMBER})"
_DENOM_ALT = "|".join(sorted(_DENOMINATORS, key=len, reverse=True))

# Qualifiers that turn a number into a range; the longest phrase wins.
_QUALIFIERS: dict[str, str] = {
    "equal to or less than": "<=",
    "equal to or below": "<=",
    "equal to or more than": ">=",
    "equal to or greater than": ">=",
    "equal to or above": ">=",
    "at or below": "<=",
    "at or under": "<=",
    "at or above": ">=",
    "at or over": ">=",
    "slightly less than": "~<",
    "slightly more than": "~>",
    "slightly under": "~<",
    "slightly over": "~>",
    "a little less than": "~<",
    "a little more than": "~>",
    "a little under": "~<",
    "a little over": "~>",
    "just under": "~<",
    "just over": "~>",
    "well under": "<",
    "well over": ">",
    "well above": ">",
    "well below": "<",
    "no more than": "<=",
    "not more than": "<=",
    "no less than": ">=",
    "not less than": ">=",
    "no fewer than": ">=",
    "at least": ">=",
    "at most": "<=",
    "up to": "<=",
    "less than": "<",
    "fewer than": "<",
    "lower than": "<",
    "more than": ">",
    "greater than": ">",
    "higher than": ">",
    "over": ">",
    "under": "<",
    # "fell short of 60%", "shy of half": below it
    "short of": "<",
    "shy of": "<",
    "beneath": "<",
    "in excess of": ">",
    # "beat 60%", "cleared the 50% mark", "missed the 50% mark"
    "beat": ">",
    "beats": ">",
    "surpassed": ">",
    "cleared": ">=",
    "missed": "<",
    "below": "<",
    "above": ">",
    "exceeding": ">",
    "exceeded": ">",
    "exceeds": ">",
    "exceed": ">",
    "topped": ">",
    "reached": ">=",
    "reach": ">=",
    "reaches": ">=",
    "reaching": ">=",
    "nearly": "~<",
    "almost": "~<",
    "around": "~",
    "about": "~",
    "approximately": "~",
    "approx.": "~",
    "roughly": "~",
    "some": "~",
    "circa": "~",
    "exactly": "=",
    "precisely": "=",
}
_QUAL_RE = re.compile(
    r"(?:^|(?<=[\s(]))("
    + "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True))
    + r")\s+(?:only\s+|just\s+)?$",
    re.IGNORECASE,
)
# "50% or more", "half or above": the qualifier follows the number ("70% or better": a higher
# percentage is the better one on every scale the reports score).
_SUFFIX_QUAL_RE = re.compile(
    r"^\s+(or|and)\s+(more|above|higher|over|greater|better|less|below|lower|under|fewer|worse)\b"
    # "90% plus", "90%+": at least that figure
    r"|^\s*(\+|plus\b)",
    re.IGNORECASE,
)

_PERCENT_TAIL = r"\s*(?:%+|per\s*-?\s*cent\b|percent\b)"
_PER_TAIL = (
    r"\s+(?:[a-z]+\s+){0,2}?per\s+(1,000|1000|100,000|100000|10,000|10000|100|thousand|hundred)\b"
)
_SCALE_TAIL = r"\s*(thousand|million|k\b|m\b)"
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"

_MONTH_ABBR = "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
_ANY_MONTH = rf"(?:{_MONTHS}|(?:{_MONTH_ABBR})\.?)"
_ORDINAL = r"(?:st|nd|rd|th)?"
_PCT_UNIT = r"(?:%+|\s*per\s*-?\s*cent\b|\s*percent\b)"
_NUM_TO = r"(?:-|\u2013|\u2014|to)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("cite", re.compile(r"\[\d+\]")),
    # Not quantities: dates ("14 October 2009", "March 3rd", "14/10/2009"), clock times, phone
    # numbers ("0151 934 4000"). They carry no claim about a report.
    (
        "date",
        re.compile(
            rf"\b\d{{1,2}}{_ORDINAL}\s+(?:of\s+)?{_ANY_MONTH}(?![a-z])|"
            rf"\b{_ANY_MONTH}\s+\d{{1,2}}{_ORDINAL}\b(?!\s*%|,\d{{3}}|\.\d)|"
            r"\b\d{1,2}[/.]\d{1,2}[/.](?:19|20)?\d{2}\b|"
            r"\b\d{1,2}[:.]\d{2}\s*(?:am|pm)\b|\b\d{1,2}:\d{2}\b",
            re.IGNORECASE,
        ),
    ),
    ("phone", re.compile(r"(?<![\w.,])(?:\+44\s?|0)\d{2,4}(?:[\s-]?\d{3,4}){1,2}\b")),
    # "between 35% and 40%", "35-40%", "35 to 40 per cent": a range of percentages.
    (
        "range",
        re.compile(
            rf"\bbetween\s+({_DIGITS}){_PCT_UNIT}?\s+and\s+({_DIGITS}){_PCT_UNIT}|"
            rf"(?<![\w.])({_DIGITS}){_PCT_UNIT}?\s*{_NUM_TO}\s*({_DIGITS}){_PCT_UNIT}",
            re.IGNORECASE,
        ),
    ),
    # "10 percentage points", "up 18 points": a difference between two percentages.
    (
        "points",
        re.compile(
            rf"(?<![\w.])({_DIGITS}|{WORD_NUMBER})\s*(?:percentage[\s-]+points?|%\s*points?|"
            r"pp\b|points?\b)",
            re.IGNORECASE,
        ),
    ),
    ("ref", re.compile(r"\(\s*\d{1,2}\s*\)")),
    (
        "ref",
        re.compile(
            r"\b(?:criterion|criteria|section|sections|appendix|paragraph|page|recommendation|"
            r"recommendations|item|chapter|table)\s+(\d+(?:\.\d+)?[a-z]?)\b(?!\s*%)",
            re.IGNORECASE,
        ),
    ),
    ("ref", re.compile(r"(?<![\d.,])\b([1-9]\.\d)\b(?![\d%]|\s*%|\s*per\s*cent|\s*percent)")),
    (
        "year",
        re.compile(
            r"(?<![\d,.£$])\b((?:19|20)\d{2})(?:\s*[/-]\s*(\d{2}|\d{4}))?\b"
            r"(?!\s*%|\s*per\s*cent|,\d{3}|\.\d)",
            re.IGNORECASE,
        ),
    ),
    (
        "of",
        re.compile(
            rf"\b({NUMBER})\s+(?:out\s+)?of\s+(?:the\s+|these\s+|those\s+|its\s+|their\s+|"
            r"[A-Z][\w-]*(?:\s+(?:and\s+|of\s+|upon\s+|on\s+)?[A-Z][\w-]*){0,3}(?:'s|\u2019s)\s+)?"
            rf"({NUMBER})\b(?!\s*%|\s*per\s*cent)",
            re.IGNORECASE,
        ),
    ),
    (
        "in",
        re.compile(
            rf"\b({NUMBER})\s+in\s+(?:every\s+)?({NUMBER})\b(?!\s*%|\s*per\s*cent|,\d)",
            re.IGNORECASE,
        ),
    ),
    # "half of the eight criteria", "two-thirds of the nine cases": a share of a counted set.
    (
        "fraction-of",
        re.compile(
            rf"\b(?:(a|an|one|two|three|four|five|six|seven|eight|nine|\d)[\s-]+)?({_DENOM_ALT})"
            r"\s+of\s+(?:the\s+|its\s+|their\s+|these\s+|those\s+|all\s+)?"
            rf"({NUMBER})\b(?!\s*%|\s*per\s*cent)",
            re.IGNORECASE,
        ),
    ),
    # "7/8 criteria": a count of a total (years such as 2008/09 were taken first).
    ("ratio", re.compile(r"(?<![\w./])(\d{1,3})\s*/\s*(\d{1,3})(?![\w/.]|\s*%)")),
    (
        "fraction",
        re.compile(
            rf"\b(?:(a|an|one|two|three|four|five|six|seven|eight|nine|\d)[\s-]+)?({_DENOM_ALT})\b",
            re.IGNORECASE,
        ),
    ),
    ("percent", re.compile(rf"(?<![\w.])({_DIGITS}|{WORD_NUMBER}){_PERCENT_TAIL}", re.IGNORECASE)),
    ("per", re.compile(rf"(?<![\w.])({_DIGITS}){_PER_TAIL}", re.IGNORECASE)),
    ("scaled", re.compile(rf"(?<![\w.])({_DIGITS}){_SCALE_TAIL}", re.IGNORECASE)),
    ("number", re.compile(rf"(?<![\w.])({_DIGITS})(?![\w])")),
    ("word", re.compile(rf"\b({WORD_NUMBER})\b", re.IGNORECASE)),
]


@dataclass(frozen=True)
class Quantity:
    """One numeric expression: its text and span, value, unit and any qualifier."""

    text: str
    start: int
    end: int
    value: float
    unit: str  # "%" | "fraction" | "count" | "number" | "per 1,000" | "pp" | "year" | "ref"
    kind: str = "quantity"  # "quantity" | "year" | "ref" | "date" | "phone"
    total: float | None = None  # "seven of the eight" -> 8
    qualifier: str | None = None  # "<", "<=", ">", ">=", "~", "~<", "~>", "="
    decimals: int = 0
    word: bool = False  # spelled out ("seven", "a fifth"), not digits
    upper: float | None = None  # the top of a range ("between 35% and 40%"); qualifier "range"
    # What the number stands for in its sentence, when it is not a level: "previous" (the 43%
    # of "rose from 43% to 61%"), "change" (the 23 of "rose by 23 points"), "average" (the 73%
    # of "the England average of 73%"), "areas" (the five of "the five YOTs").
    role: str | None = None

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    @property
    def is_percent_like(self) -> bool:
        return self.unit in ("%", "fraction")

    def percent(self) -> float:
        """The value on a 0-100 scale for percentages and fractions."""
        return self.value * 100 if self.unit == "fraction" else self.value

    def label(self) -> str:
        """How the quantity reads in an explanation."""
        return self.text.strip()


def word_to_number(text: str) -> float | None:
    """'twenty-eight' -> 28, 'a hundred' -> 100, '1,234.5' -> 1234.5; None when not a number."""
    t = text.strip().lower().replace("\u2019", "'")
    if re.fullmatch(_DIGITS, t):
        return float(t.replace(",", ""))
    parts = [p for p in re.split(r"[\s-]+", t) if p and p != "and"]
    if not parts:
        return None
    if parts[-1] == "hundred" and len(parts) == 2 and parts[0] in ("a", "one"):
        return 100.0
    total = 0
    for p in parts:
        if p in _TENS:
            total += _TENS[p]
        elif p in _UNITS:
            total += _UNITS[p]
        else:
            return None
    return float(total)


def _decimals(text: str) -> int:
    m = re.search(r"\.(\d+)", text)
    return len(m.group(1)) if m else 0


def _qualifier_before(text: str, start: int) -> str | None:
    window = text[max(0, start - 40) : start]
    m = _QUAL_RE.search(window)
    return _QUALIFIERS[m.group(1).lower()] if m else None


def _qualifier_after(text: str, end: int) -> str | None:
    m = _SUFFIX_QUAL_RE.match(text[end : end + 20])
    if not m:
        return None
    if m.group(3):
        return ">="
    up = ("more", "above", "higher", "over", "greater", "better")
    return ">=" if m.group(2).lower() in up else "<="


_PER_NORMAL = {
    "1,000": "per 1,000",
    "1000": "per 1,000",
    "thousand": "per 1,000",
    "100": "per 100",
    "hundred": "per 100",
    "10,000": "per 10,000",
    "10000": "per 10,000",
    "100,000": "per 100,000",
    "100000": "per 100,000",
}
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6}


def _build(kind: str, m: re.Match[str], text: str) -> Quantity | None:
    raw = m.group(0)
    start, end = m.start(), m.end()
    if kind in ("cite",):
        return None
    if kind == "ref":
        ref = m.group(1) if m.groups() and m.group(1) else re.sub(r"[()\s]", "", raw)
        try:
            value = float(re.sub(r"[a-z]$", "", ref))
        except ValueError:
            value = math.nan
        return Quantity(raw, start, end, value, "ref", kind="ref", decimals=_decimals(ref))
    if kind == "year":
        return Quantity(raw, start, end, float(m.group(1)), "year", kind="year")
    if kind in ("date", "phone"):
        return Quantity(raw, start, end, math.nan, kind, kind=kind)
    if kind == "range":
        lo_text, hi_text = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        lo, hi = word_to_number(lo_text), word_to_number(hi_text)
        if lo is None or hi is None or lo >= hi:
            return None
        # "from 43% to 61%" is a change, not a range: left to the numbers on their own.
        if re.search(r"\bfrom\s+$", text[max(0, start - 6) : start], re.IGNORECASE):
            return None
        return Quantity(
            raw, start, end, lo, "%", qualifier="range", upper=hi, decimals=_decimals(lo_text)
        )
    if kind == "points":
        value = word_to_number(m.group(1))
        if value is None:
            return None
        return Quantity(raw, start, end, value, "pp", role="change", word=not raw[0].isdigit())
    if kind == "fraction-of":
        num_text = (m.group(1) or "a").lower()
        num = word_to_number(num_text) if not num_text.isdigit() else float(num_text)
        den = _DENOMINATORS[m.group(2).lower()]
        total = word_to_number(m.group(3))
        if num is None or not total:
            return None
        if not m.group(1) and m.group(2).lower() != "half":
            return None  # "the third of the nine", an ordinal
        return Quantity(raw, start, end, num / den, "fraction", total=total, word=True)
    if kind == "ratio":
        a, b = float(m.group(1)), float(m.group(2))
        if b == 0 or a > b:
            return None
        return Quantity(raw, start, end, a, "count", total=b)
    if kind in ("of", "in"):
        a, b = word_to_number(m.group(1)), word_to_number(m.group(2))
        if a is None or b is None or b == 0:
            return None
        if kind == "of":
            return Quantity(
                raw, start, end, a, "count", total=b, word=not raw[0].isdigit(), decimals=0
            )
        return Quantity(raw, start, end, a / b, "fraction", word=not raw[0].isdigit())
    if kind == "fraction":
        num_text = (m.group(1) or "a").lower()
        num = word_to_number(num_text) if not num_text.isdigit() else float(num_text)
        den = _DENOMINATORS[m.group(2).lower()]
        if num is None:
            return None
        # "half" alone is a half; "second half", "behalf" are not fractions.
        before = text[max(0, start - 12) : start].lower()
        if not m.group(1) and re.search(r"(second|first|other|latter|former)\s+$", before):
            return None
        if not m.group(1) and m.group(2).lower() != "half":
            return None  # an ordinal ("the third case", "first quarter"), not a fraction
        return Quantity(raw, start, end, num / den, "fraction", word=True)
    if kind == "percent":
        value = word_to_number(m.group(1))
        if value is None:
            return None
        return Quantity(
            raw, start, end, value, "%", decimals=_decimals(m.group(1)), word=not raw[0].isdigit()
        )
    if kind == "per":
        value = word_to_number(m.group(1))
        if value is None:
            return None
        unit = _PER_NORMAL.get(m.group(2).lower(), "per " + m.group(2))
        return Quantity(raw, start, end, value, unit, decimals=_decimals(m.group(1)))
    if kind == "scaled":
        value = word_to_number(m.group(1))
        scale = _SCALES[m.group(2).lower()]
        if value is None:
            return None
        return Quantity(raw, start, end, value * scale, "number")
    if kind == "number":
        value = word_to_number(m.group(1))
        if value is None:
            return None
        # "2.1" next to words like "criterion" was taken as a ref already; a bare integer stays.
        return Quantity(raw, start, end, value, "number", decimals=_decimals(m.group(1)))
    if kind == "word":
        value = word_to_number(m.group(1))
        if value is None:
            return None
        return Quantity(raw, start, end, value, "count", word=True)
    return None


def scan(text: str) -> list[Quantity]:
    """Every numeric token in ``text`` (quantities, years, references), in order of position."""
    return list(_scan(text))


@lru_cache(maxsize=4096)
def _scan(text: str) -> tuple[Quantity, ...]:
    # A claim is scanned many times over (per clause, per report): the tokens are cached.
    taken = bytearray(len(text) + 1)
    found: list[Quantity] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(taken[m.start() : m.end()]):
                continue
            q = _build(kind, m, text)
            if kind != "cite" and q is None:
                continue
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
            if q is None:
                continue
            if q.kind == "quantity" and q.qualifier is None:
                qual = _qualifier_before(text, q.start) or _qualifier_after(text, q.end)
                if qual == "=":
                    qual = None
                if qual:
                    q = replace(q, qualifier=qual)
            if q.kind == "quantity" and q.role is None:
                role = _role(text, q)
                if role:
                    q = replace(q, role=role)
            found.append(q)
    found.sort(key=lambda q: q.start)
    return tuple(found)


_CHANGE_VERB = (
    r"(?:rose|risen|rising|rises|fell|fallen|falling|falls|increased|increasing|increases|"
    r"decreased|decreasing|decreases|improved|improving|improves|climbed|dropped|declined|"
    r"jumped|went|gone|moved|grew|grown|slipped|changed|up|down)"
)
_PREVIOUS_BEFORE = re.compile(
    rf"(?:\b{_CHANGE_VERB}\b[^.;]{{0,60}}?|\b(?:up|down)\s+)\bfrom\s+(?:\w+\s+){{0,2}}$",
    re.IGNORECASE,
)
_CHANGE_BEFORE = re.compile(
    rf"(?:\b{_CHANGE_VERB}\s+(?:\w+\s+){{0,1}}by|\b(?:an?\s+)?(?:increase|rise|fall|drop|"
    r"decrease|improvement|reduction|decline|gain|change|difference|gap)\s+of|"
    r"\b(?:up|down)|\bby)\s+(?:only\s+|just\s+|some\s+|about\s+|around\s+|nearly\s+|"
    r"almost\s+|over\s+|more\s+than\s+|less\s+than\s+)?$",
    re.IGNORECASE,
)
_AVERAGE_BEFORE = re.compile(
    r"\baverage\s+(?:(?:for|in|across)\s+[\w/ ]{2,25}?\s*,?\s*)?(?:of|was|which\s+was|at|is)\s+"
    r"(?:only\s+|just\s+|about\s+|around\s+)?$|\baverage\s*[:(]\s*$",
    re.IGNORECASE,
)
# "72% in England": a national figure, which reports give as an average.
_NATION_AFTER = re.compile(
    r"^\s*(?:of\s+\w+\s+)?(?:(?:in|across|for)\s+(?:england|wales)(?:\s+and\s+wales)?\b"
    r"(?!\s+average)|nationally\b|in\s+wales\b)",
    re.IGNORECASE,
)
# "38% in 2009": a figure of a stated year.
_YEAR_AFTER = re.compile(r"^\s*(?:in|during|at)\s+((?:19|20)\d{2})\b(?!\s*[/-]\s*\d)", re.I)
_AVERAGE_AFTER = re.compile(r"^\s*(?:national\s+|england\s+|wales\s+|welsh\s+)?average\b", re.I)


_FROM_TO = re.compile(
    rf"^\s*(?:in\s+(?:19|20)\d{{2}}\s+)?(?:to|into)\s+(?:about\s+|around\s+|nearly\s+)?"
    rf"(?:{_DIGITS}|{WORD_NUMBER})",
    re.IGNORECASE,
)
# "34 per cent previously", "43% at the last inspection", "the previous score of 43%".
_PREVIOUS_AFTER = re.compile(
    r"^\s*(?:of\s+\w+\s+)?(?:previously|earlier|before|last\s+time|"
    r"(?:at|in)\s+the\s+(?:last|previous|earlier|first|original)\s+(?:inspection|report))\b",
    re.IGNORECASE,
)
_PREVIOUS_NAMED = re.compile(
    r"\b(?:previous|previously|earlier|former|prior|original|old)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:score|rating|figure|result|level)s?\s+(?:of|was|were|is|had\s+been|stood\s+at)\s+$",
    re.IGNORECASE,
)
_SPREAD_FROM = re.compile(r"\b(?:rang\w*|var\w*|spread|spann\w*)\s+(?:\w+\s+){0,2}from\s+$", re.I)
# "the five YOTs": the size of a set of areas, not a figure of any one report.
_AREAS_AFTER = re.compile(
    r"^\s+(?:\w+\s+)?(?:areas|yots|yoss|teams|services|authorities|councils|regions|reports|"
    r"inspections|boroughs|counties)\b",
    re.IGNORECASE,
)


def _role(text: str, q: Quantity) -> str | None:
    """'previous', 'change', 'average' or 'areas' when the number is not a level of a measure."""
    before = text[max(0, q.start - 90) : q.start]
    if _SPREAD_FROM.search(before):
        return None  # "scores ranged from 38% to 77%": two levels
    if (
        _PREVIOUS_BEFORE.search(before)
        or (re.search(r"\bfrom\s+$", before, re.I) and _FROM_TO.match(text[q.end : q.end + 40]))
        or _PREVIOUS_AFTER.match(text[q.end : q.end + 50])
        or _PREVIOUS_NAMED.search(before)
    ):
        return "previous"
    if _CHANGE_BEFORE.search(before):
        return "change"
    if (
        _AVERAGE_BEFORE.search(before)
        or _AVERAGE_AFTER.match(text[q.end : q.end + 30])
        or _NATION_AFTER.match(text[q.end : q.end + 40])
    ):
        return "average"
    if q.unit in ("count", "number") and q.total is None and _AREAS_AFTER.match(text[q.end :]):
        return "areas"
    year = _YEAR_AFTER.match(text[q.end : q.end + 20])
    if year:
        return f"year:{year.group(1)}"
    return None


def numbers_in(text: str) -> list[Quantity]:
    """The quantities ``text`` asserts (years, section numbers and citation marks left out)."""
    return [q for q in scan(text) if q.kind == "quantity" and not _is_idiom(text, q)]


_IDIOMS = re.compile(
    r"\b(?:no one|one of (?:the )?(?:two|three) electronic|one-off|at one|one or two|"
    r"one another|any one|each one|this one|that one|the one)\b",
    re.IGNORECASE,
)


def _is_idiom(text: str, q: Quantity) -> bool:
    """A lone spelled 'one' in an idiom ("no one", "the one case") carries no figure."""
    if not (q.word and q.unit == "count" and q.total is None and q.value == 1):
        return False
    window = text[max(0, q.start - 4) : q.end + 8]
    return bool(_IDIOMS.search(window)) or q.text.lower() in ("a", "an")


def is_salient(q: Quantity) -> bool:
    """Whether a quantity is worth checking on its own (a lone spelled 'one' is not)."""
    return not (q.word and q.unit == "count" and q.total is None and q.value <= 1)


# --- comparing a claimed quantity with a stored one ------------------------------------------

_EXACT_FRACTIONS_EPS = 1e-9


@dataclass(frozen=True)
class Interval:
    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def contains(self, other: Interval) -> bool:
        lo_ok = other.lo > self.lo or (other.lo == self.lo and (not self.lo_open or other.lo_open))
        hi_ok = other.hi < self.hi or (other.hi == self.hi and (not self.hi_open or other.hi_open))
        return lo_ok and hi_ok

    def disjoint(self, other: Interval) -> bool:
        if self.hi < other.lo or other.hi < self.lo:
            return True
        if self.hi == other.lo and (self.hi_open or other.lo_open):
            return True
        return other.hi == self.lo and (other.hi_open or self.lo_open)


def unit_class(q: Quantity) -> str:
    """Quantities of the same class can be compared: pct, num (with per-unit), year, ref."""
    if q.unit in ("%", "fraction"):
        return "pct"
    if q.unit.startswith("per "):
        return q.unit
    if q.unit in ("count", "number"):
        return "num"
    return q.unit


def comparable(a: Quantity, b: Quantity) -> bool:
    ca, cb = unit_class(a), unit_class(b)
    if ca == cb:
        return True
    # "38 per 1,000 ... the average of 46": a bare number may stand for a rate.
    return {ca, cb} <= {"num", "per 1,000", "per 100", "per 10,000", "per 100,000"} and "num" in (
        ca,
        cb,
    )


def _scaled(q: Quantity) -> float:
    return q.percent() if unit_class(q) == "pct" else q.value


def _tolerance(q: Quantity) -> float:
    v = abs(_scaled(q))
    return max(3.0, 0.05 * v) if unit_class(q) == "pct" else max(1.0, 0.05 * v)


def _is_inexact(q: Quantity) -> bool:
    """A fraction such as two thirds has no exact whole-percent value."""
    if q.unit != "fraction":
        return False
    v = q.percent()
    return abs(v - round(v)) > _EXACT_FRACTIONS_EPS


def interval(q: Quantity) -> Interval:
    """The range of values a (possibly qualified) quantity allows."""
    v = _scaled(q)
    half = 0.5 if _is_inexact(q) else 0.0
    tol = _tolerance(q) + half  # "nearly a third" (33.3...) reaches a whole 30%
    inf = math.inf
    match q.qualifier:
        case "<":
            return Interval(-inf, v, hi_open=True)
        case "<=":
            return Interval(-inf, v)
        case ">":
            return Interval(v, inf, lo_open=True)
        case ">=":
            return Interval(v, inf)
        case "~":
            return Interval(v - tol, v + tol)
        case "~<":
            return Interval(v - tol, v, hi_open=True)
        case "~>":
            return Interval(v, v + tol, lo_open=True)
        case "range":
            return Interval(v, q.upper if q.upper is not None else v)
        case _:
            return Interval(v - half, v + half)


def compare(claimed: Quantity, stored: Quantity) -> str | None:
    """'supported', 'contradicted' or 'unknown' for ``claimed`` against ``stored``.

    None when the two cannot be compared (a percentage against a count, say).
    """
    if not comparable(claimed, stored):
        return None
    if claimed.total is not None and stored.total is not None and claimed.total != stored.total:
        return "contradicted"
    if (
        claimed.unit == "fraction"
        and claimed.word
        and claimed.qualifier is None
        and stored.unit != "fraction"
    ):
        # "two in five" for 38%: a spoken fraction is a rounded figure.
        claimed = replace(claimed, qualifier="~")
    if claimed.qualifier is None and stored.qualifier is None:
        a, b = _scaled(claimed), _scaled(stored)
        if _is_inexact(claimed) or _is_inexact(stored):
            tol = 0.5
        elif claimed.decimals > stored.decimals and round(a, stored.decimals) != a:
            # "38.4%" for a stored 38%: the report's precision cannot tell; "38.5%" is not 38%.
            half = 0.5 * 10**-stored.decimals
            return "unknown" if b - half <= a < b + half else "contradicted"
        elif claimed.decimals < stored.decimals:
            # "11%" for a stored 11.2%: equal at the coarser precision.
            tol = 0.5 * 10**-claimed.decimals
        else:
            tol = 1e-9
        return "supported" if abs(a - b) <= tol else "contradicted"
    c, s = interval(claimed), interval(stored)
    if c.contains(s):
        return "supported"
    if c.disjoint(s):
        if claimed.qualifier in ("~", "~<", "~>") and _gap(c, s) <= _tolerance(claimed):
            # "just under 300,000" for 283,000: loose wording, neither clearly right nor wrong.
            return "unknown"
        return "contradicted"
    return "unknown"


def _gap(a: Interval, b: Interval) -> float:
    return max(b.lo - a.hi, a.lo - b.hi, 0.0)


def quantity_of(value: float, unit: str = "%", text: str | None = None) -> Quantity:
    """A stored value as a Quantity, e.g. a Score's percentage."""
    shown = text if text is not None else format_value(value, unit)
    dec = _decimals(f"{value:g}") if not float(value).is_integer() else 0
    return Quantity(shown, 0, len(shown), float(value), unit, decimals=dec)


def format_value(value: float, unit: str = "%") -> str:
    v = f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"
    if unit == "%":
        return f"{v}%"
    if unit.startswith("per "):
        return f"{v} {unit}"
    return v


# --- bands -------------------------------------------------------------------------------------

_BAND_RE = re.compile(r"\b(minimum|minimal|moderate|substantial|drastic)\b", re.IGNORECASE)
_BAND_CONTEXT = re.compile(
    r"\b(improv\w*|band\w*|rated|rating|judged|comment|categor\w*|required|requires?|needs?|"
    r"needed|calls? for|called for)\b",
    re.IGNORECASE,
)
_BAND_NORMAL = {"minimal": "MINIMUM"}


@dataclass(frozen=True)
class BandMention:
    band: str  # one of ingest.model.BANDS
    start: int
    end: int


def bands_in(text: str) -> list[BandMention]:
    """Band words used as bands ("substantial improvement"), not as ordinary adjectives."""
    if not _BAND_CONTEXT.search(text):
        return []
    out = []
    for m in _BAND_RE.finditer(text):
        word = m.group(1).lower()
        after = text[m.end() : m.end() + 30].lower()
        before = text[max(0, m.start() - 12) : m.start()].lower()
        # "keep to a minimum", "a substantial change": ordinary English, not a band.
        if word == "minimum" and re.search(r"(to|at) (a |the )?$", before):
            continue
        if re.match(r"\s+(change|number|proportion|amount|progress|part|risk)", after):
            continue
        out.append(BandMention(_BAND_NORMAL.get(word, word.upper()), m.start(), m.end()))
    return out

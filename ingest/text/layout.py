"""Line and paragraph handling over raw report text, and the small pure cleaning functions.

Everything here keeps offsets into the raw text, so that any cleaned piece can still be
cited by an exact raw quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string."""
    return frozenset(words.split())


def word_list(words: str) -> list[str]:
    return words.split()


# OCR renders bullets as stray symbols or letters; these are dropped at a paragraph's start.
_BULLET_SYMBOLS = "&@®•·*»▪◦■□©!~-–—"
_BULLET_RE = re.compile(
    r"^(?:[" + re.escape(_BULLET_SYMBOLS) + r"](?:\s*[" + re.escape(_BULLET_SYMBOLS) + r"])*\s+"
    r"|[eo]\s+(?=\w)"  # a lone 'e' or 'o' is never an English word: a misread bullet
    r"|3\s+(?=[A-Z])"  # '3' before a capitalised word: a misread bullet, not a count
    r")"
)
_PERCENT_RE = re.compile(r"(\d)\s*%+")
_SLASH_SPACE_RE = re.compile(r"(\w)/ (?=\w)")
_OCR_WORDS = {"YIB": "YJB"}  # J read as I: the only OCR confusion common enough to fix
_OCR_WORD_RE = re.compile(r"\b(" + "|".join(_OCR_WORDS) + r")\b")
_TERMINAL_RE = re.compile(r"[.!?:;][\"'”’)\]]*$")
_BROKEN_WORD_RE = re.compile(r"[A-Za-z]-")
# How much of a passage's end decides whether it is terminated: the end of a sentence and a
# few closing quotes or brackets (looking at all of a long passage for each line is quadratic).
_TAIL = 64
_MARKER_ONLY_RE = re.compile(r"^(?:[-*•]\s+)?(?:\(\s*\d{0,2}\s*\)\s*)+$")
_MARKER_RE = re.compile(r"\(\s*(\d{0,2})\s*\)")

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_YEAR_RE = re.compile(r"\b(" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)\b")

# Words after which a paragraph cannot have ended, even across a blank line.
_OPEN_ENDINGS = word_set(
    "a an the and or of to in on at by for from with that which as than into its their "
    "his her our under between also see"
)
_SMALL_WORDS = word_set("a an and as at by for from in into of on or the to with")


@dataclass(frozen=True)
class Line:
    """One line of raw text, stripped, with its offsets in the raw text."""

    index: int
    start: int  # offset of the first non-space character (or of the line when blank)
    end: int  # offset just after the last non-space character
    text: str  # the stripped raw line
    indented: bool  # the raw line began with whitespace: a page break in the PDF extraction

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def plain(self) -> str:
        """The text without Markdown heading marks (`## Foreword`, `**Strengths:**`)."""
        return plain_heading(self.text)


_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"^(\*\*|__)(.+?)\1(:?)$")


def wrap_width(lines: list[Line], floor: int) -> int:
    """The width at which the text wraps: the 90th-percentile line length, at least ``floor``."""
    lengths = sorted(len(ln.text) for ln in lines if ln.text)
    return max(lengths[int(len(lengths) * 0.9)] if lengths else 0, floor)


def plain_heading(s: str) -> str:
    """`## 1.1 Risk of Harm:` -> `1.1 Risk of Harm:`; `**Score:**` -> `Score:`."""
    s = _MD_HEADING.sub("", s.strip())
    m = _MD_EMPHASIS.match(s)
    return (m.group(2) + m.group(3)).strip() if m else s


def split_lines(text: str) -> list[Line]:
    """Split raw text into stripped lines that remember their offsets."""
    lines: list[Line] = []
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        start = pos + lead if stripped else pos
        lines.append(Line(i, start, start + len(stripped), stripped, lead > 0 and bool(stripped)))
        pos += len(raw) + 1
    return lines


# Page furniture: a lone page number ("7", "Page 7 of 24", "- 7 -") on a line of its own.
_PAGE_NUMBER_RE = re.compile(
    r"^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$|^[-–—]\s*\d{1,3}\s*[-–—]$", re.I
)
# A running header or footer: words with the page number before or after them.
_RUNNING_RE = re.compile(r"^(\d{1,3})\s+(\D.*)$|^(.*\S)\s+(\d{1,3})$")


def normalise_breaks(text: str) -> str:
    """The text with the same length and offsets and only newlines breaking lines: the CR of
    Windows line ends and form feeds become spaces, a lone (old Mac) CR becomes a newline."""
    return text.replace("\r\n", " \n").replace("\r", "\n").replace("\f", " ")


def page_furniture(lines: list[Line], page_edges: set[int] | None = None) -> set[int]:
    """Indices of lines that are page furniture rather than content: lone page numbers, and
    running headers or footers. A header is the same words on several lines with different
    page numbers, or the same unnumbered line repeated at two or more page edges
    (`page_edges`: indices of the first and last lines of pages)."""
    noise: set[int] = set()
    numbered: dict[str, list[tuple[int, str]]] = {}
    repeated: dict[str, list[int]] = {}
    for k, line in enumerate(lines):
        t = line.text
        if not t:
            continue
        if _PAGE_NUMBER_RE.match(t):
            noise.add(k)
            continue
        key = " ".join(t.split()).lower()
        if len(key.split()) >= 4 and not is_terminated(key):
            repeated.setdefault(key, []).append(k)
        m = _RUNNING_RE.match(t)
        if m:
            number = m.group(1) or m.group(4)
            words = " ".join((m.group(2) or m.group(3)).split())
            if (
                len(words.split()) >= 3
                and words[0].isupper()  # "Sefton YOT ...", never "per cent MODERATE ..."
                and "%" not in words
                and not re.search(r"improvement\s+required", words, re.I)
                and not is_terminated(words)
            ):
                numbered.setdefault(words.lower(), []).append((k, number))
    for hits in numbered.values():
        if len(hits) >= 2 and len({n for _, n in hits}) >= 2:
            noise.update(k for k, _ in hits)
    if page_edges:
        for ks in repeated.values():
            if len(ks) >= 2 and sum(k in page_edges for k in ks) >= 2:
                noise.update(k for k in ks if k in page_edges)
    return noise


def mask_lines(text: str, lines: list[Line], drop: set[int]) -> str:
    """`text` with the dropped lines' characters replaced by spaces (offsets unchanged)."""
    if not drop:
        return text
    parts: list[str] = []
    pos = 0
    for k in sorted(drop):
        line = lines[k]
        parts.append(text[pos : line.start])
        parts.append(" " * (line.end - line.start))
        pos = line.end
    parts.append(text[pos:])
    return "".join(parts)


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Group lines into paragraphs separated by blank lines."""
    out: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.blank:
            if current:
                out.append(current)
                current = []
        else:
            current.append(line)
    if current:
        out.append(current)
    return out


def strip_bullet(s: str) -> str:
    """Remove OCR bullet junk (`&`, `3`, `@`, `®`, `e`, `•` ...) from the start of a paragraph."""
    s = s.lstrip()
    while True:
        m = _BULLET_RE.match(s)
        if not m:
            return s
        s = s[m.end() :]


def normalise_percent(s: str) -> str:
    """`42%%` and `68 %` become `42%` and `68%`."""
    return _PERCENT_RE.sub(r"\1%", s)


def fix_ocr_words(s: str) -> str:
    """Fix OCR misreadings common enough to be safe (`YIB` for `YJB`)."""
    return _OCR_WORD_RE.sub(lambda m: _OCR_WORDS[m.group(1)], s)


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines with single spaces; a word broken at a hyphen is rejoined."""
    out = ""
    for raw in lines:
        part = " ".join(raw.split())
        if not part:
            continue
        # "well-\nbeing": keep the hyphen (it may be a real compound) but drop the break.
        # Only the joined text's last two characters are looked at: a search of all of it
        # for every line would be quadratic.
        if out and _BROKEN_WORD_RE.fullmatch(out[-2:]) and part[0].islower():
            out += part
        elif out:
            out += " " + part
        else:
            out = part
    return out


def clean_text(raw: str) -> str:
    """Cleaned form of a raw passage: lines joined, bullet junk, percent and OCR noise fixed."""
    text = join_lines(raw.split("\n"))
    text = strip_bullet(text)
    text = normalise_percent(text)
    text = _SLASH_SPACE_RE.sub(r"\1/", text)
    return fix_ocr_words(text).strip()


def is_terminated(s: str) -> bool:
    """True when a passage ends like a finished sentence (or a heading-like colon)."""
    return bool(_TERMINAL_RE.search(s.rstrip()[-_TAIL:]))


def ends_open(s: str) -> bool:
    """True when a passage stops on a word that cannot end a sentence (`the`, `and`, `to`)."""
    s = s.rstrip()[-_TAIL:]
    if not s or is_terminated(s):
        return False
    last_word = re.sub(r"\W+$", "", s.split()[-1]).lower()
    return last_word in _OPEN_ENDINGS or s.endswith("-")


def continues(previous: str, following: str) -> bool:
    """True when `following` is the rest of `previous`, broken by a blank line or page break."""
    prev = previous.rstrip()
    nxt = strip_bullet(following)
    if not prev or not nxt or is_terminated(prev) or nxt != following.strip():
        return False  # a bulleted paragraph is a new item, whatever came before
    return nxt[0].islower() or ends_open(prev)


def is_marker_only(s: str) -> bool:
    """A line holding only list numbers such as `(1) (2)` or `()`."""
    return bool(_MARKER_ONLY_RE.match(s.strip()))


def markers(s: str) -> list[int | None]:
    """The printed numbers of a marker-only line; `()` gives None."""
    return [int(n) if n else None for n in _MARKER_RE.findall(s)]


# "R3" (a recommendation's number with its letter) opens an item as "3." does.
_LEAD_RE = re.compile(
    r"\s*(?:[-*•]\s+)?(?:\(\s*(\d{0,2})\s*\)|(\d{1,2})[.)](?=\s+[A-Za-z\d“‘\"'])"
    r"|R(\d{1,2})[.):]?(?=\s+[A-Za-z“‘\"']))\s*"
)
# A bullet opening a list item: printed symbols, and the letters and signs OCR reads them as.
_LIST_BULLET_RE = re.compile(r"[•●▪◦■□·*»–—&@®-]\s+|[oe]\s+(?=[\w“‘\"'])")


def leading_marker(s: str) -> tuple[int | None, int] | None:
    """`(5) The initial...` or `5. The initial...` -> (5, offset of the text after the
    marker); `()` gives None for the number; None if the line has no list number."""
    m = _LEAD_RE.match(s)
    if not m:
        return None
    number = next((g for g in m.groups() if g is not None), None)
    return (int(number) if number else None, m.end())


def leading_bullet(s: str) -> int | None:
    """Offset of the text after a bullet (`•`, `-`, `o`, OCR's `&`...) opening `s`, or None."""
    stripped = s.lstrip()
    m = _LIST_BULLET_RE.match(stripped)
    return len(s) - len(stripped) + m.end() if m else None


def title_case(s: str) -> str:
    """`ASSESSMENT AND SENTENCE PLANNING` -> `Assessment and Sentence Planning`."""
    words = s.split()
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        out.append(lw if i and lw in _SMALL_WORDS else lw[:1].upper() + lw[1:])
    return " ".join(out)


def slug(s: str) -> str:
    """`Wessex Vale` -> `wessex-vale`."""
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")

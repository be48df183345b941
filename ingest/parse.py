"""Parse the text of a Core Case Inspection report into a `Report` (pure, no I/O).

The text is cut into regions at the report's headings (Foreword, Scoring and Summary
Table, Recommendations, the numbered sections and criteria, the appendices); each region is
parsed by its own small function. Every cited object keeps an exact raw quote and offset.

What is read is a "view" of the text with the same length and offsets: Windows line ends
and form feeds become spaces, and page furniture (page numbers, running headers and footers)
is blanked out, so it never enters an item, a definition or a fact, while quotes are still
cut from the text as given. Headings are recognised by their shape and place, not their
exact wording: a contents page, ALL-CAPS or title-case headings, bullets or numbers, and
scores printed on one line or two are all read the same way.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import deque
from dataclasses import dataclass, field

from ingest.facts import Passage, extract_facts
from ingest.glossary import parse_glossary
from ingest.model import (
    BANDS,
    Criterion,
    GlossaryEntry,
    Item,
    Paragraph,
    Report,
    Score,
    Section,
    Source,
)
from ingest.text.layout import (
    MONTH_YEAR_RE,
    Line,
    clean_text,
    continues,
    ends_open,
    is_marker_only,
    is_terminated,
    leading_bullet,
    leading_marker,
    markers,
    mask_lines,
    normalise_breaks,
    page_furniture,
    paragraphs,
    slug,
    split_lines,
    strip_bullet,
    title_case,
    word_set,
    wrap_width,
)


class NotAReportError(ValueError):
    """The text is not an inspection report in the Core Case Inspection format."""


_BAND_ALT = "|".join(BANDS)
# A percentage as printed: "42%", "42%%", "68 %", "71 per cent".
_PCT = r"(\d{1,3})\s*(?:%+|per\s*cent\b|percent\b)"
# "38% DRASTIC improvement required", "Score: 71% Comment: MINIMUM improvement required",
# "Score 59% (National average 68%) Comment: substantial improvement required".
_SCORE_LINE = re.compile(
    rf"^(?:Score\s*:?\s*)?{_PCT}\s*(?:\([^)]*\)\s*)?(?:Comment\s*:?\s*)?({_BAND_ALT})\b"
    r"(?:\s+improvement\s+required)?",
    re.I,
)
# A headline score named on its own line: "Safeguarding: 59% SUBSTANTIAL improvement required".
_NAMED_SCORE = re.compile(
    rf"^([A-Za-z][^%\d]{{2,90}}?)\s*[:–—-]?\s+(?:Score\s*:?\s*)?{_PCT}\s*(?:\([^)]*\)\s*)?"
    rf"(?:Comment\s*:?\s*)?({_BAND_ALT})\b",
    re.I,
)
# "Score: 58 per cent" on one line and "Comment: SUBSTANTIAL improvement required" on the next.
_SCORE_ONLY = re.compile(rf"^(?:Score\s*:?\s*)?{_PCT}\s*(?:\([^)]*\)\s*)?$", re.I)
_COMMENT_LINE = re.compile(
    rf"^(?:Comment\s*:?\s*({_BAND_ALT})\b|({_BAND_ALT})\s+improvement\s+required)", re.I
)
_CRITERION = re.compile(r"^(\d)\.(\d{1,2})\s+([A-Z(].{2,100}?)\s*:?\s*$")
_SECTION = re.compile(
    r"^(?:(?:Section|Part)\s+)?(?:(\d)\s*[.:]?\s+)?([A-Za-z][A-Za-z&,'’ -]{3,80})$", re.I
)
_APPENDIX = re.compile(r"^Appendix\s+\d+[a-z]?\s*[:.\-–—]?\s*(.*)$", re.I)
_OVERALL = re.compile(
    r"OVERALL\s+SCORE\s+for\s+(?:the\s+)?quality\s+of\s+(.+?)\s+work\s*:?\s*" + _PCT,
    re.I | re.S,
)
_MONTH_YEAR_LINE = re.compile(r"^" + MONTH_YEAR_RE.pattern + r"$")
_YEAR_LINE = re.compile(r"^((?:19|20)\d\d)(?:\s*ISBN\b.*)?$")
_FIELDWORK = re.compile(
    r"Fieldwork\s+for\s+this\s+(?:re-?)?inspection\s+(?:was\s+)?"
    r"(?:undertaken|carried\s+out|conducted|took\s+place)\s+"
    r"(?:in|during)\s+(?:the\s+(?:week|weeks|month)\s+of\s+)?" + MONTH_YEAR_RE.pattern,
    re.I,
)
_AREA_WORD = r"[A-Z][\w’'.-]*"
# The area's words; a line break inside them is checked in _area.
_AREA = re.compile(
    r"youth\s+offending\s+(?:work|services?)\s+in\s*:?\s+(?:the\s+)?"
    rf"({_AREA_WORD}(?:(?:\s+(?i:and|of|upon|on)\s+|\s+&\s+|\s+){_AREA_WORD})*)"
)
_AREA_FALLBACK = re.compile(
    r"\b([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)\s+(?:YOT|YOS|Youth\s+Offending\s+(?:Team|Service))\b"
)
_NOT_AREA = word_set("The This That A An Each Every Our Their Its Local")
# "youth offending work in England and Wales" names the programme, not the area inspected.
_COUNTRIES = frozenset({"england", "wales", "england and wales", "england & wales"})
# Labels inside a criterion or a report part: never a section heading.
_LABEL = re.compile(
    r"(?:strengths?|areas?\s+for\s+improvement|general\s+criterion|score|comment|"
    r"recommendations?|next\s+steps|contents|foreword|overall|commentary|appendix)\b",
    re.I,
)
_TOC_ENTRY = re.compile(r"(?<![.…])(?:\.{2,}+|…++)\s*+\d{1,3}$|\S\s++\d{1,3}$")
_SUBHEADING_MAX_WORDS = 6


@dataclass
class _Region:
    kind: str
    head: int  # index of the heading line
    body: int  # index of the first line after the heading
    end: int = 0  # index after the last line of the region
    data: dict = field(default_factory=dict)


@dataclass
class _Ctx:
    text: str  # the report text as given: every quote is cut from it
    view: str  # the same text, same offsets, page furniture blanked: what is read and cleaned
    lines: list[Line]  # content lines of `view` (page furniture left out)
    page_starts: list[int] | None
    wrap_width: int = 80  # the length most full lines reach: what "a short line" is against

    def source(self, section: str, heading: str, start: int, end: int) -> Source:
        quote = self.text[start:end]
        lead = len(quote) - len(quote.lstrip())
        quote = quote.strip()
        start += lead
        page = None
        if self.page_starts:
            page = max(bisect.bisect_right(self.page_starts, start), 1)
        return Source(section=section, heading=heading, quote=quote, start=start, page=page)

    def raw(self, start: int, end: int) -> str:
        return self.view[start:end]


# --- headings --------------------------------------------------------------------------


def _next_nonblank(lines: list[Line], i: int, count: int = 1) -> list[Line]:
    out = []
    for line in lines[i + 1 :]:
        if not line.blank:
            out.append(line)
            if len(out) == count:
                break
    return out


def _appendix_kind(title: str) -> str:
    t = title.lower()
    if "context" in t:
        return "context"
    if "inspection data" in t:
        return "inspection-data"
    if "glossary" in t:
        return "glossary"
    return "appendix"


def _continues_sentence(lines: list[Line], i: int) -> bool:
    """True when line i carries on the sentence of the line just above it: not a heading."""
    return i > 0 and not lines[i - 1].blank and ends_open(lines[i - 1].text)


def _score_at(lines: list[Line], k: int) -> tuple[int, int, int, str] | None:
    """The score printed at line k: (first line, last line, percent, band), or None."""
    t = lines[k].plain
    m = _SCORE_LINE.match(t)
    if m:
        return k, k, int(m.group(1)), m.group(2).upper()
    m = _SCORE_ONLY.match(t)
    if m:
        # the band on a following line, perhaps after a bare "Comment:" (a table read by
        # columns); only a band with "Comment" or "improvement required" counts
        for j in range(k + 1, min(k + 5, len(lines))):
            if lines[j].blank or re.fullmatch(r"Comment\s*:?", lines[j].plain, re.I):
                continue
            c = _COMMENT_LINE.match(lines[j].plain)
            if c:
                return k, j, int(m.group(1)), (c.group(1) or c.group(2)).upper()
            break
    return None


def _find_score(lines: list[Line]) -> tuple[int, int, int, str] | None:
    return next((f for k in range(len(lines)) if (f := _score_at(lines, k))), None)


def _criterion_at(lines: list[Line], i: int) -> tuple[str, str] | None:
    """`1.1 Risk of Harm to others:` -> ("1.1", name), when a criterion's heading stands at i:
    it ends with a colon, or General Criterion or a score follows before the next criterion."""
    t = lines[i].plain
    c = _CRITERION.match(t)
    if not c or "%" in t or _continues_sentence(lines, i):
        return None
    name = c.group(3).rstrip(": ").strip()
    if name.isupper():
        name = title_case(name)
    number = f"{c.group(1)}.{c.group(2)}"
    if t.endswith(":"):
        return number, name
    following = _next_nonblank(lines, i)
    if following and following[0].plain.lower().startswith("general criterion"):
        return number, name
    for k in range(i + 1, min(len(lines), i + 40)):
        if _CRITERION.match(lines[k].plain):
            break
        if _score_at(lines, k):
            return number, name
    return None


def _section_at(lines: list[Line], i: int) -> tuple[int, str, int] | None:
    """A section heading at i (`ASSESSMENT AND SENTENCE PLANNING`, `2. Delivery and Review of
    Interventions`): (number, name, index of its first criterion). A section opens with its
    first criterion, x.1; an all-capitals heading may stand up to three lines above it."""
    t = lines[i].plain
    s = _SECTION.match(t)
    if not s or _SCORE_LINE.match(t) or _continues_sentence(lines, i):
        return None
    name = s.group(2).strip(" ,-")
    if _LABEL.match(name) or len(name.split()) > 8 or not name[:1].isupper():
        return None
    reach = 3 if name.isupper() else 1
    for k in range(i + 1, len(lines)):
        if lines[k].blank:
            continue
        reach -= 1
        c = _CRITERION.match(lines[k].plain)
        if c and c.group(2) == "1" and (s.group(1) in (None, c.group(1))):
            return int(c.group(1)), title_case(name), k
        if reach <= 0:
            return None
    return None


def _is_heading_text(t: str, max_words: int = 10) -> bool:
    return len(t.split()) <= max_words and not t.endswith(".") and not _TOC_ENTRY.search(t)


def _find_regions(lines: list[Line]) -> list[_Region]:
    regions: list[_Region] = []
    section_for: dict[int, int] = {}  # first-criterion line -> index of its section region
    skip_to = -1
    for i, line in enumerate(lines):
        t = line.plain
        bare_appendix = re.fullmatch(r"Appendix\s+\d+[a-z]?", t, re.I)
        if (
            not t
            or i <= skip_to
            or (_TOC_ENTRY.search(t) and not bare_appendix)
            or _continues_sentence(lines, i)
        ):
            continue
        m = _APPENDIX.match(t)
        if (m and _is_heading_text(m.group(1), 8) and not re.search(r"\.\s", m.group(1))) or (
            re.fullmatch(
                r"(?:Contextual information|Inspection data|Glossary(?: of terms)?)", t, re.I
            )
        ):
            title, body = (m.group(1) if m else t), i + 1
            nxt = next((j for j in range(i + 1, len(lines)) if not lines[j].blank), None)
            if bare_appendix and nxt is not None and _is_heading_text(lines[nxt].plain, 8):
                # "Appendix 2" with its title on the next line
                title, body, skip_to = lines[nxt].plain, nxt + 1, nxt
                t = f"{t}: {title}"
            regions.append(_Region(_appendix_kind(title), i, body, data={"title": t}))
            continue
        if re.fullmatch(r"Foreword:?", t, re.I):
            regions.append(_Region("foreword", i, i + 1))
        elif re.match(r"Scoring\b.*Summary\s+Table", t, re.I) and _is_heading_text(t):
            regions.append(_Region("summary", i, i + 1))
        elif re.match(r"Recommendations\b\s*(?:$|[(:])", t, re.I) and len(t) < 120:
            regions.append(_Region("recommendations", i, i + 1, data={"title": t}))
        elif re.fullmatch(r"Next\s+steps:?", t, re.I):
            regions.append(_Region("next-steps", i, i + 1))
        elif re.match(r"Service\s+users.{0,3}\s*perspective", t, re.I) and _is_heading_text(t):
            regions.append(_Region("service-users", i, i + 1))
        elif re.match(r"OVERALL\s+SCORE\b", t, re.I):
            regions.append(_Region("overall", i, i + 1))
        elif re.match(r"COMMENTARY\b", t) or re.match(r"Commentary\s+on\b", t, re.I):
            regions.append(_Region("commentary", i, i + 1))
        elif crit := _criterion_at(lines, i):
            regions.append(
                _Region("criterion", i, i + 1, data={"number": crit[0], "name": crit[1]})
            )
        elif sec := _section_at(lines, i):
            number, name, first = sec
            region = _Region("section", i, i + 1, data={"number": number, "name": name})
            if first in section_for:
                # the heading nearest its first criterion wins
                regions[section_for[first]] = region
            else:
                section_for[first] = len(regions)
                regions.append(region)
    for k, region in enumerate(regions):
        region.end = regions[k + 1].head if k + 1 < len(regions) else len(lines)
    return _drop_contents_and_duplicates(lines, regions)


_SINGLE_KINDS = frozenset(
    {"foreword", "summary", "recommendations", "next-steps", "service-users"}
    | {"context", "inspection-data", "glossary"}
)


def _drop_contents_and_duplicates(lines: list[Line], regions: list[_Region]) -> list[_Region]:
    """A contents page names the report's parts before they come: appendices listed before
    the first criterion are dropped, and of a part named twice the fuller one is kept.
    Everything after the first real appendix belongs to the appendices."""
    first_criterion = next((r.head for r in regions if r.kind == "criterion"), -1)
    kept: list[_Region] = []
    in_appendix = False
    for r in regions:
        appendix = r.kind in ("context", "inspection-data", "glossary", "appendix")
        if appendix and r.head < first_criterion:
            continue
        if in_appendix and not appendix:
            continue
        in_appendix = in_appendix or appendix
        kept.append(r)

    def size(r: _Region) -> int:
        return sum(1 for ln in lines[r.body : r.end] if not ln.blank)

    best: dict[str, _Region] = {}
    for r in kept:
        if r.kind in _SINGLE_KINDS and (r.kind not in best or size(r) > size(best[r.kind])):
            best[r.kind] = r
    return [r for r in kept if r.kind not in _SINGLE_KINDS or best[r.kind] is r]


# --- paragraphs ------------------------------------------------------------------------


def _is_subheading(para: list[Line]) -> bool:
    t = para[0].plain
    return (
        len(t.split()) <= _SUBHEADING_MAX_WORDS
        and len(t) < 45
        and not is_terminated(t)
        and t[0].isupper()
        and not re.search(r"\d", t)
        and (len(para) == 1 or para[1].text[:1].isupper())
    )


def _running_paragraphs(
    ctx: _Ctx, lines: list[Line], section: str, heading: str, subheadings: bool = False
) -> list[Paragraph]:
    """Paragraphs of running text; a paragraph broken by a blank line or page break is rejoined."""
    merged: list[tuple[int, int, str, str]] = []  # start, end, cleaned, heading
    current_heading = heading
    for para in _split_short_lines(paragraphs(lines), ctx.wrap_width):
        if subheadings and _is_subheading(para):
            current_heading = para[0].plain
            para = para[1:]
            if not para:
                continue
        start, end = para[0].start, para[-1].end
        cleaned = clean_text(ctx.raw(start, end))
        if not cleaned:
            continue
        if merged and continues(merged[-1][2], ctx.raw(start, end)):
            s, _, prev, h = merged[-1]
            merged[-1] = (s, end, prev + " " + cleaned, h)
        else:
            merged.append((start, end, cleaned, current_heading))
    return [Paragraph(c, ctx.source(section, h, s, e)) for s, e, c, h in merged]


# --- numbered lists --------------------------------------------------------------------


@dataclass
class _DraftItem:
    number: int | None
    parts: list[tuple[int, int]]


def _is_lead_in(text: str) -> bool:
    """`Furthermore:` between numbered recommendations introduces the next ones."""
    return bool(re.fullmatch(r"[A-Z][^.:()]{0,40}:", text))


def _split_at_markers(paras: list[list[Line]]) -> list[list[Line]]:
    """List numbers and bullets start paragraphs, blank line or not: a line of bare numbers
    stands alone, and `(5) The initial ...` or `• The initial ...` opens a new item unless
    the line before stops mid-phrase."""
    out: list[list[Line]] = []
    for para in paras:
        current: list[Line] = []
        for line in para:
            bare = is_marker_only(line.text) or _is_lead_in(line.text)
            numbered = not bare and (
                leading_marker(line.text) is not None or leading_bullet(line.text) is not None
            )
            after_bare = bool(current) and (
                is_marker_only(current[-1].text) or _is_lead_in(current[-1].text)
            )
            if current and (bare or after_bare or (numbered and not ends_open(current[-1].text))):
                out.append(current)
                current = []
            current.append(line)
        if current:
            out.append(current)
    return out


def _paragraph_ends(lines: list[Line], width: int) -> list[int]:
    """Indices of lines that end a paragraph although no blank line follows: a finished
    sentence before a new one, on a line that stopped short of the wrap width (much shorter,
    or short enough that the next line's first word would have fitted on it); or the line
    before a bullet."""
    ends = []
    for k in range(len(lines) - 1):
        t, following = lines[k].text, lines[k + 1].text
        nxt = strip_bullet(following)
        if not nxt:
            continue
        if nxt != following:  # a bullet opens the next line
            if not ends_open(t):
                ends.append(k)
            continue
        if not is_terminated(t) or nxt[0].islower():
            continue
        if len(t) < 0.8 * width or len(t) + 1 + len(nxt.split()[0]) <= width:
            ends.append(k)
    return ends


def _split_short_lines(paras: list[list[Line]], width: int) -> list[list[Line]]:
    out: list[list[Line]] = []
    for para in paras:
        start = 0
        for k in _paragraph_ends(para, width):
            out.append(para[start : k + 1])
            start = k + 1
        out.append(para[start:])
    return out


def _resplit(run: list[list[Line]], wanted: int) -> list[list[Line]]:
    """Split a run of text paragraphs into `wanted` paragraphs (one per printed number) at the
    shortest lines that end a sentence: text extracted without blank lines between items."""
    lines = [line for para in run for line in para]
    bounds = set()
    k = 0
    for para in run[:-1]:
        k += len(para)
        bounds.add(k - 1)
    candidates = [
        i
        for i in range(len(lines) - 1)
        if i not in bounds
        and is_terminated(lines[i].text)
        and not strip_bullet(lines[i + 1].text)[:1].islower()
    ]
    candidates.sort(key=lambda i: (len(lines[i].text), i))
    bounds.update(candidates[: max(wanted - len(run), 0)])
    out: list[list[Line]] = []
    start = 0
    for i in sorted(bounds):
        out.append(lines[start : i + 1])
        start = i + 1
    out.append(lines[start:])
    return out


def _list_paragraphs(lines: list[Line]) -> list[list[Line]]:
    paras = _split_at_markers(paragraphs(lines))
    out: list[list[Line]] = []
    i = 0
    while i < len(paras):
        if not is_marker_only(paras[i][0].text):
            out.append(paras[i])
            i += 1
            continue
        count = 0
        while i < len(paras) and is_marker_only(paras[i][0].text):
            count += len(markers(paras[i][0].text))
            out.append(paras[i])
            i += 1
        run: list[list[Line]] = []
        while (
            i < len(paras)
            and not is_marker_only(paras[i][0].text)
            and leading_marker(paras[i][0].text) is None
        ):
            run.append(paras[i])
            i += 1
        out += _resplit(run, count) if run and len(run) < count else run
    return out


def _parse_list(ctx: _Ctx, lines: list[Line]) -> list[_DraftItem]:
    """List items, whether numbered inline, numbered in a block before the texts, bulleted,
    or (in a list with neither numbers nor bullets) one plain paragraph each."""
    items: list[_DraftItem] = []
    pending: deque[int | None] = deque()
    paras = _list_paragraphs(lines)
    marked = any(
        leading_marker(p[0].text) is not None or leading_bullet(p[0].text) is not None
        for p in paras
    )
    for para in paras:
        if all(is_marker_only(line.text) for line in para):
            for line in para:
                pending.extend(markers(line.text))
            continue
        lead = leading_marker(para[0].text)
        if lead is not None:
            number, offset = lead
            start = para[0].start + offset
            if start >= para[0].end:
                start = para[1].start
            pending.clear()
            items.append(_DraftItem(number, [(start, para[-1].end)]))
            continue
        bullet = leading_bullet(para[0].text)
        if bullet is not None:
            start = para[0].start + bullet
            number = pending.popleft() if pending else None
            items.append(_DraftItem(number, [(start, para[-1].end)]))
            continue
        start, end = para[0].start, para[-1].end
        raw = ctx.raw(start, end)
        previous = ctx.raw(*items[-1].parts[-1]) if items else ""
        lead_in = raw.rstrip().endswith(":")
        if items and continues(previous, raw):
            items[-1].parts.append((start, end))
        elif pending:
            items.append(_DraftItem(pending.popleft(), [(start, end)]))
        elif not marked and not lead_in:
            items.append(_DraftItem(None, [(start, end)]))
        elif items and not lead_in:
            items[-1].parts.append((start, end))  # a further paragraph of a marked item
        # otherwise a lead-in such as "Furthermore:" that belongs to no item
    return items


def _items(ctx: _Ctx, lines: list[Line], section: str, heading: str) -> list[Item]:
    out = []
    for position, draft in enumerate(_parse_list(ctx, lines), start=1):
        text = " ".join(clean_text(ctx.raw(s, e)) for s, e in draft.parts)
        start, end = draft.parts[0][0], draft.parts[-1][1]
        out.append(Item(draft.number, position, text, ctx.source(section, heading, start, end)))
    return out


# --- regions ---------------------------------------------------------------------------


def _headline_key(name: str) -> tuple[str, str] | None:
    n = name.lower()
    if "safeguarding" in n:
        return "safeguarding", "Safeguarding"
    if "harm" in n:
        return "risk-of-harm", "Risk of Harm"
    if "reoffending" in n or "re-offending" in n:
        return "likelihood-of-reoffending", "Likelihood of Reoffending"
    return None


_NOT_HEADLINE = re.compile(r"(?:This|These|That|We|It|The|In|Our|A|An)\b")


def _headline_heading(lines: list[Line], k: int) -> str | None:
    """The name of a headline score when line k heads one: `Safeguarding score:`, or a short
    heading-like line naming Safeguarding, Risk of Harm or Likelihood of Reoffending."""
    t = lines[k].plain
    if re.search(r"\bscore:?$", t, re.I) and not t.lower().startswith("score"):
        return t.rstrip(":")
    if (
        _headline_key(t)
        and t[:1].isupper()
        and not _NOT_HEADLINE.match(t)
        and len(t.split()) <= 12
        and (t.endswith(":") or not is_terminated(t))
        and (k == 0 or lines[k - 1].blank or is_terminated(lines[k - 1].text))
    ):
        return t.rstrip(":")
    return None


def _headline_scores(ctx: _Ctx, lines: list[Line]) -> list[Score]:
    scores: list[Score] = []
    heading: str | None = None
    seen: set[str] = set()
    skip_to = -1
    for k, line in enumerate(lines):
        if line.blank or k <= skip_to:
            continue
        found = _score_at(lines, k)
        if found:
            first, last, value, band = found
            skip_to = last
            key = _headline_key(heading) if heading else None
            if key and key[0] not in seen:
                seen.add(key[0])
                src = ctx.source("summary", heading or "", lines[first].start, lines[last].end)
                scores.append(Score(key[0], key[1], value, band, "headline", src))
            heading = None
            continue
        inline = _NAMED_SCORE.match(line.plain)
        key = _headline_key(inline.group(1)) if inline else None
        if inline and key and key[0] not in seen:
            seen.add(key[0])
            name = inline.group(1).strip(" :–—-")
            src = ctx.source("summary", name, line.start, line.end)
            value, band = int(inline.group(2)), inline.group(3).upper()
            scores.append(Score(key[0], key[1], value, band, "headline", src))
            heading = None
            continue
        named = _headline_heading(lines, k)
        if named:
            heading = named
    return scores


def _criterion(ctx: _Ctx, region: _Region) -> Criterion | None:
    number, name = region.data["number"], region.data["name"]
    title = f"{number} {name}"
    body = ctx.lines[region.body : region.end]
    found = _find_score(body)
    if not found:
        return None
    first, last, value, band = found
    score = Score(
        key=number,
        name=title,
        value=value,
        band=band,
        kind="criterion",
        source=ctx.source(number, title, body[first].start, body[last].end),
    )

    def find(pattern: str) -> int | None:
        return next((k for k, ln in enumerate(body) if re.fullmatch(pattern, ln.plain, re.I)), None)

    general = find(r"General\s+Criterion:?")
    score_head = find(r"Score:?(?:\s+Comment:?)?")
    strengths = find(r"Strengths?:?")
    areas = find(r"Areas?\s+for\s+improvement:?")
    general_text = ""
    stop = score_head if score_head is not None and score_head < first else first
    if general is not None and general < stop:
        general_text = clean_text("\n".join(ln.text for ln in body[general + 1 : stop] if ln.text))
    elif general is None:
        # no label: the criterion's wording stands between its heading and its score
        general_text = clean_text("\n".join(ln.text for ln in body[:stop] if ln.text))
    strength_items: list[Item] = []
    area_items: list[Item] = []
    if strengths is not None:
        stop = areas if areas is not None and areas > strengths else len(body)
        label = body[strengths].plain.rstrip(":")
        strength_items = _items(ctx, body[strengths + 1 : stop], number, f"{title}: {label}")
    if areas is not None:
        stop = strengths if strengths is not None and strengths > areas else len(body)
        label = body[areas].plain.rstrip(":")
        area_items = _items(ctx, body[areas + 1 : stop], number, f"{title}: {label}")
    return Criterion(number, name, general_text, score, strength_items, area_items)


def _overall(ctx: _Ctx, region: _Region, number: int, name: str) -> Score | None:
    start = ctx.lines[region.head].start
    end = ctx.lines[region.end - 1].end if region.end > region.head else start
    m = _OVERALL.search(ctx.view, start, end)
    if not m:
        return None
    section_name = name or title_case(" ".join(m.group(1).split()))
    return Score(
        key=f"overall-{number}",
        name=section_name,
        value=int(m.group(2)),
        band=None,
        kind="overall",
        source=ctx.source(str(number), f"Overall score: {section_name}", m.start(), m.end()),
    )


def _commentary_body(lines: list[Line]) -> list[Line]:
    """The commentary heading may wrap; its text starts after the line ending with a colon."""
    for k, line in enumerate(lines[:3]):
        if line.plain.endswith(":"):
            return lines[k + 1 :]
    return lines[1:]


def _recommendations(ctx: _Ctx, lines: list[Line]) -> list[Item]:
    out = []
    for item in _items(ctx, lines, "recommendations", "Recommendations"):
        m = re.match(r"^(.*\S)\s*\(([^()]+)\)\s*[.;]?\s*$", item.text, re.S)
        if m:
            item.text, item.owner = m.group(1).rstrip(" ,;"), " ".join(m.group(2).split())
        out.append(item)
    return out


def _foreword(ctx: _Ctx, lines: list[Line]) -> tuple[list[Paragraph], str | None, str | None]:
    """Foreword paragraphs, publication month and signatory (the name and role lines above
    the date)."""
    published = signatory = None
    skip: set[int] = set()
    date = next((k for k, ln in enumerate(lines) if _MONTH_YEAR_LINE.match(ln.plain)), None)
    if date is not None:
        published = lines[date].plain
        skip.add(date)
        k = date - 1
        while k >= 0 and lines[k].blank:
            k -= 1
        names: list[int] = []
        while (
            k >= 0
            and len(names) < 3
            and lines[k].plain
            and len(lines[k].plain) < 60
            and lines[k].plain[0].isupper()
            and not is_terminated(lines[k].plain)
        ):
            names.insert(0, k)
            k -= 1
        if names:
            signatory = ", ".join(lines[n].plain for n in names)
            skip.update(names)
    kept = [_BLANK if k in skip else ln for k, ln in enumerate(lines)]
    return _running_paragraphs(ctx, kept, "foreword", "Foreword"), published, signatory


_BLANK = Line(-1, 0, 0, "", False)


def _area(view: str) -> str | None:
    for m in _AREA.finditer(view[:30000]):
        name = m.group(1)
        if " ".join(name.split("\n")[0].split()).lower() in _COUNTRIES:
            continue
        if "\n" in name:
            # "in Bath and North / East Somerset took place" wraps; "in Sefton / Foreword /
            # This ..." runs into the next heading: keep the next line only when the sentence
            # goes on after the name on that same line
            first, _, rest = name.partition("\n")
            line_end = view.find("\n", m.end(1))
            after = view[m.end(1) : line_end if line_end >= 0 else len(view)]
            if "\n" in rest or not re.match(r"\s+[a-z]", after):
                name = first
        name = " ".join(name.split()).rstrip(".’'")
        if name.lower() not in _COUNTRIES:
            return title_case(name) if name.isupper() else name
    counts: dict[str, int] = {}
    flat = " ".join(view[:30000].split())
    for m in _AREA_FALLBACK.finditer(flat):
        words = m.group(1).split()
        while words and words[0] in _NOT_AREA:
            words = words[1:]
        if words:
            name = " ".join(words)
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def _page_edges(text: str, lines: list[Line], page_starts: list[int] | None) -> set[int]:
    """Indices of the first and last non-blank lines of each page: pages begin at a form
    feed in the text, or at the offsets a PDF's page_starts give."""
    starts = set(page_starts or [])
    starts.update(m.start() for m in re.finditer("\f", text))
    if not starts:
        return set()
    edges: set[int] = set()
    previous: int | None = None
    bounds = sorted(starts)
    b = 0
    for k, line in enumerate(lines):
        if line.blank:
            continue
        new_page = False
        while b < len(bounds) and bounds[b] <= line.start:
            new_page = True
            b += 1
        if new_page or previous is None:
            edges.add(k)
            if previous is not None:
                edges.add(previous)
        previous = k
    if previous is not None:
        edges.add(previous)
    return edges


def _prepare(text: str, page_starts: list[int] | None) -> tuple[str, list[Line]]:
    """The text to read (same offsets as `text`) and its content lines: line ends unified,
    and page furniture (page numbers, running headers and footers) blanked and left out."""
    view = normalise_breaks(text)
    lines = split_lines(view)
    noise = page_furniture(lines, _page_edges(text, lines, page_starts))
    view = mask_lines(view, lines, noise)
    return view, [ln for k, ln in enumerate(lines) if k not in noise]


# --- the report ------------------------------------------------------------------------


def parse_report(
    text: str, source_path: str | None = None, page_starts: list[int] | None = None
) -> Report:
    """Parse a report's text; raises NotAReportError when it is not an inspection report."""
    view, lines = _prepare(text, page_starts)
    ctx = _Ctx(
        text, view, lines, sorted(page_starts) if page_starts else None, wrap_width(lines, 40)
    )
    regions = _find_regions(lines)
    kinds = [r.kind for r in regions]
    if "criterion" not in kinds and not _has_score_line(lines):
        raise NotAReportError(
            "no inspection criteria (e.g. '1.1 Risk of Harm to others:') and no scoring table "
            "('NN% BAND improvement required') were found; this does not look like a "
            "Core Case Inspection report"
        )

    def body(region: _Region) -> list[Line]:
        return lines[region.body : region.end]

    first_section = next(
        (r.head for r in regions if r.kind in ("section", "criterion")), len(lines)
    )
    summary = next((r for r in regions if r.kind == "summary"), None)
    headline = _headline_scores(ctx, body(summary) if summary else lines[:first_section])

    foreword: list[Paragraph] = []
    published = signatory = None
    criteria: list[Criterion] = []
    sections: list[Section] = []
    recommendations: list[Item] = []
    next_steps: list[Paragraph] = []
    service_users: list[Paragraph] = []
    context: list[Paragraph] = []
    inspection_data: list[Paragraph] = []
    glossary: list[GlossaryEntry] = []
    current: Section | None = None

    def section_numbered(number: int, name: str) -> Section:
        found = next((s for s in sections if s.number == number), None)
        if found is None:
            found = Section(number, name, None)
            sections.append(found)
        elif name and not found.name:
            found.name = name
        return found

    for region in regions:
        kind = region.kind
        if kind == "foreword" and not foreword:
            foreword, published, signatory = _foreword(ctx, body(region))
        elif kind == "recommendations":
            recommendations = _recommendations(ctx, body(region))
        elif kind == "next-steps":
            next_steps = _running_paragraphs(ctx, body(region), "next-steps", "Next steps")
        elif kind == "service-users":
            service_users = _running_paragraphs(
                ctx, body(region), "service-users", "Service users’ perspective", subheadings=True
            )
        elif kind == "section":
            current = section_numbered(region.data["number"], region.data["name"])
        elif kind == "criterion":
            number = int(region.data["number"].split(".")[0])
            if current is None or current.number != number:
                current = section_numbered(number, "")
            crit = _criterion(ctx, region)
            if crit and not any(c.number == crit.number for c in criteria):
                criteria.append(crit)
        elif kind == "overall" and current is not None and current.overall is None:
            current.overall = _overall(ctx, region, current.number, current.name)
            if current.overall and not current.name:
                current.name = current.overall.name
        elif kind == "commentary" and current is not None and not current.commentary:
            heading = f"Commentary: {current.name}" if current.name else "Commentary"
            current.commentary = _running_paragraphs(
                ctx, _commentary_body(lines[region.head : region.end]), str(current.number), heading
            )
        elif kind == "context":
            context = _running_paragraphs(
                ctx, body(region), "context", region.data["title"], subheadings=True
            )
        elif kind == "inspection-data":
            inspection_data = _running_paragraphs(
                ctx, body(region), "inspection-data", region.data["title"]
            )
        elif kind == "glossary":
            glossary = parse_glossary(
                view, body(region), lambda heading, s, e: ctx.source("glossary", heading, s, e)
            )

    if not criteria and not headline:
        raise NotAReportError(
            "the text has report-like headings but no scores could be read from it"
        )

    area = _area(view) or "Unknown"
    fieldwork_m = _FIELDWORK.search(" ".join(view.split()))
    fieldwork = f"{fieldwork_m.group(1).title()} {fieldwork_m.group(2)}" if fieldwork_m else None
    if published is None:
        dated = next(
            (ln.plain for ln in lines[:first_section] if _MONTH_YEAR_LINE.match(ln.plain)), None
        )
        published = dated
    month = year = None
    if published:
        pm = MONTH_YEAR_RE.search(published)
        if pm:
            month, year = pm.group(1), int(pm.group(2))
    if year is None:
        # a cover printing the year on a line of its own ("2011", "2011ISBN: ...")
        cover = next((r.head for r in regions), len(lines))
        printed = next((m for ln in lines[:cover] if (m := _YEAR_LINE.match(ln.plain))), None)
        if printed:
            year = int(printed.group(1))
    if year is None and fieldwork:
        year = int(fieldwork.split()[-1])
    prefix = "Core Case Inspection" if "core case inspection" in view.lower() else "Inspection"
    report = Report(
        id=f"{slug(area)}-{year}" if year else slug(area),
        area=area,
        title=f"{prefix} of youth offending work in {area}",
        text=text,
        published=published,
        year=year,
        month=month,
        fieldwork=fieldwork,
        signatory=signatory,
        source_path=source_path,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        pages=list(ctx.page_starts or []),
        headline_scores=headline,
        criteria=criteria,
        sections=sorted(sections, key=lambda s: s.number),
        recommendations=recommendations,
        next_steps=next_steps,
        foreword=foreword,
        service_users=service_users,
        context=context,
        inspection_data=inspection_data,
        glossary=glossary,
    )
    report.facts = extract_facts(view, _fact_passages(report), ctx.source)
    return report


def _has_score_line(lines: list[Line]) -> bool:
    return any(_score_at(lines, k) for k in range(len(lines)) if not lines[k].blank)


def _fact_passages(report: Report) -> list[Passage]:
    """The passages whose numbers are findings (scores are stored as Scores, not facts)."""
    sources: list[Source] = []
    sources += [p.source for p in report.foreword]
    sources += [i.source for i in report.recommendations]
    sources += [p.source for p in report.next_steps]
    sources += [p.source for p in report.service_users]
    for c in report.criteria:
        sources += [i.source for i in c.strengths + c.areas_for_improvement]
    for s in report.sections:
        sources += [p.source for p in s.commentary]
    sources += [p.source for p in report.context]
    sources += [p.source for p in report.inspection_data]
    return [Passage(s.section, s.heading, s.start, s.start + len(s.quote)) for s in sources]


__all__ = ["NotAReportError", "parse_report"]

"""The text of a document as readers see it: lines with offsets, paragraphs, list items.

A reader works on a "view" of the text with the same length and offsets as the text itself
(line ends unified, page furniture blanked), so every quote is still cut from the text as
given and every cited object can be checked against it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ingest.model import Item, Paragraph, Source
from ingest.text.layout import (
    Line,
    clean_text,
    ends_open,
    is_terminated,
    leading_bullet,
    leading_marker,
    mask_lines,
    normalise_breaks,
    page_furniture,
    paragraphs,
    split_lines,
    strip_bullet,
    wrap_width,
)

# The most lines one paragraph or list item holds: longer runs are text without breaks.
MAX_LINES = 40
# A line longer than this was never wrapped: it holds a whole paragraph.
_UNWRAPPED = 160
# A trailing "(owner)" on a recommendation, as the core case layout prints it.
_TRAILING_OWNER = re.compile(r"^(.*\S)\s*\(([^()]{3,80})\)\s*[.;]?\s*$", re.S)


@dataclass
class Doc:
    text: str  # as given: every quote is cut from it
    view: str  # same offsets, page furniture blanked: what is read and cleaned
    lines: list[Line]  # content lines of `view` (page furniture left out), blanks kept
    page_starts: list[int] | None
    width: int  # the length most full lines reach

    @classmethod
    def of(cls, text: str, page_starts: list[int] | None = None) -> Doc:
        view = table_cells(normalise_breaks(text))
        lines = split_lines(view)
        noise = page_furniture(lines, page_edges(text, lines, page_starts))
        view = mask_lines(view, lines, noise)
        kept = [ln for k, ln in enumerate(lines) if k not in noise]
        starts = sorted(page_starts) if page_starts else None
        return cls(text, view, kept, starts, wrap_width(kept, 40))

    def source(self, section: str, heading: str, start: int, end: int) -> Source:
        quote = self.text[start:end]
        lead = len(quote) - len(quote.lstrip())
        quote = quote.strip()
        start += lead
        page = None
        if self.page_starts:
            page = max(bisect.bisect_right(self.page_starts, start), 1)
        return Source(section=section, heading=heading, quote=quote, start=start, page=page)

    def clean(self, start: int, end: int) -> str:
        return clean_long(self.view[start:end])

    def paragraphs(self, lines: list[Line], section: str, heading: str) -> list[Paragraph]:
        """Paragraphs of running text, split at blank lines and, in text extracted without
        them, after a finished sentence on a line that stopped short."""
        out: list[Paragraph] = []
        for para in split_paragraphs(lines, self.width):
            start, end = para[0].start, para[-1].end
            cleaned = self.clean(start, end)
            if cleaned:
                out.append(Paragraph(cleaned, self.source(section, heading, start, end)))
        return out

    def items(
        self, lines: list[Line], section: str, heading: str, owner_lead: re.Pattern | None = None
    ) -> list[Item]:
        return self.items_and_rest(lines, section, heading, owner_lead)[0]

    def items_and_rest(
        self, lines: list[Line], section: str, heading: str, owner_lead: re.Pattern | None = None
    ) -> tuple[list[Item], list[Line]]:
        """List items, and the lines after the list that are not part of it.

        Numbered ("1.", "(1)") or bulleted lines open an item and the lines after them carry
        it on, until a new sentence after a finished item ends the list; in a list with
        neither numbers nor bullets, each paragraph is an item."""
        drafts: list[tuple[int | None, int, int]] = []  # number, start, end
        owners: list[str | None] = []  # who should act on each draft (``owner_lead``)
        owner: str | None = None
        rest: list[Line] = []
        marked = any(_marker(ln) is not None for ln in lines if not ln.blank)
        if not marked:
            drafts = [(None, p[0].start, p[-1].end) for p in split_paragraphs(lines, self.width)]
        else:
            previous = ""
            held = 0  # lines in the current item
            for k, line in enumerate(lines):
                if line.blank:
                    continue
                found = _marker(line)
                lead = owner_lead.match(line.plain) if owner_lead and found is None else None
                if lead is not None:
                    # "The Chair of the Board should make sure that:": whom the items after
                    # it are for, part of no item
                    owner = " ".join(lead.group("owner").split())
                    previous, held = "", MAX_LINES
                    continue
                if found is not None:
                    number, offset = found
                    start = line.start + offset
                    if start < line.end:
                        drafts.append((number, start, line.end))
                        owners.append(owner)
                elif drafts and (
                    line.text[:1].isupper() and re.search(r"[.!?][\"'”’)]*$", previous)
                ):
                    rest = lines[k:]  # a new sentence after a finished item: the list ended
                    break
                elif drafts and held < MAX_LINES:
                    number, start, _ = drafts[-1]
                    drafts[-1] = (number, start, line.end)
                    held += 1
                elif drafts:
                    drafts.append((None, line.start, line.end))  # text without breaks
                    owners.append(owner)
                    held = 0
                # a lead-in line before the first item belongs to no item
                previous = line.text
                if found is not None:
                    held = 1
        out = []
        owners += [None] * (len(drafts) - len(owners))
        for position, ((number, start, end), who) in enumerate(
            zip(drafts, owners, strict=True), start=1
        ):
            text = self.clean(start, end)
            if text:
                src = self.source(section, heading, start, end)
                out.append(Item(number, position, text, src, owner=who))
        return out, rest


_TABLE_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|?)+[ \t]*$", re.M)
_TABLE_ROW = re.compile(r"^[ \t]*\|[^\n]*$", re.M)


def table_cells(view: str) -> str:
    """A Markdown table read as text (same length and offsets): its rule lines blank and
    the pipes between its cells spaces, so a row reads like a printed table's line."""
    if "|" not in view:
        return view
    view = _TABLE_RULE.sub(lambda m: " " * len(m.group(0)), view)
    return _TABLE_ROW.sub(lambda m: m.group(0).replace("|", " "), view)


def clean_long(raw: str) -> str:
    """clean_text, a bounded number of lines at a time: its cost grows with the square of
    what it joins, and a file without paragraph breaks must not stall ingest."""
    lines = raw.split("\n")
    if len(lines) <= MAX_LINES:
        return clean_text(raw)
    parts = ("\n".join(lines[k : k + MAX_LINES]) for k in range(0, len(lines), MAX_LINES))
    return " ".join(p for p in map(clean_text, parts) if p)


def next_content(lines: list[Line], k: int) -> Line | None:
    """The first non-blank line after index k."""
    for i in range(k + 1, len(lines)):
        if lines[i].plain:
            return lines[i]
    return None


def owner_in_brackets(item: Item) -> Item:
    """`... wherever needed (Head of Service)` -> text without the bracket, owner set."""
    m = _TRAILING_OWNER.match(item.text)
    if m and item.owner is None:
        item.text, item.owner = m.group(1).rstrip(" ,;"), " ".join(m.group(2).split())
    return item


def _marker(line: Line) -> tuple[int | None, int] | None:
    lead = leading_marker(line.text)
    if lead is not None:
        return lead
    bullet = leading_bullet(line.text)
    return (None, bullet) if bullet is not None else None


def split_paragraphs(lines: list[Line], width: int) -> list[list[Line]]:
    out: list[list[Line]] = []
    for para in paragraphs(lines):
        current: list[Line] = []
        for k, line in enumerate(para):
            current.append(line)
            nxt = para[k + 1].text if k + 1 < len(para) else ""
            if nxt and (ends_paragraph(line.text, nxt, width) or len(current) >= MAX_LINES):
                out.append(current)
                current = []
        if current:
            out.append(current)
    return out


def ends_paragraph(text: str, following: str, width: int) -> bool:
    """A line ends its paragraph although no blank line follows: a bullet opens the next
    line, or a finished sentence stopped short of the wrap width before a capital."""
    nxt = strip_bullet(following)
    if not nxt:
        return False
    if nxt != following.strip() or leading_marker(following) is not None:
        return not ends_open(text)
    if not is_terminated(text) or not nxt[0].isupper():
        return False
    if len(text) > _UNWRAPPED:
        return True  # a paragraph on one line (a word processor's text): no one wraps there
    return len(text) < 0.8 * width or len(text) + 1 + len(nxt.split()[0]) <= width


def page_edges(text: str, lines: list[Line], page_starts: list[int] | None) -> set[int]:
    """Indices of the first and last non-blank lines of each page (a form feed in the text,
    or a PDF's page starts), where running headers and footers stand."""
    bounds = sorted(set(page_starts or []) | {m.start() for m in re.finditer("\f", text)})
    if not bounds:
        return set()
    edges: set[int] = set()
    previous: int | None = None
    b = 0
    for k, line in enumerate(lines):
        if line.blank:
            continue
        new_page = False
        while b < len(bounds) and bounds[b] <= line.start:
            new_page, b = True, b + 1
        if new_page or previous is None:
            edges.add(k)
            if previous is not None:
                edges.add(previous)
        previous = k
    if previous is not None:
        edges.add(previous)
    return edges


def heading_text(t: str, max_words: int = 10) -> bool:
    """A line short and bare enough to be a heading: few words, no closing full stop, and
    not a contents entry ending in a page number."""
    words = t.split()
    return (
        0 < len(words) <= max_words
        and not re.search(r"[.;,]$", t)
        and not re.search(r"(?:\.{2,}|…)\s*\d{1,3}$", t)
        and (t[:1].isupper() or t[:1].isdigit())
    )

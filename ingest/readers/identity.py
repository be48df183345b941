"""Who and when a document is about: title, area, publication month and year, report id."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ingest.model import Report
from ingest.readers.layout import Doc, heading_text
from ingest.text.layout import MONTH_YEAR_RE, Line, is_terminated, slug, title_case, word_set

_NAME_WORD = r"[A-Z][\w’'.-]*"
_CONNECTOR = r"(?:\s+(?:and|of|upon|on|&)\s+|\s+)"
# "youth offending services in Harrowfield", "youth justice work in the Vale of Ashdown"
_AREA = re.compile(
    r"youth\s+(?:offending|justice)\s+(?:work|services?|provision)\s+in\s*:?\s+(?:the\s+)?"
    rf"({_NAME_WORD}(?:{_CONNECTOR}{_NAME_WORD}){{0,7}})"
)
# "Harrowfield YOS", "Eastmere Youth Offending Team"
_AREA_BEFORE = re.compile(
    rf"\b({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,5}})[ \t]+"
    r"(?:YOT|YOS|Youth\s+(?:Offending|Justice)\s+(?:Team|Service))\b"
)
_NOT_AREA = word_set("The This That A An Each Every Our Their Its Local England Wales")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_TITLE_MAX_WORDS = 16
_HEAD_LINES = 60


@dataclass
class Identity:
    title: str
    area: str
    published: str | None
    month: str | None
    year: int | None

    @property
    def report_id(self) -> str:
        base = slug(self.area) if self.area else slug(" ".join(self.title.split()[:6]))
        base = base or "document"
        return f"{base}-{self.year}" if self.year else base


def identify(doc: Doc, fallback_title: str = "Untitled document") -> Identity:
    head = [ln for ln in doc.lines if not ln.blank][:_HEAD_LINES]
    head_text = "\n".join(ln.plain for ln in head)
    area = _area(doc.view[:30000])
    dated = MONTH_YEAR_RE.search(head_text)
    published = f"{dated.group(1)} {dated.group(2)}" if dated else None
    month = dated.group(1) if dated else None
    year = int(dated.group(2)) if dated else None
    if year is None:
        printed = _YEAR.search(head_text)
        year = int(printed.group(1)) if printed else None
    title = next(
        (
            ln.plain.rstrip(":")
            for k, ln in enumerate(head)
            if heading_text(ln.plain, _TITLE_MAX_WORDS)
            and not MONTH_YEAR_RE.fullmatch(ln.plain)
            and re.search(r"[A-Za-z]{3}", ln.plain)
            and not re.search(r"[.!?]\s+[A-Z]", ln.plain)  # sentences, not a title
            and not (k + 1 < len(head) and head[k + 1].plain[:1].islower())
        ),
        fallback_title,
    )
    if title.isupper():
        title = title_case(title)
    return Identity(title, area or "", published, month, year)


def new_report(
    doc: Doc, who: Identity, source_path: str | None, fmt: str, title: str | None = None
) -> Report:
    """An empty Report for ``doc``: its identity, text, hash and pages, before a reader fills it."""
    return Report(
        id=who.report_id,
        area=who.area or who.title,
        title=title or who.title,
        text=doc.text,
        published=who.published,
        year=who.year,
        month=who.month,
        source_path=source_path,
        sha256=hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
        pages=list(doc.page_starts or []),
        format=fmt,
    )


def _area(view: str) -> str | None:
    for m in _AREA.finditer(view):
        name = m.group(1).split("\n")[0]
        name = " ".join(name.split()).rstrip(".’'")
        if name and name.lower() not in ("england", "wales", "england and wales"):
            return title_case(name) if name.isupper() else name
    counts: dict[str, int] = {}
    for m in _AREA_BEFORE.finditer(view):
        words = m.group(1).split()
        while words and words[0] in _NOT_AREA:
            words = words[1:]
        if words:
            name = " ".join(words)
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def signature(lines: list[Line]) -> tuple[list[Line], str | None]:
    """A foreword's closing name and role lines (two or three short lines that are not
    sentences, perhaps above a date): the lines without them, and the signatory."""
    content = [k for k, ln in enumerate(lines) if ln.plain]
    tail: list[int] = []
    for k in reversed(content):
        t = lines[k].plain
        if not tail and MONTH_YEAR_RE.fullmatch(t):
            continue  # the date under the signature
        if len(tail) < 3 and len(t) < 60 and t[0].isupper() and not is_terminated(t):
            tail.insert(0, k)
        else:
            break
    if len(tail) < 2 or len(tail) == len(content):
        return lines, None
    drop = set(tail)
    return [ln for k, ln in enumerate(lines) if k not in drop], ", ".join(
        lines[k].plain for k in tail
    )

"""Any other document with text: a thematic inspection, an annual report, an improvement
plan, a Word document saved as text or PDF. The fallback reader: it never refuses text.

Headings split the document into sections; the paragraphs under them (with page numbers)
go to ``Report.body``, cited by the section's heading; a glossary is read where one is
headed as such; numeric facts are found in the paragraphs.
"""

from __future__ import annotations

import re

from ingest.facts import Passage, extract_facts
from ingest.glossary import parse_glossary
from ingest.model import GlossaryEntry, Item, Paragraph, Report, ReportFormat, Section
from ingest.readers.cues import reader_data
from ingest.readers.identity import identify, new_report
from ingest.readers.layout import Doc, heading_text, next_content
from ingest.text.layout import (
    MONTH_YEAR_RE,
    Line,
    ends_open,
    is_terminated,
    leading_bullet,
    title_case,
)

_NAME = "general"


class GeneralReader:
    format = ReportFormat.GENERAL

    def score(self, text: str) -> float:
        # Chosen only when no layout reader is sure; the registry scores it as 1 - the best
        # of the others, so this is never consulted for the choice.
        return 0.0

    def read(self, text: str, source_path: str | None, page_starts: list[int] | None) -> Report:
        doc = Doc.of(text, page_starts)
        who = identify(doc)
        report = new_report(doc, who, source_path, ReportFormat.GENERAL)
        read_sections(doc, report, doc.lines, who.title)
        report.facts = extract_facts(doc.view, passages(report.body), doc.source)
        return report


def read_sections(doc: Doc, report: Report, lines: list[Line], title: str) -> None:
    """Sections by headings into ``report.sections`` (names) and ``report.body``
    (paragraphs), a glossary into ``report.glossary``."""
    data = reader_data(_NAME)
    glossary_names = {g.lower() for g in data["glossary_headings"]}
    recommendation_names = {g.lower() for g in data["recommendation_headings"]}
    owner = re.compile(data["owner_lead"])
    part = re.compile(data["part_heading"], re.I)
    heads = heading_lines(lines, doc.width, int(data["heading_max_words"]))
    bounds = heads + [len(lines)]
    if heads and heads[0] > 0:
        report.body += doc.paragraphs(lines[: heads[0]], "0", title)
    elif not heads:
        report.body += doc.paragraphs(lines, "0", title)
    k = 0
    while k < len(heads):
        head = heads[k]
        name = lines[head].plain.rstrip(":")
        plain_name = re.sub(r"^(?:appendix|annex)\s+\w+\s*[:.–—-]?\s*", "", name, flags=re.I)
        if plain_name.lower() in glossary_names and not report.glossary:
            end = next(
                (i for i in heads[k + 1 :] if part.match(lines[i].text)),
                len(lines),
            )
            report.glossary = _glossary(doc, lines[head + 1 : end], name)
            while k < len(heads) and heads[k] < end:
                k += 1
            continue
        number = len(report.sections) + 1
        shown = title_case(name) if name.isupper() else name
        report.sections.append(Section(number, shown, None))
        report.body += doc.paragraphs(lines[head + 1 : bounds[k + 1]], str(number), shown)
        if plain_name.lower() in recommendation_names:
            items = doc.items(lines[head + 1 : bounds[k + 1]], "recommendations", shown)
            report.recommendations += _owned(items, owner, len(report.recommendations))
        k += 1


def _owned(items: list[Item], owner: re.Pattern, before: int) -> list[Item]:
    """A recommendations section's items, each with who should act where its sentence
    opens by naming them ("Youth offending services should ..."); positions run on."""
    for n, item in enumerate(items, before + 1):
        item.position = n
        m = owner.match(item.text)
        if m and item.owner is None:
            item.owner = m.group("owner")
    return items


def _glossary(doc: Doc, lines: list[Line], heading: str) -> list[GlossaryEntry]:
    return parse_glossary(doc.view, lines, lambda _h, s, e: doc.source("glossary", heading, s, e))


def heading_lines(lines: list[Line], width: int, max_words: int) -> list[int]:
    """Indices of the lines that are headings: short, bare lines that stand apart from the
    sentence before them and are not carried on by the line after."""
    out: list[int] = []
    previous: Line | None = None
    for k, line in enumerate(lines):
        if line.blank:
            continue
        if _is_heading(lines, k, previous, width, max_words, bool(out and out[-1] == k - 1)):
            out.append(k)
        previous = line
    return out


def _is_heading(
    lines: list[Line],
    k: int,
    previous: Line | None,
    width: int,
    max_words: int,
    after_heading: bool,
) -> bool:
    line = lines[k]
    if line.text.startswith("#"):
        return True
    t = line.plain
    if (
        not heading_text(t, max_words)
        or len(t) > 0.75 * max(width, 40)
        or MONTH_YEAR_RE.search(t)  # a date line
        or re.search(r"\d\s*%$|(?<![\d/–-])(?!(?:19|20)\d\d$)\d+$", t)  # a table row
        or ends_open(t)
        or leading_bullet(line.text) is not None
        or not re.search(r"[A-Za-z]{2}", t)
    ):
        return False
    apart = (
        previous is None
        or lines[k - 1].blank
        or after_heading
        or is_terminated(previous.text)
        # a short line that does not run on (a date, a title): text without blank lines
        or (len(previous.text) < 0.6 * width and not ends_open(previous.text))
    )
    if not apart:
        return False
    following = next_content(lines, k)
    return following is None or not following.text[:1].islower()


def passages(paragraphs: list[Paragraph]) -> list[Passage]:
    return [
        Passage(
            p.source.section, p.source.heading, p.source.start, p.source.start + len(p.source.quote)
        )
        for p in paragraphs
    ]

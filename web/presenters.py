"""Pure helpers that shape core objects for the templates: anchors, highlights, charts, tables.

Everything that puts report text into HTML goes through ``markupsafe.escape`` here or through
Jinja's autoescape: report text is data, never markup.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote as urlquote

from markupsafe import Markup, escape

from ingest.model import BANDS, RATINGS, Report, Role, Score, Source, Unit
from ingest.text.locate import find_loose, find_quote
from ingest.text.terms import exact_term_pattern
from web import mdtext

_CITE_MARK = re.compile(r"\[(\d{1,3})\]")


def anchor(section: str) -> str:
    """The HTML id of a report section: ``1.3`` -> ``sec-1-3``, ``glossary`` -> ``sec-glossary``."""
    slug = re.sub(r"[^a-z0-9]+", "-", str(section).lower()).strip("-")
    return f"sec-{slug or 'report'}"


SECTION_TITLES = {
    "foreword": "Foreword",
    "summary": "Scoring summary",
    "recommendations": "Recommendations",
    "next-steps": "Next steps",
    "service-users": "Service users' perspective",
    "context": "Context",
    "inspection-data": "Inspection data",
    "glossary": "Glossary",
}


def citation_where(citation: dict) -> str:
    """Where a citation points, in words: "Glossary: RoSH", "1.3 Safeguarding"."""
    section = str(citation.get("section") or "")
    heading = str(citation.get("heading") or "").strip()
    title = SECTION_TITLES.get(section)
    if title and title.lower() not in heading.lower():
        return f"{title}: {heading}" if heading else title
    return heading or section


def band_class(band: str | None) -> str:
    return f"band-{band.lower()}" if band in BANDS else "band-none"


def rating_class(rating: str | None) -> str:
    """``Requires improvement`` -> ``rating-requires-improvement``; other words: none."""
    if rating not in RATINGS:
        return "rating-none"
    return "rating-" + re.sub(r"[^a-z]+", "-", str(rating).lower()).strip("-")


def score_class(score: Score) -> str:
    return rating_class(score.rating) if score.unit == Unit.RATING else band_class(score.band)


def report_url(
    report_id: str, *, hl: str | None = None, term: str | None = None, section: str | None = None
) -> str:
    """A link into a report page, optionally highlighting a quote or a term at a section."""
    url = f"/reports/{urlquote(report_id, safe='')}"
    if hl:
        url += f"?hl={urlquote(hl, safe='')}"
    elif term:
        url += f"?term={urlquote(term, safe='')}"
    if section:
        url += f"#{anchor(section)}"
    return url


MAX_HL = 1500  # a link carries at most this much of a quote: servers cap the request line


def cite_url(citation: dict) -> str:
    quote = citation.get("quote") or ""
    if len(quote) > MAX_HL:  # the start of a long quote still finds and marks its place
        quote = quote[:MAX_HL].rsplit(" ", 1)[0]
    return report_url(
        str(citation.get("report", "")),
        hl=quote or None,
        section=citation.get("section") or None,
    )


@dataclass
class Segment:
    """A run of answer text, or a citation marker ``[n]`` with the citation it points at."""

    text: str
    n: int | None = None
    citation: dict | None = None


def answer_segments(answer: str, citations: Sequence[dict]) -> list[Segment]:
    """Split an answer at its ``[n]`` markers; a marker with no citation stays plain text."""
    segments: list[Segment] = []
    pos = 0
    for m in _CITE_MARK.finditer(answer):
        n = int(m.group(1))
        if not 1 <= n <= len(citations):
            continue
        if m.start() > pos:
            segments.append(Segment(answer[pos : m.start()]))
        segments.append(Segment(m.group(0), n=n, citation=citations[n - 1]))
        pos = m.end()
    if pos < len(answer):
        segments.append(Segment(answer[pos:]))
    return segments


_BULLET = re.compile(r"^\s*[-\u2022*]\s+(.*)$")


@dataclass
class Block:
    """A paragraph (one line) or a bullet list (several) of answer text."""

    kind: str  # "p" | "ul"
    lines: list[list[Segment]]


def answer_blocks(answer: str, citations: Sequence[dict]) -> list[Block]:
    """An answer's lines as paragraphs, with runs of "- " lines as one bullet list."""
    blocks: list[Block] = []
    for line in answer.split("\n"):
        if not line.strip():
            continue
        bullet = _BULLET.match(line)
        if bullet:
            segments = answer_segments(bullet.group(1), citations)
            if blocks and blocks[-1].kind == "ul":
                blocks[-1].lines.append(segments)
            else:
                blocks.append(Block("ul", [segments]))
        else:
            blocks.append(Block("p", [answer_segments(line, citations)]))
    return blocks


def mark(text: str, needle: str | None, *, mark_id: str | None = None) -> Markup:
    """``text`` escaped, with the first whitespace-insensitive match of ``needle`` in <mark>."""
    span = find_loose(text, needle or "", ignore_case=False)
    if not span:
        return escape(text)
    start, end = span
    attrs = Markup(' id="{}"').format(mark_id) if mark_id else Markup("")
    return (
        escape(text[:start])
        + Markup("<mark{}>").format(attrs)
        + escape(text[start:end])
        + Markup("</mark>")
        + escape(text[end:])
    )


def mark_all(text: str, patterns: Sequence[re.Pattern]) -> Markup:
    """``text`` escaped, with every match of any pattern in <mark>."""
    spans = sorted(
        {(m.start(), m.end()) for p in patterns for m in p.finditer(text) if m.end() > m.start()}
    )
    out = Markup("")
    pos = 0
    for start, end in spans:
        if start < pos:  # overlapping matches: keep the first
            continue
        out += escape(text[pos:start]) + Markup("<mark>") + escape(text[start:end])
        out += Markup("</mark>")
        pos = end
    return out + escape(text[pos:])


def source_span(source: Source) -> tuple[int, int]:
    return source.start, source.start + len(source.quote)


def report_sources(report: Report) -> list[Source]:
    """The sources of every unit the report page shows."""
    sources = [s.source for s in report.headline_scores]
    sources += [p.source for p in report.foreword + report.next_steps + report.service_users]
    sources += [p.source for p in report.context + report.inspection_data]
    sources += [i.source for i in report.recommendations]
    for c in report.criteria:
        sources.append(c.score.source)
        sources += [i.source for i in c.strengths + c.areas_for_improvement]
    for s in report.sections:
        if s.overall:
            sources.append(s.overall.source)
        sources += [p.source for p in s.commentary]
    for s in report.sections:
        sources += [i.source for i in s.findings]
    sources += [m.source for m in report.measures]
    sources += [p.source for p in report.body]
    sources += [g.source for g in report.glossary]
    return sources


class Highlighter:
    """Renders report text for a page, marking a cited quote or every use of a term."""

    def __init__(self, report: Report, hl: str | None = None, term: str | None = None):
        self.report = report
        self.hl = (hl or "").strip() or None
        self.term = (term or "").strip() or None
        self.span = find_quote(report.text, self.hl) if self.hl else None
        self._patterns = [exact_term_pattern(self.term)] if self.term else []
        self._first = True
        hits = [s for s in report_sources(report) if self.span and self._overlaps(s)]
        self.hit_sections = [s.section for s in hits]
        self.hit_heading = hits[0].heading if hits else None

    @property
    def active(self) -> bool:
        return bool(self.hl or self.term)

    @property
    def found(self) -> bool:
        return bool(self.hit_sections)

    def _overlaps(self, source: Source) -> bool:
        if not self.span:
            return False
        start, end = source_span(source)
        return start < self.span[1] and self.span[0] < end

    def hit(self, source: Source | None) -> bool:
        return source is not None and self._overlaps(source)

    def __call__(self, text: str, source: Source | None = None) -> Markup:
        if self._patterns:
            return mark_all(text, self._patterns)
        if source is None or not self._overlaps(source):
            return escape(text)
        start, end = source_span(source)
        # Only the part of the quote inside this unit; the unit shows cleaned text, hence the
        # whitespace-insensitive search, and the whole unit marked when even that fails.
        part = self.report.text[max(start, self.span[0]) : min(end, self.span[1])]
        mark_id = "hl" if self._first else None
        self._first = False
        marked = mark(text, part, mark_id=mark_id)
        if "<mark" in marked:
            return marked
        attrs = Markup(' id="{}"').format(mark_id) if mark_id else Markup("")
        return Markup("<mark{}>").format(attrs) + escape(text) + Markup("</mark>")

    def excerpt(self, context: int = 280) -> Markup | None:
        """The raw source around the quote, marked: shown when no page unit holds the quote."""
        if not self.span:
            return None
        text = self.report.text
        start = text.rfind("\n", 0, max(0, self.span[0] - context)) + 1
        end = text.find("\n", min(len(text), self.span[1] + context))
        end = len(text) if end < 0 else end
        return (
            escape(text[start : self.span[0]])
            + Markup('<mark id="hl">')
            + escape(text[self.span[0] : self.span[1]])
            + Markup("</mark>")
            + escape(text[self.span[1] : end])
        )


@dataclass
class ChartRow:
    label: str
    full: str
    value: int
    band: str | None
    y: int
    group: str


@dataclass
class Chart:
    """Geometry of a horizontal bar chart of scores (0-100%), drawn by the template as SVG."""

    rows: list[ChartRow]
    width: int = 790
    label_width: int = 330
    bar_width: int = 330
    row_height: int = 30
    top: int = 28
    group_gap: int = 26
    height: int = 0
    groups: list[tuple[str, int]] = field(default_factory=list)  # (title, y)

    @property
    def ticks(self) -> list[tuple[int, int]]:
        return [(v, self.label_width + v * self.bar_width // 100) for v in (0, 25, 50, 75, 100)]

    def x(self, value: int) -> int:
        return self.label_width + max(0, min(100, value)) * self.bar_width // 100

    def bar(self, value: int) -> int:
        return self.x(value) - self.label_width


def _short_label(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _charted(score: Score) -> bool:
    return score.unit == Unit.PERCENT and score.value is not None


def score_chart(report: Report) -> Chart:
    """Headline scores, then each section's criteria and overall score."""
    chart = Chart(rows=[])
    y = chart.top
    groups: list[tuple[str, list[Score]]] = []
    # Only percentages share the 0-100 axis; ratings, points and shares have their own views.
    headline = [s for s in report.headline_scores if _charted(s)]
    if headline:
        groups.append(("Headline scores", headline))
    for section in report.sections:
        scores = [
            c.score
            for c in report.criteria
            if c.section_number == section.number and _charted(c.score)
        ]
        if section.overall and _charted(section.overall):
            scores.append(section.overall)
        if scores:
            groups.append((f"{section.number} {section.name}", scores))
    known = {s.key for _, scores in groups for s in scores}
    orphans = [c.score for c in report.criteria if c.score.key not in known and _charted(c.score)]
    if orphans:
        groups.append(("Criteria", orphans))
    for title, scores in groups:
        chart.groups.append((title, y))
        y += chart.group_gap - 6
        for s in scores:
            name = "Overall score for the section" if s.kind == "overall" else s.name
            chart.rows.append(ChartRow(_short_label(name), s.name, s.value, s.band, y, title))
            y += chart.row_height
        y += 8
    chart.height = y + 6
    return chart


@dataclass
class QuestionGroup:
    """A standard's key questions, each a share of inspected cases."""

    standard: str  # "2.1"
    name: str  # the standard's name when the report has it
    questions: list[Score]


def key_question_groups(report: Report) -> list[QuestionGroup]:
    names = {c.number: c.name for c in report.criteria}
    groups: dict[str, QuestionGroup] = {}
    for m in report.measures:
        if m.kind != Role.KEY_QUESTION or m.value is None:
            continue
        parent = m.parent or ""
        group = groups.setdefault(parent, QuestionGroup(parent, names.get(parent, ""), []))
        group.questions.append(m)
    return list(groups.values())


def areas_of_work(report: Report) -> dict[int, Score]:
    """Each area of work's judgement (2012-2017 reports), by the number of its section."""
    return {
        int(m.parent): m
        for m in report.measures
        if m.kind == Role.AREA and m.parent and m.parent.isdigit()
    }


def body_layout(report: Report) -> tuple[dict[str, list], list[tuple[str, str, list]]]:
    """A report's paragraphs: those under a standard or area shown there (section id -> paras),
    the rest under their own headings, in order: [(section id, heading, paras)]."""
    homes = {c.number for c in report.criteria}
    homes |= {str(s.number) for s in report.sections if s.findings or s.overall or s.commentary}
    homes |= {m.parent for m in report.measures if m.kind == Role.AREA and m.parent}
    placed: dict[str, list] = {}
    free: list[tuple[str, str, list]] = []
    for p in report.body:
        section = p.source.section
        if section in homes:
            placed.setdefault(section, []).append(p)
        elif free and free[-1][0] == section:
            free[-1][2].append(p)
        else:
            free.append((section, p.source.heading, [p]))
    return placed, free


def page_of(report: Report, source: Source) -> int | None:
    """The page a source starts on: stored with it, or found from the PDF's page offsets."""
    if source.page:
        return source.page
    if not report.pages:
        return None
    return bisect.bisect_right(report.pages, source.start) or None


@dataclass
class CompareRow:
    key: str
    name: str
    cells: list[Score | None]
    group: str = ""


_GROUPS = {
    Role.HEADLINE: "Headline scores",
    Role.CRITERION: "Criteria",
    Role.OVERALL: "Overall section scores",
    Role.KEY_QUESTION: "Key questions (share of cases)",
    Role.AREA: "Areas of work",
}


def compare_table(reports: Sequence[Report]) -> list[CompareRow]:
    """One row per measure found in any report, one cell per report (None when absent).

    A row is one measure in one unit: a standard rated in one report and scored as a percentage
    in another are different rows, never set side by side.
    """
    order: dict[tuple[str, str], Score] = {}
    for r in reports:
        for s in r.all_scores():
            order.setdefault((s.key, s.unit), s)
    index = [{(s.key, s.unit): s for s in r.all_scores()} for r in reports]
    rows = []
    for key, first in order.items():
        cells = [scores.get(key) for scores in index]
        rows.append(
            CompareRow(first.key, first.name, cells, _GROUPS.get(first.kind, "Other scores"))
        )
    return rows


@dataclass
class TermUse:
    report: str
    area: str
    section: str
    heading: str


@dataclass
class GlossaryItem:
    """A glossary term across the loaded reports, with where it is used in their findings."""

    term: str
    letter: str
    definitions: list[tuple[str, str, Source]]  # (report id, definition, source)
    uses: list[TermUse]
    search: str  # lower-case text the filter box matches against


def _unit_texts(report: Report) -> Iterable[tuple[str, Source]]:
    for c in report.criteria:
        for i in c.strengths + c.areas_for_improvement:
            yield i.text, i.source
    for s in report.sections:
        for p in s.commentary:
            yield p.text, p.source
    for i in report.recommendations:
        yield i.text, i.source
    for p in report.foreword + report.next_steps + report.service_users + report.context:
        yield p.text, p.source


def glossary_items(reports: Sequence[Report]) -> list[GlossaryItem]:
    """Every term A-Z, merged across reports, each with the sections that use it."""
    merged: dict[str, GlossaryItem] = {}
    for report in reports:
        units = list(_unit_texts(report))
        for entry in report.glossary:
            key = entry.term.strip().lower()
            item = merged.get(key)
            if item is None:
                first = next((ch for ch in entry.term if ch.isalnum()), "#").upper()
                item = GlossaryItem(
                    term=entry.term.strip(),
                    letter=first if first.isalpha() else "#",
                    definitions=[],
                    uses=[],
                    search="",
                )
                merged[key] = item
            if all(d[1] != entry.definition for d in item.definitions):
                item.definitions.append((report.id, entry.definition, entry.source))
            patterns = [exact_term_pattern(t) for t in (entry.terms or [entry.term]) if t.strip()]
            seen = {(u.report, u.section) for u in item.uses}
            for text, source in units:
                if (report.id, source.section) in seen:
                    continue
                if any(p.search(text) for p in patterns):
                    seen.add((report.id, source.section))
                    item.uses.append(
                        TermUse(report.id, report.area, source.section, source.heading)
                    )
    for item in merged.values():
        item.search = " ".join([item.term] + [d[1] for d in item.definitions]).lower()
    return sorted(merged.values(), key=lambda i: (i.letter == "#", i.term.lower()))


@dataclass
class CheckPart:
    """A run of checked text: plain, or one claim with its verdict and result number."""

    text: str
    result: dict | None = None
    n: int | None = None


def check_parts(text: str, results: Sequence[dict]) -> list[CheckPart]:
    """Split ``text`` at the claim spans of text-mode check results (overlaps are skipped)."""
    parts: list[CheckPart] = []
    pos = 0
    numbered = sorted((tuple(r["span"]), n, r) for n, r in enumerate(results, 1) if r.get("span"))
    for (start, end), n, r in numbered:
        if start < pos or end <= start or end > len(text):
            continue
        if start > pos:
            parts.append(CheckPart(text[pos:start]))
        parts.append(CheckPart(text[start:end], result=r, n=n))
        pos = end
    if pos < len(text):
        parts.append(CheckPart(text[pos:]))
    return parts


VERDICT_LABELS = {
    "supported": "Supported",
    "contradicted": "Contradicted",
    "unverifiable": "Cannot be checked",
    "mixed": "Differs by report",
}
VERDICT_ICONS = {"supported": "✓", "contradicted": "✗", "unverifiable": "?", "mixed": "±"}


_md_escape_line = mdtext.inline  # report text, questions and answers are inert in Markdown
_md_block = mdtext.block


def conversation_markdown(
    conversation_id: str, turns: Sequence[dict], reports: dict[str, str], exported: str
) -> str:
    """A conversation as Markdown: each question, its answer and numbered cited quotes."""
    lines = [f"# Conversation {conversation_id}", "", f"Exported from findings on {exported}.", ""]
    for n, turn in enumerate(turns, 1):
        lines += [f"## {n}. {_md_escape_line(turn.get('question', ''))}", ""]
        lines += [_md_block(turn.get("answer", "")), ""]
        if not turn.get("found", True):
            lines += ["_The loaded reports do not answer this question._", ""]
        citations = turn.get("citations") or []
        if citations:
            lines += ["Sources:", ""]
            for i, c in enumerate(citations, 1):
                area = reports.get(c.get("report", ""), c.get("report", ""))
                page = f", page {c['page']}" if c.get("page") else ""
                where = _md_escape_line(f"{area} ({c.get('report', '')}), {citation_where(c)}")
                lines.append(f"[{i}] {where}{page}:")  # escaped text defines no link for it
                lines.append(f"> {_md_escape_line(c.get('quote', ''))}")
                lines.append("")
    return "\n".join(lines).rstrip() + "\n"

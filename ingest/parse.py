"""Parse the text of a Core Case Inspection report into a `Report` (pure, no I/O).

The text is cut into regions at the report's headings (Foreword, Scoring and Summary
Table, Recommendations, the numbered sections and criteria, the appendices); each region is
parsed by its own small function. Every cited object keeps an exact raw quote and offset.
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
from ingest.text import (
    MONTH_YEAR_RE,
    Line,
    clean_text,
    continues,
    ends_open,
    is_marker_only,
    is_terminated,
    leading_marker,
    markers,
    paragraphs,
    slug,
    split_lines,
    strip_bullet,
    title_case,
    word_set,
)


class NotAReportError(ValueError):
    """The text is not an inspection report in the Core Case Inspection format."""


_BAND_LINE = re.compile(
    r"^(\d{1,3})\s*%+\s*(" + "|".join(BANDS) + r")\b(?:\s+improvement\s+required)?", re.I
)
_CRITERION = re.compile(r"^(\d)\.(\d{1,2})\s+([A-Z(].{2,100}?)\s*:?\s*$")
_SECTION = re.compile(r"^(?:(\d)\s*\.?\s+)?([A-Z][A-Z&,' -]{3,80})$")
_APPENDIX = re.compile(r"^Appendix\s+\d+[a-z]?\s*[:.\-–—]?\s*(.*)$", re.I)
_OVERALL = re.compile(
    r"OVERALL\s+SCORE\s+for\s+(?:the\s+)?quality\s+of\s+(.+?)\s+work\s*:?\s*(\d{1,3})\s*%+",
    re.I | re.S,
)
_MONTH_YEAR_LINE = re.compile(r"^" + MONTH_YEAR_RE.pattern + r"$")
_FIELDWORK = re.compile(
    r"Fieldwork\s+for\s+this\s+inspection\s+was\s+(?:undertaken|carried\s+out|conducted)\s+"
    r"(?:in|during)\s+" + MONTH_YEAR_RE.pattern,
    re.I,
)
_AREA = re.compile(
    r"youth\s+offending\s+(?:work|services?)\s+in\s+"
    r"([A-Z][\w’'.-]*(?:\s+(?:and\s+|&\s+|of\s+|upon\s+|on\s+)?[A-Z][\w’'.-]*)*)"
)
_AREA_FALLBACK = re.compile(
    r"\b([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)\s+(?:YOT|YOS|Youth\s+Offending\s+(?:Team|Service))\b"
)
_NOT_AREA = word_set("The This That A An Each Every Our Their Its Local")
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
    text: str
    lines: list[Line]
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
        return self.text[start:end]


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


def _find_regions(lines: list[Line]) -> list[_Region]:
    regions: list[_Region] = []
    in_appendix = False
    for i, line in enumerate(lines):
        t = line.plain
        if not t:
            continue
        m = _APPENDIX.match(t)
        if m or re.fullmatch(r"(?:Contextual information|Inspection data|Glossary)", t, re.I):
            title = m.group(1) if m else t
            regions.append(_Region(_appendix_kind(title), i, i + 1, data={"title": t}))
            in_appendix = True
            continue
        if in_appendix:
            continue
        if re.fullmatch(r"Foreword", t, re.I):
            regions.append(_Region("foreword", i, i + 1))
        elif re.match(r"Scoring\b.*Summary\s+Table", t, re.I):
            regions.append(_Region("summary", i, i + 1))
        elif re.match(r"Recommendations\b", t) and len(t) < 120 and not t.endswith("."):
            regions.append(_Region("recommendations", i, i + 1, data={"title": t}))
        elif re.fullmatch(r"Next\s+steps:?", t, re.I):
            regions.append(_Region("next-steps", i, i + 1))
        elif re.match(r"Service\s+users.{0,3}\s*perspective", t, re.I):
            regions.append(_Region("service-users", i, i + 1))
        elif re.match(r"OVERALL\s+SCORE\b", t):
            regions.append(_Region("overall", i, i + 1))
        elif re.match(r"COMMENTARY\b", t):
            regions.append(_Region("commentary", i, i + 1))
        elif (c := _CRITERION.match(t)) and (
            t.endswith(":")
            or any(
                n.plain.lower().startswith("general criterion") for n in _next_nonblank(lines, i)
            )
        ):
            regions.append(
                _Region(
                    "criterion",
                    i,
                    i + 1,
                    data={"number": f"{c.group(1)}.{c.group(2)}", "name": c.group(3).rstrip(":")},
                )
            )
        elif (s := _SECTION.match(t)) and not _BAND_LINE.match(t):
            following = _next_nonblank(lines, i, 3)
            crit = next(
                (_CRITERION.match(n.plain) for n in following if _CRITERION.match(n.plain)), None
            )
            if crit:
                regions.append(
                    _Region(
                        "section",
                        i,
                        i + 1,
                        data={"number": int(crit.group(1)), "name": title_case(s.group(2))},
                    )
                )
    for k, region in enumerate(regions):
        region.end = regions[k + 1].head if k + 1 < len(regions) else len(lines)
    return regions


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
    """List numbers start paragraphs, blank line or not: a line of bare numbers stands alone,
    and `(5) The initial ...` opens a new item unless the line before stops mid-phrase."""
    out: list[list[Line]] = []
    for para in paras:
        current: list[Line] = []
        for line in para:
            bare = is_marker_only(line.text) or _is_lead_in(line.text)
            numbered = not bare and leading_marker(line.text) is not None
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
    sentence on a line much shorter than the text's wrap width, before a new sentence."""
    ends = []
    for k in range(len(lines) - 1):
        t, following = lines[k].text, lines[k + 1].text
        nxt = strip_bullet(following)
        if not is_terminated(t) or not nxt[:1] or nxt[0].islower():
            continue
        if len(t) < 0.8 * width or nxt != following:  # a short line, or a bullet next
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
    """Numbered items, whether the numbers are printed inline or as a block before the texts."""
    items: list[_DraftItem] = []
    pending: deque[int | None] = deque()
    for para in _list_paragraphs(lines):
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
        start, end = para[0].start, para[-1].end
        raw = ctx.raw(start, end)
        previous = ctx.raw(*items[-1].parts[-1]) if items else ""
        if items and continues(previous, raw):
            items[-1].parts.append((start, end))
        elif pending:
            items.append(_DraftItem(pending.popleft(), [(start, end)]))
        elif items and not raw.rstrip().endswith(":"):
            items[-1].parts.append((start, end))
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


def _score_line(lines: list[Line]) -> tuple[Line, re.Match[str]] | None:
    for line in lines:
        m = _BAND_LINE.match(line.plain)
        if m:
            return line, m
    return None


def _headline_key(name: str) -> tuple[str, str] | None:
    n = name.lower()
    if "safeguarding" in n:
        return "safeguarding", "Safeguarding"
    if "harm" in n:
        return "risk-of-harm", "Risk of Harm"
    if "reoffending" in n or "re-offending" in n:
        return "likelihood-of-reoffending", "Likelihood of Reoffending"
    return None


def _headline_scores(ctx: _Ctx, lines: list[Line]) -> list[Score]:
    scores: list[Score] = []
    heading: str | None = None
    seen: set[str] = set()
    for line in lines:
        t = line.plain
        if re.search(r"\bscore:?$", t, re.I) and not t.lower().startswith("score"):
            heading = t.rstrip(":")
            continue
        m = _BAND_LINE.match(line.plain)
        if m and heading:
            key = _headline_key(heading)
            if key and key[0] not in seen:
                seen.add(key[0])
                scores.append(
                    Score(
                        key=key[0],
                        name=key[1],
                        value=int(m.group(1)),
                        band=m.group(2).upper(),
                        kind="headline",
                        source=ctx.source("summary", heading, line.start, line.end),
                    )
                )
            heading = None
    return scores


def _criterion(ctx: _Ctx, region: _Region) -> Criterion | None:
    number, name = region.data["number"], region.data["name"]
    title = f"{number} {name}"
    body = ctx.lines[region.body : region.end]
    found = _score_line(body)
    if not found:
        return None
    score_line, m = found
    score = Score(
        key=number,
        name=title,
        value=int(m.group(1)),
        band=m.group(2).upper(),
        kind="criterion",
        source=ctx.source(number, title, score_line.start, score_line.end),
    )

    def find(pattern: str) -> int | None:
        return next((k for k, ln in enumerate(body) if re.fullmatch(pattern, ln.plain, re.I)), None)

    general = find(r"General\s+Criterion:?")
    score_head = find(r"Score:?(?:\s+Comment:?)?")
    strengths = find(r"Strengths?:?")
    areas = find(r"Areas?\s+for\s+improvement:?")
    general_text = ""
    if general is not None:
        stop = score_head if score_head is not None else body.index(score_line)
        general_lines = [ln.text for ln in body[general + 1 : stop] if ln.text]
        general_text = clean_text("\n".join(general_lines))
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
    m = _OVERALL.search(ctx.text, start, end)
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


def _area(text: str) -> str | None:
    flat = " ".join(text[:20000].split())
    m = _AREA.search(flat)
    if m:
        return m.group(1).rstrip(".’'")
    counts: dict[str, int] = {}
    for m in _AREA_FALLBACK.finditer(flat):
        words = m.group(1).split()
        while words and words[0] in _NOT_AREA:
            words = words[1:]
        if words:
            name = " ".join(words)
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


# --- the report ------------------------------------------------------------------------


def parse_report(
    text: str, source_path: str | None = None, page_starts: list[int] | None = None
) -> Report:
    """Parse a report's text; raises NotAReportError when it is not an inspection report."""
    lines = split_lines(text)
    ctx = _Ctx(text, lines, sorted(page_starts) if page_starts else None, _wrap_width(lines))
    regions = _find_regions(lines)
    kinds = [r.kind for r in regions]
    if "criterion" not in kinds and not _has_band_line(lines):
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
            current = Section(region.data["number"], region.data["name"], None)
            sections.append(current)
        elif kind == "criterion":
            number = int(region.data["number"].split(".")[0])
            if current is None or current.number != number:
                current = next((s for s in sections if s.number == number), None)
                if current is None:
                    current = Section(number, "", None)
                    sections.append(current)
            crit = _criterion(ctx, region)
            if crit:
                criteria.append(crit)
        elif kind == "overall" and current is not None:
            current.overall = _overall(ctx, region, current.number, current.name)
            if current.overall and not current.name:
                current.name = current.overall.name
        elif kind == "commentary" and current is not None:
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
                text, body(region), lambda heading, s, e: ctx.source("glossary", heading, s, e)
            )

    if not criteria and not headline:
        raise NotAReportError(
            "the text has report-like headings but no scores could be read from it"
        )

    area = _area(text) or "Unknown"
    fieldwork_m = _FIELDWORK.search(" ".join(text.split()))
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
    if year is None and fieldwork:
        year = int(fieldwork.split()[-1])
    prefix = "Core Case Inspection" if "core case inspection" in text.lower() else "Inspection"
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
    report.facts = extract_facts(text, _fact_passages(report), ctx.source)
    return report


def _wrap_width(lines: list[Line]) -> int:
    lengths = sorted(len(ln.text) for ln in lines if ln.text)
    return max(lengths[int(len(lengths) * 0.9)] if lengths else 0, 40)


def _has_band_line(lines: list[Line]) -> bool:
    return any(_BAND_LINE.match(ln.plain) for ln in lines)


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

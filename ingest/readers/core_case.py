"""The Core Case Inspection layout (2009-2012): the parser of ``ingest.parse``, plus the
layout's two variants.

- A reinspection prints the previous inspection's score beside each current one; it is kept
  as ``Score.previous`` (value, year, and the printed line as its source).
- Some reports print a table of the lowest, highest and average scores of the areas
  inspected so far beside the area's own. Those are not the report's own measures, so they
  are stored as facts: one ``Fact`` per row and column, whose value is the area's own score
  and whose ``compared_with`` / ``compared_value`` name and hold the other areas' figure
  ("average of areas inspected so far", 68.0), cited by the table row.
"""

from __future__ import annotations

import re

from ingest.model import Fact, Previous, Report, ReportFormat, Score
from ingest.parse import parse_report
from ingest.readers.cues import cue_score, expand, reader_data
from ingest.readers.layout import Doc
from ingest.text.layout import Line

_NAME = "core_case"
_PERCENT = re.compile(r"(\d{1,3})\s*(?:%+|per\s*cent\b)", re.I)


class CoreCaseReader:
    format = ReportFormat.CORE_CASE

    def score(self, text: str) -> float:
        return cue_score(_NAME, text)

    def read(self, text: str, source_path: str | None, page_starts: list[int] | None) -> Report:
        report = parse_report(text, source_path=source_path, page_starts=page_starts)
        doc = Doc.of(text, page_starts)
        attach_previous(report, doc)
        report.facts += comparison_facts(report, doc)
        return report


def _previous_patterns() -> list[re.Pattern[str]]:
    data = reader_data(_NAME)
    return [re.compile(expand(p, data["vocab"]), re.I) for p in data["previous_patterns"]]


def attach_previous(report: Report, doc: Doc) -> None:
    """Give each score the previous score printed nearest to it (each used once)."""
    reach = int(reader_data(_NAME)["previous_reach"])
    found: dict[int, re.Match[str]] = {}
    for pattern in _previous_patterns():
        for m in pattern.finditer(doc.view):
            found.setdefault(m.start(), m)
    scores = [s for s in report.all_scores() if s.previous is None]
    pairs: list[tuple[int, int, int, Score]] = []  # distance, after?, match start, score
    for start, m in found.items():
        for s in scores:
            s_start, s_end = s.source.start, s.source.start + len(s.source.quote)
            if s_start <= m.start() < s_end:
                distance, after = 0, 0  # printed inside the score's own line
            elif s_start >= m.end():
                distance, after = s_start - m.end(), 0
            else:
                distance, after = m.start() - s_end, 1
            if 0 <= distance <= reach:
                pairs.append((distance, after, start, s))
    used: set[int] = set()
    for _, _, start, s in sorted(pairs, key=lambda p: p[:3]):
        if start in used or s.previous is not None:
            continue
        m = found[start]
        used.add(start)
        year, value = int(m.group(1)), int(m.group(2))
        src = doc.source(s.source.section, s.source.heading, m.start(), m.end())
        s.previous = Previous(value=value, source=src, year=year)


def comparison_facts(report: Report, doc: Doc) -> list[Fact]:
    spec = reader_data(_NAME)["comparison"]
    facts: list[Fact] = []
    lines = doc.lines
    k = 0
    while k < len(lines):
        columns = _header_columns(lines[k].plain, spec, report.area)
        if columns is None:
            k += 1
            continue
        heading = lines[k].plain
        k += 1
        while k < len(lines):
            line = lines[k]
            if line.blank:
                k += 1
                continue
            row = _row(line, len(columns))
            if row is None:
                break
            name, values = row
            if "own" not in columns and len(values) == len(columns) + 1:
                columns = [*columns, "own"]  # the area's own score printed after the others
            facts += _row_facts(
                report, doc, line, heading, name, dict(zip(columns, values, strict=False)), spec
            )
            k += 1
    return facts


def _header_columns(t: str, spec: dict, area: str) -> list[str] | None:
    """The column names of a comparison table's header line, in printed order: the stats
    (lowest, highest, average) and "own" for the area's own score; None if not a header."""
    low = t.lower()
    if re.search(r"\d", t) or len(t.split()) > 12 or t.endswith("."):
        return None
    places: list[tuple[int, str]] = []
    for column, words in spec["columns"].items():
        m = re.search(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", low)
        if m:
            places.append((m.start(), column))
    if len(places) < 2:
        return None
    own_words = [w.lower() for w in spec["own_labels"]] + ([area.lower()] if area else [])
    own = [
        m.start()
        for w in own_words
        if (m := re.search(r"\b" + re.escape(w) + r"\b", low)) and m.start() not in dict(places)
    ]
    if own:
        places.append((min(own), "own"))
    return [c for _, c in sorted(places)]


def _row(line: Line, wanted: int) -> tuple[str, list[int]] | None:
    values = [int(m.group(1)) for m in _PERCENT.finditer(line.plain)]
    first = _PERCENT.search(line.plain)
    if first is None or len(values) < max(wanted - 1, 2):
        return None
    name = line.plain[: first.start()].strip(" :–—-")
    return (name, values) if re.search(r"[A-Za-z]", name) else None


def _row_facts(
    report: Report,
    doc: Doc,
    line: Line,
    heading: str,
    name: str,
    cells: dict[str, int],
    spec: dict,
) -> list[Fact]:
    own = cells.get("own")
    if own is None:
        match = _score_named(report, name)
        own = match.value if match else None
    if own is None:
        return []
    src = doc.source("comparison", heading, line.start, line.end)
    out = []
    for column in spec["columns"]:
        if column not in cells:
            continue
        compared = spec["compared_with"].format(column=column)
        out.append(
            Fact(
                value=float(own),
                unit="%",
                sentence=f"{name}: {own}% against the {compared}, {cells[column]}%",
                source=src,
                compared_with=compared,
                compared_value=float(cells[column]),
            )
        )
    return out


def _score_named(report: Report, name: str) -> Score | None:
    number = re.match(r"(\d\.\d{1,2})\b", name)
    words = " ".join(re.findall(r"[a-z]+", name.lower()))
    for s in report.all_scores():
        if number and s.key == number.group(1):
            return s
        if words and " ".join(re.findall(r"[a-z]+", s.name.lower())) == words:
            return s
    return None

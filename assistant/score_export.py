"""Reports as spreadsheet tables: one row per measure, per finding and per recommendation,
written as CSV or as an xlsx workbook with one sheet per table.

Every text cell goes through the feedback export's formula guard, so a quote such as
"=HYPERLINK(...)" in a report is shown as text by spreadsheet programs, never run.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import BinaryIO, TextIO

from assistant.storage.feedback import _cell as formula_safe
from ingest.model import Item, Report, Score


class Table(StrEnum):
    """The tables an export can hold (CSV: one per file; xlsx: one sheet each)."""

    SCORES = "scores"
    FINDINGS = "findings"
    RECOMMENDATIONS = "recommendations"


class Format(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


MEDIA_TYPES = {
    Format.CSV: "text/csv; charset=utf-8",
    Format.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

_REPORT_COLUMNS = ("report", "area", "year", "format")
_SOURCE_COLUMNS = ("heading", "page", "source_quote")

COLUMNS: dict[Table, tuple[str, ...]] = {
    Table.SCORES: (
        *_REPORT_COLUMNS,
        "section",
        "measure_key",
        "measure",
        "role",
        "parent",
        "unit",
        "value",
        "maximum",
        "band",
        "rating",
        "previous_value",
        "previous_year",
        "previous_rating",
        *_SOURCE_COLUMNS,
    ),
    Table.FINDINGS: (
        *_REPORT_COLUMNS,
        "section",
        "criterion",
        "finding",
        "number",
        "position",
        "text",
        *_SOURCE_COLUMNS,
    ),
    Table.RECOMMENDATIONS: (
        *_REPORT_COLUMNS,
        "section",
        "number",
        "position",
        "text",
        "owner",
        *_SOURCE_COLUMNS,
    ),
}

_FINDING_KINDS = (("strengths", "strength"), ("areas_for_improvement", "area for improvement"))


@dataclass(frozen=True)
class Sheet:
    table: Table
    columns: tuple[str, ...]
    rows: list[tuple]


def _report_cells(r: Report) -> tuple:
    return (r.id, r.area, r.year, str(r.format))


def _score_row(r: Report, s: Score) -> tuple:
    prev = s.previous
    return (
        *_report_cells(r),
        s.source.section,
        s.key,
        s.name,
        str(s.kind),
        s.parent,
        str(s.unit),
        s.value,
        s.maximum,
        s.band,
        s.rating,
        prev.value if prev else None,
        prev.year if prev else None,
        prev.rating if prev else None,
        s.source.heading,
        s.source.page,
        s.source.quote,
    )


def _finding_row(r: Report, criterion: str, kind: str, i: Item) -> tuple:
    return (
        *_report_cells(r),
        i.source.section,
        criterion,
        kind,
        i.number,
        i.position,
        i.text,
        i.source.heading,
        i.source.page,
        i.source.quote,
    )


def _recommendation_row(r: Report, i: Item) -> tuple:
    return (
        *_report_cells(r),
        i.source.section,
        i.number,
        i.position,
        i.text,
        i.owner,
        i.source.heading,
        i.source.page,
        i.source.quote,
    )


def rows(table: Table, reports: Iterable[Report]) -> list[tuple]:
    """The rows of ``table`` over ``reports``, in report order then document order."""
    out: list[tuple] = []
    for r in reports:
        if table is Table.SCORES:
            out += [_score_row(r, s) for s in r.all_scores()]
        elif table is Table.FINDINGS:
            for c in r.criteria:
                for attr, kind in _FINDING_KINDS:
                    out += [_finding_row(r, c.score.name, kind, i) for i in getattr(c, attr)]
        else:
            out += [_recommendation_row(r, i) for i in r.recommendations]
    return out


def sheets(reports: Sequence[Report], tables: Iterable[Table] = tuple(Table)) -> list[Sheet]:
    return [Sheet(t, COLUMNS[t], rows(t, reports)) for t in tables]


def _safe(value):
    """Numbers stay numbers (a spreadsheet can sum them); text is guarded against formulas."""
    if value is None or isinstance(value, bool | int | float):
        return value
    return formula_safe(value)


def write_csv(sheet: Sheet, out: TextIO) -> int:
    """One table as CSV (header first); returns the number of data rows."""
    writer = csv.writer(out)
    writer.writerow(sheet.columns)
    for row in sheet.rows:
        writer.writerow(["" if v is None else _safe(v) for v in row])
    return len(sheet.rows)


def _xlsx_safe(value):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    value = _safe(value)
    # PDF text can hold control characters (form feeds) that the xlsx format cannot store.
    return ILLEGAL_CHARACTERS_RE.sub(" ", value) if isinstance(value, str) else value


def write_xlsx(book: Sequence[Sheet], out: BinaryIO) -> None:
    """Every table as a sheet of one workbook, with a bold, frozen, filterable header row."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    for sheet in book:
        ws = wb.create_sheet(title=str(sheet.table))
        ws.append(list(sheet.columns))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in sheet.rows:
            ws.append([_xlsx_safe(v) for v in row])
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
        for n, name in enumerate(sheet.columns, 1):
            wide = name in ("text", "source_quote")
            ws.column_dimensions[get_column_letter(n)].width = (
                60 if wide else max(10, len(name) + 2)
            )
    wb.save(out)

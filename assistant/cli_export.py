"""`findings export`: the loaded reports as spreadsheets (CSV or xlsx)."""

from __future__ import annotations

import io
import os
import sys
import tempfile
from pathlib import Path

import typer
from rich.console import Console

from assistant.core import get_findings
from assistant.score_export import Format, Table, sheets, write_csv, write_xlsx

export_app = typer.Typer(help="Export the loaded reports as spreadsheets.", no_args_is_help=True)
err_console = Console(stderr=True)


def _write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file, so a failure never leaves half a file."""
    path = path.expanduser()
    problem = None
    if path.is_dir():
        problem = f"{path} is a folder; give a file name"
    elif not path.parent.is_dir():
        problem = f"folder {path.parent} does not exist"
    if problem:
        err_console.print(f"--output: {problem}", soft_wrap=True, highlight=False)
        raise typer.Exit(2)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@export_app.command()
def scores(
    fmt: Format = typer.Option(Format.CSV, "--format", "-f", help="csv or xlsx."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="File to write; CSV goes to standard output without it."
    ),
    what: Table = typer.Option(
        Table.SCORES,
        "--what",
        help="CSV only: which table (an xlsx workbook holds all three as sheets).",
    ),
    report: str | None = typer.Option(None, "--report", help="Only this report, e.g. sefton-2009."),
) -> None:
    """One row per report and measure (value, band or rating, source quote); findings and
    recommendations as further sheets (xlsx) or with --what (CSV)."""
    findings = get_findings()
    if findings.settings.auto_ingest_sample and not findings.store.report_ids():
        with err_console.status("First use: ingesting the bundled sample report..."):
            findings.ensure_sample()
    reports = findings.reports()
    if report is not None:
        reports = [r for r in reports if r.id == report]
        if not reports:
            known = ", ".join(findings.store.report_ids()) or "none"
            err_console.print(f"No report '{report}' in the store (loaded: {known}).")
            raise typer.Exit(2)
    if fmt is Format.XLSX:
        if output is None:
            err_console.print("An xlsx workbook needs a file: add --output scores.xlsx")
            raise typer.Exit(2)
        buffer = io.BytesIO()
        book = sheets(reports)
        write_xlsx(book, buffer)
        _write_atomically(output, buffer.getvalue())
        counts = ", ".join(f"{len(s.rows)} {s.table}" for s in book)
        err_console.print(f"Wrote {output} ({counts}).")
        return
    (sheet,) = sheets(reports, [what])
    if output is None:
        write_csv(sheet, sys.stdout)
        return
    text = io.StringIO(newline="")
    write_csv(sheet, text)
    _write_atomically(output, text.getvalue().encode("utf-8"))
    err_console.print(f"Wrote {output} ({len(sheet.rows)} {sheet.table}).")

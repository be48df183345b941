"""The `findings` command: a thin layer over the core library."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from assistant.core import get_findings
from assistant.index import IngestResult

app = typer.Typer(
    help="Cited answers and claim checks over youth-offending inspection reports.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
# pypdf logs repair warnings for damaged PDFs; the ingest summary already says what failed.
logging.getLogger("pypdf").setLevel(logging.ERROR)
err_console = Console(stderr=True)


def _ready():
    """The core, with the sample report ingested on first use."""
    findings = get_findings()
    if not findings.store.report_ids() and findings.settings.auto_ingest_sample:
        with console.status("First use: ingesting the bundled sample report..."):
            findings.ensure_sample()
    return findings


def _summary(r: IngestResult) -> str:
    if not r.ok:
        return f"[red]error[/red] {r.path}: {r.error}"
    return (
        f"[green]{r.status}[/green] {r.report_id}: {r.scores} scores, {r.findings} findings, "
        f"{r.recommendations} recommendations, {r.glossary} glossary terms, {r.facts} facts "
        f"({r.path})"
    )


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Report files (.txt, .md, .pdf) or folders."),
) -> None:
    """Parse report files and add them to the store (a changed file replaces its report)."""
    findings = get_findings()
    results: list[IngestResult] = []
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    ) as progress:
        task = progress.add_task("Loading the embedding model", total=None)
        _ = findings.index  # model load is the slow part of a first ingest

        def on_start(n: int) -> None:
            progress.update(task, description="Ingesting", total=n, completed=0)

        def on_file(r: IngestResult) -> None:
            results.append(r)
            if r.ok or r.report_id:
                progress.advance(task)
            progress.console.print(_summary(r), highlight=False)

        findings.ingest(paths, on_file=on_file, on_start=on_start)
    if not results:
        err_console.print("No report files found (looked for .txt, .md and .pdf).")
        raise typer.Exit(2)
    if any(not r.ok for r in results):
        raise typer.Exit(2)


@app.command()
def reports(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """List the reports in the store with their headline scores."""
    from rich.table import Table

    loaded = _ready().reports()
    if as_json:
        typer.echo(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "area": r.area,
                        "published": r.published,
                        "fieldwork": r.fieldwork,
                        "scores": {
                            s.key: {"value": s.value, "band": s.band} for s in r.headline_scores
                        },
                    }
                    for r in loaded
                ],
                indent=2,
            )
        )
        return
    table = Table(title="Reports")
    for col in ("id", "area", "published", "headline scores"):
        table.add_column(col)
    for r in loaded:
        scores = ", ".join(f"{s.name} {s.value}% {s.band or ''}".strip() for s in r.headline_scores)
        table.add_row(r.id, r.area, r.published or "", scores)
    console.print(table)


@app.command()
def show(
    report_id: str = typer.Argument(..., help="Report id, e.g. sefton-2009."),
    as_json: bool = typer.Option(False, "--json", help="Print the structured report as JSON."),
) -> None:
    """Show one report: scores, findings, recommendations and glossary."""
    from assistant.render import report_json, show_report

    findings = _ready()
    report = findings.report(report_id)
    if report is None:
        known = ", ".join(findings.store.report_ids()) or "none"
        err_console.print(f"No report '{report_id}' in the store (loaded: {known}).")
        raise typer.Exit(2)
    if as_json:
        typer.echo(json.dumps(report_json(report), indent=2))
    else:
        show_report(report, console)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
) -> None:
    """Serve the web app and the HTTP API."""
    import uvicorn

    _ready()
    console.print(f"findings is serving on http://{host}:{port}  (API docs at /docs)")
    # By import string, so that `assistant` never imports `web`.
    uvicorn.run("web.app:create_app", factory=True, host=host, port=port, log_level="warning")

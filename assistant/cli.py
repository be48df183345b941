"""The `findings` command: a thin layer over the core library."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from assistant.cli_export import export_app
from assistant.core import get_findings
from assistant.settings import get_settings

if TYPE_CHECKING:
    from assistant.storage.index import IngestResult

app = typer.Typer(
    help="Cited answers and claim checks over youth-offending inspection reports.",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(export_app, name="export")
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
    if r.status == "needs-replace":
        return (
            f"[yellow]not replaced[/yellow] {r.report_id}: a different version is stored; "
            f"run again with --replace to replace it ({r.path})"
        )
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
    replace: bool = typer.Option(
        False,
        "--replace",
        help="Replace stored reports by these changed versions (the old ones stay in history).",
    ),
) -> None:
    """Parse report files and add them to the store (a changed report needs --replace)."""
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
            progress.console.print(_summary(r), highlight=False, soft_wrap=True)

        findings.ingest(paths, replace=replace, on_file=on_file, on_start=on_start)
    if not results:
        err_console.print("No report files found (looked for .txt, .md and .pdf).")
        raise typer.Exit(2)
    if any(not r.ok for r in results):
        raise typer.Exit(2)


@app.command()
def history(report_id: str = typer.Argument(..., help="Report id, e.g. sefton-2009.")) -> None:
    """List the stored versions of a report: when, sha256 and file name."""
    from rich.table import Table

    versions = get_findings().history(report_id)
    if not versions:
        err_console.print(f"No history for '{report_id}' (nothing was ever stored under it).")
        raise typer.Exit(2)
    table = Table(title=f"Versions of {report_id}")
    for col in ("version", "stored (UTC)", "sha256", "file", ""):
        table.add_column(col)
    for v in versions:
        table.add_row(
            str(v.number), v.stored_at, v.sha256[:12], v.file_name, "stored" if v.active else ""
        )
    console.print(table)
    if not any(v.active for v in versions):
        console.print(f"{report_id} is removed; `findings rollback {report_id}` restores it.")


@app.command()
def rollback(
    report_id: str = typer.Argument(..., help="Report id, e.g. sefton-2009."),
    to: str | None = typer.Option(
        None, "--to", help="Version number or sha256 prefix (default: the one before)."
    ),
) -> None:
    """Restore an earlier version of a report (its facts and its chunks)."""
    from assistant.storage.history import NoSuchVersion
    from assistant.storage.lock import StoreBusy

    findings = get_findings()
    try:
        with console.status(f"Restoring {report_id}..."):
            version = findings.rollback(report_id, to)
    except (NoSuchVersion, StoreBusy) as e:
        err_console.print(str(e))
        raise typer.Exit(2) from None
    console.print(
        f"{report_id}: version {version.number} ({version.sha256[:12]}, {version.file_name}, "
        f"stored {version.stored_at}) is the stored version"
    )


@app.command()
def remove(report_id: str = typer.Argument(..., help="Report id, e.g. sefton-2009.")) -> None:
    """Remove a report from the store; it stays in its history, so rollback restores it."""
    from assistant.storage.lock import StoreBusy

    try:
        removed = get_findings().remove(report_id)
    except StoreBusy as e:
        err_console.print(str(e))
        raise typer.Exit(2) from None
    if not removed:
        err_console.print(f"No report '{report_id}' in the store.")
        raise typer.Exit(2)
    console.print(
        f"removed {report_id}; its versions are kept (`findings rollback {report_id}` "
        "restores the last one)"
    )


@app.command()
def doctor(
    check_only: bool = typer.Option(False, "--check-only", help="Report problems, repair none."),
) -> None:
    """Check the SQLite facts and the vector store against each other and repair what it can."""
    from assistant.storage.lock import StoreBusy

    try:
        result = get_findings().doctor(repair=not check_only)
    except StoreBusy as e:
        err_console.print(str(e))
        raise typer.Exit(2) from None
    for line in result.lines():
        console.print(line, highlight=False, markup=False)
    if not result.consistent:
        raise typer.Exit(1)


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
                        "format": r.format,
                        "format_confidence": r.format_confidence,
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
    for col in ("id", "area", "published", "format", "headline scores"):
        table.add_column(col)
    for r in loaded:
        # a 2012-2017 report has no headline score: its areas' judgements stand in
        shown = r.headline_scores or [m for m in r.measures if m.kind == "area"]
        scores = ", ".join(f"{s.name} {s.display()} {s.band or ''}".strip() for s in shown)
        shown_format = f"{r.format} ({r.format_confidence:.0%} sure)"
        table.add_row(r.id, r.area, r.published or "", shown_format, scores)
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
def quiz(
    n: int = typer.Option(5, "--n", min=1, max=50, help="How many questions."),
    seed: int | None = typer.Option(None, help="Seed: the same seed gives the same quiz."),
) -> None:
    """A multiple-choice quiz from the loaded glossaries, scores and findings (for training)."""
    import random

    from rich.markup import escape

    from assistant.quiz import make_quiz

    seed = random.randrange(1, 10**6) if seed is None else seed
    questions = make_quiz(_ready().reports(), n=n, seed=seed)
    if not questions:
        err_console.print("No questions: no loaded report has a glossary, scores or findings.")
        raise typer.Exit(2)
    right = 0
    console.print(f"[dim]Quiz seed {seed} (use --seed {seed} to repeat it)[/dim]")
    for i, q in enumerate(questions, 1):
        console.rule(f"Question {i} of {len(questions)}")
        console.print(escape(q.prompt), highlight=False)
        for k, option in enumerate(q.options, 1):
            console.print(f"  {k}. {escape(option)}", highlight=False)
        choice = typer.prompt(f"Your answer (1-{len(q.options)})", type=int)
        while not 1 <= choice <= len(q.options):
            choice = typer.prompt(f"Please type a number from 1 to {len(q.options)}", type=int)
        if choice - 1 == q.answer:
            right += 1
            console.print("[green]Correct.[/green]", highlight=False)
        else:
            console.print(
                f"[red]Not quite.[/red] The answer is {q.answer + 1}. {escape(q.correct_option)}",
                highlight=False,
            )
        c = q.citation()
        console.print(escape(q.explanation), highlight=False)
        console.print(
            f"[dim]Source: {escape(c['report'])} {escape(c['heading'])}: "
            f"\u201c{escape(' '.join(c['quote'].split()))}"
            "\u201d[/dim]",
            highlight=False,
        )
    console.rule()
    console.print(f"You answered {right} of {len(questions)} correctly.")


@app.command()
def feedback(
    as_csv: bool = typer.Option(False, "--csv", help="Print every rating as CSV."),
) -> None:
    """Ratings (thumbs up/down and comments) given to answers in the web app."""
    from assistant.storage.feedback import all_feedback, write_csv

    rows = all_feedback(get_findings().store)
    if as_csv:
        import sys

        write_csv(rows, sys.stdout)
        return
    from rich.table import Table
    from rich.text import Text

    up = sum(1 for r in rows if r.rating > 0)
    console.print(f"{len(rows)} ratings: {up} up, {len(rows) - up} down")
    table = Table()
    for col in ("when", "rating", "question", "comment"):
        table.add_column(col)
    for r in rows[-20:]:
        # Cells are plain Text so a comment like "[red]" is shown, not interpreted.
        table.add_row(*(Text(v) for v in (r.created_at, r.label, r.question, r.comment or "")))
    if rows:
        console.print(table)


@app.command()
def ask(
    question: str = typer.Argument(..., help="A question in plain English."),
    as_json: bool = typer.Option(False, "--json", help="Print the API's JSON answer."),
    report: str | None = typer.Option(None, "--report", help="Only this report, e.g. sefton-2009."),
    conversation: str | None = typer.Option(
        None, "--conversation", help="Continue this conversation (id from an earlier answer)."
    ),
) -> None:
    """Ask a question; the answer quotes and cites the reports."""
    from assistant.chat import render_answer

    try:
        answer = _ready().ask(question, conversation, report)
    except ValueError as e:
        err_console.print(str(e))
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(answer.to_dict(), indent=2, ensure_ascii=False))
    else:
        render_answer(answer, console)
        console.print(f"[dim]conversation: {answer.conversation_id}[/]")


@app.command()
def chat(
    report: str | None = typer.Option(None, "--report", help="Only this report."),
) -> None:
    """An interactive conversation: follow-up questions refer to earlier answers."""
    from assistant.chat import chat_loop

    findings = _ready()
    chat_loop(
        lambda q, cid: findings.ask(q, cid, report),
        console,
        lambda: console.input("[bold green]?[/] "),
    )


@app.command(name="eval")
def evaluate(
    gold: Path | None = typer.Option(None, "--gold", help="Gold set (YAML); default: the repo's."),
    as_json: bool = typer.Option(False, "--json", help="Print the results as JSON."),
    show_failures: bool = typer.Option(True, help="List the questions that failed."),
    question_set: str = typer.Option(
        "gold", "--set", help="gold, or paraphrase: both halves of the paraphrase set per kind."
    ),
    paraphrase_dir: Path | None = typer.Option(
        None, "--paraphrase-dir", help="Folder holding tune.yaml and heldout.yaml."
    ),
    half: list[str] = typer.Option(
        ["tune", "heldout"], "--half", help="Paraphrase half to run (repeat for both)."
    ),
) -> None:
    """Run the gold question set: accuracy by kind, citation accuracy, latency."""
    from assistant.evaluate import DEFAULT_GOLD, print_report, run_gold

    if question_set == "paraphrase":
        _eval_paraphrase(paraphrase_dir, half, as_json, show_failures)
        return
    if question_set != "gold":
        err_console.print(f"[red]Unknown question set {question_set!r}: gold or paraphrase.[/]")
        raise typer.Exit(2)
    result = run_gold(gold or DEFAULT_GOLD, progress=None if as_json else err_console)
    if as_json:
        typer.echo(json.dumps(result.to_dict(), indent=2))
    else:
        print_report(result, console, show_failures=show_failures)
    if not result.passed:
        raise typer.Exit(1)


def _eval_paraphrase(
    directory: Path | None, halves: list[str], as_json: bool, show_failures: bool
) -> None:
    from assistant.paraphrase_eval import print_paraphrase, run_paraphrase
    from assistant.paraphrase_set import HALVES, PARAPHRASE_DIR

    unknown = sorted(set(halves) - set(HALVES))
    folder = directory or PARAPHRASE_DIR
    missing = [h for h in halves if not (folder / f"{h}.yaml").is_file()]
    if unknown or missing:
        err_console.print(
            f"[red]No paraphrase half {', '.join(unknown or missing)} in {folder.name}/: "
            f"expected {' and '.join(f'{h}.yaml' for h in HALVES)}.[/]"
        )
        raise typer.Exit(2)
    result = run_paraphrase(folder, halves, progress=None if as_json else err_console)
    if as_json:
        typer.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        print_paraphrase(result, console, show_failures=show_failures)


@app.command()
def check(
    claim: str = typer.Argument(..., help="A claim, or a paragraph whose sentences to check."),
    as_json: bool = typer.Option(False, "--json", help="Print the API's JSON verdict(s)."),
    report: str | None = typer.Option(
        None,
        "--report",
        "-r",
        help="The report (id or area name) that claims naming no area are about.",
    ),
) -> None:
    """Check numeric claims against the stored scores and facts of the reports."""
    from rich.markup import escape

    from assistant.claims import UnknownReport, check_claim, check_text, reports_named, to_dict
    from ingest.text.sentences import sentence_spans

    findings = _ready()
    reports = findings.reports()
    try:
        about = reports_named(reports, report) if report else None
    except UnknownReport as e:
        err_console.print(f"[red]Error:[/] {escape(str(e))}")
        raise typer.Exit(2) from e
    several = len(sentence_spans(claim)) > 1
    narrowing = findings.claim_narrowing()
    results = (
        check_text(claim, reports, about, narrowing)
        if several
        else [check_claim(claim, reports, about, narrowing)]
    )
    if as_json:
        payload = {"results": [to_dict(r) for r in results]} if several else to_dict(results[0])
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    if not results:
        console.print("No sentence carries a number or band to check.")
    colours = {
        "supported": "green",
        "contradicted": "red",
        "unverifiable": "yellow",
        "mixed": "magenta",
    }
    for r in results:
        colour = colours.get(r.verdict, "white")
        console.print(f"[bold {colour}]{r.verdict.upper()}[/] {escape(r.claim)}")
        console.print(f"  {escape(r.explanation)}", highlight=False)
        for e in r.evidence:
            quote = " ".join(e.quote.split())
            console.print(
                f"  [dim]{escape(e.report)} {escape(e.section)} ({escape(e.heading)}):[/] "
                f'"{escape(quote)}" [bold]{escape(e.value)}[/]',
                highlight=False,
            )


@app.command()
def mcp() -> None:
    """Serve the MCP tools (ask, check_claim, search, list_reports, get_report) on stdio."""
    from assistant.mcp_server import run_stdio

    run_stdio()


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    read_only: bool = typer.Option(
        False,
        "--read-only",
        help="Refuse every change to the reports (needed to serve on a network interface "
        "without FINDINGS_API_TOKEN).",
    ),
) -> None:
    """Serve the web app and the HTTP API (loopback only unless FINDINGS_API_TOKEN is set)."""
    import uvicorn

    from assistant.listen import serve_refusal

    settings = get_settings()
    refused = serve_refusal(host, settings.api_token, read_only or settings.read_only)
    if refused:
        typer.echo(f"findings serve: {refused}", err=True)
        raise typer.Exit(2)
    findings = _ready()
    # The app is built in this process from the same cached core: it sees the flag.
    findings.settings.read_only = read_only or findings.settings.read_only
    console.print(f"findings is serving on http://{host}:{port}  (API docs at /docs)")
    # By import string, so that `assistant` never imports `web`.
    uvicorn.run("web.app:create_app", factory=True, host=host, port=port, log_level="warning")


if __name__ == "__main__":
    app()

"""Terminal and JSON renderings of a structured report (used by `findings show`)."""

from __future__ import annotations

from dataclasses import asdict

from rich.console import Console
from rich.table import Table

from ingest.model import Report

BAND_STYLE = {
    "MINIMUM": "green",
    "MODERATE": "yellow",
    "SUBSTANTIAL": "dark_orange",
    "DRASTIC": "red",
}


def report_json(report: Report) -> dict:
    """The structured report without its full source text (which can be large)."""
    data = asdict(report)
    data.pop("text", None)
    data.pop("pages", None)
    return data


def _band(band: str | None) -> str:
    if not band:
        return ""
    return f"[{BAND_STYLE.get(band, 'white')}]{band}[/]"


def show_report(report: Report, console: Console) -> None:
    """Scores table, findings per criterion, recommendations and glossary."""
    console.rule(f"[bold]{report.title or report.area}[/bold] ({report.id})")
    meta = [
        ("Published", report.published),
        ("Fieldwork", report.fieldwork),
        ("Signatory", report.signatory),
    ]
    for label, value in meta:
        if value:
            console.print(f"[bold]{label}:[/bold] {value}")
    table = Table(title="Scores")
    for col in ("measure", "score", "band"):
        table.add_column(col)
    for s in report.all_scores():
        table.add_row(s.name, f"{s.value}%", _band(s.band))
    console.print(table)
    for c in report.criteria:
        console.rule(f"{c.number} {c.name}: {c.score.value}% {_band(c.score.band)}")
        for title, items in (
            ("Strengths", c.strengths),
            ("Areas for improvement", c.areas_for_improvement),
        ):
            console.print(f"[bold]{title}[/bold] ({len(items)})")
            for i in items:
                console.print(
                    f"  ({i.number if i.number is not None else ''}) {i.text}", highlight=False
                )
    if report.recommendations:
        console.rule("Recommendations")
        for r in report.recommendations:
            owner = f" [dim]({r.owner})[/dim]" if r.owner else ""
            console.print(f"  ({r.number}) {r.text}{owner}", highlight=False)
    if report.glossary:
        console.rule("Glossary")
        g = Table(show_header=False)
        g.add_column("term", style="bold")
        g.add_column("definition")
        for entry in report.glossary:
            g.add_row(entry.term, entry.definition)
        console.print(g)

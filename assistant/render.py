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
        (
            "Format",
            f"{report.format} (read as such with {report.format_confidence:.0%} confidence)",
        ),
        ("Published", report.published),
        ("Fieldwork", report.fieldwork),
        ("Signatory", report.signatory),
    ]
    if report.missing:
        meta.append(("Not found", ", ".join(report.missing)))
    for label, value in meta:
        if value:
            console.print(f"[bold]{label}:[/bold] {value}", highlight=False)
    table = Table(title="Scores")
    for col in ("measure", "score", "band"):
        table.add_column(col)
    for s in report.all_scores():
        previous = f" (was {s.previous.value}% in {s.previous.year})" if s.previous else ""
        table.add_row(s.name, s.display() + previous, _band(s.band))
    console.print(table)
    for c in report.criteria:
        console.rule(f"{c.number} {c.name}: {c.score.display()} {_band(c.score.band)}")
        for title, items in (
            ("Strengths", c.strengths),
            ("Areas for improvement", c.areas_for_improvement),
        ):
            console.print(f"[bold]{title}[/bold] ({len(items)})")
            for i in items:
                console.print(
                    f"  ({i.number if i.number is not None else ''}) {i.text}", highlight=False
                )
    for sec in report.sections:
        if sec.findings:
            console.rule(f"{sec.number} {sec.name}: key findings")
            for i in sec.findings:
                console.print(f"  - {i.text}", highlight=False)
    if report.recommendations:
        console.rule("Recommendations")
        for r in report.recommendations:
            owner = f" [dim]({r.owner})[/dim]" if r.owner else ""
            number = r.number if r.number is not None else r.position
            console.print(f"  ({number}) {r.text}{owner}", highlight=False)
    if report.glossary:
        console.rule("Glossary")
        g = Table(show_header=False)
        g.add_column("term", style="bold")
        g.add_column("definition")
        for entry in report.glossary:
            g.add_row(entry.term, entry.definition)
        console.print(g)

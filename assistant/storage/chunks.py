"""Split a parsed Report into retrievable chunks, one per citable unit (pure)."""

from __future__ import annotations

from langchain_core.documents import Document

from ingest.model import Item, Paragraph, Report, Score, Source, Unit

# Chunk kinds, used as retrieval filters.
KINDS = (
    "strength",
    "area",
    "recommendation",
    "glossary",
    "score",
    "general-criterion",
    "foreword",
    "commentary",
    "next-steps",
    "service-users",
    "context",
    "inspection-data",
    "finding",  # an area of work's key finding (2012-2017 inspections)
    "body",  # a paragraph of a report's other text (general documents, summaries)
)


def _doc(report: Report, kind: str, source: Source, text: str, n: int | None, key: str) -> Document:
    return Document(
        page_content=text,
        id=f"{report.id}:{key}",
        metadata={
            "report": report.id,
            "area": report.area,
            "section": source.section,
            "heading": source.heading,
            "kind": kind,
            # Chroma metadata cannot hold None: -1 means "not known".
            "item": n if n is not None else -1,
            "page": source.page if source.page is not None else -1,
            "quote": source.quote,
            "start": source.start,
        },
    )


def _score_text(s: Score) -> str:
    if s.unit == Unit.RATING:
        return f"{s.name} rated: {s.rating}"
    if s.unit == Unit.SHARE:
        return f"{s.name} {s.value}% of inspected cases"
    band = f" {s.band} improvement required" if s.band else ""
    previous = f" (previous score {s.previous.value}%)" if s.previous else ""
    return f"{s.name} score: {s.display()}{band}{previous}"


def _items(report: Report, kind: str, items: list[Item], prefix: str) -> list[Document]:
    return [
        _doc(
            report,
            kind,
            i.source,
            f"{i.source.heading}: {i.text}",
            i.number,
            f"{prefix}:{i.position}",
        )
        for i in items
    ]


def _paragraphs(report: Report, kind: str, paras: list[Paragraph], prefix: str) -> list[Document]:
    return [
        _doc(report, kind, p.source, p.text, None, f"{prefix}:{n}") for n, p in enumerate(paras, 1)
    ]


def report_chunks(report: Report) -> list[Document]:
    """Every finding item, glossary entry, score line, recommendation and paragraph."""
    docs: list[Document] = []
    for s in report.all_scores():
        docs.append(_doc(report, "score", s.source, _score_text(s), None, f"score:{s.key}"))
    for c in report.criteria:
        docs += _items(report, "strength", c.strengths, f"{c.number}:strength")
        docs += _items(report, "area", c.areas_for_improvement, f"{c.number}:area")
        if c.general_criterion:
            src = c.score.source
            docs.append(
                _doc(
                    report,
                    "general-criterion",
                    src,
                    f"{c.number} {c.name} general criterion: {c.general_criterion}",
                    None,
                    f"{c.number}:general",
                )
            )
    for sec in report.sections:
        docs += _paragraphs(report, "commentary", sec.commentary, f"{sec.number}:commentary")
        docs += _items(report, "finding", sec.findings, f"{sec.number}:finding")
    docs += _items(report, "recommendation", report.recommendations, "recommendation")
    for n, g in enumerate(report.glossary, 1):
        docs.append(
            _doc(report, "glossary", g.source, f"{g.term}: {g.definition}", None, f"glossary:{n}")
        )
    docs += _paragraphs(report, "foreword", report.foreword, "foreword")
    docs += _paragraphs(report, "next-steps", report.next_steps, "next-steps")
    docs += _paragraphs(report, "service-users", report.service_users, "service-users")
    docs += _paragraphs(report, "context", report.context, "context")
    docs += _paragraphs(report, "inspection-data", report.inspection_data, "inspection-data")
    docs += _paragraphs(report, "body", report.body, "body")
    return docs

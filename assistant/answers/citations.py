"""Citations: the exact source text an answer rests on, and pure functions that make them."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ingest.model import Report, Source
from ingest.text.locate import find_loose
from ingest.text.sentences import sentence_spans
from ingest.text.tokens import clean


@dataclass(frozen=True)
class Citation:
    """One numbered citation; ``quote`` is an exact substring of the report's stored text."""

    report: str
    section: str
    heading: str
    quote: str
    page: int | None = None

    def to_dict(self) -> dict:
        return asdict(self)


def from_source(report: Report, source: Source) -> Citation:
    return Citation(report.id, source.section, source.heading, source.quote, source.page)


def from_metadata(meta: dict) -> Citation:
    """From a chunk's metadata (Chroma stores -1 for an unknown page)."""
    page = meta.get("page")
    return Citation(
        meta["report"],
        meta["section"],
        meta["heading"],
        meta["quote"],
        None if page is None or page < 0 else int(page),
    )


def page_at(report: Report, offset: int) -> int | None:
    """1-based page holding ``offset``, when the report has page starts (PDFs)."""
    if not report.pages:
        return None
    page = None
    for n, start in enumerate(report.pages, 1):
        if start <= offset:
            page = n
    return page


def locate(report: Report, needle: str, section: str, heading: str) -> Citation | None:
    """Cite ``needle`` where it stands in the report's text (whitespace-tolerant)."""
    span = find_loose(report.text, needle)
    if span is None:
        return None
    return Citation(
        report.id, section, heading, report.text[span[0] : span[1]], page_at(report, span[0])
    )


def sentences(quote: str) -> list[tuple[str, str]]:
    """(raw, cleaned) sentences of a raw quote; each raw one is a substring of the quote."""
    return [(quote[a:b], clean(quote[a:b])) for a, b in sentence_spans(quote)]


def narrow(citation: Citation, raw_sentence: str) -> Citation:
    """The same citation quoting one sentence of its quote."""
    if raw_sentence not in citation.quote:
        raise ValueError("the sentence is not part of the citation's quote")
    return Citation(
        citation.report, citation.section, citation.heading, raw_sentence, citation.page
    )


def is_grounded(citation: Citation, reports: dict[str, Report]) -> bool:
    """True when the quote stands verbatim in its report's stored text."""
    report = reports.get(citation.report)
    return bool(report and citation.quote and citation.quote in report.text)

"""The catalogue of the loaded reports: what each report's reader stored of it at ingest (its
region, year, format and overall rating), and the citation that shows it in the report's own
text.

A question that lists reports by these ("which areas are in the North West?", "which YOTs
were rated Inadequate overall?", "list the areas inspected in 2012") is answered from the
stored fields, never by retrieval over every report: picking the reports only compares fields,
and a citation is located in the text of a report that is listed, once per report version.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from assistant.answers.citations import Citation, from_source, locate, page_at
from assistant.answers.derived import persisted
from assistant.answers.lexicon import per_report
from ingest.model import RATINGS, Paragraph, Report, Score, Unit
from ingest.readers.region import region_names, region_statement
from ingest.text.resources import load_yaml
from ingest.text.sentences import sentence_spans
from ingest.text.terms import phrase_regex


class Facet(StrEnum):
    REGION = "region"
    YEAR = "year"
    FORMAT = "format"
    RATING = "rating"


@dataclass(frozen=True)
class Pick:
    """One condition a listed report must meet: a facet and the value it must have."""

    facet: Facet
    value: str  # "North West", "2012", "ratings", "Inadequate"

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"

    @classmethod
    def parse(cls, text: str) -> Pick:
        facet, _, value = text.partition("=")
        return cls(Facet(facet), value)

    def phrase(self) -> str:
        """How an answer says the condition: 'are in the North West region'."""
        if self.facet == Facet.REGION:
            return f"state that they are in {_region_phrase(self.value)}"
        if self.facet == Facet.YEAR:
            return f"are dated {self.value}"
        if self.facet == Facet.FORMAT:
            return f"are {FORMAT_NAMES.get(self.value, self.value)} reports"
        return f"were rated {self.value} overall"


FORMAT_NAMES = {
    "core-case": "Core Case Inspection",
    "inspection-2012": "2012-2017 inspection",
    "ratings": "ratings framework",
    "general": "general",
}


def _region_phrase(name: str) -> str:
    return name if name in _nations() else f"the {name} region"


@cache
def _nations() -> frozenset[str]:
    return frozenset(load_yaml("ingest.readers", "region.yaml")["nations"])


@dataclass(frozen=True)
class Settings:
    formats: dict[str, re.Pattern]
    year: re.Pattern
    listed: int


@cache
def settings() -> Settings:
    data = load_yaml("assistant.answers", "listing.yaml")
    formats = {
        fmt: re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I)
        for fmt, words in data["formats"].items()
    }
    return Settings(formats, re.compile(data["year"]), int(data["listed"]))


# --- what each report holds ------------------------------------------------------------------


def overall_rating(report: Report) -> Score | None:
    """The rating a report gives the whole service (a headline measure rated with a word)."""
    return next((s for s in report.headline_scores if s.unit == Unit.RATING and s.rating), None)


@persisted("overall-keys")
def overall_keys(reports: Sequence[Report]) -> frozenset[str]:
    """The keys of the measures that hold the reports' overall ratings ("overall")."""
    return frozenset(s.key for r in reports if (s := overall_rating(r)) is not None)


@persisted("rating-words")
def rating_words(reports: Sequence[Report]) -> list[str]:
    """The overall ratings the reports give, and the framework's scale, longest first."""
    used = {s.rating for r in reports if (s := overall_rating(r)) is not None and s.rating}
    return sorted(used | set(RATINGS), key=len, reverse=True)


@dataclass(frozen=True)
class Entry:
    """What the catalogue holds of one report: the fields a list picks it by."""

    region: str | None
    year: int | None
    format: str
    rating: str | None  # its overall rating

    @classmethod
    def of(cls, report: Report) -> Entry:
        rating = overall_rating(report)
        return cls(report.region, report.year, str(report.format), rating and rating.rating)


@persisted("catalogue")  # saved once per store change: a list reads only the reports it shows
def entries(reports: Sequence[Report]) -> dict[str, Entry]:
    """The catalogue entry of each report, by id."""
    return {r.id: Entry.of(r) for r in reports}


def holds(report: Report | Entry, pick: Pick) -> bool:
    """Whether the stored report (or its catalogue entry) meets ``pick``: fields only."""
    entry = report if isinstance(report, Entry) else Entry.of(report)
    if pick.facet == Facet.REGION:
        return (entry.region or "").lower() == pick.value.lower()
    if pick.facet == Facet.YEAR:
        return entry.year is not None and str(entry.year) == pick.value
    if pick.facet == Facet.FORMAT:
        return entry.format == pick.value
    return entry.rating is not None and entry.rating.lower() == pick.value.lower()


def evidence(report: Report, pick: Pick) -> Citation | None:
    """Where the report's own text shows it meets ``pick`` (None when it cannot be quoted)."""
    if pick.facet == Facet.REGION:
        return _region_citation(report)
    if pick.facet == Facet.YEAR:
        return _year_citation(report)
    if pick.facet == Facet.FORMAT:
        return _title_citation(report)
    rating = overall_rating(report)
    return from_source(report, rating.source) if rating is not None else None


def _paragraphs(report: Report) -> list[Paragraph]:
    return (
        report.foreword
        + report.context
        + report.inspection_data
        + report.service_users
        + report.next_steps
        + report.body
        + [p for s in report.sections for p in s.commentary]
    )


@per_report  # located once per report version, only for the reports a list shows
def _region_citation(report: Report) -> Citation | None:
    found = region_statement(report.text)
    if found is None:
        return None
    _, start, end = found
    for p in _paragraphs(report):
        at = p.source.start
        if at <= start and end <= at + len(p.source.quote):
            # The sentence of the paragraph that makes the statement.
            for a, b in sentence_spans(p.source.quote):
                if at + a <= start and end <= at + b:
                    return Citation(
                        report.id,
                        p.source.section,
                        p.source.heading,
                        p.source.quote[a:b],
                        p.source.page,
                    )
            return from_source(report, p.source)
    return Citation(
        report.id,
        "context",
        "Contextual information",
        report.text[start:end],
        page_at(report, start),
    )


@per_report
def _year_citation(report: Report) -> Citation | None:
    if report.year is None:
        return None
    heading = report.foreword[0].source.heading if report.foreword else "Foreword"
    for stated in (report.published, report.fieldwork):
        if stated and str(report.year) in stated:
            c = locate(report, stated, "foreword", heading)
            if c is not None:
                return c
    return locate(report, str(report.year), "foreword", heading)


@per_report
def _title_citation(report: Report) -> Citation | None:
    if not report.title:
        return None
    return locate(report, report.title, "title", report.title)


# --- what a question picks -------------------------------------------------------------------


def _words(name: str) -> str:
    return r"\b" + phrase_regex(name) + r"\b"


def picks_in(question: str, reports: Sequence[Report]) -> tuple[list[Pick], str]:
    """The conditions ``question`` names, and the question with their words blanked (what is
    left is read for anything else it asks)."""
    out: list[Pick] = []
    rest = question
    for fmt, pattern in settings().formats.items():
        m = pattern.search(rest)
        if m:
            out.append(Pick(Facet.FORMAT, fmt))
            rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end() :]
    for name in sorted(region_names(), key=len, reverse=True):
        m = re.search(_words(name), rest, re.I)
        if m:
            out.append(Pick(Facet.REGION, name))
            rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end() :]
            break
    for m in settings().year.finditer(rest):
        out.append(Pick(Facet.YEAR, m.group(1)))
        rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end() :]
        break
    for word in rating_words(reports):
        m = re.search(_words(word), rest, re.I)
        if m:
            out.append(Pick(Facet.RATING, word))
            rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end() :]
            break
    return out, rest


def picked(reports: Sequence[Report], picks: Sequence[Pick]) -> list[Report]:
    """The reports that meet every pick, in the order given."""
    held = entries(reports)
    return [r for r in reports if all(holds(held[r.id], p) for p in picks)]

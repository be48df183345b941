"""Domain objects for a parsed inspection report.

Every object that can be cited carries ``section``, ``heading``, ``quote`` and ``start``:
``quote`` is an exact substring of ``Report.text`` beginning at offset ``start``, so a
citation can always be checked against (and highlighted in) the stored source text.
"""

from __future__ import annotations

import functools
import types
import typing
from dataclasses import dataclass, field, fields, is_dataclass
from enum import StrEnum

BANDS = ("MINIMUM", "MODERATE", "SUBSTANTIAL", "DRASTIC")


class Role(StrEnum):
    """What a measure stands for in its report (a StrEnum: equal to its plain string)."""

    HEADLINE = "headline"  # a report-wide score or the overall rating
    CRITERION = "criterion"  # a numbered criterion (core case) or standard (ratings framework)
    OVERALL = "overall"  # a whole section's or domain's score
    KEY_QUESTION = "key-question"  # a key question answered with a share of inspected cases
    AREA = "area"  # an area of work judged with a word (2012-2017 inspections)


class Unit(StrEnum):
    """What a measure's value is."""

    PERCENT = "percent"  # 0-100, usually with an improvement band
    SHARE = "share"  # the percentage of inspected cases meeting a key question
    POINTS = "points"  # points out of ``Score.maximum`` (ratings framework: "Score 21/36")
    RATING = "rating"  # a word on a scale, in ``Score.rating``; ``value`` is its rank or None


class Rating(StrEnum):
    """The ratings framework's four-point scale, best first."""

    OUTSTANDING = "Outstanding"
    GOOD = "Good"
    REQUIRES_IMPROVEMENT = "Requires improvement"
    INADEQUATE = "Inadequate"


RATINGS = tuple(Rating)


class ReportFormat(StrEnum):
    """The layouts a reader knows; GENERAL is any other document with text."""

    CORE_CASE = "core-case"  # Core Case Inspection, 2009-2012
    INSPECTION_2012 = "inspection-2012"  # areas of work with judgement words, 2012-2017
    RATINGS = "ratings"  # the ratings framework, 2018 onwards
    GENERAL = "general"


# Citation section ids for the parts of a report that are not numbered criteria.
SECTION_IDS = (
    "foreword",
    "summary",
    "recommendations",
    "next-steps",
    "service-users",
    "context",
    "inspection-data",
    "glossary",
)


@dataclass
class Source:
    """Where a piece of text stands in the report: the fields a citation needs."""

    section: str  # "1.3", "1" (a whole section's overall score/commentary), "foreword", ...
    heading: str  # human heading, e.g. "1.3 Safeguarding" or "Appendix 5: Glossary"
    quote: str  # exact substring of Report.text
    start: int  # offset of quote in Report.text
    page: int | None = None


@dataclass
class Previous:
    """A reinspection's earlier value of the same measure ("Previous score (2010): 43%")."""

    value: float | None
    source: Source
    year: int | None = None
    rating: str | None = None


@dataclass
class Score:
    """The one measure model: a percentage with a band, a share of cases, points out of a
    maximum or a rating, each with its source and, on a reinspection, the previous value."""

    key: str  # "safeguarding" | "risk-of-harm" | "likelihood-of-reoffending" | "1.3" | "overall-1"
    name: str  # "Safeguarding", "1.3 Safeguarding", "Assessment and Sentence Planning"
    value: int | float | None  # percent, share or points; a rating's rank (1 = best) or None
    band: str | None  # one of BANDS, None when the report gives none (overall scores)
    kind: str  # a Role: "headline" | "criterion" | "overall" | "key-question" | "area"
    source: Source
    unit: str = Unit.PERCENT
    rating: str | None = None  # a Rating, or a 2012-2017 judgement word ("Good", "Poor", ...)
    maximum: int | None = None  # for POINTS: the most there were to score
    previous: Previous | None = None
    parent: str | None = None  # a key question's standard ("2.2"), a standard's domain ("2")

    def display(self) -> str:
        """The value as a reader would print it: "61%", "Good", "21/36", "69% of cases"."""
        if self.unit == Unit.RATING:
            return self.rating or ""
        if self.value is None:
            return ""
        value = int(self.value) if float(self.value).is_integer() else self.value
        if self.unit == Unit.POINTS:
            return f"{value}/{self.maximum}" if self.maximum else f"{value} points"
        if self.unit == Unit.SHARE:
            return f"{value}% of cases"
        return f"{value}%"


@dataclass
class Item:
    """A numbered list item: a strength, an area for improvement or a recommendation."""

    number: int | None  # as printed; None when printed as "()" or missing
    position: int  # 1-based order within its list (what counts use)
    text: str  # cleaned: line breaks and hyphenation joined, OCR bullets removed
    source: Source
    owner: str | None = None  # recommendations only: the bracketed responsibility


@dataclass
class Paragraph:
    """A paragraph of running text (foreword, commentary, context, next steps, ...)."""

    text: str  # cleaned
    source: Source


@dataclass
class Criterion:
    number: str  # "1.1"
    name: str  # "Risk of Harm to others"
    general_criterion: str
    score: Score
    strengths: list[Item] = field(default_factory=list)
    areas_for_improvement: list[Item] = field(default_factory=list)

    @property
    def section_number(self) -> int:
        return int(self.number.split(".")[0])


@dataclass
class Section:
    """A numbered part of a report: a core case section (1 ASSESSMENT AND SENTENCE PLANNING),
    a ratings domain (2 Court disposals), a 2012-2017 area of work, or a general heading."""

    number: int
    name: str  # title case, e.g. "Assessment and Sentence Planning"
    overall: Score | None
    commentary: list[Paragraph] = field(default_factory=list)
    findings: list[Item] = field(default_factory=list)  # an area of work's key findings


@dataclass
class GlossaryEntry:
    terms: list[str]  # ["ASB", "ASBO"] for "ASB / ASBO"; one element usually
    term: str  # as printed, e.g. "ASB / ASBO"
    definition: str  # cleaned, multi-paragraph definitions joined with "\n\n"
    source: Source  # quote = the first stretch of raw text the definition is read from
    # Every stretch of raw text the definition is read from, in reading order (the first is
    # `source`). A definition whose lines had words of the term column merged into them, or
    # that continues after other entries, is several stretches: each one an exact quote.
    spans: list[Source] = field(default_factory=list)

    def sources(self) -> list[Source]:
        """What a citation of the whole definition quotes: each of its stretches."""
        return self.spans or [self.source]


@dataclass
class Fact:
    """A numeric statement found in the report."""

    value: float
    unit: str  # "%" | "count" | "per 1,000" | "people"
    sentence: str  # cleaned sentence the number stands in
    source: Source  # quote = the raw sentence
    compared_with: str | None = None  # e.g. "England average of 85%"
    compared_value: float | None = None
    # What the figure is of beyond its number: {"census": "2001"}, {"period": "2008/09"},
    # {"cases": "custodial"} (ingest.text.qualifiers); a claim must not state other ones.
    qualifiers: dict[str, str] = field(default_factory=dict)


@dataclass
class Report:
    id: str  # slug of area and year, e.g. "sefton-2009"
    area: str  # "Sefton"
    title: str  # "Core Case Inspection of youth offending work in Sefton"
    text: str  # the full source text every quote is a substring of
    published: str | None = None  # "June 2009"
    year: int | None = None
    month: str | None = None
    fieldwork: str | None = None  # "April 2009"
    signatory: str | None = None  # "Andrew Bridges, HM Chief Inspector of Probation"
    source_path: str | None = None
    sha256: str | None = None
    pages: list[int] = field(default_factory=list)  # offsets where each page starts (PDF)
    headline_scores: list[Score] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    recommendations: list[Item] = field(default_factory=list)
    next_steps: list[Paragraph] = field(default_factory=list)
    foreword: list[Paragraph] = field(default_factory=list)
    service_users: list[Paragraph] = field(default_factory=list)
    context: list[Paragraph] = field(default_factory=list)  # area, YOT and YJB data
    inspection_data: list[Paragraph] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    format: str = ReportFormat.CORE_CASE
    format_confidence: float = 1.0  # how sure the reader choice was, 0-1
    missing: list[str] = field(default_factory=list)  # parts the format has that were not found
    measures: list[Score] = field(default_factory=list)  # e.g. key questions, area judgements
    body: list[Paragraph] = field(default_factory=list)  # a general document's paragraphs
    region: str | None = None  # the region the report says its area is in ("North West")

    def version_key(self) -> tuple:
        """The version's identity: the same id, file and text read the same."""
        return (self.id, self.sha256, len(self.text))

    def all_scores(self) -> list[Score]:
        return (
            self.headline_scores
            + [c.score for c in self.criteria]
            + [s.overall for s in self.sections if s.overall]
            + self.measures
        )

    def criterion(self, number: str) -> Criterion | None:
        return next((c for c in self.criteria if c.number == number), None)

    def section(self, number: int) -> Section | None:
        return next((s for s in self.sections if s.number == number), None)


def from_dict(cls, data):
    """Rebuild a dataclass (and everything nested in it) from ``dataclasses.asdict`` output.

    Driven by the type hints, so a new field needs no new loading code; keys the class no
    longer has are dropped, so a store written by an older version still loads."""
    return _converter(cls)(data)


def _identity(value):
    return value


@functools.cache
def _converter(hint) -> typing.Callable:
    """A function reading a value of type ``hint``, worked out once per type: reading the
    type hints on every object made loading a store of hundreds of reports take seconds."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _optional(_converter(inner[0])) if len(inner) == 1 else _identity
    if origin is list:
        (inner,) = typing.get_args(hint)
        item = _converter(inner)
        if item is _identity:
            return _optional(list)
        return _optional(lambda value: [item(v) for v in value])
    if is_dataclass(hint):
        return _optional(_dataclass_reader(hint))
    return _identity


def _optional(convert: typing.Callable) -> typing.Callable:
    return lambda value: None if value is None else convert(value)


def _dataclass_reader(cls) -> typing.Callable:
    hints = typing.get_type_hints(cls)
    names = {f.name for f in fields(cls)}
    readers: dict[str, typing.Callable] = {}

    def read(data: dict):
        if not readers:  # filled on first use: nested classes may refer to each other
            readers.update({n: _converter(hints[n]) for n in names})
        return cls(**{k: readers[k](v) for k, v in data.items() if k in readers})

    return read

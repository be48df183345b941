"""Domain objects for a parsed inspection report.

Every object that can be cited carries ``section``, ``heading``, ``quote`` and ``start``:
``quote`` is an exact substring of ``Report.text`` beginning at offset ``start``, so a
citation can always be checked against (and highlighted in) the stored source text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BANDS = ("MINIMUM", "MODERATE", "SUBSTANTIAL", "DRASTIC")

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
class Score:
    """A percentage score with its improvement band."""

    key: str  # "safeguarding" | "risk-of-harm" | "likelihood-of-reoffending" | "1.3" | "overall-1"
    name: str  # "Safeguarding", "1.3 Safeguarding", "Assessment and Sentence Planning"
    value: int  # percent
    band: str | None  # one of BANDS, None when the report gives none (overall scores)
    kind: str  # "headline" | "criterion" | "overall"
    source: Source


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
    """One of the numbered sections (1 ASSESSMENT AND SENTENCE PLANNING, ...)."""

    number: int
    name: str  # title case, e.g. "Assessment and Sentence Planning"
    overall: Score | None
    commentary: list[Paragraph] = field(default_factory=list)


@dataclass
class GlossaryEntry:
    terms: list[str]  # ["ASB", "ASBO"] for "ASB / ASBO"; one element usually
    term: str  # as printed, e.g. "ASB / ASBO"
    definition: str  # cleaned, multi-paragraph definitions joined with "\n\n"
    source: Source  # quote = the definition's (first paragraph's) raw text


@dataclass
class Fact:
    """A numeric statement found in the report."""

    value: float
    unit: str  # "%" | "count" | "per 1,000" | "people"
    sentence: str  # cleaned sentence the number stands in
    source: Source  # quote = the raw sentence
    compared_with: str | None = None  # e.g. "England average of 85%"
    compared_value: float | None = None


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

    def all_scores(self) -> list[Score]:
        return (
            self.headline_scores
            + [c.score for c in self.criteria]
            + [s.overall for s in self.sections if s.overall]
        )

    def criterion(self, number: str) -> Criterion | None:
        return next((c for c in self.criteria if c.number == number), None)

    def section(self, number: int) -> Section | None:
        return next((s for s in self.sections if s.number == number), None)

"""The tools findings offers AI assistants (over MCP): ask, check_claim, search,
list_reports and get_report. Each returns structured data in which every statement carries
its citation, and the same as readable text with a numbered Sources list.

The calls go through the core (``Findings``), the claim checker and the retriever, so an
assistant gets exactly the answers, verdicts and passages the web app and the CLI give.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import BaseModel, Field

from assistant.answers.citations import page_at
from assistant.sources_text import with_sources
from assistant.storage.chunks import KINDS
from ingest.model import Item, Report, Score, Source, Unit

MAX_QUERY = 2000
MAX_TEXT = 20000
MAX_PASSAGES = 50


class ToolInputError(ValueError):
    """Bad input to a tool: the message says what to send instead."""


# ---------------------------------------------------------------- result models


class Citation(BaseModel):
    report: str = Field(description="Report id, e.g. sefton-2009.")
    section: str = Field(description="The report's own section id: 1.3, summary, glossary, ...")
    heading: str
    quote: str = Field(description="The exact text of the report this rests on.")
    page: int | None = Field(default=None, description="Page, where the report has pages.")


class AskResult(BaseModel):
    answer: str = Field(description="The answer; [n] marks refer to citations[n-1].")
    found: bool = Field(description="False when the loaded reports do not hold the answer.")
    conversation_id: str = Field(description="Pass it as `conversation` to ask a follow-up.")
    route: str = Field(description="Which kind of question it was taken as.")
    citations: list[Citation]


class Evidence(Citation):
    value: str = Field(description="The stored value the verdict rests on, e.g. '42% MODERATE'.")


class Verdict(BaseModel):
    verdict: str = Field(
        description="supported, contradicted, unverifiable, or mixed (a claim naming no report, "
        "true of some loaded reports and false of others)"
    )
    claim: str
    explanation: str
    evidence: list[Evidence]
    span: list[int] | None = Field(
        default=None, description="Where the claim stands in the text (text mode only)."
    )


class CheckResult(BaseModel):
    results: list[Verdict]


class Passage(BaseModel):
    text: str = Field(description="The passage as indexed (heading and cleaned text).")
    kind: str = Field(description=f"One of: {', '.join(KINDS)}.")
    score: float = Field(description="Fused rank score (higher is better).")
    citation: Citation


class SearchResult(BaseModel):
    query: str
    passages: list[Passage]


class Measure(BaseModel):
    key: str
    name: str
    role: str = Field(description="headline, criterion, overall, key-question or area")
    unit: str = Field(description="percent, share, points or rating")
    value: float | None
    maximum: int | None = None
    band: str | None = None
    rating: str | None = None
    parent: str | None = None
    previous_value: float | None = None
    previous_rating: str | None = None
    previous_year: int | None = None
    citation: Citation


class ReportSummary(BaseModel):
    id: str
    area: str
    title: str
    year: int | None
    published: str | None
    format: str
    headline: list[Measure]


class ReportList(BaseModel):
    reports: list[ReportSummary]


class Finding(BaseModel):
    criterion: str
    kind: str = Field(description="strength or area for improvement")
    number: int | None
    text: str
    citation: Citation


class Recommendation(BaseModel):
    number: int | None
    text: str
    owner: str | None
    citation: Citation


class ReportDetail(ReportSummary):
    fieldwork: str | None
    measures: list[Measure] = Field(description="Every measure of the report.")
    findings: list[Finding]
    recommendations: list[Recommendation]


M = TypeVar("M", bound=BaseModel)


@dataclass
class ToolResult(Generic[M]):
    data: M
    text: str


# ---------------------------------------------------------------- helpers


def _citation(report: Report, source: Source) -> Citation:
    return Citation(
        report=report.id,
        section=source.section,
        heading=source.heading,
        quote=source.quote,
        page=source.page,
    )


def measure_text(s: Score) -> str:
    """A measure's value as a reader says it: "38% DRASTIC", "69% of cases", "21/36", "Good"."""
    if s.unit == Unit.RATING:
        return s.rating or "not rated"
    if s.value is None:
        return "no value"
    value = f"{s.value:g}" if isinstance(s.value, float) else str(s.value)
    if s.unit == Unit.POINTS:
        return f"{value}/{s.maximum}" if s.maximum else f"{value} points"
    if s.unit == Unit.SHARE:
        return f"{value}% of cases"
    return f"{value}% {s.band}" if s.band else f"{value}%"


def _measure(report: Report, s: Score) -> Measure:
    prev = s.previous
    return Measure(
        key=s.key,
        name=s.name,
        role=str(s.kind),
        unit=str(s.unit),
        value=s.value,
        maximum=s.maximum,
        band=s.band,
        rating=s.rating,
        parent=s.parent,
        previous_value=prev.value if prev else None,
        previous_rating=prev.rating if prev else None,
        previous_year=prev.year if prev else None,
        citation=_citation(report, s.source),
    )


def _summary(r: Report) -> ReportSummary:
    return ReportSummary(
        id=r.id,
        area=r.area,
        title=r.title,
        year=r.year,
        published=r.published,
        format=str(r.format),
        headline=[_measure(r, s) for s in r.headline_scores],
    )


class _Numbered:
    """Numbers citations for a text rendering, one number per distinct citation."""

    def __init__(self) -> None:
        self.citations: list[dict] = []

    def mark(self, c: Citation) -> str:
        d = c.model_dump()
        if d not in self.citations:
            self.citations.append(d)
        return f"[{self.citations.index(d) + 1}]"

    def text(self, lines: Sequence[str]) -> str:
        return with_sources("\n".join(lines).strip(), self.citations)


def _label(r: Report) -> str:
    return f"{r.area} ({r.year})" if r.year else r.area


def _clip(text: str, name: str, limit: int) -> str:
    text = (text or "").strip()
    if not text:
        raise ToolInputError(f"{name} must not be empty")
    if len(text) > limit:
        raise ToolInputError(f"{name} is {len(text):,} characters; the limit is {limit:,}")
    return text


# ---------------------------------------------------------------- the tools


class FindingsTools:
    """The five tools over one ``Findings`` core."""

    def __init__(self, findings):
        self.findings = findings
        self._retriever = None

    def _reports(self, report: str | None) -> list[Report]:
        loaded = self.findings.reports()
        if not report:
            return loaded
        chosen = [r for r in loaded if r.id == report]
        if not chosen:
            known = ", ".join(r.id for r in loaded) or "none"
            raise ToolInputError(f"no report '{report}' is loaded (loaded: {known})")
        return chosen

    def ask(
        self, question: str, report: str | None = None, conversation: str | None = None
    ) -> ToolResult[AskResult]:
        question = _clip(question, "question", MAX_QUERY)
        if report:
            self._reports(report)
        try:
            a = self.findings.ask(question, conversation or None, report or None)
        except ValueError as e:
            raise ToolInputError(str(e)) from e
        citations = [c.to_dict() for c in a.citations]
        data = AskResult(
            answer=a.answer,
            found=a.found,
            conversation_id=a.conversation_id,
            route=a.route,
            citations=[Citation(**c) for c in citations],
        )
        text = with_sources(a.answer, citations)
        text += f"\n\n(conversation: {a.conversation_id}; pass it as `conversation` to follow up)"
        return ToolResult(data, text)

    def check_claim(
        self, claim: str | None = None, text: str | None = None, report: str | None = None
    ) -> ToolResult[CheckResult]:
        from assistant import claims

        if (claim is None) == (text is None):
            raise ToolInputError("send exactly one of 'claim' or 'text'")
        reports = self.findings.reports()
        try:
            # The named report is what claims naming no area are about; one naming another
            # loaded area is still judged against that area.
            about = claims.reports_named(reports, report) if report else None
        except claims.UnknownReport as e:
            raise ToolInputError(str(e)) from e
        by_id = {r.id: r for r in reports}
        if claim is not None:
            narrowing = self.findings.claim_narrowing()
            results = [
                claims.check_claim(_clip(claim, "claim", MAX_QUERY), reports, about, narrowing)
            ]
        else:
            _clip(text or "", "text", MAX_TEXT)
            narrowing = self.findings.claim_narrowing()
            results = claims.check_text(text or "", reports, about, narrowing)
        verdicts = [self._verdict(claims.to_dict(r), by_id) for r in results]
        numbered = _Numbered()
        lines = []
        for v in verdicts:
            marks = " ".join(numbered.mark(e) for e in v.evidence)
            lines.append(f"{v.verdict.upper()}: {v.claim}\n{v.explanation} {marks}".rstrip())
        if not verdicts:
            lines.append("No sentence carries a number or band to check.")
        return ToolResult(CheckResult(results=verdicts), numbered.text(["\n\n".join(lines)]))

    @staticmethod
    def _verdict(d: dict, by_id: dict[str, Report]) -> Verdict:
        evidence = []
        for e in d["evidence"]:
            report = by_id.get(e["report"])
            at = report.text.find(e["quote"]) if report and e["quote"] else -1
            page = page_at(report, at) if report and at >= 0 else None
            evidence.append(Evidence(**{**e, "value": str(e["value"]), "page": page}))
        return Verdict(
            verdict=d["verdict"],
            claim=d["claim"],
            explanation=d["explanation"],
            evidence=evidence,
            span=d.get("span"),
        )

    def search(
        self,
        query: str,
        report: str | None = None,
        section: str | None = None,
        kind: str | None = None,
        limit: int = 8,
    ) -> ToolResult[SearchResult]:
        from assistant.answers.citations import from_metadata
        from assistant.answers.retrieve import Retriever

        query = _clip(query, "query", MAX_QUERY)
        if kind and kind not in KINDS:
            raise ToolInputError(f"kind must be one of {', '.join(KINDS)}, not '{kind}'")
        if not 1 <= limit <= MAX_PASSAGES:
            raise ToolInputError(f"limit must be 1-{MAX_PASSAGES}")
        if report:
            self._reports(report)
        if self._retriever is None:
            self._retriever = Retriever(self.findings)
        hits = self._retriever.search(
            query,
            k=limit,
            reports=[report] if report else None,
            sections=[section] if section else None,
            kinds=[kind] if kind else None,
        )
        passages = [
            Passage(
                text=h.doc.page_content,
                kind=h.meta["kind"],
                score=round(h.score, 6),
                citation=Citation(**from_metadata(h.meta).to_dict()),
            )
            for h in hits
        ]
        numbered = _Numbered()
        lines = [f"{p.text} {numbered.mark(p.citation)}" for p in passages]
        if not passages:
            lines = [f"No passage of the loaded reports matches '{query}'."]
        return ToolResult(SearchResult(query=query, passages=passages), numbered.text(lines))

    def list_reports(self) -> ToolResult[ReportList]:
        reports = self.findings.reports()
        summaries = [_summary(r) for r in reports]
        numbered = _Numbered()
        lines = []
        for r, s in zip(reports, summaries, strict=True):
            scores = "; ".join(
                f"{m.name} {measure_text(score)} {numbered.mark(m.citation)}"
                for m, score in zip(s.headline, r.headline_scores, strict=True)
            )
            lines.append(f"{r.id}: {_label(r)}, {r.format}" + (f". {scores}" if scores else ""))
        if not reports:
            lines = ["No reports are loaded yet."]
        return ToolResult(ReportList(reports=summaries), numbered.text(lines))

    def get_report(self, report_id: str) -> ToolResult[ReportDetail]:
        (r,) = self._reports(_clip(report_id, "report_id", 200))
        findings = [
            Finding(
                criterion=c.score.name,
                kind=kind,
                number=i.number,
                text=i.text,
                citation=_citation(r, i.source),
            )
            for c in r.criteria
            for kind, items in (
                ("strength", c.strengths),
                ("area for improvement", c.areas_for_improvement),
            )
            for i in items
        ]
        recommendations = [_recommendation(r, i) for i in r.recommendations]
        detail = ReportDetail(
            **_summary(r).model_dump(),
            fieldwork=r.fieldwork,
            measures=[_measure(r, s) for s in r.all_scores()],
            findings=findings,
            recommendations=recommendations,
        )
        numbered = _Numbered()
        lines = [f"{r.title} ({r.id}, {r.format})", "", "Measures:"]
        lines += [
            f"- {m.name}: {measure_text(s)} {numbered.mark(m.citation)}"
            for m, s in zip(detail.measures, r.all_scores(), strict=True)
        ]
        if findings:
            lines += ["", "Findings:"]
            lines += [
                f"- {f.criterion}, {f.kind}: {f.text} {numbered.mark(f.citation)}" for f in findings
            ]
        if recommendations:
            lines += ["", "Recommendations:"]
            lines += [
                f"- {x.text}"
                + (f" ({x.owner})" if x.owner else "")
                + f" {numbered.mark(x.citation)}"
                for x in recommendations
            ]
        return ToolResult(detail, numbered.text(lines))


def _recommendation(r: Report, i: Item) -> Recommendation:
    return Recommendation(
        number=i.number, text=i.text, owner=i.owner, citation=_citation(r, i.source)
    )

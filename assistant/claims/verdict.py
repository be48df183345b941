"""Verdicts, evidence and the small helpers that combine and phrase them."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.claims.measures import Measure, ReportIndex, Unit
from ingest.model import Score, Source
from ingest.text.numbers import format_value

SUPPORTED = "supported"


CONTRADICTED = "contradicted"


UNVERIFIABLE = "unverifiable"


@dataclass
class Evidence:
    report: str
    section: str
    heading: str
    quote: str
    value: str  # "42%", "MODERATE", "42% MODERATE", "283,000"


@dataclass
class ClaimResult:
    verdict: str  # "supported" | "contradicted" | "unverifiable"
    claim: str
    evidence: list[Evidence]
    explanation: str
    span: tuple[int, int] | None = None


def _flip(verdict: str) -> str:
    return {SUPPORTED: CONTRADICTED, CONTRADICTED: SUPPORTED}.get(verdict, verdict)


def _verdict_of(comparison: str | None) -> str:
    """A verdict from ``numbers.compare``: 'unknown' or incomparable means unverifiable."""
    return comparison if comparison in (SUPPORTED, CONTRADICTED) else UNVERIFIABLE


def _lead(verdict: str) -> str:
    return {SUPPORTED: "Supported", CONTRADICTED: "Contradicted"}.get(verdict, "Cannot tell")


def _combine(verdicts: list[str]) -> str:
    if not verdicts:
        return UNVERIFIABLE
    if CONTRADICTED in verdicts:
        return CONTRADICTED
    if all(v == SUPPORTED for v in verdicts):
        return SUPPORTED
    return UNVERIFIABLE


def _score_evidence(idx: ReportIndex, score: Score, value: str | None = None) -> Evidence:
    s = score.source
    shown = value or format_value(score.value) + (f" {score.band}" if score.band else "")
    return Evidence(idx.report.id, s.section, s.heading, s.quote, shown)


def _unit_evidence(idx: ReportIndex, unit: Unit, value: str) -> Evidence:
    s: Source = unit.source
    return Evidence(idx.report.id, s.section, s.heading, unit.quote, value)


def _score_text(score: Score) -> str:
    band = f" ({score.band} improvement required)" if score.band else ""
    return f"{score.value}%{band}"


@dataclass
class Judgement:
    verdict: str
    evidence: list[Evidence]
    explanation: str
    measure: Measure | None = None  # the score judged, when there is one
    # A claim that restates one statement word for word and figure for figure.
    exact: bool = False


def _unverifiable(why: str) -> Judgement:
    return Judgement(UNVERIFIABLE, [], why)

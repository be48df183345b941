"""Where a claim's verdict is decided: verdicts, evidence, and how they combine and read."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from assistant.claims.subjects import Measure, ReportIndex, Unit
from ingest.model import Score, Source
from ingest.text.numbers import format_value


class Verdict(StrEnum):
    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    UNVERIFIABLE = "unverifiable"


SUPPORTED = Verdict.SUPPORTED
CONTRADICTED = Verdict.CONTRADICTED
UNVERIFIABLE = Verdict.UNVERIFIABLE


@dataclass
class Evidence:
    report: str
    section: str
    heading: str
    quote: str
    value: str  # "42%", "MODERATE", "42% MODERATE", "283,000"


@dataclass
class ClaimResult:
    verdict: Verdict
    claim: str
    evidence: list[Evidence]
    explanation: str
    span: tuple[int, int] | None = None


def flip(verdict: Verdict) -> Verdict:
    return {SUPPORTED: CONTRADICTED, CONTRADICTED: SUPPORTED}.get(verdict, verdict)


def verdict_of(comparison: str | None) -> Verdict:
    """A verdict from ``numbers.compare``: 'unknown' or incomparable means unverifiable."""
    return Verdict(comparison) if comparison in (SUPPORTED, CONTRADICTED) else UNVERIFIABLE


def verdict_lead(verdict: str) -> str:
    return {SUPPORTED: "Supported", CONTRADICTED: "Contradicted"}.get(verdict, "Cannot tell")


def combine_verdicts(verdicts: list[Verdict]) -> Verdict:
    if not verdicts:
        return UNVERIFIABLE
    if CONTRADICTED in verdicts:
        return CONTRADICTED
    if all(v == SUPPORTED for v in verdicts):
        return SUPPORTED
    return UNVERIFIABLE


def score_evidence(idx: ReportIndex, score: Score, value: str | None = None) -> Evidence:
    s = score.source
    shown = value or format_value(score.value) + (f" {score.band}" if score.band else "")
    return Evidence(idx.report.id, s.section, s.heading, s.quote, shown)


def unit_evidence(idx: ReportIndex, unit: Unit, value: str) -> Evidence:
    s: Source = unit.source
    return Evidence(idx.report.id, s.section, s.heading, unit.quote, value)


def score_text(score: Score) -> str:
    band = f" ({score.band} improvement required)" if score.band else ""
    return f"{score.display()}{band}"


@dataclass
class Judgement:
    verdict: Verdict
    evidence: list[Evidence]
    explanation: str
    measure: Measure | None = None  # the score judged, when there is one
    # A claim that restates one statement word for word and figure for figure.
    exact: bool = False


def unverifiable_because(why: str) -> Judgement:
    return Judgement(UNVERIFIABLE, [], why)

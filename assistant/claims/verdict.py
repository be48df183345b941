"""Where a claim's verdict is decided: verdicts, evidence, and how they combine and read."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from assistant.claims.subjects import Measure, ReportIndex, Unit
from ingest.model import Score, Source
from ingest.text.numbers import format_value


class Verdict(StrEnum):
    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    UNVERIFIABLE = "unverifiable"
    # A claim that names no report, true of some loaded reports and false of others.
    MIXED = "mixed"


SUPPORTED = Verdict.SUPPORTED
CONTRADICTED = Verdict.CONTRADICTED
UNVERIFIABLE = Verdict.UNVERIFIABLE
MIXED = Verdict.MIXED


@dataclass
class Evidence:
    report: str
    section: str
    heading: str
    quote: str
    value: str  # "42%", "MODERATE", "42% MODERATE", "283,000"


@dataclass
class ReportVerdict:
    """The verdict a claim that names no report gets from one loaded report."""

    report: str  # the report id
    label: str  # "Sefton 2009"
    verdict: Verdict
    value: str  # what the report holds for the claim: "38%", "Good", "283,000"
    explanation: str
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class ClaimResult:
    verdict: Verdict
    claim: str
    evidence: list[Evidence]
    explanation: str
    span: tuple[int, int] | None = None
    per_report: list[ReportVerdict] = field(default_factory=list)


def flip(verdict: Verdict) -> Verdict:
    return {SUPPORTED: CONTRADICTED, CONTRADICTED: SUPPORTED}.get(verdict, verdict)


def verdict_of(comparison: str | None) -> Verdict:
    """A verdict from ``numbers.compare``: 'unknown' or incomparable means unverifiable."""
    return Verdict(comparison) if comparison in (SUPPORTED, CONTRADICTED) else UNVERIFIABLE


def verdict_lead(verdict: str) -> str:
    return {SUPPORTED: "Supported", CONTRADICTED: "Contradicted", MIXED: "Mixed"}.get(
        verdict, "Cannot tell"
    )


def combine_verdicts(verdicts: list[Verdict]) -> Verdict:
    if not verdicts:
        return UNVERIFIABLE
    if CONTRADICTED in verdicts:
        return CONTRADICTED
    if all(v == SUPPORTED for v in verdicts):
        return SUPPORTED
    return UNVERIFIABLE


def combine_per_report(per: list[ReportVerdict]) -> Verdict:
    """The verdict of a claim that names no report, from each loaded report that decides it.

    Unlike the parts of one claim (``combine_verdicts``: all must hold), these are readings of
    the claim about different areas: the same verdict from every report that decides is that
    verdict; supported by some and contradicted by others is ``mixed``, with each report's
    verdict listed. Reports that hold nothing on the claim do not count; none that decides is
    ``unverifiable``.
    """
    decided = {p.verdict for p in per if p.verdict in (SUPPORTED, CONTRADICTED)}
    if not decided:
        return UNVERIFIABLE
    if len(decided) == 1:
        return decided.pop()
    return MIXED


def per_report_text(per: list[ReportVerdict]) -> str:
    """'Supported for Sefton 2009, 38%; contradicted for Wessex Vale 2011, 64%.'"""
    words = {SUPPORTED: "supported", CONTRADICTED: "contradicted"}
    bits = [
        f"{words.get(p.verdict, 'cannot tell')} for {p.label}" + (f", {p.value}" if p.value else "")
        for p in per
    ]
    text = "; ".join(bits)
    return text[:1].upper() + text[1:] + "." if text else ""


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
    held: str | None = None  # what the report holds when no one value does: "2 of 8"


def unverifiable_because(why: str) -> Judgement:
    return Judgement(UNVERIFIABLE, [], why)

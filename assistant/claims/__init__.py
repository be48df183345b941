"""Checking claims: what a claim is about, and the verdict the stored facts give it.

``check`` is the entry point; ``verdict`` decides and words a verdict; the other modules judge
one kind of claim each (a measure, a finding, a comparison, a claim across reports).
"""

from assistant.claims.check import check_claim, check_text, numbers_in, to_dict
from assistant.claims.chosen import UnknownReport, reports_named
from assistant.claims.narrowing import Narrowing
from assistant.claims.verdict import (
    CONTRADICTED,
    MIXED,
    SUPPORTED,
    UNVERIFIABLE,
    ClaimResult,
    ReportVerdict,
    Verdict,
)

__all__ = [
    "CONTRADICTED",
    "MIXED",
    "SUPPORTED",
    "UNVERIFIABLE",
    "ClaimResult",
    "Narrowing",
    "ReportVerdict",
    "UnknownReport",
    "Verdict",
    "check_claim",
    "check_text",
    "numbers_in",
    "reports_named",
    "to_dict",
]

"""Pydantic models at the HTTP edge: what the JSON API accepts and returns."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

MAX_QUESTION = 2000
MAX_CLAIM = 2000
MAX_TEXT = 20000


def _required_text(value: str, name: str, limit: int) -> str:
    text = value.strip()
    if not text:
        raise ValueError(f"{name} must not be empty")
    if len(text) > limit:
        raise ValueError(f"{name} is {len(text):,} characters; the limit is {limit:,}")
    return text


class AskRequest(BaseModel):
    question: str = Field(description="A question in plain English (1-2,000 characters).")
    conversation_id: str | None = Field(
        default=None, max_length=200, description="Continue this conversation (follow-ups)."
    )
    report: str | None = Field(
        default=None, max_length=200, description="Only answer from this report id."
    )

    @field_validator("question")
    @classmethod
    def _question(cls, v: str) -> str:
        return _required_text(v, "question", MAX_QUESTION)

    @field_validator("conversation_id", "report")
    @classmethod
    def _blank_is_none(cls, v: str | None) -> str | None:
        return (v or "").strip() or None


class Citation(BaseModel):
    report: str
    section: str
    heading: str
    quote: str = Field(description="Exact text of the report that carries the answer.")
    page: int | None = None


class AskResponse(BaseModel):
    answer: str = Field(description="The answer; [n] marks refer to citations[n-1].")
    found: bool = Field(description="False when the loaded reports do not hold the answer.")
    citations: list[Citation]
    conversation_id: str = Field(description="Send it back to ask a follow-up.")
    route: str | None = Field(default=None, description="Which kind of question it was taken as.")
    flags: list[str] = Field(
        default_factory=list, description="Numbers in an LLM-phrased answer that did not check out."
    )
    llm: bool = False
    related: list[Citation] = Field(
        default_factory=list,
        description="When found is false: passages that share the question's words but do not "
        "answer it. Never part of the answer.",
    )


class CheckRequest(BaseModel):
    claim: str | None = Field(default=None, description="One claim to check.")
    text: str | None = Field(
        default=None, description="A paragraph: every sentence with a number or band is checked."
    )
    report: str | None = Field(
        default=None,
        max_length=200,
        description="The report (id or area name) that claims naming no area are about.",
    )

    @field_validator("report")
    @classmethod
    def _blank_is_none(cls, v: str | None) -> str | None:
        return (v or "").strip() or None

    @model_validator(mode="after")
    def _one_of(self) -> CheckRequest:
        if (self.claim is None) == (self.text is None):
            raise ValueError("send exactly one of 'claim' or 'text'")
        if self.claim is not None:
            self.claim = _required_text(self.claim, "claim", MAX_CLAIM)
        if self.text is not None:
            # Kept as sent: the verdicts' character spans must index the caller's own text.
            _required_text(self.text, "text", MAX_TEXT)
        return self


class Evidence(BaseModel):
    report: str
    section: str
    heading: str
    quote: str
    value: str | int | float | None = None


class ReportVerdict(BaseModel):
    """One loaded report's verdict on a claim that names no report."""

    report: str
    label: str = Field(description="How the verdict names the report, e.g. 'Sefton 2009'.")
    verdict: Literal["supported", "contradicted", "unverifiable"]
    value: str = Field(description="What the report holds for the claim, e.g. '38%'.")
    explanation: str
    evidence: list[Evidence]


class ClaimResult(BaseModel):
    verdict: Literal["supported", "contradicted", "unverifiable", "mixed"] = Field(
        description="'mixed': a claim naming no report, true of some loaded reports and false "
        "of others (see per_report)."
    )
    claim: str
    evidence: list[Evidence]
    explanation: str
    span: list[int] | None = None
    per_report: list[ReportVerdict] | None = Field(
        default=None,
        description="A claim naming no report, judged against each loaded report that holds "
        "something on it.",
    )


class CheckTextResponse(BaseModel):
    results: list[ClaimResult]


class FeedbackRequest(BaseModel):
    rating: Literal["up", "down"]
    comment: str | None = Field(default=None, max_length=2000)
    conversation_id: str | None = Field(default=None, max_length=200)
    turn: int | None = Field(default=None, ge=0, description="0-based turn in the conversation.")
    question: str | None = Field(
        default=None, max_length=MAX_QUESTION, description="Needed when no turn is given."
    )
    answer: str | None = Field(default=None, max_length=50000)
    citations: list[Citation] = Field(default_factory=list)


class FeedbackResponse(BaseModel):
    id: int
    rating: Literal["up", "down"]


class QuizAnswerRequest(BaseModel):
    seed: int = Field(ge=0, le=2**31)
    index: int = Field(ge=0)
    choice: int = Field(ge=0)


class IngestFileResult(BaseModel):
    file: str
    ok: bool
    status: str
    report_id: str | None = None
    error: str | None = None
    scores: int = 0
    findings: int = 0
    recommendations: int = 0
    glossary: int = 0
    facts: int = 0

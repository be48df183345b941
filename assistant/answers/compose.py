"""Answers as the API returns them, built line by line with numbered citations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.answers.citations import Citation, from_source
from assistant.answers.intent import Target, name_key
from ingest.model import Report, Role, Score, Unit
from ingest.text.tokens import clean


@dataclass
class Answer:
    """An answer in the shape of the HTTP API (``to_dict``), plus how it was made."""

    answer: str
    found: bool
    citations: list[Citation] = field(default_factory=list)
    conversation_id: str = ""
    route: str = "fallback"
    flags: list[str] = field(default_factory=list)  # unsupported numbers in an LLM answer
    llm: bool = False  # phrased by the LLM
    passages: list[str] = field(default_factory=list)  # the text each citation stands for
    about: list[Target] = field(default_factory=list)  # measures a follow-up may refer to
    # the closest passages of an answer that was not found: offered, never as the answer
    related: list[Citation] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "answer": self.answer,
            "found": self.found,
            "citations": [c.to_dict() for c in self.citations],
            "conversation_id": self.conversation_id,
            "route": self.route,
            "flags": list(self.flags),
            "llm": self.llm,
            "related": [c.to_dict() for c in self.related],
        }


class Composer:
    """Accumulates answer lines and numbered citations (one number per distinct quote)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.citations: list[Citation] = []
        self.passages: list[str] = []
        # Each citation's number: a list over many reports cites thousands, and looking each
        # one up in the list made composing it quadratic.
        self._numbers: dict[Citation, int] = {}

    def cite(self, citation: Citation | None, passage: str = "") -> str:
        if citation is None or not citation.quote:
            return ""
        n = self._numbers.get(citation)
        if n is not None:
            return f" [{n}]"
        self.citations.append(citation)
        self.passages.append(passage or clean(citation.quote))
        self._numbers[citation] = len(self.citations)
        return f" [{len(self.citations)}]"

    def add(self, line: str) -> None:
        self.lines.append(line)

    def answer(self, route: str, found: bool = True) -> Answer:
        return Answer(
            "\n".join(self.lines).strip(),
            found,
            self.citations,
            route=route,
            passages=self.passages,
        )


def label(report: Report) -> str:
    return f"{report.area} ({report.year})" if report.year else report.area


def band_text(score: Score) -> str:
    return f", {score.band} improvement required" if score.band else ""


def score_name(score: Score) -> str:
    if score.unit == Unit.RATING and score.kind != "overall":
        return score.name  # "Overall rating", "2.2 Planning": the word says it is a rating
    if score.kind == "overall":
        return f"overall score for {score.name}"
    if score.kind == "headline":
        return f"{score.name} score"
    return score.name


def not_found(message: str, route: str) -> Answer:
    return Answer(message, False, [], route=route)


def loaded_list(reports: Sequence[Report]) -> str:
    return ", ".join(label(r) for r in reports) or "none"


def score_line(out: Composer, report: Report, s: Score) -> str:
    band = f" ({s.band})" if s.band else ""
    return f"{s.name} {s.display()}{band}" + out.cite(from_source(report, s.source))


def target_of(score: Score) -> Target:
    """The measure a score belongs to, as a follow-up would name it."""
    if score.kind == "criterion":
        return Target("criterion", score.key, name_key(score.name.split(" ", 1)[-1]))
    if score.kind == "overall":
        return Target(Role.OVERALL, score.key.rsplit("-", 1)[-1])
    return Target("headline", score.key)


def plural(noun: str) -> str:
    if noun == "criterion":
        return "criteria"
    head, _, rest = noun.partition(" of ")  # "area of work": "areas of work"
    return f"{head}s of {rest}" if rest else noun + "s"

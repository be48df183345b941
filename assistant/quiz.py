"""Multiple-choice training questions built from the loaded glossaries, scores and findings.

Questions are generated, never written by hand: term -> meaning, score -> band, and "which
criterion found ...". The same reports and seed always give the same quiz, so a question
can be re-built from ``(seed, index)`` when its answer is checked.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.model import BANDS, Report, Source

KINDS = ("term", "band", "section")
MAX_OPTIONS = 4
_OPTION_CHARS = 220  # long definitions are cut for the option list, shown whole in feedback


@dataclass
class QuizQuestion:
    """One multiple-choice question and the citation that justifies its answer."""

    kind: str  # one of KINDS
    prompt: str
    options: list[str]
    answer: int  # index into options
    explanation: str  # shown after answering; quotes or restates the source
    report: str  # report id
    source: Source
    excerpt: str | None = None  # text the prompt is about (a finding), shown as a quotation

    @property
    def correct_option(self) -> str:
        return self.options[self.answer]

    def citation(self) -> dict:
        return {
            "report": self.report,
            "section": self.source.section,
            "heading": self.source.heading,
            "quote": self.source.quote,
            "page": self.source.page,
        }

    def public_dict(self, index: int) -> dict:
        """The question without its answer (what a client shows before the user picks)."""
        return {
            "index": index,
            "kind": self.kind,
            "prompt": self.prompt,
            "excerpt": self.excerpt,
            "options": self.options,
        }

    def result_dict(self, choice: int) -> dict:
        return {
            "correct": choice == self.answer,
            "choice": choice,
            "answer": self.answer,
            "answer_text": self.correct_option,
            "explanation": self.explanation,
            "citation": self.citation(),
        }


def _short(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= _OPTION_CHARS:
        return text
    return text[: _OPTION_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _label(report: Report, several: bool) -> str:
    """How a question names its report: only needed when more than one is loaded."""
    if not several:
        return ""
    year = f" {report.year}" if report.year else ""
    return f"In the {report.area}{year} report, "


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _pick_options(rng: random.Random, correct: str, pool: Sequence[str]) -> tuple[list[str], int]:
    """The correct option plus up to three distinct distractors, in a seeded order."""
    distractors = sorted({p for p in pool if p != correct})
    chosen = rng.sample(distractors, min(MAX_OPTIONS - 1, len(distractors)))
    options = [correct, *chosen]
    rng.shuffle(options)
    return options, options.index(correct)


def _term_questions(report: Report, rng: random.Random, several: bool) -> list[QuizQuestion]:
    definitions = [_short(g.definition) for g in report.glossary if g.definition.strip()]
    questions = []
    for entry in report.glossary:
        meaning = _short(entry.definition)
        if not meaning:
            continue
        options, answer = _pick_options(rng, meaning, definitions)
        if len(options) < 2:
            continue
        questions.append(
            QuizQuestion(
                kind="term",
                prompt=_cap(f"{_label(report, several)}what does '{entry.term}' mean?"),
                options=options,
                answer=answer,
                explanation=f"{entry.term}: {' '.join(entry.definition.split())}",
                report=report.id,
                source=entry.source,
            )
        )
    return questions


def _band_questions(report: Report, several: bool) -> list[QuizQuestion]:
    questions = []
    for score in report.headline_scores + [c.score for c in report.criteria]:
        if score.band not in BANDS:
            continue
        what = "criterion" if score.kind == "criterion" else "headline score"
        questions.append(
            QuizQuestion(
                kind="band",
                prompt=_cap(
                    f"{_label(report, several)}the {what} '{score.name}' scored {score.display()}. "
                    "What level of improvement did the inspectors say it required?"
                ),
                # Bands keep their natural order: they are a scale, not a shuffle.
                options=[f"{b} improvement required" for b in BANDS],
                answer=BANDS.index(score.band),
                explanation=f"{score.name}: {score.display()}, {score.band} improvement required.",
                report=report.id,
                source=score.source,
            )
        )
    return questions


def _section_questions(report: Report, rng: random.Random, several: bool) -> list[QuizQuestion]:
    headings = [f"{c.number} {c.name}" for c in report.criteria]
    questions = []
    for criterion in report.criteria:
        heading = f"{criterion.number} {criterion.name}"
        for kind, items in (
            ("a strength", criterion.strengths),
            ("an area for improvement", criterion.areas_for_improvement),
        ):
            for item in items:
                if len(item.text.split()) < 6:  # too short to identify a criterion fairly
                    continue
                options, answer = _pick_options(rng, heading, headings)
                if len(options) < 2:
                    continue
                questions.append(
                    QuizQuestion(
                        kind="section",
                        prompt=_cap(
                            f"{_label(report, several)}under which criterion did the "
                            f"inspectors list this as {kind}?"
                        ),
                        excerpt=item.text,
                        options=options,
                        answer=answer,
                        explanation=f"It is {kind} under {heading}.",
                        report=report.id,
                        source=item.source,
                    )
                )
    return questions


def all_questions(reports: Sequence[Report], seed: int = 0) -> list[QuizQuestion]:
    """Every question the reports support, in a seeded order that alternates kinds."""
    rng = random.Random(seed)
    several = len(reports) > 1
    by_kind: dict[str, list[QuizQuestion]] = {k: [] for k in KINDS}
    for report in sorted(reports, key=lambda r: r.id):
        by_kind["term"] += _term_questions(report, rng, several)
        by_kind["band"] += _band_questions(report, several)
        by_kind["section"] += _section_questions(report, rng, several)
    for questions in by_kind.values():
        rng.shuffle(questions)
    kinds = list(KINDS)
    rng.shuffle(kinds)
    # Round-robin over kinds so a short quiz mixes all three.
    ordered: list[QuizQuestion] = []
    while any(by_kind.values()):
        for kind in kinds:
            if by_kind[kind]:
                ordered.append(by_kind[kind].pop())
    return ordered


def make_quiz(reports: Sequence[Report], n: int = 10, seed: int = 0) -> list[QuizQuestion]:
    """The first ``n`` questions for ``seed``; question ``i`` does not depend on ``n``."""
    return all_questions(reports, seed)[: max(0, n)]


def question_at(reports: Sequence[Report], seed: int, index: int) -> QuizQuestion | None:
    questions = all_questions(reports, seed)
    return questions[index] if 0 <= index < len(questions) else None

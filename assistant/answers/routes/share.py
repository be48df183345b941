"""Key questions: "what share of cases had an assessment that kept other people safe?". The
ratings framework answers each key question with the share of inspected cases; the question's
words pick the key questions, and every one that fits as well as the best is given with its
standard, since one wording may stand under several standards (court and out-of-court work)."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answers.case_shares import best_shares, stems_of
from assistant.answers.citations import from_source
from assistant.answers.compose import Answer, Composer, label, not_found
from assistant.answers.conditions import condition_in
from assistant.answers.groups import names_group
from assistant.answers.intent import CUES, QUESTION_WORDS, Intent
from assistant.answers.registry import Context, Route, answers, rule
from assistant.answers.routing import Clues
from ingest.model import Report, Role, Score
from ingest.text.numbers import scan
from ingest.text.stemming import stem
from ingest.text.stopwords import STOPWORDS
from ingest.text.tokens import words


def key_questions(report: Report) -> list[Score]:
    return [s for s in report.measures if s.kind == Role.KEY_QUESTION]


def _stems(text: str) -> set[str]:
    return {stem(w) for w in words(text.lower()) if w not in STOPWORDS}


@rule(Route.SHARE, priority=68)
def share_asked(intent: Intent, c: Clues) -> Route | None:
    if not CUES["share-of-cases"].search(c.q):
        return None
    if c.s.minimum or c.s.maximum or condition_in(c.q):
        return None  # "which key questions were under 60%?": computed over every key question
    reports = c.scoped or c.reports
    if any(key_questions(r) for r in reports):
        return Route.SHARE
    if CUES["score-gained"].search(c.q) and c.s.own_targets:
        # "what % did Sefton get on risk of harm?": the value of a measure the report scores,
        # not a sentence of its findings that states the same share in passing
        return None
    # a core case report states its shares of cases in its findings' own sentences
    return Route.SHARE if any(best_shares(c.q, r) for r in reports) else None


def answer_share(question: str, scoped: Sequence[Report]) -> Answer:
    asked = _stems(question)
    out = Composer()
    for report in scoped:
        kqs = key_questions(report)
        if not kqs:
            # a share of a group ("in care") only from a sentence that names that group
            for stated in (
                s for s in best_shares(question, report) if names_group(s.sentence, question)
            ):
                out.add(
                    f"{label(report)}, {stated.where}: “{stated.sentence}”"
                    + out.cite(stated.citation)
                )
            continue
        kqs = [s for s in kqs if names_group(s.name, question)]
        if not kqs:
            continue
        fit = {id(s): len(asked & _stems(s.name)) for s in kqs}
        best = max(fit.values())
        if best < 2:
            continue
        for s in (s for s in kqs if fit[id(s)] == best):
            standard = report.criterion(s.parent) if s.parent else None
            under = f" ({standard.number} {standard.name})" if standard else ""
            out.add(
                f"{label(report)}{under}: {s.name} {s.display()}"
                + out.cite(from_source(report, s.source))
                + "."
            )
    if not out.lines:
        return not_found(
            "No key question of the reports in question matches that; key questions are "
            "answered with the share of inspected cases in ratings-framework reports.",
            Route.SHARE,
        )
    return out.answer(Route.SHARE)


@answers(Route.SHARE)
def answer(intent: Intent, ctx: Context) -> Answer:
    found = answer_share(intent.question, ctx.scoped)
    if found.found or ctx.passages is None:
        return found
    # "what share of children had accommodation confirmed before release?": a report with no
    # key question and no share of cases in its findings (a thematic, a plan) states its
    # shares as counts of a total ("27 of the 48 children"), in its own sentences; only a
    # passage that states a figure answers (answer type `number`)
    intent.asks = intent.asks or "number"
    stated = ctx.passages.answer(intent, ctx.scoped, ctx.index, Route.SHARE)
    asked = _asked_words(intent.question, ctx.scoped)
    if stated.found and any(_states_share(p) and asked <= stems_of(p) for p in stated.passages):
        return stated
    return found


def _states_share(text: str) -> bool:
    """A percentage or a count out of a total ("27 of the 48 children") in ``text``."""
    return any(q.unit == "%" or q.total is not None for q in scan(text) if q.kind == "quantity")


def _asked_words(question: str, reports: Sequence[Report]) -> frozenset[str]:
    """What a share is asked of, besides the words every share question has and the reports'
    areas: a stated share answers only when its sentence says all of it ("what share of
    victims did the YOT contact?" is not answered by a share of victim safety work)."""
    areas = set().union(*(stems_of(r.area) for r in reports)) if reports else set()
    return frozenset(stems_of(question) - areas - QUESTION_WORDS)

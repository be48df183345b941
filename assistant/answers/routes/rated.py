"""Ratings as a condition: "which standards were rated Inadequate?", "which areas of work were
judged Poor?". Only measures rated with words are looked at (never a percentage), each cited."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answers.citations import from_source
from assistant.answers.compose import Answer, Composer, label, loaded_list, not_found
from assistant.answers.conditions import measure_words, name_words
from assistant.answers.conditions import rating_condition as compared_rating
from assistant.answers.intent import CUES, Intent
from assistant.answers.lexicon import per_reports
from assistant.answers.registry import Context, Route, answers, rule
from assistant.answers.routing import Clues
from ingest.model import RATINGS, Report, ReportFormat, Role, Score, Unit
from ingest.text.resources import load_cues
from ingest.text.terms import phrase_regex

_FORMS = load_cues("assistant.answers", "rating_forms.yaml")
# a word of the ratings framework's scale said as what something was rated
_RATED_ON_SCALE = re.compile(
    r"\b(?:rated|judged|graded)\s+(?:as\s+)?(?:"
    + "|".join(phrase_regex(str(r)) for r in RATINGS)
    + r")\b(?!\s+enough)",
    re.I,
)


def rated_measures(report: Report) -> list[Score]:
    """A report's measures rated with a word, but not its overall rating."""
    return [s for s in report.all_scores() if s.unit == Unit.RATING and s.kind != Role.HEADLINE]


def rating_words(reports: Sequence[Report]) -> list[str]:
    """The rating words the reports use and the framework's scale, longest first (so
    "Requires improvement" is found before a shorter word)."""
    used = {s.rating for r in reports for s in r.all_scores() if s.unit == Unit.RATING}
    return sorted({w for w in used | set(RATINGS) if w}, key=len, reverse=True)


def asked_rating(question: str, reports: Sequence[Report]) -> str | None:
    words = asked_ratings(question, reports)
    return words[0] if words else None


@rule(Route.RATED, priority=65)
def rating_condition(intent: Intent, c: Clues) -> Route | None:
    if not CUES["rated-which"].search(c.q) or CUES["rated-extreme"].search(c.q):
        return None
    rated = [s for r in c.scoped or c.reports for s in rated_measures(r)]
    if not rated and _RATED_ON_SCALE.search(c.q):
        # "which criteria were rated good?" of reports that give percentages: none is rated,
        # which is said, rather than their scores listed as if they answered
        return Route.RATED
    if not rated or compared_rating(c.q, rated):
        return None  # "rated below Good": a condition on the scale, computed over the ratings
    return Route.RATED if asked_rating(c.qg, c.reports) else None


def _scale(report: Report, reports: Sequence[Report]) -> set[str]:
    """The rating words of ``report``'s scale, lower case: those its format's reports use,
    and the ratings framework's own four for a report in that framework."""
    words = set(_scales(reports).get(report.format, ()))
    if report.format == ReportFormat.RATINGS:
        words |= {w.lower() for w in RATINGS}
    return words


@per_reports  # once per set of reports: per report asked, it made a list over N reports N^2
def _scales(reports: Sequence[Report]) -> dict[str, frozenset[str]]:
    """Each format's rating words, lower case, as its reports use them."""
    words: dict[str, set[str]] = {}
    for r in reports:
        used = words.setdefault(r.format, set())
        used.update((s.rating or "").lower() for s in rated_measures(r))
    return {f: frozenset(w) for f, w in words.items()}


def asked_ratings(question: str, reports: Sequence[Report]) -> list[str]:
    """Every rating word the question names, in its order: "which standards were rated
    Outstanding or Good?" asks for both; a rating said in other words ("needed improvement")
    counts when its scale is one in use."""
    words = rating_words(reports)
    found: list[tuple[int, str]] = []
    rest = question
    for word in words:
        pattern = r"\b" + phrase_regex(word) + r"\b"
        m = re.search(pattern, rest, re.I)
        if m:
            found.append((m.start(), word))
            rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end() :]
    for word, form in _FORMS.items():
        m = form.pattern.search(rest)
        if word in words and m and word not in (w for _, w in found):
            found.append((m.start(), word))
    return [w for _, w in sorted(found)]


def answer_rated(question: str, scoped: Sequence[Report]) -> Answer:
    if not any(rated_measures(r) for r in scoped):
        return _unrated()
    words = asked_ratings(question, scoped)
    if not words:
        return not_found("The question names no rating to look for.", Route.RATED)
    word = " or ".join(words)
    wanted = {w.lower() for w in words}
    # "which reports were rated Inadequate for planning?": only the measures it names
    named = measure_words(_without(question, words), scoped) - {
        w for r in rating_words(scoped) for w in name_words(r)
    }
    out = Composer()
    counts: dict[str, int] = {}  # report id -> how many are rated as asked
    elsewhere = []  # rated on a scale without the word: like is looked for only among like
    for report in scoped:
        rated = rated_measures(report)
        if named:
            rated = [s for s in rated if name_words(s.name) & named]
        if not rated:
            continue
        if not wanted & _scale(report, scoped):
            elsewhere.append(report)
            continue
        chosen = [s for s in rated if (s.rating or "").lower() in wanted]
        counts[report.id] = len(chosen)
        of_all = f"{len(rated)} rated standards or areas in {label(report)}"
        shown = chosen or rated
        listing = "; ".join(
            f"{s.name} ({s.display()})" + out.cite(from_source(report, s.source)) for s in shown
        )
        if chosen:
            out.add(f"{len(chosen)} of the {of_all} were rated {word}: {listing}.")
        else:
            out.add(f"None of the {of_all} was rated {word}; their ratings: {listing}.")
    if elsewhere and out.lines:
        out.add(f"{loaded_list(elsewhere)}: rated on another scale, without {word}.")
    fewest = CUES["rated-more"].search(question)
    if fewest and len(counts) > 1:
        # "which had more inadequate standards, Harrowfield or Penmarrow?": the counts compared
        pick = min if fewest.group(1).lower() in ("fewer", "fewest", "less", "least") else max
        n = pick(counts.values())
        tied = [r for r in scoped if counts.get(r.id) == n]
        which = "Fewest" if pick is min else "Most"
        out.add(f"{which} rated {word}: {loaded_list(tied)}, with {n}.")
    if not out.lines:
        return _unrated()
    return out.answer(Route.RATED)


def _without(question: str, words: Sequence[str]) -> str:
    """``question`` without the rating words it names ("Requires improvement" names no
    measure of improvement)."""
    for word in words:
        question = re.sub(r"\b" + phrase_regex(word) + r"\b", " ", question, flags=re.I)
    for form in _FORMS.values():  # "needed improvement": Requires improvement in other words
        question = form.pattern.sub(" ", question)
    return question


def _unrated() -> Answer:
    return not_found(
        "The reports in question give no ratings (their scores are percentages), so none "
        "can be picked by a rating.",
        Route.RATED,
    )


@answers(Route.RATED)
def answer(intent: Intent, ctx: Context) -> Answer:
    return answer_rated(intent.question, ctx.scoped)

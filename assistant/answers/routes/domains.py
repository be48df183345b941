"""Parts of one report set side by side: "how did out-of-court work compare with court work?".
A part is a ratings domain (its standards' ratings) or a 2012-2017 area of work (its judgement).
Like is compared only with like: ratings with ratings, percentages with percentages."""

from __future__ import annotations

import re
from collections import Counter

from assistant.answers.citations import from_source
from assistant.answers.compose import Answer, Composer, label, not_found
from assistant.answers.fanout import composed
from assistant.answers.intent import Intent
from assistant.answers.registry import Context, Route, answers, rule
from assistant.answers.routing import Clues
from ingest.model import Report, Role, Score, Section, Unit


def _patterns(sections: list[Section]) -> dict[int, re.Pattern[str]]:
    """A pattern for each part's own words: its name without the words every part shares
    ("disposals"), so "court work" finds Court disposals and not Out-of-court disposals."""
    counts = Counter(w for s in sections for w in set(s.name.lower().split()))
    out = {}
    for s in sections:
        own = [w for w in s.name.lower().split() if counts[w] == 1] or s.name.lower().split()
        body = r"\s+".join(re.escape(w) for w in own)
        out[s.number] = re.compile(r"(?<![\w-])" + body + r"(?![\w-])", re.I)
    return out


def named_parts(question: str, report: Report) -> list[Section]:
    pats = _patterns(report.sections)
    found = [(m.start(), s) for s in report.sections if (m := pats[s.number].search(question))]
    return [s for _, s in sorted(found, key=lambda f: f[0])]


def part_measures(report: Report, section: Section) -> list[Score]:
    if section.overall is not None:
        return [section.overall]
    criteria = [c.score for c in report.criteria if c.section_number == section.number]
    # a 2012-2017 area of work has no criteria: its judgement is a measure of its own
    return criteria or [
        m for m in report.measures if m.kind == Role.AREA and m.parent == str(section.number)
    ]


@rule(Route.DOMAINS, priority=45)
def parts_compared(intent: Intent, c: Clues) -> Route | None:
    # One report, or every loaded report when none is named: each with its own parts.
    if not c.s.compare or (len(c.scoped) != 1 and (c.named or c.report_filter)):
        return None
    return Route.DOMAINS if any(len(named_parts(c.q, r)) >= 2 for r in c.scoped) else None


def answer_parts(question: str, report: Report) -> Answer:
    parts = named_parts(question, report)
    measured = [(p, part_measures(report, p)) for p in parts]
    measured = [(p, ms) for p, ms in measured if ms]
    if len(measured) < 2:
        return not_found(
            f"{label(report)} gives no scores or ratings for "
            + " and ".join(p.name for p in parts)
            + " to compare.",
            Route.DOMAINS,
        )
    units = {m.unit for _, ms in measured for m in ms}
    out = Composer()
    for part, ms in measured:
        listing = "; ".join(
            (f"{m.name} " if m.name.lower() != part.name.lower() else "")
            + m.display()
            + out.cite(from_source(report, m.source))
            for m in ms
        )
        out.add(f"{part.name}: {listing}.")
    if len(units) > 1:
        out.add(
            "These cannot be set against each other: some are ratings and some are "
            "percentages, and a rating is not compared with a percentage."
        )
    elif units == {Unit.RATING} and any(len(ms) > 1 for _, ms in measured):
        # a tally of each part's ratings; a part judged once is its one judgement
        for part, ms in measured:
            tally = Counter(m.rating for m in ms)
            out.add(f"{part.name}: " + ", ".join(f"{n} {r}" for r, n in tally.most_common()) + ".")
    return out.answer(Route.DOMAINS)


@answers(Route.DOMAINS)
def answer(intent: Intent, ctx: Context) -> Answer:
    if len(ctx.scoped) == 1:
        return answer_parts(intent.question, ctx.scoped[0])
    parts = [(r, answer_parts(intent.question, r)) for r in ctx.scoped]
    found = [(r, a) for r, a in parts if a.found]
    return composed(Route.DOMAINS, found) if found else parts[0][1]

"""How an area of work went, asked of a report that judges its areas with key findings.

"How did Eastmere do on its work in courts?" or "how did their management board perform?"
ask how the work went, not for the judgement alone: of a 2012-2017 report, whose areas of work
each have a judgement and key findings, the answer is both. A question that asks for the value
itself ("what judgement did courts get?", the cue `value-asked` in cues.yaml) keeps the score
answer, and so does a measure with no key findings (a core case criterion's score)."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answers.compose import Answer, Composer
from assistant.answers.intent import CUES, Intent
from ingest.model import Report, Role, Section


def judged_sections(intent: Intent, report: Report) -> list[Section]:
    """The areas of work of ``report`` the question's targets name that hold key findings."""
    keys = {t.key for t in intent.targets if t.type == Role.OVERALL}
    return [s for s in report.sections if str(s.number) in keys and s.findings]


def how_it_went(intent: Intent, scoped: Sequence[Report], add_area, by_topic=None) -> Answer | None:
    """The judgement and key findings of each area of work asked how it went, or None when
    the question asks for the value or names no such area. ``add_area(out, report, section)``
    writes one area's lines. Naming no measure at all ("how did young people moving on to
    adult services fare?"), the findings ``by_topic()`` picks by the question's words, when
    any hold them."""
    # "did Greyhaven get Poor for protecting the public?" checks a value; only a question of
    # how the work went ("how did ... do", "how well ...") is asked how it went
    if CUES["value-asked"].search(intent.question) or not CUES["how-it-went"].search(
        intent.question
    ):
        return None
    if not intent.targets and by_topic is not None:
        found = by_topic()
        return found if found is not None and found.found else None
    named = [(r, s) for r in scoped for s in judged_sections(intent, r)]
    if not named:
        return None
    out = Composer()
    for report, section in named:
        add_area(out, report, section)
    return out.answer("findings")

"""When: a report's publication date and the dates of its inspection work (the fieldwork), as
the report states them, each cited where it stands in the text.

A date question names which of the two it wants ("when did the report come out" the
publication, "which month were the inspectors on site" the fieldwork); when it names neither
("when was the inspection?") the inspection's own dates come first and the publication after.
What a date question and a fieldwork sentence look like is data (``dates.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answers.citations import Citation, locate, page_at
from assistant.answers.compose import Answer, Composer, label
from ingest.model import Report
from ingest.text.layout import MONTH_YEAR_RE
from ingest.text.resources import load_cues

_CUES = load_cues("assistant.answers", "dates.yaml")
_WINDOW = 200  # how far back from a date a fieldwork sentence may start


@dataclass(frozen=True)
class Dated:
    what: str  # "fieldwork" | "published"
    when: str  # "April 2009"
    citation: Citation


def asks_date(question: str) -> bool:
    """A question for the date of the report or of its inspection."""
    return bool(
        _CUES["asks-date"].pattern.search(question)
        and _CUES["subject"].pattern.search(question)
        and not _CUES["more"].pattern.search(question)
        and not _CUES["counts"].pattern.search(question)
        and not _CUES["future"].pattern.search(question)
    )


def dates_the_report(text: str) -> bool:
    """``text`` dates the inspection work or the report's publication: it says which, with a
    month and year ("Fieldwork ... in April 2009"; not "two months after the publication")."""
    said = _CUES["fieldwork"].pattern.search(text) or _CUES["publication"].pattern.search(text)
    return bool(said and MONTH_YEAR_RE.search(text))


def the_subject(question: str) -> str:
    """``question`` without its words of the report or its inspection ("visit", "report")."""
    return _CUES["subject"].pattern.sub(" ", question)


def asks_ahead(question: str) -> bool:
    """A question for a date after the report ("when is the next inspection due?")."""
    return bool(_CUES["asks-date"].pattern.search(question) and looks_ahead(question))


def looks_ahead(text: str) -> bool:
    """Words of a time after the report: a sentence with none cannot date what comes next."""
    return bool(_CUES["ahead"].pattern.search(text))


def asks_publication(question: str) -> bool:
    return bool(_CUES["publication"].pattern.search(question))


def fieldwork_dates(report: Report) -> list[Dated]:
    """Each month the report says its inspection work was done in, cited by its sentence."""
    text = report.text
    out: list[Dated] = []
    for m in MONTH_YEAR_RE.finditer(text):
        start = _sentence_start(text, m.start())
        end = _sentence_end(text, m.end())
        if not _CUES["fieldwork"].pattern.search(text[start : m.start()]):
            continue
        when = f"{m.group(1).title()} {m.group(2)}"
        if any(d.when == when for d in out):
            continue
        quote = text[start:end]
        out.append(
            Dated(
                "fieldwork",
                when,
                Citation(report.id, "inspection-data", "Inspection", quote, page_at(report, start)),
            )
        )
    return out


def publication_date(report: Report) -> Dated | None:
    """The publication date as the report prints it, with its day when it gives one
    ("Published 14 September 2023", stored as "September 2023")."""
    if not report.published:
        return None
    heading = report.foreword[0].source.heading if report.foreword else "Foreword"
    month, _, year = report.published.partition(" ")
    printed = re.search(
        rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{re.escape(month)}\s+{re.escape(year)}\b",
        report.text,
        re.I,
    )
    when = " ".join(printed.group(0).split()) if printed else report.published
    c = locate(report, when, "foreword", heading)
    return Dated("published", when, c) if c else None


def _sentence_start(text: str, at: int) -> int:
    """The start of the sentence or line holding ``at`` (not further back than _WINDOW)."""
    floor = max(0, at - _WINDOW)
    cut = max(
        text.rfind(". ", floor, at), text.rfind("\n\n", floor, at), text.rfind(":\n", floor, at)
    )
    start = cut + 2 if cut >= 0 else floor
    while start < at and text[start].isspace():
        start += 1
    return start


def _sentence_end(text: str, at: int) -> int:
    stops = [i for i in (text.find(".", at), text.find("\n", at)) if i >= 0]
    end = min(stops) if stops else len(text)
    return end + 1 if end < len(text) and text[end] == "." else end


def answer_dates(question: str, scoped: Sequence[Report], route: str) -> Answer | None:
    """The dates ``question`` asks for, per report, cited; None when no report states one."""
    out = Composer()
    publication = asks_publication(question)
    # "when did the fieldwork start?" names the inspection's own dates: a publication date
    # is no answer to it
    only_fieldwork = not publication and bool(_CUES["fieldwork"].pattern.search(question))
    for report in scoped:
        published = publication_date(report)
        fieldwork = [] if publication else fieldwork_dates(report)
        if only_fieldwork:
            published = None
        # the inspection's own dates when it states them; else (or when asked) publication
        for d in fieldwork or ([published] if published else []):
            said = "was published" if d.what == "published" else "fieldwork was done"
            on = "on" if d.when[:1].isdigit() else "in"  # "on 3 March 2024", "in March 2024"
            out.add(f"{label(report)} {said} {on} {d.when}." + out.cite(d.citation))
    return out.answer(route) if out.citations else None

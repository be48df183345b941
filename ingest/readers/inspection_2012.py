"""Inspections of 2012-2017: areas of work (reducing reoffending, protecting the public,
protecting the child, ensuring the sentence is served, governance, court work ...), each
judged with a word or phrase (Good, Satisfactory, Poor, Requires improvement ...), with key
findings and recommendations.

An area's judgement is a measure (``Role.AREA``, ``Unit.RATING``; ``rating`` the word,
``value`` its rank from the YAML file, 1 best) in ``Report.measures``; the area itself is a
``Section`` whose ``findings`` are its key findings and whose ``commentary`` is its other
text; its recommendations join ``Report.recommendations``, cited by the area. A summary
table ("Protecting the public   Unsatisfactory") gives the judgement of an area the body
does not judge again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ingest.facts import Passage, extract_facts
from ingest.glossary import parse_glossary
from ingest.model import Report, ReportFormat, Role, Score, Section, Source, Unit
from ingest.parse import NotAReportError
from ingest.readers.cues import alternation, cue_score, reader_data
from ingest.readers.identity import identify, new_report, signature
from ingest.readers.layout import Doc, heading_text, owner_in_brackets
from ingest.text.layout import Line, slug, title_case

_NAME = "inspection_2012"
_BLANK = Line(-1, 0, 0, "", False)


@dataclass(frozen=True)
class _Vocab:
    ranks: dict[str, int]  # judgement (lower case) -> rank
    words: tuple[str, ...]  # judgements as printed in the data file
    alone: re.Pattern[str]  # a line that is only a judgement, perhaps labelled
    inline: re.Pattern[str]  # "<area> <judgement>"
    findings: frozenset[str]
    recommendations: frozenset[str]
    parts: dict[str, str]
    numbered: re.Pattern[str]  # an area's numbered heading: number, then title
    part_prefix: re.Pattern[str]  # "Part C" before a part's heading
    owner_lead: re.Pattern[str]  # "The YOT Manager should make sure that:"

    def judgement(self, word: str) -> str:
        low = " ".join(word.lower().split())
        return next(w for w in self.words if w.lower() == low)


@cache
def _vocab() -> _Vocab:
    data = reader_data(_NAME)
    words = tuple(data["vocab"]["judgement_words"])
    alt = alternation(list(words))
    labels = alternation(data["vocab"]["labels"])
    return _Vocab(
        ranks={k.lower(): int(v) for k, v in data["judgements"].items()},
        words=words,
        alone=re.compile(rf"^(?:{labels}\s*:?\s*)?({alt})\s*\.?$", re.I),
        inline=re.compile(rf"^(.*?[A-Za-z)])\s*(?:[:–—-]\s*|\s)\s*({alt})\s*\.?$", re.I),
        findings=frozenset(w.lower() for w in data["findings_labels"]),
        recommendations=frozenset(w.lower() for w in data["recommendations_labels"]),
        parts={h.lower(): kind for kind, heads in data["parts"].items() for h in heads},
        numbered=re.compile(data["layout"]["numbered_heading"]),
        part_prefix=re.compile(data["layout"]["part_prefix"], re.I),
        owner_lead=re.compile(data["layout"]["owner_lead"], re.I),
    )


@dataclass
class _Mark:
    index: int
    kind: str  # "area" | "row" (a summary table row) | a part kind
    name: str = ""
    number: int | None = None
    judgement: str | None = None
    end: int = 0


class Inspection2012Reader:
    format = ReportFormat.INSPECTION_2012

    def score(self, text: str) -> float:
        return cue_score(_NAME, text)

    def read(self, text: str, source_path: str | None, page_starts: list[int] | None) -> Report:
        doc = Doc.of(text, page_starts)
        v = _vocab()
        who = identify(doc)
        area = who.area or who.title
        report = new_report(
            doc,
            who,
            source_path,
            ReportFormat.INSPECTION_2012,
            f"Inspection of youth offending work in {area}",
        )
        marks = _landmarks(doc.lines, v, area)
        if not any(m.kind in ("area", "row") for m in marks):
            raise NotAReportError("no areas of work with a judgement were found")
        free: list[Line] = list(doc.lines[: marks[0].index])
        rows: dict[str, tuple[str, Source]] = {}  # area key -> judgement, source
        judged: dict[str, Score] = {}
        for mark in marks:
            body = doc.lines[mark.index + 1 : mark.end]
            head = doc.lines[mark.index]
            if mark.kind == "row":
                src = doc.source("summary", "Summary of judgements", head.start, head.end)
                rows.setdefault(slug(mark.name), (mark.judgement or "", src))
                if not report.signatory:  # a summary that closes with the signature
                    body, report.signatory = signature(body)
                free += [_BLANK, *body]
            elif mark.kind == "area":
                score = _area(doc, v, report, mark, body)
                if score:
                    judged[score.key] = score
            elif mark.kind == "recommendations":
                items = [
                    owner_in_brackets(i)
                    for i in doc.items(body, "recommendations", "Recommendations", v.owner_lead)
                ]
                report.recommendations += items
            elif mark.kind == "context":
                heading = v.part_prefix.sub("", head.plain).rstrip(":")
                heading = title_case(heading) if heading.isupper() else heading
                report.context += doc.paragraphs(body, "context", heading)
            elif mark.kind == "glossary" and not report.glossary:
                heading = head.plain.rstrip(":")
                report.glossary = parse_glossary(
                    doc.view, body, lambda _h, s, e, h=heading: doc.source("glossary", h, s, e)
                )
            elif mark.kind == "foreword" and not report.foreword:
                body, report.signatory = signature(body)
                report.foreword = doc.paragraphs(body, "foreword", "Foreword")
            else:
                free += [_BLANK, *body]
        sections = {slug(s.name): s for s in report.sections}
        for key, (word, src) in rows.items():
            if key in judged:
                continue
            judgement = v.judgement(word)
            section = sections.get(key)
            name = section.name if section else src.quote[: len(src.quote) - len(word)].strip()
            judged[key] = _score(v, key, name.strip(" :–—-"), judgement, src, section)
        report.measures = sorted(judged.values(), key=lambda s: s.source.start)
        report.sections.sort(key=lambda s: s.number)
        report.body = doc.paragraphs(free, "summary", "Summary")
        for k, item in enumerate(report.recommendations, start=1):
            item.position = k
        report.missing = [
            f"findings for {s.name}" for s in report.measures if slug(s.name) not in sections
        ] + [f"judgement for {s.name}" for key, s in sections.items() if key not in judged]
        report.facts = extract_facts(doc.view, _passages(report), doc.source)
        return report


def _landmarks(lines: list[Line], v: _Vocab, area: str = "") -> list[_Mark]:
    marks: list[_Mark] = []
    in_glossary = False
    for k, line in enumerate(lines):
        t = line.plain
        if not t:
            continue
        part = _part(t, v, area)
        following = _next_text(lines, k)
        if part and (_part(following, v, area) or v.part_prefix.match(following)):
            continue  # a line of a contents list: the part itself comes later
        own_label = not v.part_prefix.match(t)  # "PART C  RECOMMENDATIONS" is a part
        if part == "recommendations" and own_label and marks and marks[-1].kind == "area":
            continue  # an area's own recommendations: a label inside it
        lettered = v.part_prefix.match(t) and t.isupper()  # "PART D  ABOUT THE AREA"
        if (
            part is None
            and (re.match(r"(?:annex|appendix)\b", t, re.I) or lettered)
            and heading_text(t)
        ):
            part = "other"
        if part:
            marks.append(_Mark(k, part, name=t.rstrip(":")))
            in_glossary = part == "glossary"
            continue
        if in_glossary:
            continue
        numbered = v.numbered.match(t)
        title = numbered.group(2) if numbered else t
        inline = v.inline.match(title)
        name = inline.group(1).strip(" :–—-") if inline else title.rstrip(":")
        if name.isupper():
            name = title_case(name).capitalize()  # "PROTECTING THE PUBLIC" as a title
        if not heading_text(name, 8) or re.search(r"\d", name):
            continue
        judgement = v.judgement(inline.group(2)) if inline else None
        if numbered and (judgement or _judged_below(lines, k, v)):
            marks.append(_Mark(k, "area", name, int(numbered.group(1)), judgement))
        elif judgement and not numbered and not v.alone.match(t):
            marks.append(_Mark(k, "row", name, None, judgement))
    for k, mark in enumerate(marks):
        mark.end = marks[k + 1].index if k + 1 < len(marks) else len(lines)
    return marks


def _part(text: str, v: _Vocab, area: str = "") -> str | None:
    """The kind of part a heading opens ("Recommendations", "PART C  RECOMMENDATIONS"); the
    report's own area reads as "the area" ("About Greyhaven" is "about the area")."""
    head = " ".join(v.part_prefix.sub("", text).rstrip(":").lower().split())
    if area and area.lower() in head:
        head = head.replace(area.lower(), "the area")
    return v.parts.get(head)


def _next_text(lines: list[Line], k: int) -> str:
    return next((ln.plain for ln in lines[k + 1 :] if ln.plain), "")


def _judged_below(lines: list[Line], k: int, v: _Vocab) -> bool:
    """An area heading is followed, within a few lines, by its judgement or its findings."""
    seen = 0
    for i in range(k + 1, len(lines)):
        line = lines[i]
        if not line.plain:
            continue
        low = line.plain.rstrip(":").lower()
        if v.alone.match(line.plain) or low in v.findings:
            return True
        seen += 1
        if seen >= 4:
            return False
    return False


def _area(doc: Doc, v: _Vocab, report: Report, mark: _Mark, body: list[Line]) -> Score | None:
    number = mark.number or len(report.sections) + 1
    name = mark.name
    section = Section(number, name, None)
    report.sections.append(section)
    head = doc.lines[mark.index]
    judgement, src = mark.judgement, None
    if judgement:
        src = doc.source(str(number), name, head.start, head.end)
    labels: list[tuple[int, str]] = []
    prose: list[Line] = []
    for k, line in enumerate(body):
        if not line.plain:
            continue
        low = line.plain.rstrip(":").lower()
        alone = v.alone.match(line.plain)
        if alone and judgement is None:
            judgement = v.judgement(alone.group(1))
            src = doc.source(str(number), name, line.start, line.end)
            labels.append((k, "judgement"))
        elif low in v.findings:
            labels.append((k, "findings"))
        elif low in v.recommendations:
            labels.append((k, "recommendations"))
    ends = [k for k, _ in labels[1:]] + [len(body)]
    first = labels[0][0] if labels else len(body)
    prose += body[:first]
    for (k, kind), end in zip(labels, ends, strict=True):
        part = body[k + 1 : end]
        label = body[k].plain.rstrip(":")
        if kind == "findings":
            items, rest = doc.items_and_rest(part, str(number), f"{name}: {label}")
            section.findings += items
            prose += [_BLANK, *rest]
        elif kind == "recommendations":
            items = doc.items(part, str(number), f"{name}: {label}")
            report.recommendations += [owner_in_brackets(i) for i in items]
        else:
            prose += [_BLANK, *part]
    for k, item in enumerate(section.findings, start=1):
        item.position = k  # one count over every findings label of the area (ids are unique)
    section.commentary = doc.paragraphs(prose, str(number), name)
    if judgement is None or src is None:
        return None
    return _score(v, slug(name), name, judgement, src, section)


def _score(
    v: _Vocab, key: str, name: str, judgement: str, src: Source, section: Section | None
) -> Score:
    return Score(
        key=key,
        name=name,
        value=v.ranks[judgement.lower()],
        band=None,
        kind=Role.AREA,
        source=src,
        unit=Unit.RATING,
        rating=judgement,
        parent=str(section.number) if section else None,
    )


def _passages(report: Report) -> list[Passage]:
    sources = [p.source for p in report.foreword + report.body + report.context]
    for s in report.sections:
        sources += [p.source for p in s.commentary]
        sources += [i.source for i in s.findings]
    sources += [i.source for i in report.recommendations]
    return [Passage(s.section, s.heading, s.start, s.start + len(s.quote)) for s in sources]


__all__ = ["Inspection2012Reader"]

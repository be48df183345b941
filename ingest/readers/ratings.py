"""The ratings framework (2018 onwards).

An overall rating on the four-point scale and a points score ("Score 21/36") are headline
scores; standards (1.1-1.4 organisational delivery, 2.1-2.4 court disposals, 3.1-3.4
out-of-court disposals, a later resettlement standard) are criteria with a rating score,
strengths and areas for improvement; domains are sections; key questions answered with a
share of inspected cases are measures whose parent is their standard; recommendations
carry the owner named by the line that groups them ("The YOS Head of Service should:").

The text is cut at landmarks found by shape: a standard's number, a domain heading, or the
heading of another part (recommendations, contextual facts, glossary ...). A standard may
appear twice, in the ratings table and in the body: the body gives its wording and lists,
either gives its rating. What the framework has and the report lacks goes to
``Report.missing``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ingest.facts import Passage, extract_facts
from ingest.glossary import parse_glossary
from ingest.model import (
    Criterion,
    Fact,
    Item,
    Paragraph,
    Report,
    ReportFormat,
    Role,
    Score,
    Section,
    Unit,
)
from ingest.readers.cues import alternation, cue_score, reader_data
from ingest.readers.identity import identify, new_report, signature
from ingest.readers.layout import (
    Doc,
    clean_long,
    heading_text,
    next_content,
    owner_in_brackets,
)
from ingest.text.layout import Line, clean_text, is_terminated
from ingest.text.qualifiers import qualifiers_in

_NAME = "ratings"
_BLANK = Line(-1, 0, 0, "", False)
_STANDARD = re.compile(r"^(\d)\.(\d)\.?\s+(\S.*)$")
_KEY_QUESTION = re.compile(r"\?\s*(\d{1,3})\s*%\s*$")
_SHARE_ALONE = re.compile(r"^(\d{1,3})\s*%$")  # a table's percentage cell on its own line
_NUMBER_LINE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)\s*(%)?\s+(\S.*[A-Za-z].*)$")
_LINE_NUMBER = re.compile(r"^(\S.*[A-Za-z].*?)\s*[:–—-]?\s+(\d[\d,]*(?:\.\d+)?)\s*(%)?$")


@dataclass(frozen=True)
class _Vocab:
    ratings: tuple[str, ...]
    rating_re: re.Pattern[str]  # a rating word anywhere
    rating_line: re.Pattern[str]  # a line that is only a rating, perhaps labelled
    inline: re.Pattern[str]  # "<name> <rating>" at the end of a standard's line
    openers: re.Pattern[str]
    points: tuple[re.Pattern[str], ...]
    overall_cues: tuple[str, ...]
    domains: dict[int, str]
    expected: dict[int, list[int]]
    domain_numbers: dict[str, int]
    strengths: frozenset[str]
    areas: frozenset[str]
    parts: dict[str, str]  # heading (lower case) -> part kind
    owner: re.Pattern[str]

    def rating(self, word: str) -> str:
        low = " ".join(word.lower().split())
        return next(r for r in self.ratings if r.lower() == low)

    def rank(self, rating: str) -> int:
        return self.ratings.index(rating) + 1


@cache
def _vocab() -> _Vocab:
    data = reader_data(_NAME)
    ratings = tuple(data["vocab"]["ratings"])
    words = alternation(list(ratings))
    labels = alternation(data["rating_labels"])
    return _Vocab(
        ratings=ratings,
        rating_re=re.compile(rf"\b({words})\b", re.I),
        rating_line=re.compile(rf"^(?:{labels}\s*:?\s*)?({words})\s*\.?$", re.I),
        inline=re.compile(rf"^(.*?\S)\s*(?:[:–—-]\s*|\s)\s*({words})\s*\.?$", re.I),
        openers=re.compile(rf"^{alternation(data['vocab']['question_openers'])}\b"),
        points=tuple(re.compile(p, re.I) for p in data["points_patterns"]),
        overall_cues=tuple(c.lower() for c in data["overall_cues"]),
        domains={int(k): v for k, v in data["domains"].items()},
        expected={int(k): list(v) for k, v in data["expected_standards"].items()},
        domain_numbers={k.lower(): int(v) for k, v in data["domain_numbers"].items()},
        strengths=frozenset(w.lower() for w in data["strengths_labels"]),
        areas=frozenset(w.lower() for w in data["areas_labels"]),
        parts={h.lower(): kind for kind, heads in data["parts"].items() for h in heads},
        owner=re.compile(data["owner_pattern"], re.I),
    )


@dataclass
class _Mark:
    index: int  # line index of the landmark
    kind: str  # "standard" | "domain" | a part kind ("recommendations", "context", ...)
    number: str = ""  # a standard's "2.1" or a domain's "2"
    name: str = ""
    rating: str | None = None  # a standard's rating printed on its own line
    end: int = 0  # index after the last line of its region


@dataclass
class _Standard:
    number: str
    name: str = ""
    marks: list[_Mark] = field(default_factory=list)
    body: _Mark | None = None  # the occurrence with the standard's wording and lists


def _first_start(lines: list[Line]) -> int:
    return next((ln.start for ln in lines if ln.plain), 1 << 62)


def _has_content(doc: Doc, v: _Vocab, mark: _Mark) -> bool:
    """A standard's body holds its rating line, a label or a key question; a ratings table
    row holds none of them."""
    return any(
        v.rating_line.match(ln.plain) or _label(ln.plain, v) or _KEY_QUESTION.search(ln.plain)
        for ln in doc.lines[mark.index + 1 : mark.end]
        if ln.plain
    )


class RatingsReader:
    format = ReportFormat.RATINGS

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
            ReportFormat.RATINGS,
            f"Inspection of youth offending services in {area}",
        )
        marks = _landmarks(doc.lines, v)
        standards: dict[str, _Standard] = {}
        free: list[list[Line]] = [doc.lines[: marks[0].index] if marks else doc.lines]
        foreword_lines: list[Line] = []
        for mark in marks:
            body = doc.lines[mark.index + 1 : mark.end]
            if mark.kind == "standard":
                std = standards.setdefault(mark.number, _Standard(mark.number))
                std.name = std.name or mark.name
                std.marks.append(mark)
            elif mark.kind == "domain":
                _domain(report, v, int(mark.number), mark.name)
                free.append(body)
            elif mark.kind == "recommendations":
                report.recommendations += _recommendations(doc, v, body)
            elif mark.kind == "context":
                _context(doc, report, body, doc.lines[mark.index].plain.rstrip(":"))
            elif mark.kind == "glossary" and not report.glossary:
                heading = doc.lines[mark.index].plain.rstrip(":")
                report.glossary = parse_glossary(
                    doc.view, body, lambda _h, s, e, h=heading: doc.source("glossary", h, s, e)
                )
            elif mark.kind == "foreword" and not report.foreword:
                foreword_lines = [_BLANK, *body]
                body, report.signatory = signature(body)
                report.foreword = doc.paragraphs(body, "foreword", "Foreword")
            else:
                free.append(body)
        for std in standards.values():
            std.body = max(std.marks, key=lambda m: (_has_content(doc, v, m), m.end - m.index))
            free += [doc.lines[m.index + 1 : m.end] for m in std.marks if m is not std.body]
        free_lines = [ln for seg in sorted(free, key=_first_start) for ln in [_BLANK, *seg]]
        # The ratings table comes first; a foreword that says the overall rating ("Overall,
        # X was rated as: Good") stands in when the table prints none.
        overall = _overall(doc, v, free_lines) or _overall(doc, v, foreword_lines, "foreword")
        report.headline_scores = [s for s in (overall, _points(doc, v, free_lines)) if s]
        for number in sorted(standards, key=lambda n: tuple(map(int, n.split(".")))):
            crit, questions, paras = _criterion(doc, v, standards[number])
            if crit is None:
                continue
            report.criteria.append(crit)
            report.measures += questions
            report.body += paras
            _domain(report, v, crit.section_number, "")
        report.sections.sort(key=lambda s: s.number)
        for k, item in enumerate(report.recommendations, start=1):
            item.position = k
        report.body = doc.paragraphs(free_lines, "summary", "Summary") + report.body
        report.missing = _missing(report, v)
        report.facts += extract_facts(doc.view, _passages(report), doc.source)
        return report


def _landmarks(lines: list[Line], v: _Vocab) -> list[_Mark]:
    marks: list[_Mark] = []
    in_glossary = False
    for k, line in enumerate(lines):
        t = line.plain
        if not t:
            continue
        part = v.parts.get(t.rstrip(":").lower())
        if part is None and re.match(r"(?:annex|appendix)\b", t, re.I) and heading_text(t):
            part = "other"
        if part:
            marks.append(_Mark(k, part, name=t.rstrip(":")))
            in_glossary = part == "glossary"
            continue
        if in_glossary:
            continue  # a glossary's terms are not landmarks
        domain = _domain_at(lines, k, v)
        if domain:
            marks.append(_Mark(k, "domain", number=str(domain[0]), name=domain[1]))
            continue
        s = _STANDARD.match(t)
        if not s or _KEY_QUESTION.search(t) or re.search(r"(?:\.{2,}|…)\s*\d{1,3}$", t):
            continue
        rest = s.group(3)
        inline = v.inline.match(rest)
        if inline and heading_text(inline.group(1), 12):
            number = f"{s.group(1)}.{s.group(2)}"
            marks.append(_Mark(k, "standard", number, inline.group(1), v.rating(inline.group(2))))
        elif heading_text(rest, 12) and not is_terminated(rest):
            marks.append(_Mark(k, "standard", f"{s.group(1)}.{s.group(2)}", rest.rstrip(":")))
    for k, mark in enumerate(marks):
        mark.end = marks[k + 1].index if k + 1 < len(marks) else len(lines)
    return marks


def _domain_at(lines: list[Line], k: int, v: _Vocab) -> tuple[int, str] | None:
    """`Domain one: Organisational delivery`, or `2. Court disposals` right above 2.1."""
    t = lines[k].plain
    m = re.match(r"^Domain\s+(\w+)\s*[:.–—-]?\s*(.*)$", t, re.I)
    if m:
        word = m.group(1).lower()
        number = int(word) if word.isdigit() else v.domain_numbers.get(word)
        return (number, m.group(2).strip()) if number else None
    m = re.match(r"^(\d)\.?\s+([A-Z][A-Za-z ,'’-]{2,60})$", t)
    if not m or v.rating_re.search(t):
        return None
    after = next_content(lines, k)
    following = after.plain if after else ""
    return (int(m.group(1)), m.group(2).strip()) if following.startswith(m.group(1) + ".") else None


def _domain(report: Report, v: _Vocab, number: int, name: str) -> None:
    found = report.section(number)
    if found is None:
        report.sections.append(
            Section(number, name or v.domains.get(number, f"Domain {number}"), None)
        )
    elif name and found.name == v.domains.get(number, f"Domain {number}") and name != found.name:
        found.name = name


def _overall(doc: Doc, v: _Vocab, lines: list[Line], section: str = "summary") -> Score | None:
    """The overall rating: a line that says "rated" or "rating" first ("Overall, X was
    rated as: Good"), any other overall line ("Overall, work was good") only failing that."""
    content = [ln for ln in lines if ln.plain]
    rated = [k for k, ln in enumerate(content) if re.search(r"\brat(?:ed|ing)\b", ln.plain, re.I)]
    others = [k for k in range(len(content)) if k not in set(rated)]
    for k in rated + others:
        line = content[k]
        low = line.plain.lower()
        cue = next((c for c in v.overall_cues if c in low), None)
        if cue is None:
            continue
        after = line.plain[low.index(cue) + len(cue) :]
        m = v.rating_re.search(after)
        first, last = line, line
        # The rating alone on the next line: after a colon, or after a bare label ("Overall
        # rating" in a table whose cells a PDF puts on lines of their own).
        bare = not re.sub(r"(?i)\brating\b", "", after).strip(" :")
        if m is None and (line.plain.endswith(":") or bare) and k + 1 < len(content):
            m = v.rating_line.match(content[k + 1].plain)
            last = content[k + 1]
        if m is None:
            continue
        rating = v.rating(m.group(1))
        return Score(
            key="overall",
            name="Overall rating",
            value=v.rank(rating),
            band=None,
            kind=Role.HEADLINE,
            source=doc.source(section, "Overall rating", first.start, last.end),
            unit=Unit.RATING,
            rating=rating,
        )
    return None


def _points(doc: Doc, v: _Vocab, lines: list[Line]) -> Score | None:
    for line in lines:
        for pattern in v.points:
            m = pattern.search(doc.view, line.start, line.end) if line.plain else None
            if m:
                return Score(
                    key="points",
                    name="Points",
                    value=int(m.group(1)),
                    band=None,
                    kind=Role.HEADLINE,
                    source=doc.source("summary", "Overall rating", m.start(), m.end()),
                    unit=Unit.POINTS,
                    maximum=int(m.group(2)),
                )
    return None


def _criterion(
    doc: Doc, v: _Vocab, std: _Standard
) -> tuple[Criterion | None, list[Score], list[Paragraph]]:
    number, name = std.number, std.name
    title = f"{number} {name}"
    body_mark = std.body or std.marks[0]
    body = doc.lines[body_mark.index + 1 : body_mark.end]
    rating_at: Line | None = None
    rating: str | None = None
    rating_k = None
    for k, line in enumerate(body):
        m = v.rating_line.match(line.plain) if line.plain else None
        if m:
            rating_at, rating, rating_k = line, v.rating(m.group(1)), k
            break
    if rating is None:
        printed = next((m for m in std.marks if m.rating), None)
        if printed is None:
            return None, [], []
        rating, head = printed.rating, doc.lines[printed.index]
        source = doc.source(number, title, head.start, head.end)
    else:
        source = doc.source(number, title, rating_at.start, rating_at.end)
    domain = number.split(".")[0]
    score = Score(
        key=number,
        name=title,
        value=v.rank(rating),
        band=None,
        kind=Role.CRITERION,
        source=source,
        unit=Unit.RATING,
        rating=rating,
        parent=domain,
    )
    questions, used = _key_questions(doc, v, body, number, title)
    labels = [(k, kind) for k, ln in enumerate(body) if (kind := _label(ln.plain, v)) is not None]
    stop = min(
        [k for k, _ in labels]
        + [rating_k if rating_k is not None else len(body)]
        + sorted(used)[:1]
        + [len(body)]
    )
    statement = clean_long("\n".join(ln.text for ln in body[:stop] if ln.text))
    strengths: list[Item] = []
    areas: list[Item] = []
    ends = [k for k, _ in labels] + [len(body)]
    for (k, kind), end in zip(labels, ends[1:], strict=True):
        part = [_BLANK if i in used else body[i] for i in range(k + 1, end)]
        label = body[k].plain.rstrip(":")
        items = doc.items(part, number, f"{title}: {label}")
        (strengths if kind == "strengths" else areas).extend(items)
    first_label = labels[0][0] if labels else len(body)
    start = rating_k + 1 if rating_k is not None else stop
    between = [_BLANK if i in used else body[i] for i in range(start, first_label)]
    paras = doc.paragraphs(between, number, title)
    crit = Criterion(number, name, statement, score, strengths, areas)
    return crit, questions, paras


def _label(t: str, v: _Vocab) -> str | None:
    low = t.rstrip(":").strip().lower()
    if low in v.strengths:
        return "strengths"
    if low in v.areas:
        return "areas"
    return None


def _key_questions(
    doc: Doc, v: _Vocab, body: list[Line], number: str, title: str
) -> tuple[list[Score], set[int]]:
    out: list[Score] = []
    used: set[int] = set()
    for k, line in enumerate(body):
        m = _KEY_QUESTION.search(line.plain) if line.plain else None
        if not m and line.plain.endswith("?"):
            # a table read by cells: the share on the next line
            after = next((j for j in range(k + 1, len(body)) if body[j].plain), None)
            share = _SHARE_ALONE.match(body[after].plain) if after is not None else None
            if share:
                used.add(after)
                m, line = share, body[after]
        if not m:
            continue
        first = k
        for j in range(k, max(k - 4, -1), -1):
            if j in used or not body[j].plain:
                break
            if v.openers.match(body[j].plain):
                first = j
                break
        used.update(range(first, k + 1))
        q_end = doc.view.rindex("?", body[first].start, line.end) + 1
        question = clean_text(doc.view[body[first].start : q_end])
        out.append(
            Score(
                key=f"{number}-q{len(out) + 1}",
                name=question,
                value=int(m.group(1)),
                band=None,
                kind=Role.KEY_QUESTION,
                source=doc.source(number, f"{title}: key questions", body[first].start, line.end),
                unit=Unit.SHARE,
                parent=number,
            )
        )
    return out, used


def _recommendations(doc: Doc, v: _Vocab, lines: list[Line]) -> list[Item]:
    groups: list[tuple[str | None, list[Line]]] = [(None, [])]
    for line in lines:
        m = v.owner.match(line.plain) if line.plain else None
        if m and heading_text(line.plain.rstrip(":"), 16):
            groups.append((" ".join(m.group("owner").split()), []))
        else:
            groups[-1][1].append(line)
    out: list[Item] = []
    owned = len(groups) > 1
    for owner, group in groups:
        if owner is None and owned:
            continue  # the lead-in before the first owner
        heading = f"Recommendations: {owner}" if owner else "Recommendations"
        for item in doc.items(group, "recommendations", heading):
            item.owner = owner
            out.append(item if owner else owner_in_brackets(item))
    return out


def _context(doc: Doc, report: Report, lines: list[Line], heading: str) -> None:
    """Contextual facts: a line that is a number and what it counts becomes a fact; the
    rest is read as paragraphs (whose numbers are found with the other facts)."""
    rest: list[Line] = []
    for line in lines:
        t = line.plain
        m = _NUMBER_LINE.match(t) if t else None
        value = what = None
        if m:
            value, percent, what = m.group(1), m.group(2), m.group(3)
        elif t and (m2 := _LINE_NUMBER.match(t)) and not is_terminated(t):
            what, value, percent = m2.group(1), m2.group(2), m2.group(3)
        if value is None or what is None or is_terminated(what):
            rest.append(line)
            continue
        rest.append(_BLANK)
        what = clean_text(what).rstrip(" :")
        report.facts.append(
            Fact(
                value=float(value.replace(",", "")),
                unit="%" if percent else "count",
                sentence=f"{what}: {value}{'%' if percent else ''}",
                source=doc.source("context", heading, line.start, line.end),
                qualifiers=qualifiers_in(what).as_dict(),
            )
        )
    report.context += doc.paragraphs(rest, "context", heading)


def _missing(report: Report, v: _Vocab) -> list[str]:
    missing = []
    if not any(s.key == "overall" for s in report.headline_scores):
        missing.append("overall rating")
    if not any(s.key == "points" for s in report.headline_scores):
        missing.append("points score")
    found = {c.number for c in report.criteria}
    for domain, numbers in v.expected.items():
        missing += [f"{domain}.{n}" for n in numbers if f"{domain}.{n}" not in found]
    return missing


def _passages(report: Report) -> list[Passage]:
    sources = [p.source for p in report.foreword + report.body + report.context]
    for c in report.criteria:
        sources += [i.source for i in c.strengths + c.areas_for_improvement]
    return [Passage(s.section, s.heading, s.start, s.start + len(s.quote)) for s in sources]

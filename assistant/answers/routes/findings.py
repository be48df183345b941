"""Findings questions: the numbered strengths and areas for improvement."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from assistant.answers.citations import from_source
from assistant.answers.compose import Answer, Composer, band_text, label, not_found
from assistant.answers.described_areas import described_names
from assistant.answers.intent import (
    FindingKind,
    Intent,
    catalog,
    criteria_of,
    find_criterion,
    kind_asked,
)
from assistant.answers.passages import content_words
from assistant.answers.plain_words import in_report_wording, in_report_words
from assistant.answers.registry import Context, Route, answers, follow_up, rule
from assistant.answers.routing import Clues
from assistant.answers.section_labels import labelled_sections
from assistant.answers.sibling_criteria import with_siblings
from assistant.answers.topic_words import (
    SERVICE_WORDS,
    distinctive,
    in_findings_words,
    unmentioned_topic,
)
from assistant.answers.unmentioned import unmentioned
from ingest.model import Report, Role, Score, Section, Unit
from ingest.text.layout import slug
from ingest.text.resources import load_yaml
from ingest.text.stemming import stem
from ingest.text.stopwords import STOPWORDS
from ingest.text.tokens import stems

_KIND_WORDS_TEXT = load_yaml("assistant.answers", "words.yaml")["findings"]


_KIND_WORDS = frozenset(stem(w) for w in _KIND_WORDS_TEXT.split())
KIND_WORDS = _KIND_WORDS  # words that ask for findings, not name their topic
# Up to this many reports in question, a topic word is read in the glossary's abbreviation too
GLOSSARY_TOPIC_REPORTS = 12
_STOP = frozenset(stem(w) for w in STOPWORDS)


def answer_findings(
    intent: Intent,
    scoped: Sequence[Report],
    topic: Sequence[str] = (),
    corpus: frozenset[str] | set[str] | None = None,
    asked: bool | None = None,
) -> Answer:
    """The numbered strengths and/or areas for improvement of criteria, with their scores.

    With no criterion named but a topic ("concerns about management oversight"), only the
    items about that topic, wherever they stand. ``corpus``: the stems the loaded reports use
    anywhere; a word none of them uses ("what did they pick up on") picks no finding."""
    out = Composer()
    kinds = {"strength": ["strength"], "area": ["area"]}.get(
        intent.kind or "both", ["strength", "area"]
    )
    topic = [w for w in topic if w not in _KIND_WORDS]
    for report in scoped:
        if _area_findings(out, report, intent.question, topic, corpus, asked):
            continue
        criteria = [find_criterion(report, t) for t in intent.targets if t.type == "criterion"]
        criteria = [c for c in criteria if c] if intent.targets else list(report.criteria)
        if not intent.targets and topic:
            described = _described_criterion(criteria, topic)
            if described is None:
                if asked is None:  # (a caller may know findings are asked for)
                    asked = kind_asked(intent.question) is not None
                before = len(out.lines)
                _topic_findings(out, report, criteria, kinds, topic, asked, corpus)
                if len(out.lines) > before:
                    continue
                # no finding holds the words, but one section's title does ("what did they
                # struggle with in delivery?": Delivery and Review of Interventions)
                criteria = _criteria_of_section_named(report, topic)
                if not criteria:
                    continue
            else:
                criteria = [described]  # "its vulnerability assessments": 1.3, by what it assesses
        for c in criteria:
            listed = [c.strengths if k == "strength" else c.areas_for_improvement for k in kinds]
            if not intent.targets and len(criteria) > 1 and not any(listed):
                continue  # every standard asked about: only those that list some
            s = c.score
            out.add(
                f"{label(report)}, {c.number} {c.name}: {s.display()}{band_text(s)}"
                + out.cite(from_source(report, s.source))
            )
            for kind in kinds:
                items = c.strengths if kind == "strength" else c.areas_for_improvement
                title = "Strengths" if kind == "strength" else "Areas for improvement"
                if not items:
                    out.add(f"{title}: none listed.")
                    continue
                out.add(f"{title} ({len(items)}):")
                for i in items:
                    out.add(
                        f"{i.position}. {i.text}" + out.cite(from_source(report, i.source), i.text)
                    )
    if not out.citations:
        return not_found("The loaded reports have no findings for that.", "findings")
    return out.answer("findings")


def _name_stems(text: str) -> frozenset[str]:
    return frozenset(stems(text.replace("-", " "))) - _STOP


@lru_cache(maxsize=65536)
def _stems_of(text: str) -> frozenset[str]:
    """A finding's stems, read once: a question across reports reads every finding."""
    return frozenset(stems(text))


def _criteria_of_section_named(report: Report, topic: Sequence[str]) -> list:
    """The criteria of the one section whose title holds a topic word no other section's
    title holds; none when the words name no section, or more than one."""
    titles = {s.number: _name_stems(s.name) for s in report.sections}
    named = {n for n, t in titles.items() if any(w in t for w in topic)}
    if len(named) != 1:
        return []
    (number,) = named
    return [c for c in report.criteria if c.section_number == number]


def _described_criterion(criteria, topic: Sequence[str]):
    """The one criterion a question names by what it covers rather than by its title ("their
    vulnerability assessments" is 1.3 Safeguarding, whose general criterion assesses
    vulnerability): the only one whose title and general criterion hold every topic word that
    any of them holds, at least two; None when no one criterion is named so."""
    described = {id(c): _stems_of(f"{c.name} {c.general_criterion}") for c in criteria}
    words = [w for w in topic if any(w in d for d in described.values())]
    if len(words) < 2:
        return None
    whole = [c for c in criteria if all(w in described[id(c)] for w in words)]
    return whole[0] if len(whole) == 1 else None


def _area_findings(
    out: Composer,
    report: Report,
    question: str,
    topic: Sequence[str] = (),
    corpus: frozenset[str] | set[str] | None = None,
    asks_findings: bool | None = None,
) -> bool:
    """The key findings of the areas of work the question names by name ("protecting the
    public"), for a report whose findings stand under its areas rather than its criteria; with
    no area named, the findings that hold the question's topic words ("the board")."""
    asked = set(stems(question)) - _STOP
    # an area named by what it does ("keeping kids safe"): read with its title's words
    titles = [_name_stems(s.name) for s in report.sections if s.findings]
    for form in described_names(question, titles, _name_stems):
        asked |= _name_stems(form)
    # the areas whose names share most words with the question ("Eastmere's governance" is
    # Governance and partnerships; "protect the public" is Protecting the public, not the child)
    overlap = {
        id(s): len((set(stems(s.name)) - _STOP) & asked) for s in report.sections if s.findings
    }
    most = max(overlap.values(), default=0)
    named = [s for s in report.sections if s.findings and most and overlap[id(s)] == most]
    # a part named by its heading's label ("B2") is that part, whatever else the words share
    named = labelled_sections(question, report) or named
    # only when it asks for strengths or weaknesses: "which workers did they speak to?" shares
    # a word with a finding but asks for no finding
    if asks_findings is None:  # (a caller may know findings are asked for)
        asks_findings = kind_asked(question) is not None
    if not named and topic and not report.criteria and asks_findings:
        return _area_topic_findings(out, report, topic, corpus)
    if not named and not topic and not report.criteria and asks_findings:
        # "what were Eastmere's weaknesses?": no area named, so every area's key findings,
        # the worst judged first for weaknesses and the best first for strengths (the key
        # findings of an area are not split into the two)
        named = _by_judgement(report, [s for s in report.sections if s.findings], question)
    for section in named:
        add_area_findings(out, report, section)
    return bool(named)


def _by_judgement(report: Report, sections: list[Section], question: str) -> list[Section]:
    """``sections`` in the order of their judgements when the question asks for weaknesses
    (worst first) or strengths (best first); as the report orders them otherwise."""
    kind = kind_asked(question)
    if kind not in (FindingKind.AREA, FindingKind.STRENGTH):
        return sections

    def badness(section: Section) -> float:
        judged = _judgement(report, section)
        if judged is None or judged.value is None:
            return 0.0  # unjudged: between the best and the worst, as the report orders them
        # a rating's value is its rank (1 is best); any other value is better the higher
        return float(judged.value) if judged.unit == Unit.RATING else -float(judged.value)

    worst_first = kind == FindingKind.AREA
    return sorted(sections, key=lambda s: -badness(s) if worst_first else badness(s))


def _judgement(report: Report, section: Section) -> Score | None:
    """The judgement ``report`` gives the area of work ``section`` is about, if any."""
    return next((m for m in report.measures if slug(m.name) == slug(section.name)), None)


def add_area_findings(out: Composer, report: Report, section: Section) -> None:
    """An area of work's judgement and its key findings, each cited."""
    judged = _judgement(report, section)
    head = f"{label(report)}, {section.name}"
    if judged is not None:
        head += f": {judged.display()}" + out.cite(from_source(report, judged.source))
    out.add(head)
    out.add(f"Key findings ({len(section.findings)}):")
    for i in section.findings:
        out.add(f"{i.position}. {i.text}" + out.cite(from_source(report, i.source), i.text))


def _area_topic_findings(
    out: Composer, report: Report, topic: Sequence[str], corpus: frozenset[str] | set[str] | None
) -> bool:
    """The key findings, under each area of work, that hold the question's topic words."""
    sections = [s for s in report.sections if s.findings]
    if corpus is None:
        corpus = set().union(*(_stems_of(i.text) for s in sections for i in s.findings))
    words = [w for w in topic if w in corpus]
    if not words:
        return False
    words = distinctive(words, [_stems_of(i.text) for s in sections for i in s.findings])
    need = len(words) if len(words) <= 2 else -(-2 * len(words) // 3)
    shown = False
    for section in sections:
        items = [i for i in section.findings if sum(w in _stems_of(i.text) for w in words) >= need]
        if not items:
            continue
        out.add(f"{label(report)}, {section.name}:")
        for i in items:
            out.add(f"- {i.text}" + out.cite(from_source(report, i.source), i.text))
        shown = True
    return shown


def _topic_findings(
    out: Composer,
    report: Report,
    criteria,
    kinds,
    topic: Sequence[str],
    asked: bool = False,
    corpus: frozenset[str] | set[str] | None = None,
) -> None:
    used = set().union(
        *(_stems_of(i.text) for c in criteria for i in (*c.strengths, *c.areas_for_improvement))
    )
    known = [w for w in topic if w in (used if corpus is None else corpus)]
    if len(kinds) == 1:
        # strengths (or areas) asked for in words of one's own: only the words the report's
        # findings use can pick one ("what impressed them about the way the board is run":
        # the board); the rest of the asking matches nothing
        topic = [w for w in topic if w in used]
        if not topic:
            return
    elif asked and known and 2 * len(known) >= len(topic):
        # findings asked for ("what did they pick up on about parents?"): parents, not "pick";
        # a question asking no finding ("how many staff did they interview?") is not narrowed
        topic = known
    # "health work with young people": health, not every finding about young people; when
    # the rarer words pick nothing together, all of them are read as before
    rare = distinctive(
        topic,
        [_stems_of(i.text) for c in criteria for i in (*c.strengths, *c.areas_for_improvement)],
    )
    for words in (rare, topic) if rare != list(topic) else (rare,):
        if _picked(out, report, criteria, kinds, words):
            return


def _picked(out: Composer, report: Report, criteria, kinds, topic: Sequence[str]) -> bool:
    """The findings of ``criteria`` holding enough of ``topic`` added to ``out``; any?"""
    picked = False
    need = len(topic) if len(topic) <= 2 else -(-2 * len(topic) // 3)
    for c in criteria:
        lines = []
        for kind in kinds:
            items = c.strengths if kind == "strength" else c.areas_for_improvement
            title = "strength" if kind == "strength" else "area for improvement"
            for i in items:
                if sum(w in _stems_of(i.text) for w in topic) >= need:
                    lines.append((title, i))
        if not lines:
            continue
        picked = True
        s = c.score
        out.add(
            f"{label(report)}, {c.number} {c.name}: {s.display()}{band_text(s)}"
            + out.cite(from_source(report, s.source))
        )
        for title, i in lines:
            out.add(
                f"- {title} {i.position}: {i.text}"
                + out.cite(from_source(report, i.source), i.text)
            )
    return picked


@rule(Route.FINDINGS, priority=110)
def findings_asked(intent: Intent, c: Clues) -> Route | None:
    """Strengths or areas for improvement ("what went well in 1.3?")."""
    if intent.kind:
        intent.targets = criteria_of(c.targets((Role.CRITERION, Role.OVERALL)), c.cat)
        return Route.FINDINGS
    return None


@follow_up(Route.FINDINGS)
def inherit(intent: Intent, previous: dict, c: Clues) -> Route:
    intent.kind = FindingKind(previous.get("kind") or FindingKind.BOTH)
    intent.targets = criteria_of(c.targets((Role.CRITERION, Role.OVERALL)), catalog(c.reports))
    return Route.FINDINGS


@answers(Route.FINDINGS)
def answer(intent: Intent, ctx: Context) -> Answer:
    # "the YOT" over reports that say YOS names the service, no topic; where a report says
    # YOT, its findings that do ("the YOT manager vacancy") are the ones asked about
    area_words = ctx.passages.area_words()
    area_words += [w for w in SERVICE_WORDS if w not in ctx.index.vocabulary]
    if not intent.followup:  # a follow-up keeps to the part of the work asked before
        # "the reoffending side": 1.2 and 2.2, each named only in part by it
        intent.targets = with_siblings(intent.question, intent.targets, ctx.scoped)
    # "any findings on gang involvement?": a topic no loaded report mentions, not the findings
    # that share its other words ("involved")
    missing = unmentioned_topic(
        intent.question,
        ctx.index.vocabulary,
        lambda w: next(iter(in_report_words(content_words(w, area_words))), None),
        _KIND_WORDS,
    )
    if missing and not unmentioned(intent.question, ctx.scoped):  # "self-harm": answered there
        return not_found(f"The loaded reports do not mention {' or '.join(missing)}.", "findings")
    found = answer_findings(
        intent,
        ctx.scoped,
        # "education and training": ETE, as the findings write it
        in_findings_words(
            in_report_words(content_words(intent.question, area_words)),
            ctx.scoped,
            most=GLOSSARY_TOPIC_REPORTS,
        ),
        ctx.index.vocabulary,
        # routed here, findings are asked for, by a cue or by the question's nearest examples
        # ("what's the verdict on their MAPPA work?": MAPPA, not "verdict")
        asked=True if intent.kind else None,
    )
    if found.found or intent.targets:
        return found
    # a document with no findings of its own: its sentences, searched in its own words
    # ("housing" is what it calls accommodation)
    searched = replace(intent, question=in_report_wording(intent.question))
    return ctx.passages.answer(searched, ctx.scoped, ctx.index, route="findings")

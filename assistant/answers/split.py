"""Several questions in one ("what is a risk management plan and were they done?"): split into
its questions, each answered on its own with its own citations, then put together as one
answer. The words that join and start questions are data (``kinds.yaml``: ``split``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from assistant.answers.compose import Answer, Composer
from assistant.answers.intent import (
    CUES,
    QUESTION_WORDS,
    definition_phrase,
    find_reports,
    glossary_entries,
    is_bare,
    strip_areas,
)
from ingest.model import Report
from ingest.text.resources import load_yaml
from ingest.text.stopwords import STOPWORDS
from ingest.text.tokens import stems


def _words_re(words: list[str]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I)


@cache
def _rules() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    spec = load_yaml("assistant.answers", "kinds.yaml")["split"]
    starts = "|".join(re.escape(w) for w in spec["starts"])
    joins = "|".join(spec["joins"])
    # A join followed by a word that starts a question: "..., and were they done?"
    at = re.compile(rf"(?:{joins})\s*(?=(?:{starts})\b)", re.I)
    pronoun = _words_re(spec["pronouns"])
    opening = re.compile(rf"^\s*(?:{starts})\b", re.I)
    return at, pronoun, opening


@cache
def _report_pronoun() -> re.Pattern:
    return _words_re(load_yaml("assistant.answers", "kinds.yaml")["split"]["report_pronouns"])


def split_question(question: str, reports: Sequence[Report] = ()) -> list[str]:
    """The questions ``question`` asks, in order; one item when it asks one. A later question
    that names no report is about the reports the first one names ("when was the fieldwork
    in Eastmere and who signed the report?")."""
    at, pronoun, opening = _rules()
    if not opening.match(question):
        return [question]
    parts = [p.strip(" ,;") for p in at.split(question) if p and p.strip(" ,;?")]
    refers = _report_pronoun()
    if len(parts) < 2 or any(
        len(_content(p)) == 0
        and not pronoun.search(p)
        and not refers.search(p)
        and not _elided_count().match(p)
        for p in parts
    ):
        return [question]
    out = [parts[0]]
    named = find_reports(parts[0], reports)[0] if reports else []
    areas = " and ".join(r.area for r in reports if r.id in named)
    for part in parts[1:]:
        if refers.search(part):  # "what was it rated?", "how did they do on it?"
            # a term the first part asked to have defined is asked about by what it stands
            # for: "how did Sefton do on it?" is about the work, not the term's definition
            topic = _topic(out[0])
            asked = refers.sub(topic, part, count=1)
            if not areas and is_bare(strip_areas(asked, reports), [topic]):
                # "how did Sefton do on ETE?" would read as ETE's definition again: it asks
                # about what the term stands for
                topic = _spelled_out(topic, reports) or topic
            part = refers.sub(areas or topic, part, count=1)
        part = _resolved(part, out[0], pronoun, reports)
        part = _counted(part, out[0], reports)
        if areas and not find_reports(part, reports)[0]:
            part = f"{part.rstrip(' ?')} in {areas}"
        out.append(part)
    return [p if p.endswith("?") else p + "?" for p in out]


def _content(text: str) -> list[str]:
    return [w for w in stems(text) if w not in STOPWORDS and w not in QUESTION_WORDS]


def _topic(first: str) -> str:
    """What the first question asks about: its term, or its words less the stopwords."""
    starts = {w.lower() for w in load_yaml("assistant.answers", "kinds.yaml")["split"]["starts"]}
    # "what went wrong with protecting the public": the words asking for findings ask, the
    # rest is the topic
    asked = CUES["findings"].sub(" ", CUES["area"].sub(" ", CUES["strength"].sub(" ", first)))
    topic = definition_phrase(first) or " ".join(
        w for w in asked.split() if w.lower().strip("?") not in STOPWORDS | starts
    )
    return topic.strip(" ?")


def _resolved(part: str, first: str, pronoun: re.Pattern, reports: Sequence[Report]) -> str:
    """A later part's pronoun ("were they done?") stands for what the first part asked about;
    an acronym for the words it stands for too ("RMP" -> "RMP risk management plan")."""
    if not pronoun.search(part):
        return part
    return pronoun.sub(_topic_spelled(first, reports), part, count=1)


@cache
def _elided_count() -> re.Pattern:
    return re.compile(load_yaml("assistant.answers", "kinds.yaml")["split"]["elided_count"], re.I)


def _counted(part: str, first: str, reports: Sequence[Report]) -> str:
    """A later part that counts without saying what ("how many were done?") counts what the
    first part asked about: "how many VMP (Vulnerability management plan) were done?"."""
    m = _elided_count().match(part)
    if m is None:
        return part
    return f"{part[: m.end()]} {_topic_spelled(first, reports)}{part[m.end() :]}"


def _topic_spelled(first: str, reports: Sequence[Report]) -> str:
    """What the first part asked about, with the words an acronym stands for ("RMP (Risk
    management plan)")."""
    topic = _topic(first)
    head = _spelled_out(topic, reports)
    return f"{topic} ({head})" if head and head.lower() != topic.lower() else topic


def _spelled_out(topic: str, reports: Sequence[Report]) -> str:
    """The words a glossary term stands for ("RMP" -> "Risk management plan"), if it is one."""
    entries = glossary_entries(topic.strip(" ?"), reports) if reports else []
    if not entries:
        return ""
    return re.split(r"[:.;(]| - ", entries[0][1].definition, maxsplit=1)[0].strip()


def answer_split(
    parts: Sequence[str], answer_one: Callable[[str], tuple[Answer, object]]
) -> tuple[Answer, object]:
    """Each part answered by ``answer_one``; one answer with every part's citations renumbered."""
    out = Composer()
    found = False
    intent = None
    routes = []
    for part in parts:
        answer, intent = answer_one(part)
        found |= answer.found
        routes.append(answer.route)
        numbers: dict[str, str] = {}
        for n, (c, p) in enumerate(zip(answer.citations, answer.passages, strict=False), 1):
            numbers[str(n)] = out.cite(c, p).strip(" []")
        out.add(f"{part}\n{_renumbered(answer.answer, numbers)}")
    combined = out.answer(routes[0], found=found)
    combined.answer = "\n\n".join(out.lines)
    return combined, intent


def _renumbered(text: str, numbers: dict[str, str]) -> str:
    return re.sub(r"\[(\d+)\]", lambda m: f"[{numbers.get(m.group(1), m.group(1))}]", text)

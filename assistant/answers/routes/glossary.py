"""Glossary questions: what a term means, which terms a glossary defines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answers.citations import from_source, sentences
from assistant.answers.compose import Answer, Composer, label, loaded_list, not_found
from assistant.answers.intent import (
    CUES,
    NEXT_STEPS_RE,
    Intent,
    definition_phrase,
    glossary_entries,
    is_bare,
    looks_like_acronym,
    spelled_terms,
    strip_areas,
    terms_by_expansion,
)
from assistant.answers.registry import Context, Route, answers, follow_up, rule
from assistant.answers.retrieve import entry_terms
from assistant.answers.routing import Clues
from ingest.model import GlossaryEntry, Report
from ingest.text.terms import term_pattern
from ingest.text.tokens import clean, stems, words


def answer_glossary(intent: Intent, scoped: Sequence[Report], loaded: Sequence[Report]) -> Answer:
    """Glossary definitions, quoted; with one term, its related terms too."""
    if intent.slots.undefined_term:
        return not_found(
            f"None of the loaded reports' glossaries defines “{intent.slots.undefined_term}” "
            f"(loaded: {loaded_list(loaded)}).",
            "glossary",
        )
    out = Composer()
    if not intent.terms:
        return _glossary_terms(scoped)
    missing = []
    shown: list[tuple[Report, GlossaryEntry]] = []
    for term in intent.terms:
        entries = glossary_entries(term, scoped)
        if not entries:
            entries = glossary_entries(term, loaded)
            if entries:
                out.add(
                    f"The glossary of {loaded_list(scoped)} does not define {term}; "
                    f"that of {loaded_list([r for r, _ in entries])} does:"
                )
        if not entries:
            missing.append(term)
            continue
        for report, entry in _distinct_definitions(entries):
            shown.append((report, entry))
            where = f" ({label(report)} glossary)" if len(loaded) > 1 else ""
            # a definition read from several stretches of the text cites each of them
            cites = "".join(out.cite(from_source(report, s)) for s in entry.sources())
            out.add(f"{entry.term}{where}: {entry.definition.strip()}" + cites)
    if not shown:
        return not_found(
            f"None of the loaded reports' glossaries defines {', '.join(missing)}.", "glossary"
        )
    if missing:
        out.add(f"The glossary does not define {', '.join(missing)}.")
    if len(loaded) > 1:
        for term in intent.terms:
            ids = {r.id for r, _ in glossary_entries(term, loaded)}
            defining = [r for r in loaded if r.id in ids]
            if len(defining) > 1:
                out.add(f"{term} is defined in the glossaries of {loaded_list(defining)}.")
    if len(intent.terms) == 1:
        related = _related(shown, scoped or loaded)
        if related:
            out.add("Related terms:")
            for report, entry in related:
                head = clean(sentences(entry.definition)[0][1]) if entry.definition else ""
                out.add(f"- {entry.term}: {head}" + out.cite(from_source(report, entry.source)))
    return out.answer("glossary")


def _glossary_terms(scoped: Sequence[Report]) -> Answer:
    """The terms each report's glossary defines (the glossary itself is cited)."""
    out = Composer()
    without = []
    for report in scoped:
        if not report.glossary:
            without.append(label(report))
            continue
        first = report.glossary[0]
        out.add(
            f"{label(report)}'s glossary defines {len(report.glossary)} terms: "
            + ", ".join(e.term for e in report.glossary)
            + "."
            + out.cite(from_source(report, first.source))
        )
    if without:
        out.add(f"{', '.join(without)}: no glossary.")
    if not out.citations:
        return not_found(f"{', '.join(without)}: no glossary.", "glossary")
    out.add("Ask “what does <term> mean?” for a definition.")
    return out.answer("glossary")


def _norm_definition(text: str) -> str:
    return " ".join(words(text))


def _distinct_definitions(entries):
    """One entry per distinct definition: one contained in another adds nothing."""
    keep: list[tuple[Report, GlossaryEntry]] = []
    for report, entry in sorted(entries, key=lambda e: -len(e[1].definition)):
        norm = _norm_definition(entry.definition)
        if any(norm in _norm_definition(k.definition) for _, k in keep):
            continue
        keep.append((report, entry))
    return keep


def _related(shown, reports, limit: int = 3):
    """Entries that share words with the term's expansion, or that its definition refers to
    ("See also ...")."""
    report, entry = shown[0]
    terms = entry_terms(entry)
    own = _head_words(entry)
    related: list[tuple[int, Report, GlossaryEntry]] = []
    for other in report.glossary:
        if other is entry or other.term == entry.term:
            continue
        shared = len(own & _head_words(other))
        see_also = any(
            re.search(r"see also[^.]*" + term_pattern(t).pattern, entry.definition, re.I)
            or re.search(r"see also[^.]*" + term_pattern(t).pattern, other.definition, re.I)
            for t in [*entry_terms(other), *terms]
            if len(re.sub(r"\W", "", t)) >= 3
        )
        if shared >= 2 or (shared and _mentions(entry, other)) or see_also:
            related.append((shared + 2 * see_also, report, other))
    related.sort(key=lambda x: -x[0])
    return [(r, e) for _, r, e in related[:limit]]


def _head_words(entry: GlossaryEntry) -> set[str]:
    """Content words of the words a term stands for (and of its spellings)."""
    head = re.split(r"[:.;(]| - | — ", entry.definition.replace("\n", " "), maxsplit=1)[0]
    return set(stems(head + " " + " ".join(t for t in entry.terms if " " in t)))


def _mentions(a: GlossaryEntry, b: GlossaryEntry) -> bool:
    return any(term_pattern(t).search(a.definition) for t in entry_terms(b)) or any(
        term_pattern(t).search(b.definition) for t in entry_terms(a)
    )


@dataclass
class GlossarySlots:
    undefined_term: str | None = None  # an acronym asked about that no glossary defines


@rule(Route.GLOSSARY, priority=10)
def named_by_expansion(intent: Intent, c: Clues) -> Route | None:
    """“What is a vulnerability management plan”: a term named by the words it stands for."""
    if not intent.terms:
        phrase = definition_phrase(c.qg)
        if phrase and len(phrase.split()) >= 2:
            intent.terms = terms_by_expansion(phrase, c.scoped or c.reports)
            if intent.terms and not NEXT_STEPS_RE.search(c.q):
                return Route.GLOSSARY
    return None


@rule(Route.GLOSSARY, priority=30)
def defined_again(intent: Intent, c: Clues) -> Route | None:
    """“Which report defines it?”: the previous term, in every loaded glossary."""
    previous = c.previous
    if (
        c.followup
        and previous
        and previous.get("route") == "glossary"
        and previous.get("terms")
        and not intent.terms
        and CUES["defined-again"].search(c.q)
    ):
        intent.terms = list(previous["terms"])
        if not c.named and CUES["which-report"].search(c.q):
            intent.reports = [r.id for r in c.reports]
        return Route.GLOSSARY
    return None


@rule(Route.GLOSSARY, priority=40)
def difference_between(intent: Intent, c: Clues) -> Route | None:
    """“The difference between RoH and RoSH”, also when the terms are spelled out."""
    difference = CUES["difference"].search(c.q)
    if difference and len(intent.terms) < 2:
        spelled = spelled_terms(c.q, c.scoped or c.reports)
        merged = list(intent.terms)
        for t in spelled:
            if t.lower() not in [m.lower() for m in merged]:
                merged.append(t)
        if len(merged) >= 2:
            intent.terms = merged  # "Risk of Harm and Risk of Serious Harm": RoH and RoSH
    if len(intent.terms) >= 2 and difference:
        return Route.GLOSSARY
    return None


@rule(Route.GLOSSARY, priority=140)
def term_asked(intent: Intent, c: Clues) -> Route | None:
    """“What does RoSH mean?”, “RoSH?”: a definition."""
    # "how many VMPs were done?" counts what the term names: it asks for no definition
    bare_term = intent.terms and is_bare(c.qg, intent.terms) and not c.s.count
    if intent.terms and (CUES["glossary"].search(c.qg) or bare_term):
        return Route.GLOSSARY
    return None


@rule(Route.GLOSSARY, priority=150)
def undefined_acronym(intent: Intent, c: Clues) -> Route | None:
    if c.asked and looks_like_acronym(c.asked) and not intent.terms:
        intent.slots = GlossarySlots(undefined_term=c.asked)
        return Route.GLOSSARY
    return None


@rule(Route.GLOSSARY, priority=160)
def the_glossary(intent: Intent, c: Clues) -> Route | None:
    """“What terms does the glossary define?”: the list."""
    if not intent.terms and CUES["glossary-list"].search(c.q):
        return Route.GLOSSARY
    return None


@follow_up(Route.GLOSSARY)
def inherit(intent: Intent, previous: dict, c: Clues) -> Route:
    if intent.terms and not is_bare(strip_areas(intent.question, c.reports), intent.terms):
        # "how were MAPPA cases handled there?": about the term, not its definition.
        return Route.FALLBACK
    intent.terms = intent.terms or list(previous.get("terms", []))
    return Route.GLOSSARY


@answers(Route.GLOSSARY, slots=GlossarySlots)
def answer(intent: Intent, ctx: Context) -> Answer:
    return answer_glossary(intent, ctx.scoped, ctx.loaded)

"""Answers: routed by what is asked, built extractively from the parsed reports, every
statement carrying a numbered citation that quotes the source verbatim.

An optional LLM may re-phrase an answer from the same numbered passages (see ``llm.py``);
when the reports do not hold the answer, the answer says so and ``found`` is false.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.answers.citations import (
    Citation,
    from_metadata,
    from_source,
    locate,
    narrow,
    page_at,
    sentences,
)
from assistant.answers.intent import (
    CUE_WORDS,
    NEXT_STEPS_RE,
    QUESTION_WORDS,
    WHY_RE,
    Intent,
    Target,
    catalog,
    find_criterion,
    glossary_entries,
    name_key,
    names_signatory,
    parse,
)
from assistant.answers.retrieve import (
    ChunkIndex,
    Retriever,
    entry_terms,
    expand_query,
)
from assistant.storage.conversations import Conversations
from ingest.model import BANDS, GlossaryEntry, Report, Role, Score
from ingest.text.sentences import sentence_spans
from ingest.text.stemming import stem
from ingest.text.stopwords import STOPWORDS
from ingest.text.terms import term_pattern
from ingest.text.tokens import clean, stems, words

MAX_QUESTION_CHARS = 2000
# Retrieval gates: below these the best passage is a near miss, and a near miss is not an
# answer. Calibrated with all-MiniLM-L6-v2 on both reports: the best chunk of on-topic
# questions scored 0.48-0.82, of off-topic ones ("capital of France", "recipe for pancakes",
# "stock price of apple") 0.08-0.19.
MIN_DENSE = 0.30  # cosine similarity of the best chunk: below it, nothing is close enough
MIN_COVERAGE = 0.5  # share of the question's content words in the chosen sentence
MAX_UNKNOWN = 0.34  # share of the question's content words the reports never use


@dataclass
class Answer:
    """An answer in the shape of the HTTP API (``to_dict``), plus how it was made."""

    answer: str
    found: bool
    citations: list[Citation] = field(default_factory=list)
    conversation_id: str = ""
    route: str = "fallback"
    flags: list[str] = field(default_factory=list)  # unsupported numbers in an LLM answer
    llm: bool = False  # phrased by the LLM
    passages: list[str] = field(default_factory=list)  # the text each citation stands for
    about: list[Target] = field(default_factory=list)  # measures a follow-up may refer to

    def to_dict(self) -> dict:
        return {
            "answer": self.answer,
            "found": self.found,
            "citations": [c.to_dict() for c in self.citations],
            "conversation_id": self.conversation_id,
            "route": self.route,
            "flags": list(self.flags),
            "llm": self.llm,
        }


class Composer:
    """Accumulates answer lines and numbered citations (one number per distinct quote)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.citations: list[Citation] = []
        self.passages: list[str] = []

    def cite(self, citation: Citation | None, passage: str = "") -> str:
        if citation is None or not citation.quote:
            return ""
        if citation in self.citations:
            return f" [{self.citations.index(citation) + 1}]"
        self.citations.append(citation)
        self.passages.append(passage or clean(citation.quote))
        return f" [{len(self.citations)}]"

    def add(self, line: str) -> None:
        self.lines.append(line)

    def answer(self, route: str, found: bool = True) -> Answer:
        return Answer(
            "\n".join(self.lines).strip(),
            found,
            self.citations,
            route=route,
            passages=self.passages,
        )


def label(report: Report) -> str:
    return f"{report.area} ({report.year})" if report.year else report.area


def _band_text(score: Score) -> str:
    return f", {score.band} improvement required" if score.band else ""


def _score_name(score: Score) -> str:
    if score.kind == "overall":
        return f"overall score for {score.name}"
    if score.kind == "headline":
        return f"{score.name} score"
    return score.name


def not_found(message: str, route: str) -> Answer:
    return Answer(message, False, [], route=route)


def _loaded_list(reports: Sequence[Report]) -> str:
    return ", ".join(label(r) for r in reports) or "none"


# --- routes -----------------------------------------------------------------------------


def answer_glossary(intent: Intent, scoped: Sequence[Report], loaded: Sequence[Report]) -> Answer:
    """Glossary definitions, quoted; with one term, its related terms too."""
    if intent.undefined_term:
        return not_found(
            f"None of the loaded reports' glossaries defines “{intent.undefined_term}” "
            f"(loaded: {_loaded_list(loaded)}).",
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
                    f"The glossary of {_loaded_list(scoped)} does not define {term}; "
                    f"that of {_loaded_list([r for r, _ in entries])} does:"
                )
        if not entries:
            missing.append(term)
            continue
        for report, entry in _distinct_definitions(entries):
            shown.append((report, entry))
            where = f" ({label(report)} glossary)" if len(loaded) > 1 else ""
            out.add(
                f"{entry.term}{where}: {entry.definition.strip()}"
                + out.cite(from_source(report, entry.source))
            )
    if not shown:
        return not_found(
            f"None of the loaded reports' glossaries defines {', '.join(missing)}.", "glossary"
        )
    if missing:
        out.add(f"The glossary does not define {', '.join(missing)}.")
    if len(loaded) > 1:
        for term in intent.terms:
            defining = [r for r in loaded if glossary_entries(term, [r])]
            if len(defining) > 1:
                out.add(f"{term} is defined in the glossaries of {_loaded_list(defining)}.")
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


def answer_score(
    intent: Intent,
    scoped: Sequence[Report],
    topic: Sequence[str] = (),
    loaded: Sequence[Report] = (),
) -> Answer:
    """A score's value and band; with no measure named, the headline scores.

    A question about a measure the reports do not score ("the score for victim work") is
    not answered with some other score."""
    out = Composer()
    targets = intent.targets
    unscored = [w for w in topic if w not in _BAND_WORDS]
    if not targets and unscored:
        names = sorted({n.label for n in catalog(scoped).names}, key=_measure_order)
        shown = [w for w in words(intent.question) if stem(w) in unscored] or unscored
        return not_found(
            f"The reports give no score for “{' '.join(dict.fromkeys(shown))}”. They score: "
            + "; ".join(names)
            + ".",
            "score",
        )
    if not targets:
        targets = [Target("headline", s.key) for s in scoped[0].headline_scores] if scoped else []
        if len(targets) == 0:
            return not_found("The loaded reports give no scores.", "score")
    missing: list[str] = []
    labels = {n.target: n.label for n in catalog(loaded or scoped).names}
    verdicts = bool(intent.bands) and len(targets) == 1
    for report in scoped:
        lines = []
        seen: list[Score] = []
        for t in targets:
            score = t.score_in(report)
            if score is None:
                missing.append(_missing_measure(report, t, labels, brief=len(scoped) > 1))
                continue
            if any(score is s for s in seen):
                continue  # two names for one measure
            seen.append(score)
            verdict = ""
            if verdicts and score.band:
                verdict = "Yes. " if score.band in intent.bands else "No. "
            lines.append(
                (verdict, f"{_score_name(score)}: {score.value}%{_band_text(score)}")
                + (out.cite(from_source(report, score.source)),)
            )
        if not lines:
            continue
        if len(lines) == 1:
            verdict, line, cite = lines[0]
            out.add(f"{verdict}{label(report)}: {line}{cite}.")
        else:
            out.add(f"{label(report)}:")
            out.lines += [f"- {v}{line}{cite}" for v, line, cite in lines]
    if not out.citations:
        what = "; ".join(missing) or "The loaded reports give no score for that measure."
        return not_found(what, "score")
    out.lines += missing
    return out.answer("score")


def answer_earlier(scoped: Sequence[Report]) -> Answer:
    """ "What was the previous score?": the stored scores are each report's own, so an earlier
    inspection's score is not among them (and a near miss is no answer)."""
    return not_found(
        f"The scores I hold are those of each loaded report's own inspection "
        f"({_loaded_list(scoped)}); none of them is an earlier inspection's score, so I cannot "
        "give an earlier score or the change since. Ask for the report's own score instead.",
        "score",
    )


def _missing_measure(report: Report, target: Target, labels: dict, brief: bool = False) -> str:
    """Why ``report`` gives no score for ``target``, naming what it does score instead (unless
    ``brief``: other reports' scores answer the question)."""
    if target.type == "criterion":
        name = labels.get(target)
        what = f"criterion “{name.split(' ', 1)[1]}”" if name and target.name else target.key
        if not name and not target.name:
            what = f"criterion {target.key}"
        if brief:
            return f"({label(report)} scores no {what}.)"
        own = "; ".join(f"{c.number} {c.name}" for c in report.criteria)
        return f"{label(report)} scores no {what} (its criteria: {own})."
    return f"{label(report)} gives no score for {target.key}."


_KIND_WORDS_TEXT = """
strength strengths weakness weaknesses weak area areas improvement improvements improve
concern concerns problem problems issue issues shortcoming shortcomings failing failings
positive positives negative negatives good well poor main key practice went wrong criticism
criticisms gap gaps deficiency deficiencies bad lacking point points inspector inspectors
"""

_KIND_WORDS = frozenset(stem(w) for w in _KIND_WORDS_TEXT.split())


_BAND_WORDS = frozenset(
    stem(b.lower())
    for b in ("MINIMUM", "MODERATE", "SUBSTANTIAL", "DRASTIC", "improvement", "required")
)


def _measure_order(label: str) -> tuple:
    number = re.match(r"(\d)\.(\d)", label)
    return (1, label) if number else (0, label)


def answer_findings(intent: Intent, scoped: Sequence[Report], topic: Sequence[str] = ()) -> Answer:
    """The numbered strengths and/or areas for improvement of criteria, with their scores.

    With no criterion named but a topic ("concerns about management oversight"), only the
    items about that topic, wherever they stand."""
    out = Composer()
    kinds = {"strength": ["strength"], "area": ["area"]}.get(
        intent.kind or "both", ["strength", "area"]
    )
    topic = [w for w in topic if w not in _KIND_WORDS]
    for report in scoped:
        criteria = [find_criterion(report, t) for t in intent.targets if t.type == "criterion"]
        criteria = [c for c in criteria if c] if intent.targets else list(report.criteria)
        if not intent.targets and topic:
            _topic_findings(out, report, criteria, kinds, topic)
            continue
        for c in criteria:
            s = c.score
            out.add(
                f"{label(report)}, {c.number} {c.name}: {s.value}%{_band_text(s)}"
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


def _topic_findings(out: Composer, report: Report, criteria, kinds, topic: Sequence[str]) -> None:
    need = len(topic) if len(topic) <= 2 else -(-2 * len(topic) // 3)
    for c in criteria:
        lines = []
        for kind in kinds:
            items = c.strengths if kind == "strength" else c.areas_for_improvement
            title = "strength" if kind == "strength" else "area for improvement"
            for i in items:
                if sum(w in set(stems(i.text)) for w in topic) >= need:
                    lines.append((title, i))
        if not lines:
            continue
        s = c.score
        out.add(
            f"{label(report)}, {c.number} {c.name}: {s.value}%{_band_text(s)}"
            + out.cite(from_source(report, s.source))
        )
        for title, i in lines:
            out.add(
                f"- {title} {i.position}: {i.text}"
                + out.cite(from_source(report, i.source), i.text)
            )


def answer_recommendations(intent: Intent, scoped: Sequence[Report]) -> Answer:
    """Recommendations with their owners, or the next steps."""
    out = Composer()
    q = intent.question
    if NEXT_STEPS_RE.search(q):
        for report in scoped:
            for p in report.next_steps:
                out.add(
                    f"{label(report)}, next steps: {p.text}"
                    + out.cite(from_source(report, p.source), p.text)
                )
        if out.citations:
            return out.answer("recommendations")
    content = {w for w in stems(q) if w not in QUESTION_WORDS and w not in STOPWORDS}
    content -= {
        stem(w)
        for w in (
            "recommend",
            "recommendation",
            "responsible",
            "responsibility",
            "primary",
            "owner",
            "who",
            "made",
        )
    }
    asks_owner = bool(re.search(r"\bwho\b|\bowner|\bresponsib", q, re.I))
    by_text = {r.id: _best_by_text(r.recommendations, content) for r in scoped}
    by_owner = {
        r.id: [i for i in r.recommendations if i.owner and _owner_matches(i.owner, content)]
        for r in scoped
    }
    # "Who is responsible for filling the post?" is answered by the text of a recommendation,
    # "which are for the Operations Manager?" by its owner; reports with no match are left out.
    if asks_owner and any(by_text.values()):
        selection = by_text
    elif any(by_owner.values()):
        selection = by_owner
    elif any(by_text.values()):
        selection = by_text
    else:
        selection = None
    for report in scoped:
        items = list(report.recommendations)
        if not items:
            continue
        chosen = items
        if intent.numbers:
            chosen = [
                i
                for i in items
                if (i.number or i.position) in intent.numbers
                or (-1 in intent.numbers and i is items[-1])
            ]
        elif selection is not None:
            chosen = selection[report.id]
        if chosen is items:
            out.add(
                f"{label(report)} made {len(items)} recommendations "
                "(primary responsibility in brackets):"
            )
        for i in chosen:
            owner = f" ({i.owner})" if i.owner else ""
            number = i.number if i.number is not None else i.position
            out.add(
                f"{label(report)}, recommendation ({number}): {i.text}{owner}"
                if chosen is not items
                else f"({number}) {i.text}{owner}"
            )
            out.lines[-1] += out.cite(from_source(report, i.source), i.text)
    if not out.citations:
        return not_found("The loaded reports have no such recommendation.", "recommendations")
    return out.answer("recommendations")


def _owner_matches(owner: str, content: set[str]) -> bool:
    owner_words = set(stems(owner)) - {stem("appointed"), "when"}
    hit = owner_words & content
    return (
        bool(owner_words)
        and len(hit) >= min(2, len(owner_words))
        and (len(hit) / len(owner_words) >= 0.5)
    )


def _best_by_text(items, content: set[str]):
    if not content:
        return []
    scored = [(len(set(stems(i.text)) & content), i) for i in items]
    best = max(s for s, _ in scored)
    if best < min(2, len(content)):
        return []
    return [i for s, i in scored if s == best]


def answer_computed(intent: Intent, scoped: Sequence[Report]) -> Answer:
    """Lowest/highest, counts and lists by band or threshold, means: computed over scores."""
    measures = [t for t in intent.targets if t.type in ("headline", "criterion")]
    if measures and intent.op in ("count", "list", "above", "below", "equal"):
        return _filter_measures(intent, measures, scoped)
    if intent.across and intent.op in ("min", "max") and len(scoped) > 1:
        return _extreme_across(intent, scoped)
    out = Composer()
    about: list[Target] = []
    # Across several reports, a report with nothing to list is named, not enumerated.
    terse = len(scoped) > 1
    for report in scoped:
        scores, noun = _scope_scores(report, intent)
        if not scores:
            continue
        op = intent.op
        where = f" in {label(report)}"
        of_all = f"the {len(scores)} {_plural(noun)}{where}"
        if op in ("min", "max"):
            value = (min if op == "min" else max)(s.value for s in scores)
            chosen = [s for s in scores if s.value == value]
            about += [_target_of(s) for s in chosen]
            word = "Lowest" if op == "min" else "Highest"
            out.add(
                f"{word}-scoring {noun}{where}: "
                + "; ".join(_score_line(out, report, s) for s in chosen)
                + "."
            )
        elif op == "equal" and intent.threshold is not None:
            t = intent.threshold
            chosen = [s for s in scores if _meets(intent, s)]
            about += [_target_of(s) for s in chosen]
            _add_selection(
                out,
                report,
                scores,
                chosen,
                terse,
                found=f"{len(chosen)} of {of_all} scored {t}%: ",
                none=f"None of {of_all} scored {t}%.",
                none_listing=f"None of {of_all} scored {t}%: ",
            )
        elif op in ("count", "list") and intent.bands:
            chosen = [s for s in scores if _meets(intent, s)]
            bands = " or ".join(intent.bands)
            _add_selection(
                out,
                report,
                scores,
                chosen,
                terse,
                found=f"{len(chosen)} of {of_all} require {bands} improvement: ",
                none=f"None of {of_all} needs {bands} improvement.",
                none_listing=f"None of {of_all} requires {bands} improvement; their bands: ",
            )
        elif op in ("above", "below") and intent.threshold is not None:
            t = intent.threshold
            chosen = [s for s in scores if _meets(intent, s)]
            _add_selection(
                out,
                report,
                scores,
                chosen,
                terse,
                found=f"{len(chosen)} of {of_all} scored {op} {t}%: ",
                none=f"None of {of_all} scored {op} {t}%.",
                none_listing=f"None of {of_all} scored {op} {t}%: ",
            )
        elif op == "mean":
            mean = sum(s.value for s in scores) / len(scores)
            out.add(
                f"The mean of the {len(scores)} {_plural(noun)}{where} is {mean:.1f}% "
                "(computed from: " + "; ".join(_score_line(out, report, s) for s in scores) + ")."
            )
        else:  # count with no band: how many criteria there are
            out.add(
                f"{label(report)} scores {len(scores)} {_plural(noun)}: "
                + "; ".join(_score_line(out, report, s) for s in scores)
                + "."
            )
    if not out.lines:
        return not_found("The loaded reports give no scores to compute that from.", "computed")
    if not out.citations:
        # Nothing matched anywhere: the answer is "none", and it rests on every score looked at.
        for report in scoped:
            scores, _ = _scope_scores(report, intent)
            out.add(
                f"{label(report)}'s scores: "
                + "; ".join(_score_line(out, report, s) for s in scores)
                + "."
            )
    answer = out.answer("computed")
    answer.about = list(dict.fromkeys(about))
    return answer


def _add_selection(
    out: Composer,
    report: Report,
    scores: list[Score],
    chosen: list[Score],
    terse: bool,
    *,
    found: str,
    none: str,
    none_listing: str,
) -> None:
    """The scores that meet a condition; when none do, say so (listing every score unless terse)."""
    if chosen:
        out.add(found + "; ".join(_score_line(out, report, s) for s in chosen) + ".")
    elif terse:
        out.add(none)
    else:
        out.add(none_listing + "; ".join(_score_line(out, report, s) for s in scores) + ".")


def _meets(intent: Intent, s: Score) -> bool:
    if intent.op in ("above", "below", "equal") and intent.threshold is not None:
        t = intent.threshold
        return {"above": s.value > t, "below": s.value < t, "equal": s.value == t}[intent.op]
    return s.band in intent.bands


def _condition(intent: Intent) -> str:
    if intent.op in ("above", "below") and intent.threshold is not None:
        return f"scored {intent.op} {intent.threshold}%"
    if intent.op == "equal" and intent.threshold is not None:
        return f"scored {intent.threshold}%"
    return f"requires {' or '.join(intent.bands)} improvement"


def _filter_measures(intent: Intent, measures: list[Target], scoped: Sequence[Report]) -> Answer:
    """ "Which reports had a DRASTIC safeguarding score?": the named measure in each report,
    those that meet the condition first; every score looked at is cited."""
    out = Composer()
    for t in measures:
        values = [(r, t.score_in(r)) for r in scoped]
        values = [(r, s) for r, s in values if s]
        if not values:
            continue
        name = _score_name(values[0][1])
        hits = [(r, s) for r, s in values if _meets(intent, s)]
        rest = [(r, s) for r, s in values if not _meets(intent, s)]
        condition = _condition(intent)

        def line(r: Report, s: Score) -> str:
            band = f" ({s.band})" if s.band else ""
            return f"{label(r)} {s.value}%{band}" + out.cite(from_source(r, s.source))

        if hits:
            out.add(
                f"Reports whose {name} {condition}: " + "; ".join(line(r, s) for r, s in hits) + "."
            )
        else:
            out.add(f"No loaded report's {name} {condition}.")
        if rest:
            out.add(
                ("The other reports" if hits else "Their scores")
                + ": "
                + "; ".join(line(r, s) for r, s in rest)
                + "."
            )
    if not out.citations:
        return not_found("The loaded reports give no such score.", "computed")
    return out.answer("computed")


def _extreme_across(intent: Intent, scoped: Sequence[Report]) -> Answer:
    """The lowest or highest score of one kind over all the loaded reports together."""
    out = Composer()
    pool = [(r, s) for r in scoped for s in _scope_scores(r, intent)[0]]
    if not pool:
        return not_found("The loaded reports give no scores to compute that from.", "computed")
    noun = _scope_scores(scoped[0], intent)[1]
    value = (min if intent.op == "min" else max)(s.value for _, s in pool)
    chosen = [(r, s) for r, s in pool if s.value == value]
    word = "Lowest" if intent.op == "min" else "Highest"
    out.add(
        f"{word}-scoring {noun} across the {len(scoped)} loaded reports: "
        + "; ".join(f"{label(r)}, {_score_line(out, r, s)}" for r, s in chosen)
        + "."
    )
    answer = out.answer("computed")
    answer.about = [_target_of(s) for _, s in chosen]
    return answer


def _target_of(score: Score) -> Target:
    """The measure a score belongs to, as a follow-up would name it."""
    if score.kind == "criterion":
        return Target("criterion", score.key, name_key(score.name.split(" ", 1)[-1]))
    if score.kind == "overall":
        return Target(Role.OVERALL, score.key.rsplit("-", 1)[-1])
    return Target("headline", score.key)


def _plural(noun: str) -> str:
    return "criteria" if noun == "criterion" else noun + "s"


def _scope_scores(report: Report, intent: Intent) -> tuple[list[Score], str]:
    if intent.scope == "headline":
        return list(report.headline_scores), "headline score"
    if intent.scope == "section":
        return [s.overall for s in report.sections if s.overall], "section"
    sections = {t.key for t in intent.targets if t.type == Role.OVERALL}
    criteria = [c for c in report.criteria if not sections or str(c.section_number) in sections]
    return [c.score for c in criteria], "criterion"


def _score_line(out: Composer, report: Report, s: Score) -> str:
    band = f" ({s.band})" if s.band else ""
    return f"{s.name} {s.value}%{band}" + out.cite(from_source(report, s.source))


def answer_compare(intent: Intent, scoped: Sequence[Report], loaded: Sequence[Report]) -> Answer:
    """The same measure(s) side by side across reports, or several measures within one."""
    targets = intent.targets or (
        [Target("headline", s.key) for s in scoped[0].headline_scores] if scoped else []
    )
    if len(scoped) < 2 and (intent.across or len(targets) < 2):
        only = _loaded_list(loaded)
        return not_found(f"There is nothing to compare it with: only {only} is loaded.", "compare")
    out = Composer()
    labels = {n.target: n.label for n in catalog(scoped).names}
    if len(scoped) >= 2:
        for t in targets:
            values = [(r, t.score_in(r)) for r in scoped]
            values = [(r, s) for r, s in values if s]
            if not values:
                continue
            if _RANK_RE.search(intent.question):
                values.sort(key=lambda v: -v[1].value)
            name = _score_name(values[0][1])
            # The same number may name different criteria in different reports (and the same
            # criterion different numbers): then each report's own name is shown.
            own = len({_score_name(s).lower() for _, s in values}) > 1
            if own:
                name = labels.get(t, t.key).split(" ", 1)[-1] if t.name else t.key
            parts = [
                f"{label(r)}{f' {_score_name(s)}' if own else ''} {s.value}%"
                f"{f' ({s.band})' if s.band else ''}" + out.cite(from_source(r, s.source))
                for r, s in values
            ]
            line = f"{name[0].upper()}{name[1:]}: " + "; ".join(parts) + "."
            line += _verdict([(label(r), s.value) for r, s in values], intent.direction)
            out.add(line)
            lacking = [label(r) for r in scoped if not t.score_in(r)]
            if lacking:
                out.add(f"({', '.join(lacking)}: no such criterion.)")
    else:
        report = scoped[0]
        values = [(t, t.score_in(report)) for t in targets]
        values = [(t, s) for t, s in values if s]
        parts = [
            f"{_score_name(s)} {s.value}%{f' ({s.band})' if s.band else ''}"
            + out.cite(from_source(report, s.source))
            for _, s in values
        ]
        out.add(
            f"{label(report)}: "
            + "; ".join(parts)
            + "."
            + _verdict([(_score_name(s), s.value) for _, s in values], intent.direction)
        )
    if not out.citations:
        return not_found("The loaded reports give no such scores to compare.", "compare")
    return out.answer("compare")


_RANK_RE = re.compile(r"\brank\w*|\bsort\w*|\bleague table\b|\bin order\b", re.I)


def _verdict(values: list[tuple[str, int]], direction: str | None) -> str:
    if len(values) < 2:
        return ""
    lo = min(v for _, v in values)
    hi = max(v for _, v in values)
    if lo == hi:
        return " They are equal."
    low = " and ".join(n for n, v in values if v == lo)
    high = " and ".join(n for n, v in values if v == hi)
    if len(values) > 2:
        if direction == "higher":
            return f" Highest: {high} ({hi}%), {hi - lo} points above the lowest ({low})."
        if direction == "lower":
            return f" Lowest: {low} ({lo}%), {hi - lo} points below the highest ({high})."
    elif direction == "higher":
        return f" {high} is higher, by {hi - lo} points."
    elif direction == "lower":
        return f" {low} is lower, by {hi - lo} points."
    return f" Lowest: {low}; highest: {high} ({hi - lo} points apart)."


def answer_claim(intent: Intent, scoped: Sequence[Report]) -> Answer:
    """ "Is it true that ...": the claim checker's verdict, with the stored values it rests on."""
    from assistant.claims import CONTRADICTED, SUPPORTED, check_claim

    result = check_claim(intent.claim or "", list(scoped))
    out = Composer()
    opening = {
        SUPPORTED: "Yes: the reports support this.",
        CONTRADICTED: "No: the reports contradict this.",
    }.get(result.verdict, "This cannot be checked against the loaded reports.")
    out.add(f"{opening} {result.explanation}")
    by_id = {r.id: r for r in scoped}
    for e in result.evidence:
        report = by_id.get(e.report)
        start = report.text.find(e.quote) if report else -1
        if start < 0:
            continue  # evidence must quote the source; anything else is not cited
        citation = Citation(e.report, e.section, e.heading, e.quote, page_at(report, start))
        out.add(f"- {e.heading}: {e.value}" + out.cite(citation))
    found = result.verdict in (SUPPORTED, CONTRADICTED) and bool(out.citations)
    answer = out.answer("claim", found=found)
    if not found:
        answer.citations, answer.passages = [], []
        answer.answer = f"{opening} {result.explanation}"
    return answer


def answer_summary(scoped: Sequence[Report]) -> Answer:
    """The headline scores, the foreword's overall verdict, the lowest and highest criteria."""
    out = Composer()
    for report in scoped:
        if report.headline_scores:
            out.add(
                f"{label(report)}, headline scores: "
                + "; ".join(_score_line(out, report, s) for s in report.headline_scores)
                + "."
            )
        for p in report.foreword:
            if _VERDICT_RE.search(p.text):
                out.add(f"Foreword: {p.text}" + out.cite(from_source(report, p.source), p.text))
        scores = [c.score for c in report.criteria]
        if scores:
            low = min(scores, key=lambda s: s.value)
            high = max(scores, key=lambda s: s.value)
            out.add(
                f"Lowest criterion: {_score_line(out, report, low)}; "
                f"highest: {_score_line(out, report, high)}."
            )
    if not out.citations:
        return not_found("The loaded reports have no scores or foreword to summarise.", "summary")
    return out.answer("summary")


_VERDICT_RE = re.compile(r"\boverall\b|\bwe consider\b|\bre-?inspect", re.I)
_BAND_SENTENCE = re.compile("|".join(BANDS))


def answer_bands(scoped: Sequence[Report]) -> Answer:
    """What the scores and their bands mean, in the report's own words (its scoring section)."""
    out = Composer()
    for report in scoped:
        if out.citations:
            break  # every report in the format explains the same scoring: one will do
        text = report.text
        first = min((s.source.start for s in report.headline_scores), default=len(text))
        # The explanation stands before the first headline score, in the scoring section,
        # whose heading is the last page-break line (one that begins with a space) before it.
        region_start = max(text.rfind("\n ", 0, first) + 1, 0)
        heading = text[region_start:first].strip().split("\n", 1)[0].strip()
        for para in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text[region_start:first]):
            offset = region_start + para.start()
            for a, b in sentence_spans(para.group(0)):
                sentence = text[offset + a : offset + b]
                bands = len(set(_BAND_SENTENCE.findall(sentence)))
                if bands >= 3 or re.search(r"percentage scores?", sentence, re.I):
                    c = Citation(
                        report.id,
                        "summary",
                        heading or "Scoring",
                        sentence,
                        page_at(report, offset + a),
                    )
                    out.add(f"{label(report)}: {clean(sentence)}" + out.cite(c))
        counts = {b: sum(1 for c in report.criteria if c.score.band == b) for b in BANDS}
        used = [f"{n} {b}" for b, n in counts.items() if n]
        if used and out.citations:
            out.add(
                f"Its {len(report.criteria)} criteria: "
                + ", ".join(used)
                + " ("
                + "; ".join(_score_line(out, report, c.score) for c in report.criteria)
                + ")."
            )
    if not out.citations:
        return not_found("The loaded reports do not explain their scoring.", "bands")
    return out.answer("bands")


# --- retrieval routes -------------------------------------------------------------------


_PART_NAMES = {
    "context": "contextual information",
    "inspection-data": "inspection data",
    "service-users": "service users' perspective",
    "foreword": "foreword",
}
_REFERS_BACK = re.compile(r"(?:This|These|That|It|Which|Both|The figure)\b")
_ANSWER_TYPES = (
    (
        re.compile(r"^\s*where\b|\bwhere (?:is|was|were|are|did|do)\b", re.I),
        re.compile(r"\b(?:at|in|from|within|based in|located in)\s+(?:the\s+)?[A-Z][a-z]+"),
    ),
    (
        re.compile(r"^\s*when\b|\bwhat (?:date|month|year)\b", re.I),
        re.compile(
            r"\b(?:January|February|March|April|May|June|July|August|September|October|"
            r"November|December|(?:19|20)\d\d)\b"
        ),
    ),
    (
        re.compile(r"^\s*who\b", re.I),
        re.compile(r"\b(?:[A-Z][a-z]+ ){1,3}(?:of|for)?\s*[A-Z][a-z]+"),
    ),
    (
        re.compile(
            r"\bhow (?:many|much|often|well|big|large)\b|\bwhat (?:share|proportion|"
            r"percentage|number|rate|population)\b|\bpopulation\b|\brate\b|"
            r"\bpercentage\b|\bper ?cent\b|\bperform\w*\b",
            re.I,
        ),
        re.compile(
            r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|"
            r"quarter|third|fifth|none|all|most|few|majority)\b",
            re.I,
        ),
    ),
)


def _offset(quote: str, parts: list[tuple[str, str]], n: int) -> int:
    """Offset of sentence ``n`` of ``quote`` (sentences may repeat: count from the start)."""
    pos = 0
    for k in range(n + 1):
        pos = quote.index(parts[k][0], pos) + (len(parts[k][0]) if k < n else 0)
    return pos


def _synonyms(question: str, reports: Sequence[Report]) -> dict[str, set[str]]:
    """Acronyms in the question -> the content words of what they stand for ("ete" ->
    employment, training, education), from the reports' glossaries."""
    from assistant.answers.intent import looks_like_acronym

    out: dict[str, set[str]] = {}
    for entry in expand_query(question, reports).terms:
        for t in entry.terms:
            if looks_like_acronym(t) and term_pattern(t).search(question):
                head = re.split(r"[:.;(]| - ", entry.definition, maxsplit=1)[0]
                out.setdefault(stem(t.lower()), set()).update(stems(head))
    return out


def _spelled_out(
    word: str,
    synonyms: dict[str, set[str]],
    toks: set[str],
    shared: frozenset[str] = frozenset(),
    seq: Sequence[str] = (),
) -> bool:
    """What the acronym stands for, written out in a row ("risk management plans"); or most of
    its words including every one that tells it from the other acronyms ("vulnerability plan"
    for VMP; but "vulnerability management plan" does not spell out RMP)."""
    head = synonyms.get(word)
    if not head:
        return False
    n = len(head)
    if any(set(seq[i : i + n]) == head for i in range(len(seq) - n + 1)):
        return True
    distinctive = head - shared
    return bool(distinctive) and distinctive <= toks and len(head & toks) * 3 >= 2 * n


def _shared_head_words(reports: Sequence[Report]) -> frozenset[str]:
    """Words that the expansions of two or more different acronyms use ("management", "plan")."""
    from assistant.answers.intent import looks_like_acronym

    seen: dict[str, set[str]] = {}
    for r in reports:
        for entry in r.glossary:
            acronyms = [t.lower() for t in entry.terms if looks_like_acronym(t)]
            if not acronyms:
                continue
            head = re.split(r"[:.;(]| - ", entry.definition, maxsplit=1)[0]
            for w in stems(head):
                seen.setdefault(w, set()).add(acronyms[0])
    return frozenset(w for w, owners in seen.items() if len(owners) > 1)


# Words that stand for one another when matching a question to a sentence: a sentence on where
# a YOT "was located" answers a question on its "region".
_EQUIVALENT = {stem(a): frozenset(stems(b)) for a, b in (("region", "located location"),)}

_NUMBER_WORD = (
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred)"
)


def _counted_noun(question: str, synonyms: dict[str, set[str]]) -> set[str] | None:
    """The stems of what a "how many" question counts ("how many VMPs" -> vmp, and the words
    of vulnerability management plan), or None for other questions."""
    m = re.search(r"\bhow many\s+(?:of (?:the|its|their) )?([A-Za-z][\w+-]*)", question, re.I)
    if not m:
        return None
    word = stem(m.group(1).lower())
    if word.endswith("s") and word[:-1] in synonyms:
        word = word[:-1]
    return {word} | synonyms.get(word, set())


def _counts(text: str, noun: set[str]) -> bool:
    """The sentence names the counted thing and gives a count ("Eleven children", "in only
    two of the five cases"), not a percentage."""
    if not any(stem(w) in noun or w in noun for w in words(text)):
        return False
    without_rates = re.sub(r"\d[\d,.]*\s*(?:%|per ?cent\b|per 1,?000\b)", " ", text, flags=re.I)
    return re.search(r"(?<![\w/])" + _NUMBER_WORD + r"(?![\w/])", without_rates, re.I) is not None


def _answer_type(question: str) -> re.Pattern | None:
    """What shape of sentence answers the question: a place, a date, a name, a number."""
    for asks, shape in _ANSWER_TYPES:
        if asks.search(question):
            return shape
    return None


@dataclass
class Candidate:
    citation: Citation
    text: str
    coverage: float
    weight: float
    dense: float | None
    rank: int
    typed: bool = False  # has the shape the question asks for (a place, a date, a number)


def content_words(question: str, extra_stop: Sequence[str] = ()) -> list[str]:
    """The stems a question is about: no stopwords, no question vocabulary."""
    drop = set(extra_stop)
    out = []
    # "VMPs" asks about VMP.
    question = re.sub(r"\b([A-Z][A-Za-z]*[A-Z])s\b", r"\1", question)
    for w in stems(question):
        if w in STOPWORDS or w in QUESTION_WORDS or w in drop or len(w) < 2:
            continue
        if w not in out:
            out.append(w)
    return out


class Answerer:
    """Answers questions over a ``Findings`` core, keeping the conversation in its store."""

    def __init__(self, findings):
        self.findings = findings
        self.retriever = Retriever(findings)
        self._lock = threading.Lock()
        self._conversations: Conversations | None = None
        self._chat = None

    @property
    def conversations(self) -> Conversations:
        with self._lock:
            if self._conversations is None:
                self._conversations = Conversations(self.findings.store)
            return self._conversations

    def ask(
        self,
        question: str,
        conversation_id: str | None = None,
        report: str | None = None,
    ) -> Answer:
        question = (question or "").strip()
        if not question:
            raise ValueError("The question is empty.")
        if len(question) > MAX_QUESTION_CHARS:
            raise ValueError(
                f"The question is {len(question)} characters long; the limit is "
                f"{MAX_QUESTION_CHARS}."
            )
        convs = self.conversations
        cid = conversation_id if convs.valid_id(conversation_id) else convs.new_id()
        previous = convs.last_state(cid) if conversation_id else None
        answer, intent = self.answer(question, previous, report)
        answer.conversation_id = cid
        if intent and answer.about:
            # "Which criterion scored lowest?" then "what were its weaknesses?": "its" is the
            # criterion the answer named, not the question.
            intent.targets = list(answer.about)
        state = intent.state() if intent else {"route": answer.route}
        convs.add_turn(
            cid,
            question,
            answer.answer,
            answer.found,
            answer.route,
            state,
            [c.to_dict() for c in answer.citations],
        )
        return answer

    def answer(
        self, question: str, previous: dict | None = None, report: str | None = None
    ) -> tuple[Answer, Intent | None]:
        """The answer and the resolved intent, without touching the conversation store."""
        loaded = self.findings.reports()
        if not loaded:
            return not_found("No reports are loaded yet: ingest one first.", "none"), None
        if report and not any(r.id == report for r in loaded):
            return not_found(
                f"No report '{report}' is loaded (loaded: {_loaded_list(loaded)}).", "none"
            ), None
        index = self.retriever.chunk_index(loaded)
        question = index.correct(question, CUE_WORDS)
        intent = parse(question, loaded, index.vocabulary, previous, report)
        scoped = [r for r in loaded if r.id in intent.reports] or list(loaded)
        if intent.unknown:
            names = ", ".join(dict.fromkeys(intent.unknown))
            return not_found(
                f"The loaded reports ({_loaded_list(loaded)}) say nothing about {names}, so I "
                "cannot answer that from them.",
                intent.route,
            ), intent
        answer = self._route(intent, scoped, loaded, index)
        answer = self._maybe_llm(question, answer)
        return answer, intent

    def _route(self, intent: Intent, scoped, loaded, index: ChunkIndex) -> Answer:
        route = intent.route
        if route == "glossary":
            return answer_glossary(intent, scoped, loaded)
        if route in ("score", "compare") and intent.earlier:
            return answer_earlier(scoped)
        if route == "score":
            topic = content_words(intent.question, self._area_words())
            return answer_score(intent, scoped, topic, loaded)
        if route == "findings":
            found = answer_findings(
                intent, scoped, content_words(intent.question, self._area_words())
            )
            if found.found or intent.targets:
                return found
            return self.answer_passages(intent, scoped, index, route="findings")
        if route == "recommendations":
            return answer_recommendations(intent, scoped)
        if route == "computed":
            return answer_computed(intent, scoped)
        if route == "compare":
            return answer_compare(intent, scoped, loaded)
        if route == "context":
            return self.answer_context(intent, scoped, index)
        if route == "claim":
            answer = answer_claim(intent, scoped)
            if not answer.found and intent.bands and intent.targets:
                # A claim that names only a band ("its risk of harm work needed drastic
                # improvement") is checked against the named score's band.
                answer = answer_score(intent, scoped)
                answer.route = "claim"
            return answer
        if route == "summary":
            return answer_summary(scoped)
        if route == "bands":
            return answer_bands(scoped)
        return self.answer_passages(intent, scoped, index)

    # -- retrieval-based answers --

    def answer_context(self, intent: Intent, scoped, index: ChunkIndex) -> Answer:
        """Facts about the area, the YOT, the inspection: the best sentences per report."""
        out = Composer()
        kinds = list(intent.context_kinds)
        if "foreword" in kinds and (
            re.search(
                r"\bpublished\b|\bpublication\b|\bsign\w*|\bchief inspector\b|\bwho wrote\b|"
                r"\bauthor\b",
                intent.question,
                re.I,
            )
            or any(r.signatory and names_signatory(intent.question, r.signatory) for r in scoped)
        ):
            named = [
                r for r in scoped if r.signatory and names_signatory(intent.question, r.signatory)
            ]
            others = [k for k in kinds if k != "foreword"]
            for r in named or scoped:
                self._cite_identity(out, r, intent.question, dated=not others)
            if out.citations and not others:
                return out.answer("context")
            kinds = others or kinds  # "when was the fieldwork, and who signed it?": both
        for r in scoped:
            found = self._best_sentences(intent.question, [r.id], kinds, index, per_report=2)
            for cand in found:
                out.add(
                    f"{label(r)}, {cand.citation.heading}: {cand.text}"
                    + out.cite(cand.citation, cand.text)
                )
        if not out.citations:
            # The part of the report that would hold it does not: anything else that shares
            # its words ("Chair of the Management Board" as a recommendation's owner, a
            # "Likelihood of Reoffending" score for a reoffending rate) is a near miss.
            parts = " or ".join(_PART_NAMES.get(k, k) for k in kinds)
            return not_found(f"The {parts} of {_loaded_list(scoped)} does not say that.", "context")
        return out.answer("context")

    def _cite_identity(
        self, out: Composer, report: Report, question: str, dated: bool = True
    ) -> None:
        """Who signed the report and when it was published; "when" asks for the publication
        date only when the question asks about no other date (``dated``)."""
        heading = report.foreword[0].source.heading if report.foreword else "Foreword"
        when = r"\bpublished\b|\bpublication\b" + (r"|\bwhen\b" if dated else "")
        if re.search(when, question, re.I) and report.published:
            c = locate(report, report.published, "foreword", heading)
            if c:
                out.add(f"{label(report)} was published in {report.published}." + out.cite(c))
        if (
            re.search(r"\bsign\w*|\bchief inspector\b|\bwho\b|\bauthor\b", question, re.I)
            and report.signatory
        ):
            name = report.signatory.split(",")[0]
            c = locate(report, name, "foreword", heading)
            if c:
                out.add(f"{label(report)} was signed by {report.signatory}." + out.cite(c))

    def answer_passages(
        self, intent: Intent, scoped, index: ChunkIndex, route: str = "fallback"
    ) -> Answer:
        """Anything else: the best-matching sentences, quoted, or a plain 'not found'."""
        content = content_words(intent.question, self._area_words())
        nothing = not_found(
            "The loaded reports do not answer that "
            f"(loaded: {_loaded_list(scoped)}). Try asking about scores, findings, "
            "recommendations, the glossary or the area's context.",
            route,
        )
        if not content:
            return nothing
        unknown = [w for w in content if w not in index.vocabulary]
        if len(unknown) / len(content) > MAX_UNKNOWN:
            return nothing
        ids = [r.id for r in scoped]
        found = []
        if WHY_RE.search(intent.question):
            # A reason is given in the commentary on a section, or in the foreword.
            found = self._best_sentences(
                intent.question, ids, ["commentary", "foreword"], index, per_report=3, limit=3
            )
        found = found or self._best_sentences(
            intent.question, ids, None, index, per_report=3, limit=3
        )
        if not found:
            return nothing
        out = Composer()
        for cand in found:
            r = next(x for x in scoped if x.id == cand.citation.report)
            out.add(
                f"{label(r)}, {cand.citation.heading}: “{cand.text}”"
                + out.cite(cand.citation, cand.text)
            )
        return out.answer(route)

    def _area_words(self) -> list[str]:
        """Words naming the loaded areas: they pick a report, they are not the topic."""
        out: list[str] = []
        for r in self.findings.reports():
            out += stems(r.area) + stems(r.id.replace("-", " "))
        return out

    def _without_areas(self, question: str) -> str:
        out = question
        reports = self.findings.reports()
        spellings = {s for v in catalog(reports).areas.values() for s in v}
        for r in reports:
            spellings |= {r.area, r.id}
        for name in sorted(spellings, key=len, reverse=True):
            out = re.sub(
                r"(?<![A-Za-z])" + re.escape(name) + r"(?:['’]s)?(?![A-Za-z])",
                " ",
                out,
                flags=re.I,
            )
        return " ".join(out.split()) or question

    def _best_sentences(
        self,
        question: str,
        reports: list[str],
        kinds,
        index: ChunkIndex,
        per_report: int = 2,
        limit: int = 3,
    ) -> list[Candidate]:
        content = content_words(question, self._area_words())
        if not content:
            return []
        # The report filter already picks the area: its name in the query only pulls towards
        # passages that happen to repeat it.
        # A word the reports never use may share its root with one they do ("vacancy",
        # "vacant"): the search looks for the latter, and a sentence with it matches.
        roots = {
            w: {v for v in index.vocabulary if v.startswith(w[:5]) and v.isalpha()}
            for w in content
            if len(w) >= 6 and w not in index.vocabulary
        }
        query = self._without_areas(question)
        related = sorted({v for vs in roots.values() for v in vs if len(vs) <= 5})
        if related:
            query += " " + " ".join(related)
        hits = self.retriever.search(query, k=12, reports=reports, kinds=kinds)
        if not hits:
            return []
        top_dense = max((h.dense for h in hits if h.dense is not None), default=None)
        # Off-topic questions are told apart by meaning; within the kind of passage a question
        # asked for by name (context, inspection data), the words decide.
        if top_dense is not None and top_dense < MIN_DENSE and not kinds:
            return []
        wanted = _answer_type(question)
        synonyms = _synonyms(question, self.findings.reports())
        shared = _shared_head_words(self.findings.reports())
        # Words that name what the reports score (safeguarding, outcomes, ...) are the topic:
        # a sentence missing one is about something else ("England average" of what?). So is a
        # number the question quotes ("the 45% figure").
        topic = set(content) & catalog(self.findings.reports()).name_words
        topic |= {w for w in content if w.isdigit()}
        counted = _counted_noun(question, synonyms)
        # Words no chunk uses are question phrasing ("handled"): the word count weighs them.
        total_idf = sum(index.idf[w] for w in content if w in index.idf) or 1.0
        # Within a chosen kind of passage (context, inspection data) fewer words must match.
        min_coverage = 0.34 if kinds else MIN_COVERAGE
        candidates: list[Candidate] = []
        for rank, hit in enumerate(hits):
            base = from_metadata(hit.meta)
            heading_words = set(stems(hit.meta.get("heading", "")))
            parts = sentences(base.quote)
            groups: list[tuple[int, int]] = []
            for n in range(len(parts)):
                # "This was better than the England average": the sentence it refers back to
                # and the ones that refer back to it belong together.
                first = n
                while first > 0 and _REFERS_BACK.match(parts[first][1]):
                    first -= 1
                end = n + 1
                while end < len(parts) and _REFERS_BACK.match(parts[end][1]):
                    end += 1
                if (first, end) not in groups:
                    groups.append((first, end))
            for first, end in groups:
                if end - first == 1:
                    raw, text = parts[first]
                else:
                    start = _offset(base.quote, parts, first)
                    stop = _offset(base.quote, parts, end - 1) + len(parts[end - 1][0])
                    raw = base.quote[start:stop]
                    text = clean(raw)
                seq = stems(text)
                toks = set(seq) | heading_words
                direct = [w for w in content if w in toks]
                # A spelled-out acronym, a word of the same root ("vacant" for "vacancy") or
                # an equivalent one ("located" for "region") counts half: the passage may only
                # come near the thing.
                spelled = [
                    w
                    for w in content
                    if w not in toks
                    and (
                        _spelled_out(w, synonyms, toks, shared, seq)
                        or toks & _EQUIVALENT.get(w, frozenset())
                        or toks & roots.get(w, set())
                    )
                ]
                if not direct and not spelled:
                    continue
                if any(w not in direct and w not in spelled for w in topic):
                    continue
                weight = sum(index.idf_of(w) for w in direct) + 0.5 * sum(
                    index.idf_of(w) for w in spelled
                )
                # Coverage counts words, and weighs them by rarity: matching only the common
                # words of a question ("children" of "children in the sample") is a near miss.
                coverage = min(
                    (len(direct) + 0.5 * len(spelled)) / len(content),
                    min(weight / total_idf, 1.0),
                )
                cand = Candidate(narrow(base, raw), text, coverage, weight, hit.dense, rank)
                cand.typed = bool(wanted and wanted.search(text))
                if counted is not None:
                    # "How many staff...": a number must count that very thing.
                    cand.typed = _counts(text, counted)
                    if not cand.typed:
                        continue
                if self._acceptable(cand, top_dense, min_coverage, bool(kinds)):
                    candidates.append(cand)
        if not candidates:
            return []
        candidates.sort(
            key=lambda c: (-round(c.coverage, 3), not c.typed, -round(c.weight, 6), c.rank)
        )
        best = candidates[0]
        chosen: list[Candidate] = []
        counts: dict[str, int] = {}
        for c in candidates:
            # Only passages as good as the best: a weaker one is a near miss, not more answer.
            if c.coverage < 0.8 * best.coverage or c.weight < 0.6 * best.weight:
                continue
            if wanted and best.typed and not c.typed:
                continue
            if counts.get(c.citation.report, 0) >= per_report:
                continue
            if any(
                c.citation.quote in x.citation.quote or x.citation.quote in c.citation.quote
                for x in chosen
            ):
                continue
            chosen.append(c)
            counts[c.citation.report] = counts.get(c.citation.report, 0) + 1
            if len(chosen) >= limit:
                break
        return chosen

    @staticmethod
    def _acceptable(
        c: Candidate, top_dense: float | None, min_coverage: float, chosen_kind: bool = False
    ) -> bool:
        if c.coverage >= min_coverage + 0.25:
            return True
        if c.coverage >= min_coverage:
            # Within a kind of passage the question asked for by name, the words decide.
            return (
                chosen_kind
                or c.dense is None
                or c.dense >= MIN_DENSE
                or (top_dense or 0) >= MIN_DENSE
            )
        return False

    # -- optional LLM --

    def _maybe_llm(self, question: str, answer: Answer) -> Answer:
        model = self.chat_model()
        if model is None or not answer.found:
            return answer
        from assistant.answers.llm import phrase_answer

        return phrase_answer(model, question, answer, self.findings.reports())

    def chat_model(self):
        """The optional LLM: one passed to the core, else one built from settings, else None."""
        if self.findings._llm is not None:
            return self.findings._llm
        if not self.findings.settings.llm:
            return None
        with self._lock:
            if self._chat is None:
                from assistant.answers.llm import build_chat_model

                self._chat = build_chat_model(self.findings.settings)
            return self._chat


def answer_question(
    findings, question: str, conversation_id: str | None = None, report: str | None = None
) -> Answer:
    """Convenience wrapper: one question through a fresh ``Answerer``."""
    return Answerer(findings).ask(question, conversation_id, report)


__all__ = ["MAX_QUESTION_CHARS", "Answer", "Answerer", "Citation", "answer_question"]

"""Retrieval scoring: which sentences of the retrieved chunks answer a question, and how well."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answers.citations import Citation, from_metadata, narrow, sentences
from assistant.answers.compose import Answer, Composer, label, loaded_list, not_found
from assistant.answers.intent import (
    CUES,
    QUESTION_WORDS,
    WHY_RE,
    Intent,
    area_finder,
    catalog,
    looks_like_acronym,
)
from assistant.answers.lexicon import per_reports
from assistant.answers.retrieve import ChunkIndex, expand_query
from ingest.model import Report
from ingest.text.numbers import scan
from ingest.text.resources import load_yaml
from ingest.text.stemming import stem
from ingest.text.stopwords import STOPWORDS
from ingest.text.terms import term_pattern
from ingest.text.tokens import clean, stems, words

# Retrieval gates: below these the best passage is a near miss, and a near miss is not an
# answer. Calibrated with all-MiniLM-L6-v2 on both reports: the best chunk of on-topic
# questions scored 0.48-0.82, of off-topic ones ("capital of France", "recipe for pancakes",
# "stock price of apple") 0.08-0.19.
MIN_DENSE = 0.30  # cosine similarity of the best chunk: below it, nothing is close enough


MIN_COVERAGE = 0.5  # share of the question's content words in the chosen sentence


MAX_UNKNOWN = 0.34  # share of the question's content words the reports never use


# ... and a date labelled after it ("Every plan will be audited. Target date: April 2023.")
_REFERS_BACK = re.compile(r"(?:This|These|That|It|Which|Both|The figure)\b|[A-Z][a-z]+ date:")


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


@per_reports
def area_stems(reports: Sequence[Report]) -> list[str]:
    """The stems of the loaded reports' areas and ids: words that pick a report."""
    out: list[str] = []
    for r in reports:
        out += stems(r.area) + stems(r.id.replace("-", " "))
    return out


@per_reports
def _shared_head_words(reports: Sequence[Report]) -> frozenset[str]:
    """Words that the expansions of two or more different acronyms use ("management", "plan")."""

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


_MENTION = frozenset(
    stem(w) for w in load_yaml("assistant.answers", "words.yaml")["mention"].split()
)


def content_words(question: str, extra_stop: Sequence[str] = ()) -> list[str]:
    """The stems a question is about: no stopwords, no question vocabulary."""
    drop = set(extra_stop) | _MENTION
    out = []
    # "VMPs" asks about VMP.
    question = re.sub(r"\b([A-Z][A-Za-z]*[A-Z])s\b", r"\1", question)
    for w in stems(question):
        if w in STOPWORDS or w in QUESTION_WORDS or w in drop or len(w) < 2:
            continue
        if w not in out:
            out.append(w)
    return out


class Passages:
    """Retrieval scoring: the sentences of the best-matching chunks that answer a question."""

    def __init__(self, findings, retriever):
        self.findings = findings
        self.retriever = retriever

    def answer(self, intent: Intent, scoped, index: ChunkIndex, route: str = "fallback") -> Answer:
        """Anything else: the best-matching sentences, quoted, or a plain 'not found'."""
        content = content_words(intent.question, self.area_words())
        nothing = not_found(
            "The loaded reports do not answer that "
            f"(loaded: {loaded_list(scoped)}). Try asking about scores, findings, "
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
            found = self.best_sentences(
                intent.question, ids, ["commentary", "foreword"], index, per_report=3, limit=3
            )
        found = found or self.best_sentences(
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

    def area_words(self) -> list[str]:
        """Words naming the loaded areas: they pick a report, they are not the topic."""
        return area_stems(self.findings.reports())

    def without_areas(self, question: str) -> str:
        out = question
        # Only the names the question holds: removing one never makes another appear.
        present = area_finder(self.findings.reports())[0].found(question)
        for name in sorted(present, key=len, reverse=True):
            out = re.sub(
                r"(?<![A-Za-z])" + re.escape(name) + r"(?:['’]s)?(?![A-Za-z])",
                " ",
                out,
                flags=re.I,
            )
        return " ".join(out.split()) or question

    def best_sentences(
        self,
        question: str,
        reports: list[str],
        kinds,
        index: ChunkIndex,
        per_report: int = 2,
        limit: int = 3,
    ) -> list[Candidate]:
        content = content_words(question, self.area_words())
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
        query = self.without_areas(question)
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
        # ("which service had ...?" names the services compared, not Partnerships and services)
        named = set(stems(CUES["level-noun"].sub(" ", question)))
        topic = set(content) & catalog(self.findings.reports()).name_words & named
        # (not a bound: "more than 90% of their appointments" is answered by "88%")
        bounds = {d for q in scan(question) if q.qualifier for d in re.findall(r"\d+", q.text)}
        topic |= {w for w in content if w.isdigit() and w not in bounds}
        counted = _counted_noun(question, synonyms)
        # Words no chunk uses are question phrasing ("handled"): the word count weighs them.
        total_idf = sum(index.idf[w] for w in content if w in index.idf) or 1.0
        # Within a chosen kind of passage (context, inspection data) fewer words must match.
        min_coverage = 0.34 if kinds else MIN_COVERAGE
        candidates: list[Candidate] = []
        for rank, hit in enumerate(hits):
            base = from_metadata(hit.meta)
            heading_words = set(stems(hit.meta.get("heading", "")))
            # a measure's quote is one unit, its name with its value ("... safe? 69%"): split
            # into sentences, the value would be cut off the question it answers
            whole = hit.meta.get("kind") == "score"
            parts = [(base.quote, clean(base.quote))] if whole else sentences(base.quote)
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
                if self.acceptable(cand, top_dense, min_coverage, bool(kinds)):
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
    def acceptable(
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

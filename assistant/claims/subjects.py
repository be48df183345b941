"""What a claim is about: which report, which score, which finding sentence.

Everything here is derived from the parsed reports (measure names, section names, glossary
acronyms); the only built-in vocabulary is the report format's own (RoH, LoR, bands).
Indexes are pure data built once per report and cached by report id and content hash.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field

from ingest.model import RATINGS, Report, Role, Score, Source
from ingest.model import Unit as ScoreUnit
from ingest.text.layout import word_set
from ingest.text.locate import find_cleaned
from ingest.text.numbers import Quantity, numbers_in, scan
from ingest.text.resources import load_yaml
from ingest.text.sentences import sentence_spans
from ingest.text.stemming import prefix_stem
from ingest.text.stopwords import CLAIM_STOPWORDS
from ingest.text.tokens import letter_words

_WORDS = load_yaml("assistant.claims", "words.yaml")
# Generic vocabulary of the report format (not of any one report).
FORMAT_SYNONYMS: dict[str, str] = dict(_WORDS["synonyms"])
HEADLINE_ALIASES: dict[str, tuple[str, ...]] = {
    k: tuple(v) for k, v in _WORDS["headline-aliases"].items()
}
# Words a headline-score claim may use without naming anything else.
SCORE_WORDS = word_set(_WORDS["score"])


def blank_numbers(text: str) -> str:
    """The text with its numeric tokens replaced by spaces (so they are not content words)."""
    chars = list(text)
    for q in scan(text):
        chars[q.start : q.end] = " " * (q.end - q.start)
    return "".join(chars)


def content_groups(
    text: str, expansions: dict[str, str] | None = None, drop: frozenset[str] = frozenset()
) -> list[tuple[str, ...]]:
    """The stems of each content word of ``text``: an acronym gives its expansion's stems."""
    out: list[tuple[str, ...]] = []
    for w in letter_words(text):
        key = w.lower().replace("\u2019", "'").removesuffix("'s").strip("'")
        expansion = FORMAT_SYNONYMS.get(key) or (expansions or {}).get(key)
        parts = letter_words(expansion) if expansion else [w]
        group = []
        for p in parts:
            s = prefix_stem(p)
            if p.lower().removesuffix("'s") in CLAIM_STOPWORDS or s in drop or len(s) < 2:
                continue
            group.append(s)
        if group:
            out.append(tuple(group))
    return out


def content_stems(
    text: str, expansions: dict[str, str] | None = None, drop: frozenset[str] = frozenset()
) -> list[str]:
    """Ordered stems of the content words of ``text``, acronyms expanded."""
    return [s for g in content_groups(text, expansions, drop) for s in g]


def _longest_run(a: tuple[str, ...], b: list[str]) -> int:
    """Length of the longest run of consecutive stems shared in order."""
    best = 0
    for i in range(len(a)):
        for j in range(len(b)):
            k = 0
            while i + k < len(a) and j + k < len(b) and a[i + k] == b[j + k]:
                k += 1
            best = max(best, k)
    return best


@dataclass
class Measure:
    """A stored score (the one measure model, ``ingest.model.Score``) and the ways a claim may
    name it; its kind is the score's own role."""

    score: Score
    ref: str | None  # "1.3" for a criterion, "1" for a section's overall score
    label: str  # "the headline Safeguarding score"
    aliases: list[tuple[str, ...]]
    context: frozenset[str] = frozenset()  # stems of the criterion's section name
    section: int | None = None

    @property
    def kind(self) -> Role:
        return Role(self.score.kind)


@dataclass(frozen=True)
class MeasureMatch:
    measure: Measure
    matched: int
    run: int
    coverage: float
    context: int

    @property
    def key(self) -> tuple[float, ...]:
        return (self.matched + self.context, self.run, round(self.coverage, 3))


@dataclass
class Unit:
    """A sentence of the report that carries a number: the thing a finding claim is about."""

    text: str
    stems: frozenset[str]
    numbers: list[Quantity]
    source: Source
    quote: str  # exact substring of Report.text: the sentence if found, else the source quote
    group: int  # sentences of the same item or paragraph share a group
    kind: str  # "item" | "fact" | "paragraph"


@dataclass
class ReportIndex:
    report: Report
    measures: list[Measure]
    units: list[Unit]
    idf: dict[str, float]
    expansions: dict[str, str]
    area_words: frozenset[str]
    vocabulary: frozenset[str]  # words the report text uses in lower case
    measure_words: frozenset[str]  # lower-cased words of measure and section names
    groups: dict[int, list[int]] = field(default_factory=dict)
    # Read once per report version: every claim that names no area reads them of each report.
    scores: list[Score] = field(default_factory=list)  # report.all_scores()
    rating_words: list[str] = field(default_factory=list)  # its ratings and the scale's
    # No measure but percentages: no rating, points, key question's share or earlier score.
    plain: bool = False

    def weight(self, s: str) -> float:
        return self.idf.get(s, self.max_idf)

    @property
    def max_idf(self) -> float:
        return math.log(len(self.units) + 2) + 1.0

    @property
    def distinctive(self) -> float:
        """The weight of a word found in a quarter of the sentences (any word, in tiny reports)."""
        n = len(self.units)
        if n < 8:
            return 0.0
        return math.log((n + 1) / (0.25 * n + 0.5)) + 1.0


# --- building the index --------------------------------------------------------------------


def _source_quote(sentence: str, source: Source, report_text: str) -> str:
    """The exact source text of a cleaned ``sentence``: in its source quote, else anywhere in
    the report, else the source quote itself."""
    span = find_cleaned(source.quote or report_text, sentence)
    if span is not None:
        return (source.quote or report_text)[span[0] : span[1]]
    span = find_cleaned(report_text, sentence)
    return report_text[span[0] : span[1]] if span is not None else source.quote


def _expansions(report: Report) -> dict[str, str]:
    """Acronym -> short expansion, from the report's own glossary."""
    out: dict[str, str] = {}
    for entry in report.glossary:
        first = re.split(
            r"[.:;(]|\s[-\u2013\u2014]\s|,\s(?:a|an|the)\s", entry.definition, maxsplit=1
        )[0]
        first = first.strip(" \"'\u201c\u201d\u2018\u2019")
        if not first or len(first.split()) > 6:
            continue
        for term in entry.terms:
            t = term.strip()
            # Acronyms only: ordinary words ("Asset", "Interventions") keep their meaning.
            if re.fullmatch(r"[A-Za-z+/]{2,8}", t) and sum(c.isupper() for c in t) >= 2:
                out[t.lower()] = first
    return out


def _measure_label(score: Score, kind: str, ref: str | None, name: str) -> str:
    if kind == "headline":
        return f"the headline {name} score"
    if kind == "criterion":
        return f"criterion {ref} {name}"
    return f"the overall score for {name}"


def build_index(report: Report) -> ReportIndex:
    expansions = _expansions(report)
    measures: list[Measure] = []
    section_names = {s.number: s.name for s in report.sections}
    for score in report.headline_scores:
        aliases = {tuple(content_stems(score.name, expansions))}
        aliases.add(tuple(content_stems(score.key.replace("-", " "), expansions)))
        for extra in HEADLINE_ALIASES.get(score.key, ()):
            aliases.add(tuple(content_stems(extra, expansions)))
            # "Public Protection - Risk of Harm" names the measure more fully than either part.
            aliases.add(tuple(dict.fromkeys(content_stems(f"{extra} {score.name}", expansions))))
        heading = re.sub(r"\bscore\b:?", " ", score.source.heading or "", flags=re.IGNORECASE)
        aliases.add(tuple(dict.fromkeys(content_stems(heading, expansions))))
        # "Public Protection - Risk of Harm": the part after a dash is the measure's own name.
        for part in re.split(r"\s+[-\u2013\u2014]\s+", score.name):
            aliases.add(tuple(content_stems(part, expansions)))
        aliases.discard(())
        name = re.split(r"\s+[-\u2013\u2014]\s+", score.name)[-1]
        measures.append(
            Measure(
                score,
                None,
                _measure_label(score, "headline", None, name),
                sorted(aliases),
            )
        )
    for c in report.criteria:
        sec = section_names.get(c.section_number, "")
        measures.append(
            Measure(
                c.score,
                c.number,
                _measure_label(c.score, "criterion", c.number, c.name),
                [tuple(content_stems(c.name, expansions))],
                frozenset(content_stems(sec, expansions)),
                c.section_number,
            )
        )
    for s in report.sections:
        if s.overall is None:
            continue
        measures.append(
            Measure(
                s.overall,
                str(s.number),
                _measure_label(s.overall, "overall", str(s.number), s.name),
                [tuple(content_stems(s.name, expansions))],
                frozenset(content_stems(s.name, expansions)),
                s.number,
            )
        )

    units: list[Unit] = []
    seen: dict[str, int] = {}
    # A sentence stored once may belong to several statements (a fact's sentence and the
    # paragraph it stands in): it joins each one's group.
    shared: list[tuple[int, int]] = []
    group = 0

    def add(text: str, source: Source, kind: str) -> None:
        nonlocal group
        group += 1
        for a, b in sentence_spans(text):
            sentence = text[a:b]
            nums = numbers_in(sentence)
            if not nums:
                continue
            norm = " ".join(sentence.lower().split())
            if norm in seen:
                shared.append((group, seen[norm]))
                continue
            seen[norm] = len(units)
            units.append(
                Unit(
                    sentence,
                    frozenset(content_stems(blank_numbers(sentence), expansions)),
                    nums,
                    source,
                    _source_quote(sentence, source, report.text),
                    group,
                    kind,
                )
            )

    for c in report.criteria:
        for item in c.strengths + c.areas_for_improvement:
            add(item.text, item.source, "item")
    for item in report.recommendations:
        add(item.text, item.source, "item")
    for fact in report.facts:
        add(fact.sentence, fact.source, "fact")
    paragraphs = (
        report.foreword
        + report.context
        + report.service_users
        + report.inspection_data
        + report.next_steps
        + [p for s in report.sections for p in s.commentary]
    )
    for p in paragraphs:
        add(p.text, p.source, "paragraph")

    df: Counter[str] = Counter()
    for u in units:
        df.update(u.stems)
    n = len(units)
    idf = {s: math.log((n + 1) / (c + 0.5)) + 1.0 for s, c in df.items()}
    groups: dict[int, list[int]] = {}
    for i, u in enumerate(units):
        groups.setdefault(u.group, []).append(i)
    for g, i in shared:
        if g in groups and i not in groups[g]:
            groups[g].append(i)
            groups[g].sort()

    area_words = frozenset(w.lower() for w in letter_words(report.area))
    # Words the report uses in lower case: ordinary words, not the names of places.
    vocabulary = frozenset(w for w in letter_words(report.text) if w.islower())
    measure_words: set[str] = set()
    for m in measures:
        measure_words.update(w.lower() for w in letter_words(m.score.name))
        measure_words.update(w.lower() for w in letter_words(m.label))
    for s in report.sections:
        measure_words.update(w.lower() for w in letter_words(s.name))
    for entry in report.glossary:
        measure_words.update(t.lower() for t in entry.terms)
    scores = report.all_scores()
    used = {s.rating for s in scores if s.unit == ScoreUnit.RATING}
    rated = sorted({w for w in used | set(RATINGS) if w}, key=len, reverse=True)
    plain = all(
        s.unit == ScoreUnit.PERCENT and s.kind != Role.KEY_QUESTION and s.previous is None
        for s in scores
    )
    return ReportIndex(
        report,
        measures,
        units,
        idf,
        expansions,
        area_words,
        vocabulary,
        frozenset(measure_words),
        groups,
        scores,
        rated,
        plain,
    )


_CACHE: OrderedDict[tuple, ReportIndex] = OrderedDict()
# Every loaded report is checked against: the cache holds a whole store, not a few reports.
_CACHE_SIZE = 4096
_CACHE_LOCK = threading.Lock()


def index_for(report: Report) -> ReportIndex:
    """The report's index, built once per report id and content hash (a small LRU cache)."""
    if report.sha256:
        key: tuple = (report.id, report.sha256)
    else:  # a report built in memory: its text stands in for the hash
        key = (report.id, hash(report.text), id(report))
    with _CACHE_LOCK:
        hit = _CACHE.get(key)
        if hit is not None:
            _CACHE.move_to_end(key)
            return hit
    built = build_index(report)
    with _CACHE_LOCK:
        _CACHE[key] = built
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return built


# --- resolving a measure -----------------------------------------------------------------------


def match_measures(claim_stems: list[str], index: ReportIndex) -> list[MeasureMatch]:
    """Every measure the claim's words name, best first (ties keep headline first)."""
    present = set(claim_stems)
    out: list[MeasureMatch] = []
    for m in index.measures:
        best: MeasureMatch | None = None
        for alias in m.aliases:
            if not alias:
                continue
            matched = len(set(alias) & present)
            if not matched:
                continue
            run = _longest_run(alias, claim_stems)
            coverage = matched / len(set(alias))
            ctx = len((m.context - set(alias)) & present) if m.kind == "criterion" else 0
            cand = MeasureMatch(m, matched, run, coverage, ctx)
            if best is None or cand.key > best.key:
                best = cand
        if best is not None:
            out.append(best)
    order = {"headline": 0, "criterion": 1, "overall": 2}
    out.sort(key=lambda mm: (tuple(-k for k in mm.key), order[mm.measure.kind]))
    return out

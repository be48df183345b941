"""What a question asks for: the slots every question has (reports, targets, kind, terms),
the measures it may name (``Target``), and the vocabulary that resolves them against the
loaded reports. ``routing`` decides its route; ``routes/`` hold each route's own slots.

The vocabulary that names things (areas, criteria, sections, glossary terms) comes from the
parsed reports; the only built-in words are those of the question (which, lowest, strengths...)
and the report format's own (bands, "overall score", "section").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any

from assistant.answers.derived import persisted
from assistant.answers.described_areas import described_names
from assistant.answers.lexicon import SpellingFinder, report_words, word_reports
from assistant.answers.retrieve import entry_terms, expand_query, glossary_index
from ingest.model import BANDS, Criterion, GlossaryEntry, Report, ReportFormat, Role, Score
from ingest.text.resources import cue_patterns, load_yaml
from ingest.text.stemming import stem
from ingest.text.stopwords import STOPWORDS
from ingest.text.terms import term_pattern
from ingest.text.tokens import stems, words


class FindingKind(StrEnum):
    """Which findings a question asks for."""

    STRENGTH = "strength"
    AREA = "area"  # areas for improvement
    BOTH = "both"


@dataclass(frozen=True)
class Target:
    """A measure a question is about, by reference: the role and key of a ``Score`` (the one
    measure model, ``ingest.model``), which each report resolves to its own (``score_in``)."""

    type: Role  # HEADLINE | CRITERION | OVERALL (a whole section's score)
    key: str  # "safeguarding" | "1.3" | "2"
    # A criterion named by its words ("safeguarding assessment"): the stems of its name. Reports
    # number their criteria differently (1.3 Safeguarding here, 1.4 there), so each report's
    # own criterion is found by this name; empty when it was named by number.
    name: str = ""

    def __post_init__(self) -> None:
        # Conversations stored before roles were named kept a section's score as "section".
        role = Role.OVERALL if self.type == Role.OVERALL else Role(self.type)
        object.__setattr__(self, "type", role)

    def __str__(self) -> str:
        return f"{self.type}:{self.key}" + (f":{self.name}" if self.name else "")

    @classmethod
    def parse(cls, text: str) -> Target:
        type_, key, *name = text.split(":", 2)
        return cls(type_, key, name[0] if name else "")

    def score_in(self, report: Report) -> Score | None:
        """This measure's score in ``report``, when the report has it."""
        if self.type == Role.HEADLINE:
            return next((s for s in report.headline_scores if s.key == self.key), None)
        if self.type == Role.CRITERION:
            c = find_criterion(report, self)
            return c.score if c else None
        if self.type == Role.OVERALL:
            sec = report.section(int(self.key))
            if sec is not None and self.name and name_key(sec.name) != self.name:
                return None
            if sec is None or sec.overall is not None:
                return sec.overall if sec else None
            # A 2012-2017 area of work is judged by a measure of its own name, not a score.
            name = sec.name.lower()
            return next(
                (m for m in report.measures if m.kind == Role.AREA and m.name.lower() == name),
                None,
            )
        return None


# Every kind of measure a question may name.
SCORED = (Role.HEADLINE, Role.CRITERION, Role.OVERALL)


def name_key(name: str) -> str:
    """A criterion's identity across reports: the sorted stems of its name."""
    return " ".join(sorted(set(stems(name.replace("-", " ")))))


def find_criterion(report: Report, target: Target) -> Criterion | None:
    """The report's criterion that ``target`` stands for: by name when it was named by its
    words (whatever number this report gives it), else by number."""
    if target.type != "criterion":
        return None
    if not target.name:
        return report.criterion(target.key)
    wanted = set(target.name.split())
    same = [c for c in report.criteria if set(name_key(c.name).split()) == wanted]
    if same:
        # one name may stand in several domains (2.1 and 3.1 Assessment): its number decides
        return next((c for c in same if c.number == target.key), same[0])
    best, best_overlap = None, 0.0
    for c in report.criteria:
        have = set(name_key(c.name).split())
        # A name worded a little differently in another report still counts when most of
        # its words are shared; the printed number breaks ties.
        overlap = len(have & wanted) / max(len(have | wanted), 1)
        if overlap > best_overlap or (overlap == best_overlap and c.number == target.key):
            best, best_overlap = c, overlap
    return best if best_overlap >= 0.5 else None


@dataclass
class Intent:
    """What every question has; what only one kind of question has is in ``slots``."""

    route: str
    question: str
    reports: list[str] = field(default_factory=list)  # ids the answer is about
    named_reports: bool = False  # the question (or conversation) named them
    unknown: list[str] = field(default_factory=list)  # named things no loaded report holds
    targets: list[Target] = field(default_factory=list)
    kind: FindingKind | None = None  # the findings asked for
    terms: list[str] = field(default_factory=list)  # glossary terms, as asked
    bands: list[str] = field(default_factory=list)
    context_kinds: list[str] = field(default_factory=list)
    followup: bool = False
    earlier: bool = False  # asks for an earlier inspection's score ("the previous score")
    asks: str | None = None  # what the answer must hold (a number, a date...), by its kind
    # what a search looks for when the report states the fact in words of its own
    # ("Fieldwork ... was undertaken in"); the question itself is kept for reading what it asks
    search: str = ""
    slots: Any = None  # the route's own slots (registry.SLOTS), e.g. a computation's operation

    def state(self) -> dict:
        """What a later follow-up may inherit (stored with the turn): the route's own slots
        stand beside the common ones."""
        d = asdict(self)
        del d["slots"]
        d["targets"] = [str(t) for t in self.targets]
        if self.slots is not None:
            d.update(asdict(self.slots))
        return d


# --- question vocabulary -------------------------------------------------------------------

CUES = cue_patterns("assistant.answers", "cues.yaml")

_BAND_RE = re.compile(r"\b(" + "|".join(b.lower() for b in BANDS) + r")\b", re.I)
_CRITERION_RE = CUES["criterion"]
_CRITERION_RANGE_RE = CUES["criterion-range"]
_SECTION_RE = CUES["section"]
_STRENGTH_RE = CUES["strength"]
_AREA_RE = CUES["area"]
_FINDINGS_RE = CUES["findings"]
NEXT_STEPS_RE = CUES["next-steps"]
WHY_RE = CUES["why"]
# Another inspection's score ("the previous score", "since the last inspection"): the stored
# scores are each report's own.
PREVIOUS_RE = CUES["previous"]
_LOWER_RE = CUES["lower"]
_HIGHER_RE = CUES["higher"]
_DEFINE_PATTERNS = tuple(CUES[f"define-{n}"] for n in range(1, 6))
_FOLLOWUP_RE = CUES["followup"]
# Facts outside the scored sections, and the chunk kinds that hold them.
_CONTEXT_CUES: tuple[tuple[re.Pattern, tuple[str, ...]], ...] = tuple(
    (CUES[f"context-{kind}"], (kind,))
    for kind in ("inspection-data", "context", "service-users", "foreword")
)
_QUESTION_WORDS_TEXT = load_yaml("assistant.answers", "words.yaml")["question"]

QUESTION_WORDS = frozenset(stem(w) for w in _QUESTION_WORDS_TEXT.split())
# Words a misspelling may be put right towards ("scroe" -> "score"), besides the reports' names.
CUE_WORDS = frozenset(
    w
    for w in (_QUESTION_WORDS_TEXT + " recommendations responsible weaknesses strengths").split()
    if len(w) >= 4 and w not in STOPWORDS
)
# people's posts a question names: real words, kept as written (``words.yaml``: posts)
CUE_WORDS |= frozenset(load_yaml("assistant.answers", "words.yaml")["posts"].split())


# --- the catalogue of what the reports name -----------------------------------------------


@dataclass(frozen=True)
class Named:
    target: Target
    tokens: frozenset[str]
    section: int | None  # section number (criteria and sections)
    label: str


@dataclass
class Catalog:
    """The names the loaded reports give their measures, sections and areas."""

    names: list[Named]
    section_tokens: dict[int, frozenset[str]]
    areas: dict[str, list[str]]  # report id -> lower-case area spellings

    @cached_property
    def name_words(self) -> set[str]:
        """Every word the names of the scored measures use."""
        return set().union(*(n.tokens for n in self.names)) if self.names else set()

    @classmethod
    def build(cls, reports: Sequence[Report]) -> Catalog:
        return catalog(reports)


def _name_tokens(text: str, compounds: bool = True) -> frozenset[str]:
    # A hyphenated name keeps its compound as a token of its own: without it "Out-of-court
    # disposals" would read as "Court disposals" ("out" and "of" are stop words). A key
    # ("likelihood-of-reoffending") is a slug: its hyphens join no compound.
    tokens = frozenset(stems(text.replace("-", " ")))
    if not compounds:
        return tokens
    return tokens | frozenset(
        m.group(0).replace("-", "").lower() for m in _COMPOUND_RE.finditer(text)
    )


_COMPOUND_RE = re.compile(r"\b[A-Za-z]+(?:-[A-Za-z]+)+\b")


def name_tokens(text: str) -> frozenset[str]:
    """The tokens of a measure's or area's name, as the catalogue holds them."""
    return _name_tokens(text)


def describes_area(question: str, cat: Catalog) -> bool:
    """Whether ``question`` names an area of ``cat`` by what it does ("keeping kids safe")."""
    return bool(described_names(question, _titles(cat), _name_tokens))


def _titles(cat: Catalog) -> list[frozenset[str]]:
    return [*(n.tokens for n in cat.names), *cat.section_tokens.values()]


def _described(question: str, cat: Catalog, reports: Sequence[Report]) -> list[str]:
    """The title forms of the areas ``question`` describes: each report's own form ("Safeguarding"
    in one, "Protecting the child" in another), read report by report only when the question
    describes an area at all."""
    if not described_names(question, _titles(cat), _name_tokens) or len(reports) < 2:
        return described_names(question, _titles(cat), _name_tokens)
    groups = [_titles(catalog([r])) for r in reports]
    return described_names(question, _titles(cat), _name_tokens, groups)


def compounds_in(question: str) -> frozenset[str]:
    """The compound tokens of ``question``, written with hyphens or spaces ("out of court"):
    those a name's compound (``_name_tokens``) can match."""
    words = re.findall(r"[A-Za-z]+", question.lower())
    return frozenset(
        "".join(words[i:j])
        for i in range(len(words))
        for j in range(i + 2, min(i + 5, len(words) + 1))
    )


@persisted("catalog")  # once per set of report versions: a store change builds it again
def catalog(reports: Sequence[Report]) -> Catalog:
    names: dict[Target, Named] = {}
    section_tokens: dict[int, frozenset[str]] = {}
    areas: dict[str, list[str]] = {}
    users = word_reports(reports)
    # Formats number their parts differently (section 2 is Delivery and Review in one, an area
    # of work "Protecting the public" in another): a number that stands for parts of different
    # names in the loaded reports names none of them alone, so each part is its own target,
    # named, and never read as another report's part of the same number.
    part_names: dict[int, set[str]] = {}
    for r in reports:
        for sec in r.sections:
            part_names.setdefault(sec.number, set()).add(sec.name.lower())
    for r in reports:
        areas[r.id] = _area_spellings(r, reports, users)
        for s in r.headline_scores:
            t = Target("headline", s.key)
            names.setdefault(t, Named(t, _name_tokens(s.key, compounds=False), None, s.name))
        for c in r.criteria:
            # One entry per number and name: "1.1 Initial assessment" in one report and
            # "1.1 Risk of Harm to others" in another are different measures.
            t = Target("criterion", c.number, name_key(c.name))
            names.setdefault(
                t, Named(t, _name_tokens(c.name), c.section_number, f"{c.number} {c.name}")
            )
        scored = bool(r.headline_scores or r.criteria or r.measures)
        for sec in r.sections:
            if not (scored or sec.overall):
                continue  # a document's headings that score nothing are no measures
            t = Target(Role.OVERALL, str(sec.number))
            if len(part_names.get(sec.number, ())) > 1:
                t = Target(Role.OVERALL, str(sec.number), name_key(sec.name))
            tokens = _name_tokens(sec.name)
            names.setdefault(t, Named(t, tokens, sec.number, sec.name))
            section_tokens.setdefault(sec.number, tokens)
    return Catalog(list(names.values()), section_tokens, areas)


# --- slot finders -----------------------------------------------------------------------


def _area_spellings(report: Report, reports: Sequence[Report], users=None) -> list[str]:
    """Lower-case spellings that name ``report``: its area, its id, and each word of the area's
    name that no other loaded report uses ("stockbridge" for Stockbridge-on-Wear, "ashdown"
    for Vale of Ashdown, but not "vale" while Wessex Vale is loaded too)."""
    out = [report.area.lower(), report.id.lower()]
    if all(r.id == report.id for r in reports):
        return out  # no other report
    # How many reports use each word (``word_reports``), counted once for the set: asking
    # each other report in turn made the catalogue quadratic in the number of reports.
    users = word_reports(reports) if users is None else users
    named_by = words(report.area)
    if report.format == ReportFormat.GENERAL:
        # a document of no known format is named by its title and subtitle too ("the
        # resettlement thematic", "the thematic inspection")
        named_by += [w for s in report.sections[:2] for w in words(s.name)]
    for w in dict.fromkeys(named_by):
        if len(w) < 5 or not w.isalpha() or w in STOPWORDS or stem(w) in QUESTION_WORDS:
            continue
        n = users[w]
        alone = not n or (n == 1 and w in report_words(report))
        if not alone and n > sum(w in report_words(r) for r in reports if r.id == report.id):
            continue  # another report uses the word
        out.append(w)
    return out


@persisted("area-finder")
def area_finder(reports: Sequence[Report]) -> tuple[SpellingFinder, dict[str, list[str]]]:
    """The area spellings of ``reports`` and, for each, the reports it names."""
    owners: dict[str, list[str]] = {}
    for report_id, spellings in catalog(reports).areas.items():
        for s in spellings:
            owners.setdefault(s.lower(), []).append(report_id)
    return SpellingFinder(owners), owners


# "In the reinspection", "the reinspection report", "what did the reinspection find": a report,
# unlike "when is the reinspection?" (the next steps of an inspection).
_THE_REINSPECTION_RE = CUES["the-reinspection"]


def is_reinspection(report: Report) -> bool:
    """The report is of a reinspection (its title or foreword says so)."""
    opening = report.foreword[0].text if report.foreword else ""
    return bool(
        re.search(r"\breinspection\b", report.title, re.I)
        or re.search(r"^this re-?inspection\b", opening, re.I)
    )


@persisted("reinspections")
def reinspections(reports: Sequence[Report]) -> frozenset[str]:
    """The ids of the reports of reinspections (``is_reinspection``), worked out once."""
    return frozenset(r.id for r in reports if is_reinspection(r))


def find_reports(question: str, reports: Sequence[Report]) -> tuple[list[str], list[str]]:
    """(ids of the loaded reports the question names, named area+year pairs not loaded)."""
    finder, owners = area_finder(reports)
    ids = {i for s in finder.found(question) for i in owners[s]}
    named = [r for r in reports if r.id in ids]
    if not named and _THE_REINSPECTION_RE.search(question):
        # "the score in the reinspection": the loaded reinspection report(s).
        again = reinspections(reports)
        named = [r for r in reports if r.id in again]
    years = {int(y) for y in re.findall(r"(?<![\d/])((?:19|20)\d\d)(?![\d/])", question)}
    unknown: list[str] = []
    if years:
        pool = named or list(reports)
        dated = [r for r in pool if r.year in years]
        if dated and named:
            # "Sefton in 2009 vs Wessex Vale": the year picks among one area's reports and
            # leaves another area named without it.
            dated_areas = {r.area for r in dated}
            named = [r for r in named if r in dated or r.area not in dated_areas]
            # ... but "Sefton 2011 vs Wessex Vale" asks for a Sefton report not loaded.
            unknown = [
                f"{r.area} {y}"
                for r in named
                if r not in dated
                for y in sorted(years)
                if re.search(rf"\b{re.escape(r.area)}(?:['’]s)?\W+(?:in\s+)?{y}\b", question, re.I)
            ][:1]
            if unknown:
                named = []
        elif dated:
            named = dated
        elif named:
            # a year the area's own facts are dated by ("supervised 96 children during 2015")
            # qualifies a fact of the loaded report; any other asks for a report not loaded
            unknown = [
                f"{r.area} {y}" for r in named for y in sorted(years) if not _dates_context(r, y)
            ][:1]
            named = [] if unknown else named
    return [r.id for r in named], unknown


def _dates_context(report: Report, year: int) -> bool:
    """``year`` dates a fact of ``report``'s area (its contextual paragraphs), or is the year of
    the earlier inspection a reinspection's scores are set against ("better since 2010?")."""
    if any(s.previous and s.previous.year == year for s in report.all_scores()):
        return True
    return any(re.search(rf"(?<![\d/]){year}(?![\d/])", p.source.quote) for p in report.context)


# Capitalised words that are never the name of an area or a body the reports might cover.
_CALENDAR = frozenset(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    + ("today", "tomorrow", "yesterday")
) | frozenset(load_yaml("assistant.answers", "words.yaml")["everyday"].split())


def unknown_names(question: str, vocabulary: set[str], areas: Sequence[str]) -> list[str]:
    """Capitalised words (names) the reports never use: another area, another country..."""
    tokens = list(re.finditer(r"[A-Za-z][A-Za-z'’+-]*", question))
    found = []
    known_areas = " ".join(areas).lower()
    for m in tokens:
        word = m.group(0)
        possessive = word.endswith(("'s", "’s"))
        # "I'm", "I've", "don't": contractions, not names.
        bare = re.sub(r"['’](?:s|m|ve|d|ll|re|t)$", "", word).strip("'’-")
        if not bare or not bare[0].isupper() or len(bare) < 2:
            continue
        before = question[: m.start()].rstrip()
        if (not before or before[-1] in '.!?:;\n"“(') and not possessive:
            continue  # sentence case, not a name
        low = bare.lower()
        if low in STOPWORDS or low in known_areas or low in _CALENDAR:
            continue
        if re.fullmatch(r"[A-Z][A-Za-z]*[A-Z]s", bare) and bare[:-1].lower() in vocabulary:
            continue  # "VMPs": the plural of an acronym the reports use
        parts = [p for p in re.split(r"[-+]", low) if p]
        if low in vocabulary or stem(low) in vocabulary:
            continue
        if all(
            stem(p) in vocabulary or p in vocabulary or stem(p) in QUESTION_WORDS for p in parts
        ):
            continue
        found.append(bare)
    return found


def find_terms(question: str, reports: Sequence[Report]) -> list[str]:
    """Glossary terms the question names, longest first, without overlaps."""
    spans: list[tuple[int, int, str]] = []
    for t in glossary_index(reports).spellings_in(question):
        for m in term_pattern(t).finditer(question):
            spans.append((m.start(), m.end(), t))
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    taken: list[tuple[int, int, str]] = []
    for s in spans:
        if all(s[1] <= a or s[0] >= b for a, b, _ in taken):
            taken.append(s)
    taken.sort()
    result: list[str] = []
    for _, _, t in taken:
        if t.lower() not in [x.lower() for x in result]:
            result.append(t)
    return result


def glossary_entries(term: str, reports: Sequence[Report]) -> list[tuple[Report, GlossaryEntry]]:
    """Every glossary entry (per report) that answers to ``term``."""
    pattern = term_pattern(term)
    if len(reports) > 8:
        # Many reports: only the distinct spellings are tried, once each.
        index = glossary_index(reports)
        low = term.lower()
        groups = [
            g
            for spelling, gs in index.by_spelling.items()
            if pattern.fullmatch(spelling) or spelling.lower() == low
            for g in gs
        ]
        return index.entries_of(groups)
    found = []
    for r in reports:
        for entry in r.glossary:
            if any(pattern.fullmatch(t) or t.lower() == term.lower() for t in entry_terms(entry)):
                found.append((r, entry))
    return found


def asked_term(question: str) -> str | None:
    """The term a definitional question asks about ("what does X mean" -> X)."""
    q = question.strip()
    for pattern in _DEFINE_PATTERNS:
        m = pattern.search(q)
        if m:
            return m.group(1).strip(" ?.!\"'“”‘’")
    return None


_MORE_THAN_BAND = re.compile(
    r"\b(?:more than|worse than|beyond|above|greater than|higher than|over)\s+(?:an? )?"
    r"(minimum|moderate|substantial|drastic)\b",
    re.I,
)
_AT_LEAST_BAND = re.compile(
    r"\bat least (?:an? )?(minimum|moderate|substantial|drastic)\b|"
    r"\b(minimum|moderate|substantial|drastic) or (?:worse|more|higher|above)\b",
    re.I,
)
_LESS_THAN_BAND = re.compile(
    r"\b(?:less than|better than|below|under|lower than)\s+(?:an? )?"
    r"(minimum|moderate|substantial|drastic)\b",
    re.I,
)
_AT_MOST_BAND = re.compile(
    r"\bat most (?:an? )?(minimum|moderate|substantial|drastic)\b|"
    r"\b(minimum|moderate|substantial|drastic) or (?:better|less|lower|below)\b",
    re.I,
)


def band_range(question: str) -> list[str]:
    """The bands a question asks about, reading "more than moderate" as SUBSTANTIAL and
    DRASTIC (bands run from MINIMUM to DRASTIC improvement required)."""
    order = list(BANDS)
    for pattern, pick in (
        (_MORE_THAN_BAND, lambda i: order[i + 1 :]),
        (_AT_LEAST_BAND, lambda i: order[i:]),
        (_LESS_THAN_BAND, lambda i: order[:i]),
        (_AT_MOST_BAND, lambda i: order[: i + 1]),
    ):
        m = pattern.search(question)
        if m:
            band = next(g for g in m.groups() if g).upper()
            return pick(order.index(band))
    return list(dict.fromkeys(b.upper() for b in _BAND_RE.findall(question)))


def definition_phrase(question: str) -> str | None:
    """The phrase a definitional question asks about, several words allowed."""
    m = re.search(
        r"^\s*(?:what|who) (?:is|are|was|were|'s) (?:an? |the )?(.+?)\s*\??\s*$|"
        r"what (?:does|do) (?:an? |the )?(.+?) (?:mean|stand for)\b|"
        r"(?:meaning|definition) of (?:an? |the )?(.+?)\s*\??\s*$",
        question,
        re.I,
    )
    if not m:
        return None
    return next(g for g in m.groups() if g).strip(" ?.!\"'“”‘’")


def terms_by_expansion(phrase: str, reports: Sequence[Report]) -> list[str]:
    """Glossary terms whose expansion is ``phrase`` ("vulnerability management plan" -> VMP)."""
    wanted = " ".join(words(phrase))
    found = []
    for r in reports:
        for entry in r.glossary:
            head = re.split(r"[:.;(]| - | — ", entry.definition.replace("\n", " "), maxsplit=1)[0]
            head_words = " ".join(words(head))
            same = head_words == wanted or head_words.startswith(wanted + " ")
            if wanted and same and entry.terms[0] not in found:
                found.append(entry.terms[0])
    return found


def looks_like_acronym(term: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", term)
    return " " not in term.strip() and len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2


def _expand_acronyms(question: str, reports: Sequence[Report]) -> str:
    """The question plus what its acronyms stand for ("RoH" -> "Risk of Harm to others");
    ordinary words that the glossary happens to define are not expanded."""
    expansion = expand_query(question, reports)
    heads = []
    for entry in expansion.terms:
        if any(looks_like_acronym(t) and term_pattern(t).search(question) for t in entry.terms):
            heads.append(re.split(r"[:.;,(]| - ", entry.definition, maxsplit=1)[0])
    return question + (" " + " ".join(heads) if heads else "")


_OVERALL_RE = re.compile(r"\b(?:overall|section|part)\b", re.I)

_MEASURE_WORDS = [
    (re.compile(spec["pattern"], re.I), str(spec["adds"]))
    for spec in load_yaml("assistant.answers", "measure_words.yaml").values()
]


def _with_measure_words(question: str) -> str:
    """The question plus the words of a measure it names by a phrasing ("out of 36": points)."""
    added = [adds for pattern, adds in _MEASURE_WORDS if pattern.search(question)]
    return " ".join([question, *added])


def resolve_targets(
    question: str,
    cat: Catalog,
    types: Sequence[str],
    reports: Sequence[Report],
    prefer_section: int | None = None,
    prefer_type: str | None = None,
) -> list[Target]:
    """The measures a question names: by number first, then by the words of their names."""
    explicit: list[Target] = []
    known = {(n.target.type, n.target.key) for n in cat.names}
    # "1.1 to 1.3" names 1.2 as well (not in "compare 1.1 to 1.3", two sides)
    ranges = [] if CUES["compared-with"].search(question) else _CRITERION_RANGE_RE.findall(question)
    for a, b, c, d in ranges:
        first, last = (int(a), int(b)), (int(c), int(d))
        between = sorted(
            {
                Target("criterion", n.target.key)
                for n in cat.names
                if n.target.type == "criterion"
                and re.fullmatch(r"\d\.\d", n.target.key)
                and first <= (int(n.target.key[0]), int(n.target.key[2])) <= last
            },
            key=lambda t: t.key,
        )
        explicit += [t for t in between if t not in explicit]
    for a, b in _CRITERION_RE.findall(question):
        t = Target("criterion", f"{a}.{b}")
        if (t.type, t.key) in known and t not in explicit:
            explicit.append(t)
    for a, b in _SECTION_RE.findall(question):
        t = Target(Role.OVERALL, a or b)
        if (t.type, t.key) in known and t not in explicit:
            explicit.append(t)
    if explicit:
        return explicit
    q = _question_tokens(_with_measure_words(question), cat, reports)
    # an area named by what it does ("keeping kids safe"): read with its title's words
    if extra := _described(question, cat, reports):
        q |= _question_tokens(" ".join(extra), cat, reports)
    # the section whose name the question shares most words with ("out-of-court assessment"
    # is in Out-of-court disposals, not in Court disposals, though both say "court")
    overlap = {n: len(toks & q) for n, toks in cat.section_tokens.items()}
    hints = {n for n, k in overlap.items() if k and k == max(overlap.values())}
    if len(hints) > 1:
        # "court planning" shares "court" with Court disposals and Out-of-court disposals: the
        # name it says more of (one word of two, not one of three) is the one it means
        said = {n: overlap[n] / len(cat.section_tokens[n]) for n in hints}
        hints = {n for n in hints if said[n] == max(said.values())}
    overall_named = any(
        n.target.type == Role.OVERALL and n.tokens and n.tokens <= q for n in cat.names
    )
    if not hints and prefer_section is not None:
        hints = {prefer_section}  # a follow-up stays in the section of the previous answer
    scored = []
    for named in cat.names:
        if named.target.type not in types or not named.tokens:
            continue
        matched = named.tokens & q
        if matched:
            scored.append((named, frozenset(matched), len(matched) / len(named.tokens)))
    if not scored:
        return []
    all_hint_words = (
        frozenset().union(*cat.section_tokens.values()) if cat.section_tokens else set()
    )
    # a section named in full with a criterion of its own ("the OOCD policy" is 3.4, in
    # Out-of-court disposals) is that criterion, unless its overall score is asked for
    section_only = overall_named and bool(_OVERALL_RE.search(question))
    if hints and "criterion" in types and not section_only:
        # "safeguarding delivery" is 2.3, not 1.3: a section named by its words wins, if one of
        # its criteria also matches on a word of its own.
        in_hint = [
            s
            for s in scored
            if s[0].target.type == "criterion" and s[0].section in hints and (s[1] - all_hint_words)
        ]
        if in_hint:
            best = max(s[2] for s in in_hint)
            return _one_per_name([s[0].target for s in in_hint if s[2] == best], reports)
    full = [s for s in scored if s[2] == 1.0]
    if full:
        pool = [s for s in full if not any(s[1] < o[1] for o in full)]
        # "out-of-court disposal policy" is 3.4 Out-of-court disposal policy and provision,
        # not the domain Out-of-court disposals: a name holding every word a full match holds
        # and more of the question's, and most of its own words, names the measure asked
        richer = [s for s in scored if s[2] >= 0.75 and any(f[1] < s[1] for f in pool)]
        if richer:
            best = max((s[2], len(s[1])) for s in richer)
            pool = [s for s in richer if (s[2], len(s[1])) == best]
    else:
        partial = [s for s in scored if s[2] >= 0.34]
        if not partial:
            # "the overall score for delivery": one section's overall score, named by a word
            # of its name that no other section's name holds.
            own = [
                s
                for s in scored
                if s[0].target.type == Role.OVERALL and _OVERALL_RE.search(question)
            ]
            if len({s[0].section for s in own}) == 1 and len(hints) == 1:
                return _one_per_name([s[0].target for s in own], reports)
            return []
        best = max((s[2], len(s[1])) for s in partial)
        pool = [s for s in partial if (s[2], len(s[1])) == best]
    if prefer_section is not None:
        same = [s for s in pool if s[0].section in (prefer_section, None)]
        pool = same or pool
    # One target per set of matched words: a headline and a criterion of the same name tie.
    groups: dict[frozenset[str], list] = {}
    for s in pool:
        groups.setdefault(s[1], []).append(s)
    order = (
        [prefer_type, Role.HEADLINE, Role.OVERALL, Role.CRITERION]
        if prefer_type
        else [Role.HEADLINE, Role.OVERALL, Role.CRITERION]
    )
    result = []
    for group in groups.values():
        group.sort(key=lambda s: (order.index(s[0].target.type), s[0].target.key))
        if group[0][0].target.type == "criterion":
            result += [s[0].target for s in group if s[0].target.type == "criterion"]
        else:
            result.append(group[0][0].target)
    ordered = sorted(set(result), key=lambda t: (t.type != "headline", t.key))
    return _one_per_name(ordered, reports)


def _question_tokens(question: str, cat: Catalog, reports: Sequence[Report]) -> set[str]:
    question = CUES["level-noun"].sub(" ", question)
    # compounds read from the expansion too: "OOCD" is "Out-of-court disposal", the compound
    # that tells Out-of-court disposals from Court disposals
    expanded = _expand_acronyms(question, reports)
    q = set(stems(expanded.replace("-", " ")))
    return q | (compounds_in(expanded) & cat.name_words)


def words_named(question: str, cat: Catalog, types: Sequence[str], reports) -> int:
    """How many of the question's words the best matching measure name of ``cat`` covers:
    a measure named in full in another loaded report, but only in part in the report asked
    about, is a measure that report does not have."""
    from assistant.answers.fact_units import rules  # it reads this module's words

    # "court work": "work" names every measure's subject, it tells none from another
    q = _question_tokens(question, cat, reports) - rules().generic
    return max(
        (len(n.tokens & q) for n in cat.names if n.target.type in types and n.tokens),
        default=0,
    )


def _one_per_name(targets: list[Target], reports: Sequence[Report] = ()) -> list[Target]:
    """One target per criterion name: each report finds its own number for it. But a name
    one report gives to several of its criteria (2.2 and 3.2 Planning, court and out-of-court
    work) stands for each of them: "how was planning rated?" is not answered by one alone."""
    out: list[Target] = []
    for t in targets:
        twins = [o for o in out if t.type == "criterion" and t.name and o.name == t.name]
        if twins and not any(_both_named(r, t, o) for r in reports for o in twins):
            continue
        out.append(t)
    return out


def _both_named(report: Report, a: Target, b: Target) -> bool:
    ca, cb = report.criterion(a.key), report.criterion(b.key)
    return bool(ca and cb and name_key(ca.name) == a.name and name_key(cb.name) == b.name)


# --- the parser -------------------------------------------------------------------------


def kind_asked(question: str) -> FindingKind | None:
    """Which findings the question asks for, if any."""
    strength = bool(_STRENGTH_RE.search(question))
    area = bool(_AREA_RE.search(question))
    if (strength and area) or CUES["either-way"].search(question):
        return FindingKind.BOTH
    if strength:
        return FindingKind.STRENGTH
    if area:
        return FindingKind.AREA
    if _FINDINGS_RE.search(question):
        return FindingKind.BOTH
    return None


def context_kinds(question: str) -> list[str]:
    kinds: list[str] = []
    for pattern, ks in _CONTEXT_CUES:
        if pattern.search(question):
            kinds += [k for k in ks if k not in kinds]
    return kinds


def numbers_asked(question: str) -> list[int]:
    ordinals = {
        "first": 1,
        "second": 2,
        "third": 3,
        "fourth": 4,
        "fifth": 5,
        "sixth": 6,
        "seventh": 7,
        "eighth": 8,
        "ninth": 9,
        "tenth": 10,
        "last": -1,
    }
    found: list[int] = []
    # "recommendation 3", "recs 1 and 2", "recommendations (4), (5) and (6)"
    for first, more in re.findall(
        r"\b(?:recommendations?|recs?)\s*(?:no\.?|numbers?|#)?\s*\(?(\d{1,2})\)?"
        r"((?:\s*(?:,|and|&|or)\s*\(?\d{1,2}\)?)*)",
        question,
        re.I,
    ):
        found += [int(first)] + [int(n) for n in re.findall(r"\d{1,2}", more)]
    found += [int(n) for n in re.findall(r"\((\d{1,2})\)", question)]
    for word, n in ordinals.items():
        if re.search(rf"\b{word}\b", question, re.I):
            found.append(n)
    return list(dict.fromkeys(found))


def names_signatory(question: str, signatory: str) -> bool:
    """The question names the person who signed a report ("Who is Andrew Bridges?")."""
    name = signatory.split(",")[0].strip()
    return len(name.split()) >= 2 and re.search(re.escape(name), question, re.I) is not None


def is_followup(question: str, previous: dict | None) -> bool:
    if not previous:
        return False
    content = [w for w in stems(question) if w not in QUESTION_WORDS]
    return bool(_FOLLOWUP_RE.search(question)) or len(content) <= 2


def direction_of(question: str) -> str | None:
    """ "lower" or "higher" when a comparison asks for one side."""
    if _LOWER_RE.search(question):
        return "lower"
    return "higher" if _HIGHER_RE.search(question) else None


def strip_areas(question: str, reports: Sequence[Report]) -> str:
    """``question`` without the words that pick a report ("in Stockbridge", "for the 2010
    report"): what is left is what it asks."""
    out = question
    # Only the spellings the question holds: a substitution never makes a new one appear.
    present = area_finder(reports)[0].found(question)
    spellings = sorted(
        {s for v in catalog(reports).areas.values() for s in v if s in present}, key=len
    )
    for sp in reversed(spellings):
        out = re.sub(
            r"(?:\b(?:in|for|from|of|at|by|about)\s+)?(?:the\s+)?(?<![A-Za-z])"
            + re.escape(sp)
            + r"(?:['’]s)?(?:\s+(?:report|yot|yos|inspection|reinspection|glossary))?(?![A-Za-z])",
            " ",
            out,
            flags=re.I,
        )
    out = re.sub(
        r"\b(?:in|for|from)\s+(?:the\s+)?(?:19|20)\d\d(?:\s+(?:report|inspection))?\b",
        " ",
        out,
        flags=re.I,
    )
    if reinspections(reports):
        out = _THE_REINSPECTION_RE.sub(" ", out)
    return " ".join(out.split()) or question


def spelled_terms(question: str, reports: Sequence[Report]) -> list[str]:
    """Glossary terms the question spells out ("Risk of Serious Harm" -> RoSH) by the words
    they stand for; three words or more may stand for the start of them ("Risk of Harm")."""
    qw = words(question)
    spans: list[tuple[int, int, str]] = []
    for r in reports:
        for entry in r.glossary:
            head = words(re.split(r"[:.;,(]| - | — ", entry.definition.replace("\n", " "))[0])
            for n in range(len(head), 1, -1):
                if n < len(head) and n < 3:
                    break
                at = next((i for i in range(len(qw) - n + 1) if qw[i : i + n] == head[:n]), None)
                if at is not None:
                    spans.append((at, at + n, entry.terms[0]))
                    break
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    taken: list[tuple[int, int, str]] = []
    for sp in spans:
        if all(sp[1] <= a or sp[0] >= b for a, b, _ in taken):
            taken.append(sp)
    out: list[str] = []
    for _, _, t in sorted(taken):
        if t.lower() not in [o.lower() for o in out]:
            out.append(t)
    return out


def convert_targets(
    prev: list[Target], types: Sequence[str], cat: Catalog, reports
) -> list[Target]:
    """Previous targets, carried into another route: a headline becomes its criteria."""
    out: list[Target] = []
    for t in prev:
        if t.type in types:
            out.append(t)
        elif t.type == "headline":
            out += resolve_targets(t.key.replace("-", " "), cat, types, reports)
        elif t.type == "criterion" and Role.OVERALL in types:
            out.append(Target(Role.OVERALL, t.key.split(".")[0]))
    return list(dict.fromkeys(out))


def criteria_of(targets: list[Target], cat: Catalog) -> list[Target]:
    """Findings live under criteria: a section stands for all of its criteria."""
    out: list[Target] = []
    for t in targets:
        if t.type == Role.OVERALL:
            out += sorted(
                {
                    Target("criterion", n.target.key)
                    for n in cat.names
                    if n.target.type == "criterion" and str(n.section) == t.key
                },
                key=lambda x: x.key,
            )
        elif t.type == "criterion":
            out.append(t)
    return list(dict.fromkeys(out))


_DEFINING = frozenset(
    stem(w)
    for w in ("mean", "meaning", "stand", "define", "definition", "term", "acronym")
    + ("abbreviation", "explain", "glossary", "short")
)


def is_bare(question: str, terms: list[str]) -> bool:
    """The question is little more than the term(s): "RoSH?", "and MAPPP?", "explain PPO";
    not "what did HMIC find?"."""
    rest = question
    for t in terms:
        rest = term_pattern(t).sub(" ", rest)
    leftover = [w for w in words(rest) if w not in STOPWORDS and stem(w) not in _DEFINING]
    return not leftover


def is_bare_target(question: str, cat: Catalog, areas: Sequence[str] = ()) -> bool:
    """The question only names a measure ("1.3?", "Sefton sustaining outcomes")."""
    q = set(stems(question)) - {w for a in areas for w in stems(a)}
    named = set().union(*(n.tokens for n in cat.names)) if cat.names else set()
    leftover = [w for w in q if w not in named and w not in QUESTION_WORDS]
    return bool(_CRITERION_RE.search(question)) or not leftover

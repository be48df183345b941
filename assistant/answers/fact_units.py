"""Facts as answer units: each figure a report states about its area, its caseload or its
inspection (``Report.facts``, and the sentences of its context, inspection data and foreword
that hold a figure) is a unit described by its sentence. A question that asks for a count or
a number is answered, for each report, by the unit sharing most of its content words, when it
shares at least ``min_coverage`` of them (``fact_units.yaml``); a question no unit answers is
left to the passages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from assistant.answers.answer_type import TYPES
from assistant.answers.citations import Citation
from assistant.answers.compose import Answer, Composer, label
from assistant.answers.intent import QUESTION_WORDS
from assistant.answers.lexicon import per_report
from ingest.model import Report, Source
from ingest.text.resources import load_yaml
from ingest.text.sentences import sentence_spans
from ingest.text.stopwords import STOPWORDS
from ingest.text.tokens import clean, stems

# a share or a rate ("9%", "38 per 1,000") counts nothing
_SHARE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|per ?cent\b|percent\b|per [\d,]+)", re.I)
# a stretch of time ("within one month", "every two months") counts no thing but time
_TIME_WORDS = r"(?:hours?|days?|weeks?|months?|years?|quarters?)"
_DURATION = re.compile(
    r"\b(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"(?:thir|four|fif|six|seven|eigh|nine)teen|twenty|thirty)\s+" + _TIME_WORDS + r"\b",
    re.I,
)
_TIME = frozenset(stems("hour hours day days week weeks month months year years quarter"))


def figure(text: str, asks: str = "number") -> bool:
    """``text`` states a figure, not only a date ("in July 2023" counts nothing); a count is
    stated by a count, not by a share ("turnover fell to 9%" says how many left in no way)."""
    if asks == "count":
        text = _SHARE.sub(" ", text)
    return bool(TYPES["number"].pattern.search(text))


@dataclass(frozen=True)
class Rules:
    answers: frozenset[str]
    min_coverage: float
    count_window: int
    countables: frozenset[str]
    generic: frozenset[str]
    parts: tuple[str, ...]
    same: tuple[tuple[re.Pattern, str], ...]
    describing: frozenset[str] = frozenset()  # sections that describe the area or inspection
    populations: frozenset[str] = frozenset()  # who is counted, not which of them
    done_after: frozenset[str] = frozenset()  # the words before a passive verb ("were")
    done_words: frozenset[str] = frozenset()  # passive verbs that do not end in -ed ("sent")
    clause_words: frozenset[str] = frozenset()  # the words that start a clause ("when")
    age_words: frozenset[str] = frozenset()  # the words before an age ("aged")


@cache
def rules() -> Rules:
    data = load_yaml("assistant.answers", "fact_units.yaml")
    return Rules(
        frozenset(data["answers"]),
        float(data["min_coverage"]),
        int(data["count_window"]),
        frozenset(w for c in data["countables"] for w in stems(str(c))),
        frozenset(w for g in data["generic"] for w in stems(str(g))),
        tuple(data["parts"]),
        # a space in a pattern is any white space: a sentence may break across lines
        tuple(
            (re.compile(s["pattern"].replace(" ", r"\s+"), re.I), str(s["word"]))
            for s in data["same"]
        ),
        frozenset(str(p) for p in data.get("describing") or ()),
        frozenset(w for p in data.get("populations") or () for w in stems(str(p))),
        frozenset(str(w) for w in data.get("done_after") or ()),
        frozenset(str(w) for w in data.get("done_words") or ()),
        frozenset(str(w) for w in data.get("clause_words") or ()),
        frozenset(str(w) for w in data.get("age_words") or ()),
    )


@dataclass(frozen=True)
class Unit:
    text: str  # the sentence, as displayed
    words: frozenset[str]
    citation: Citation


@lru_cache(maxsize=8192)
def _said_one_way(text: str) -> str:
    for pattern, word in rules().same:
        text = pattern.sub(word, text)
    return text


def said_one_way(text: str) -> str:
    """``text`` with the same thing said in other words said one way (``same``)."""
    return _said_one_way(text)


def _words(text: str) -> list[str]:
    return [w for w in stems(_said_one_way(text)) if w not in STOPWORDS and w not in QUESTION_WORDS]


def content_words(text: str) -> set[str]:
    """The stemmed content words of ``text``, the same thing said one way."""
    return set(_words(text))


def _unit(report: Report, source: Source, start: int, end: int) -> Unit:
    raw = report.text[start:end]
    citation = Citation(report.id, source.section, source.heading, raw, source.page)
    return Unit(clean(raw), frozenset(_words(raw)), citation)


@per_report
def units(report: Report) -> tuple[Unit, ...]:
    """The report's fact units, one per sentence, in the order of the text."""
    out: dict[int, Unit] = {}
    for fact in report.facts:
        s = fact.source
        out.setdefault(s.start, _unit(report, s, s.start, s.start + len(s.quote)))
    for part in rules().parts:
        for paragraph in getattr(report, part, []):
            s = paragraph.source
            for a, b in sentence_spans(report.text, s.start, s.start + len(s.quote)):
                if figure(report.text[a:b]) and not any(
                    u <= a < u + len(o.citation.quote) for u, o in out.items()
                ):
                    out[a] = _unit(report, s, a, b)
    return tuple(out[k] for k in sorted(out))


@lru_cache(maxsize=8192)
def _holds(text: str, asks: str) -> bool:
    """The unit holds the type asked: a figure for a count or a number, else its pattern."""
    if asks in ("count", "number"):
        return figure(text, asks)
    return bool(TYPES[asks].pattern.search(text))


_HOW_MANY = re.compile(r"\b(?:(?:how|hw|hwo|ho) many|number of)\s+(.*)", re.I | re.S)
_TOKEN = re.compile(r"[\w][\w,.'’/-]*%?")


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(t.rstrip(".,") for t in _TOKEN.findall(_said_one_way(text)))


@lru_cache(maxsize=8192)
def _counting(
    text: str, of_time: bool = False
) -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """(token, its stems, its digit runs) of ``text`` with its shares and rates left out, and
    its stretches of time unless time is what is counted ("how many months ...?")."""
    text = _SHARE.sub(" ", text)
    if not of_time:
        text = _DURATION.sub(" ", text)
    return tuple((t, frozenset(stems(t)), frozenset(re.findall(r"\d+", t))) for t in _tokens(text))


@lru_cache(maxsize=8192)
def _figures(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\d+", _said_one_way(text)))


_YEAR = re.compile(r"(?:19|20)\d\d(?:[/-]\d\d(?:\d\d)?)?")


def _is_figure(token: str) -> bool:
    """A count as a word or in figures; a year ("2008/09") counts nothing."""
    if _YEAR.fullmatch(token):
        return False
    return bool(TYPES["count"].pattern.fullmatch(token) or re.fullmatch(r"\d[\d,./-]*", token))


def _head(question: str) -> frozenset[str]:
    """The stems of the noun "how many" counts, its first word after it ("how many areas did
    the plan cover?" counts areas); empty when no noun follows ("how many of the cases", "how
    many were done")."""
    m = _HOW_MANY.search(question)
    if not m:
        return frozenset()
    for token in _tokens(_said_one_way(m.group(1))):
        if _is_figure(token):
            continue
        # "how many were done?", "how many of the cases": no noun named
        low = token.lower()
        if low in STOPWORDS or low in QUESTION_WORDS:
            return frozenset()
        return frozenset(stems(token))
    return frozenset()


def counted_words(question: str) -> list[str]:
    """The words after "how many" or "number of", as written ("percent", "disposals")."""
    m = _HOW_MANY.search(question)
    return m.group(1).split() if m else []


def counted(question: str) -> frozenset[str]:
    """The stems of what "how many ..." counts ("how many kids sent back a form" ->
    children, form): the words after it less the figures and the words every question uses."""
    m = _HOW_MANY.search(question)
    if not m:
        return frozenset()
    out: set[str] = set()
    for token in _tokens(_said_one_way(m.group(1))):
        if _is_figure(token) or token.lower() in STOPWORDS:
            continue
        out |= {w for w in stems(token) if w not in QUESTION_WORDS and w not in rules().generic}
    # the noun counted, though a word every report uses ("how many areas did the plan cover?"
    # is not answered by "audit 10 plans")
    return frozenset(out | _head(question))


def counts(text: str, things: frozenset[str], question: str) -> bool:
    """``text`` gives a count of one of ``things``: a figure (not a share, not one the question
    itself names, like the 10 and 17 of an age range) within ``count_window`` words of it, or
    a labelled figure ("Children supervised at the time: 41") whose label names it."""
    asked_figures = _figures(question)
    # a figure the question itself names in words ("the two YOTs") counts nothing asked
    asked_words = {t.lower() for t in _tokens(question)}
    tokens = _counting(text, bool(things & _TIME))
    things = things | rules().countables
    named = [i for i, (_, t_stems, _) in enumerate(tokens) if things & t_stems]
    if not named and ":" not in text:
        return False
    window = rules().count_window
    for i, (t, _, digits) in enumerate(tokens):
        if not _is_figure(t) or (digits and digits <= asked_figures):
            continue
        if not digits and t.lower() in asked_words:
            continue
        # an age ("children aged 10 to 17") counts no one
        if i and tokens[i - 1][0].lower() in rules().age_words:
            continue
        # "no" counts only what it stands before ("no victims"), not "no later than"
        if t.lower() == "no" and not (i + 1 < len(tokens) and things & tokens[i + 1][1]):
            continue
        if _counts_another(tokens, i, things):
            continue
        if any(abs(i - j) <= window for j in named):
            return True
    label, colon, value = text.rpartition(":")
    return bool(
        colon
        and re.fullmatch(r"\s*[\d,.]+\s*", value)
        and bool(things & set(stems(_said_one_way(label))))
    )


def _counts_another(
    tokens: tuple[tuple[str, frozenset[str], frozenset[str]], ...], i: int, things: frozenset[str]
) -> bool:
    """The figure at ``i`` counts a plural noun that is none of ``things``: the noun right
    after it ("team managers will audit 10 plans" counts plans, not managers) or the noun of
    the whole it is part of ("a manager for one of the three sites" counts sites)."""
    j = i + 1
    if j < len(tokens) and tokens[j][0].lower() == "of":
        j += 1
        while j < len(tokens) and tokens[j][0].lower() in _PART_OF:
            j += 1
        if j < len(tokens) and _is_figure(tokens[j][0]):
            j += 1
    if j >= len(tokens) or j == i + 2:
        return False
    word, word_stems, _ = tokens[j]
    return (
        word.isalpha()
        and word.islower()
        and len(word) > 3
        and word.endswith("s")
        and not word.endswith("ss")
        and word not in STOPWORDS
        and not word_stems & things
    )


# the words between "one of" and the whole it is part of ("one of the three sites")
_PART_OF = frozenset(("the", "these", "those", "its", "their", "all", "our", "his", "her"))


def _spelled_out(acronym: str, text: str) -> bool:
    """``text`` writes ``acronym`` out: words in a row whose initials spell it, a small word
    between them spelled or not ("risk management plans" for RMP, "not in education,
    employment or training" for NEET)."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
    letters = acronym.lower()

    def spells(i: int, k: int) -> bool:
        if k == len(letters):
            return True
        if i >= len(words):
            return False
        if words[i][0] == letters[k] and spells(i + 1, k + 1):
            return True
        return words[i] in STOPWORDS and k > 0 and spells(i + 1, k)

    return any(spells(i, 0) for i in range(len(words)) if words[i][0] == letters[0])


def spelled_out(acronym: str, text: str) -> bool:
    """``text`` writes ``acronym`` out ("black and minority ethnic" for BME)."""
    return _spelled_out(acronym, text)


def acronyms_named(text: str, asked: str) -> set[str] | None:
    """The stems of the acronyms ``asked`` uses, when ``text`` names every one of them (or
    writes it out); None when it misses one ("NEET" is not answered by a sentence about
    young people in general). "YOT", "YOS": what every report is about, need not be named."""
    spelled: set[str] = set()
    for acronym in re.findall(r"\b[A-Z]{3,}(?=s?\b)", asked):
        if rules().generic & set(stems(acronym)):
            continue
        if not re.search(rf"\b{acronym}s?\b", text) and not _spelled_out(acronym, text):
            return None
        spelled |= set(stems(acronym))
    return spelled


def covers(text: str, things: frozenset[str], question: str = "") -> bool:
    """``text`` names what a count asks about: at least half of it, when it asks about several
    things, and every term it writes as an acronym ("how many young people were NEET?" is not
    answered by a count of young people alone)."""
    m = _HOW_MANY.search(question)
    spelled = acronyms_named(text, m.group(1) if m else "")
    if spelled is None:
        return False
    # the noun counted is named ("how many areas did the plan cover?": not "10 plans"); an
    # acronym is named when written out, as read above
    head = _head(question) & things
    said = spelled | set(stems(_said_one_way(text)))
    if head and not any(
        h.startswith(w) or w.startswith(h) for h in head for w in said if len(w) > 2
    ):
        return False
    if len(things) < 2:
        return True
    words = content_words(text)
    # two stemmers: "live" and "lived" are one word
    held = {
        t for t in things if any(w.startswith(t) or t.startswith(w) for w in words if len(w) > 3)
    }
    named = held | (things & words) | (things & spelled)
    # "how many young people were in education?": a count of children that says nothing of
    # education counts children, not the ones asked about
    which = things - rules().populations
    if which and which != things and not named & which:
        return False
    return 2 * len(named) >= len(things)


def done_as_asked(text: str, question: str) -> bool:
    """``text`` says that what a count asks was done to its things was done: "how many
    questionnaires were sent out?" is not answered by "four questionnaires were completed"."""
    m = _HOW_MANY.search(question)
    if not m:
        return True
    tokens = [t.lower() for t in _tokens(m.group(1))]
    # a clause of time ("... when it was inspected") says when, not what was done to them
    ends = [i for i, t in enumerate(tokens) if t in rules().clause_words]
    tokens = tokens[: ends[0]] if ends else tokens
    done: set[str] = set()
    for i, t in enumerate(tokens):
        # the verb right after "were" (or one word on: "were actually sent")
        before = tokens[max(0, i - 2) : i]
        if not before or not (set(before) & rules().done_after):
            continue
        if (t.endswith("ed") and len(t) > 4) or t in rules().done_words:
            done |= {w for w in stems(t) if w not in rules().generic}
    if not done:
        return True
    held = content_words(text)
    # two stemmers: "reviewed" and "review" are one word
    return all(any(w.startswith(d) or d.startswith(w) for w in held if len(w) > 3) for d in done)


def names_figures(text: str, question: str) -> bool:
    """``text`` holds every figure ``question`` names ("level 3", "in 2010", "10 to 17")."""
    return _figures(question) <= _figures(text)


def best_unit(question: str, report: Report, asks: str = "number") -> Unit | None:
    """The unit of ``report`` that shares most of the question's content words, if enough
    (``question`` without the names of the reports it picks)."""
    asked = set(_words(question)) - rules().generic
    if not asked:
        return None
    # most of the question's words, then a sentence describing the area or the inspection
    # before a finding that shares as many ("we looked at 24 cases" before "plans were not
    # reviewed in five of the cases"), then the fewest others: the unit most about it
    things = counted(question) if asks == "count" else None
    # every figure the question names is a qualifier the unit must hold ("in 2010", "10-17")
    named = _figures(question)
    describing = rules().describing
    scored = [
        (
            len(asked & u.words) / len(asked),
            u.citation.section in describing,
            len(asked & u.words) / len(u.words),
            -n,
            u,
        )
        for n, u in enumerate(units(report))
        if u.words
        and _holds(u.text, asks)
        and named <= _figures(u.text)
        and (not things or counts(u.text, things, question))
    ]
    best = max(scored, default=None, key=lambda t: t[:4])
    if best is None or best[0] < rules().min_coverage:
        return None
    return best[4]


def answer_facts(
    question: str, asks: str | None, scoped: Sequence[Report], route: str
) -> Answer | None:
    """The fact each report states that answers ``question``, cited; None when none does."""
    if asks not in rules().answers:
        return None
    out = Composer()
    for report in scoped:
        unit = best_unit(question, report, asks)
        if unit is not None:
            heading = unit.citation.heading
            out.add(f"{label(report)}, {heading}: {unit.text}" + out.cite(unit.citation))
    return out.answer(route) if out.citations else None

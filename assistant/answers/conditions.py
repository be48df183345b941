"""What a threshold or extremes question asks of the stored measures.

- ``condition_in``: the condition a threshold question sets ("below 50%", "between 40 and 50
  percent", "60 per cent or more", "fell short of 60%", "below half"), read through the one
  language layer for figures (``ingest.text.numbers``), never by a pattern of its own.
- ``how_many``: how many measures an extremes question asks for ("the two lowest", "top three").
- ``rating_condition``: a condition on a rating scale ("below Good", "Good or better", "in the
  red": the worst level of each scale), its words in ``conditions.yaml``.
- ``level_asked``: which level of measure a question ranges over (headline scores, sections,
  key questions; criteria, standards or areas of work by default).
- ``unmeasured``: the words an extremes question ranks by that no loaded report measures
  ("which worker had the biggest caseload?"): such a question is no computation over scores.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from assistant.answers.lexicon import per_report
from ingest.model import Report, ReportFormat, Role, Score, Unit
from ingest.text.numbers import WORD_NUMBER, scan, word_to_number
from ingest.text.resources import load_cues, load_yaml
from ingest.text.stemming import stem
from ingest.text.stopwords import STOPWORDS
from ingest.text.tokens import words

_CUES = load_cues("assistant.answers", "conditions.yaml")
_DATA = ("assistant.answers", "condition_words.yaml")

# The language layer's qualifiers, as the comparison each one asks for.
_OPS = {"<": "<", "~<": "<", "<=": "<=", ">": ">", "~>": ">", ">=": ">=", "=": "="}
_WORDS = {
    "<": "below",
    "<=": "at or below",
    ">": "above",
    ">=": "at or above",
    "=": "exactly",
}


@dataclass(frozen=True)
class Condition:
    """A condition on a measure's value: ``op`` one of < <= > >= = or "range" (inclusive)."""

    op: str
    value: float
    upper: float | None = None
    label: str | None = None  # how a condition on a rating scale was asked: "below Good"

    def holds(self, value: float | None) -> bool:
        if value is None:
            return False
        v = float(value)
        if self.op == "range":
            return self.value <= v <= (self.upper if self.upper is not None else self.value)
        return {
            "<": v < self.value,
            "<=": v <= self.value,
            ">": v > self.value,
            ">=": v >= self.value,
            "=": v == self.value,
        }[self.op]

    @property
    def downward(self) -> bool:
        return self.op in ("<", "<=")

    def text(self) -> str:
        """ "below 50%", "between 40% and 50%"."""
        if self.op == "range":
            return f"between {_pct(self.value)} and {_pct(self.upper or self.value)}"
        return f"{_WORDS[self.op]} {_pct(self.value)}"


def _pct(value: float) -> str:
    # "a third" is 33.3%, not 33.33333333333333%
    v = round(float(value), 1)
    return f"{int(v) if v.is_integer() else v}%"


def condition_in(question: str) -> Condition | None:
    """The condition on a percentage ``question`` sets, or None when it sets none."""
    for q in scan(question):
        if q.kind != "quantity" or not q.is_percent_like or q.role:
            continue
        if q.qualifier == "range" and q.upper is not None:
            low, high = sorted((q.percent(), q.upper))
            return Condition("range", low, high)
        op = _OPS.get(q.qualifier or "") or _asked_op(question[: q.start])
        if op:
            if _CUES["negated"].pattern.search(question[: q.start]):
                op = _NEGATED[op]  # "which criteria didn't reach 50%?": below 50%
            return Condition(op, q.percent())
    return _bare_condition(question)


# A bare figure is read as a percentage only in the range scores take, so that "3 or more"
# (a count) is never a condition on scores.
_BARE = (10.0, 100.0)


def _bare_condition(question: str) -> Condition | None:
    """A condition on bare figures (no % sign) a question sets on scores: "between 60 and 80"
    (``bare-range``), "30 or less" (a qualifier the language layer reads)."""
    m = _CUES["bare-range"].pattern.search(question)
    if m:
        low, high = sorted(float(v) for v in m.groups() if v is not None)
        if _BARE[0] <= low and high <= _BARE[1]:
            return Condition("range", low, high)
    decade = _decade(question)
    if decade is not None:
        return decade
    for q in scan(question):
        # a bound in figures or in words ("below sixty", "under 40?", "30 or less")
        if q.kind != "quantity" or q.unit not in ("number", "count") or q.role:
            continue
        # or a comparison only a question makes ("didn't make it to 50", "south of 40")
        op = q.qualifier if q.qualifier in ("<=", ">=", "<", ">") else None
        asked = None if op else _asked_op(question[: q.start])
        if not (op or asked):
            continue
        if _CUES["age-bound"].pattern.search(question[: q.start]):
            continue  # "aged over 10": an age, not a score
        after = _AFTER_BOUND.match(question[q.end :])
        if after and after.group(1).lower() not in _BARE_AFTER:
            continue  # "20 or more recommendations": a count of something, not a score
        if not _BARE[0] <= q.value <= _BARE[1]:
            continue
        negated = _CUES["negated"].pattern.search(question[: q.start])
        if op and not negated:
            return Condition(op, q.value)
        if asked:  # "didn't make it to 50": below 50
            return Condition(_NEGATED[asked] if negated else asked, q.value)
    return None


def sets_bound(question: str) -> bool:
    """Whether ``question`` bounds any figure ("waits of over 60 days", "more than 40 staff"),
    a score or a count of something else: a pick by such a bound asks for a stated figure."""
    return any(
        q.kind == "quantity" and q.qualifier in _OPS and q.qualifier != "=" and not q.role
        for q in scan(question)
    )


def _decade(question: str) -> Condition | None:
    """ "In the 40s", "in the sixties": every score of the decade, "in the high 60s" the part
    of it named; a whole decade reaches up to just below the next one (49.9 for the 40s)."""
    m = _CUES["decade"].pattern.search(question)
    if not m:
        return None
    if m.group("decade"):
        base = float(m.group("decade"))
    else:  # "sixties" is the decade of sixty, "teens" of ten
        word = m.group("word").lower()
        base = 10.0 if word == "teens" else word_to_number(word[:-3] + "y")
    if base is None:
        return None
    part = (m.group("part") or "").lower()
    first, last = load_yaml(*_DATA)["decade_parts"].get(part, (0, 9.9))
    return Condition("range", base + first, base + last)


# The word after a bare bound and its qualifier ("20 or more recommendations").
_AFTER_BOUND = re.compile(
    r"\W*(?:(?:or|and)\s+(?:more|less|lower|higher|above|below|over|under|greater|fewer|"
    r"better|worse)\b)?\W*([a-z]+)",
    re.IGNORECASE,
)
# What may follow a bare bound on scores ("30 or less in Sefton?", "70 or more for each").
_BARE_AFTER = frozenset(
    ("in", "for", "at", "on", "across", "among", "and", "or", "per", "percent", "please", "then")
)


def _asked_op(before: str) -> str | None:
    """A comparison only a question makes of a figure ("worse than 40%", "above the 50% mark"),
    which in a claim or a report compares with an average instead (``asked_comparisons``)."""
    for op, pattern in _asked_forms():
        if pattern.search(before):
            return op
    return None


@cache
def _asked_forms() -> list[tuple[str, re.Pattern]]:
    forms = []
    for entry in load_yaml(*_DATA)["asked_comparisons"]:
        alt = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in entry["forms"])
        forms.append((entry["op"], re.compile(rf"\b(?:{alt})\s+(?:the\s+)?$", re.IGNORECASE)))
    return forms


_NEGATED = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "=": "="}


_COUNT = re.compile(
    rf"\b(?:the\s+)?(\d{{1,2}}|{WORD_NUMBER})\s+(?:{{ext}})\b(?!\s*%)|"
    rf"\b(?:{{ext}})\s+(\d{{1,2}}|{WORD_NUMBER})\b(?!\s*(?:%|per\s*cent|percent|\.\d))",
    re.IGNORECASE,
)


@cache
def _count_pattern() -> re.Pattern:
    return re.compile(_COUNT.pattern.replace("{ext}", _extremes_alternation()), re.IGNORECASE)


def _extremes_alternation() -> str:
    """The extreme words as one regex alternation, longest first."""
    extremes = load_yaml(*_DATA)["extreme_words"]
    return "|".join(re.escape(w) for w in sorted(extremes, key=len, reverse=True))


def asks_extreme(question: str) -> bool:
    """The question has a word of asking for the lowest or highest ("worst", "top")."""
    extremes = {w.lower() for w in load_yaml(*_DATA)["extreme_words"]}
    return any(w in extremes for w in words(question.lower()))


@cache
def _ordinal_pattern() -> tuple[re.Pattern, dict[str, int]]:
    ordinals = {
        str(k): int(v)
        for k, v in load_yaml("assistant.answers", "part_numbers.yaml")["ordinals"].items()
    }
    alt = _extremes_alternation()
    words_ = "|".join(ordinals)
    pattern = re.compile(rf"\b(?:(\d)(?:st|nd|rd|th)|({words_}))[\s-]+(?:{alt})\b", re.I)
    return pattern, ordinals


def how_many(question: str) -> int:
    """How many of the lowest or highest measures are asked for: "the two lowest" is 2; "the
    second worst" is the worst two, the answer listing the one asked for with the one before."""
    ordinal, ordinals = _ordinal_pattern()
    o = ordinal.search(question)
    if o:
        n = int(o.group(1)) if o.group(1) else ordinals[o.group(2).lower()]
        return n if 1 <= n <= 20 else 1
    m = _count_pattern().search(question)
    if not m:
        return 1
    text = m.group(1) or m.group(2)
    n = int(text) if text.isdigit() else word_to_number(text)
    return int(n) if n and 1 <= n <= 20 else 1


def asks_proportion(question: str) -> bool:
    """ "What proportion of the criteria ...": a count out of all the measures."""
    return bool(_CUES["proportion"].pattern.search(question))


def level_asked(question: str) -> str | None:
    """The level of measure a question ranges over, when it names one."""
    for level in ("key-question", "headline", "section"):
        if _CUES[f"level-{level}"].pattern.search(question):
            return level
    return None


def rating_condition(question: str, scores: Sequence[Score]) -> Condition | None:
    """A condition on the rank of ``scores``' rating scale (1 the best): "below Good" is a rank
    worse than Good's, "Good or better" at least as good."""
    rated = [s for s in scores if s.unit == Unit.RATING and s.value is not None and s.rating]
    if not rated:
        return None
    ranks = {s.rating.lower(): float(s.value) for s in rated}  # type: ignore[union-attr]
    for op, pattern, label in _rating_forms(tuple(sorted(ranks, key=len, reverse=True))):
        m = pattern.search(question)
        if m:
            word = next(x.rating for x in rated if x.rating.lower() == m.group("r").lower())  # type: ignore[union-attr]
            said = label.replace("{r}", word) if label else m.group(0)
            return Condition(op, ranks[m.group("r").lower()], label=" ".join(said.split()))
    return None


def worst_level(question: str) -> bool:
    """The question asks for what stands at the worst level of its scale ("in the red")."""
    return bool(_CUES["worst-level"].pattern.search(question))


def at_worst_level(score: Score) -> bool:
    """``score`` stands at the worst level of its scale: a DRASTIC band, an Inadequate rating."""
    worst = {w.lower() for w in load_yaml(*_DATA)["worst_levels"]}
    return (score.band or "").lower() in worst or (score.rating or "").lower() in worst


@cache
def _rating_forms(ratings: tuple[str, ...]) -> list[tuple[str, re.Pattern, str]]:
    """Each comparison with a rating word (``rating_comparisons``), as (op on rank, pattern,
    how an answer says it: "" for the words of the question, which may be a negation that
    reads wrongly after "rated", "weren't good enough")."""
    alt = "(?P<r>" + "|".join(re.escape(r) for r in ratings) + ")"
    forms = []
    for entry in load_yaml(*_DATA)["rating_comparisons"]:
        for form in entry["forms"]:
            body = re.escape(form).replace(re.escape("{r}"), alt).replace(r"\ ", r"\s+")
            pattern = re.compile(rf"\b{body}\b", re.IGNORECASE)
            forms.append((entry["op"], pattern, entry.get("label", "")))
    return forms


def scores_of_level(report: Report, level: str | None) -> tuple[list[Score], str]:
    """``report``'s measures of ``level`` with their noun; by default its criteria (standards),
    or, in a report that has none, its areas of work judged with a word."""
    if level == "headline":
        return list(report.headline_scores), "headline score"
    if level == "section":
        return [s.overall for s in report.sections if s.overall], "section"
    if level == "key-question":
        return [s for s in report.measures if s.kind == Role.KEY_QUESTION], "key question"
    if report.criteria:
        noun = "standard" if report.format == ReportFormat.RATINGS else "criterion"
        return [c.score for c in report.criteria], noun
    return [s for s in report.measures if s.kind == Role.AREA], "area of work"


def _stems(text: str) -> set[str]:
    return {stem(w) for w in words(text.lower()) if len(w) > 2 and w not in STOPWORDS}


@cache
def _known_stems() -> frozenset[str]:
    data = load_yaml(*_DATA)
    known: set[str] = set()
    for key in ("extreme_words", "levels", "asking"):
        for phrase in data[key]:
            known |= _stems(phrase)
    return frozenset(known)


_DETERMINERS = {"the", "their", "its", "our", "your", "these", "those", "a", "an"}
_STOP_RANKED = {"in", "for", "of", "at", "on", "across", "between", "among", "and", "or", "to"}


def ranked_by(question: str) -> list[str]:
    """The words after the superlative of a question that picks one ("which worker had the
    biggest caseload in ..." ranks by "caseload"), up to the next preposition; or of one that
    asks for the largest quantity of something ("what was the highest number of cases any
    worker held?" ranks by "cases any worker")."""
    data = load_yaml(*_DATA)
    extremes = {w.lower() for w in data["extreme_words"]}
    quantities = set(data["quantity_words"])
    tokens = words(question.lower())
    if not tokens:
        return []
    for i, w in enumerate(tokens):
        # "at most moderate improvement", "at least 60%": a bound, no superlative
        if w not in extremes or (i and tokens[i - 1] == "at"):
            continue
        rest = tokens[i + 1 :]
        quantity = len(rest) > 2 and rest[0] in quantities and rest[1] == "of"
        # "which school did most of the children go to?": "most of" counts the children
        # that the pick ("school") is ranked by
        share_of = len(rest) > 1 and rest[0] == "of" and tokens[0] in data["selecting"]
        if quantity or share_of:
            rest = rest[2:] if quantity else [t for t in rest[1:] if t not in _DETERMINERS]
        elif tokens[0] not in data["selecting"]:
            return []  # "what was the biggest problem?" asks for findings, not a ranked pick
        after: list[str] = []
        for t in rest[:3]:
            if t in _STOP_RANKED:
                break
            after.append(t)
        return after
    return []


def picked(question: str, any_pick: bool = False) -> list[str]:
    """What a question that picks by an extreme (or, ``any_pick``, by a condition) picks:
    "which court had the most cases?" picks a court; [] when it picks nothing named."""
    data = load_yaml(*_DATA)
    tokens = words(question.lower())
    if any_pick and _yes_no_pick(tokens, data):
        # "were any of the three sites above 70%?": the pick asked yes or no, read as
        # "which sites were above 70%?"
        rest = [t for t in tokens[2:4] if t in ("of", *_DETERMINERS)]
        tokens = ["which", *tokens[2 + len(rest) :]]
        if tokens[1:] and (tokens[1].isdigit() or word_to_number(tokens[1]) is not None):
            tokens = ["which", *tokens[2:]]  # "the three sites": the count is no pick
    if len(tokens) < 2 or tokens[0] not in data["selecting"]:
        return []
    if not any_pick:
        if ranked_by(question):
            return [tokens[1]]
        return _picked_of(tokens) if asks_extreme(question) else []
    # "which Sefton case managers had caseloads over 15?": the words that name what is picked
    # run up to the verb, past the area's name; a run holding a level of measure ("which
    # Harrowfield standards fell below ...") picks measures
    if tokens[1:2] == ["of"]:
        # "which of Wessex Vale's offices scored above 70%?": what follows "of the", the count
        tokens = [
            "which",
            *(
                t
                for t in tokens[2:]
                if t not in _DETERMINERS and not t.isdigit() and word_to_number(t) is None
            ),
        ]
    verbs = set(data["pick_verbs"])
    run: list[str] = []
    for t in tokens[1:4]:
        if t in STOPWORDS or t in verbs:  # up to the verb: "offices scored above ..."
            break
        run.append(t)
    levels = _stems(" ".join(data["levels"]))
    return [] if any(_known(t, levels) for t in run) else run or [tokens[1]]


def _picked_of(tokens: Sequence[str]) -> list[str]:
    """ "which of Sefton's three sites performed worst?" picks a site: after "which of", past
    the report's name, a determiner and a number, the first plural noun is what is picked."""
    if len(tokens) < 3 or tokens[1] != "of":
        return []
    for t in tokens[2:6]:
        if t in _DETERMINERS or t.isdigit() or word_to_number(t) is not None:
            continue
        if len(t) > 3 and t.endswith("s") and t not in STOPWORDS:
            return [t]
    return []


def _yes_no_pick(tokens: list[str], data: dict) -> bool:
    return len(tokens) > 2 and tokens[0] in data["yes_no_pick"] and tokens[1] == "any"


# "attendance below 80%", "caseloads over 20", "key questions were under 60%": the word a
# bound is set on, before the comparison (and a verb of being).
_BOUNDED = re.compile(
    r"\b([a-z]+)\s+(?:(?:was|were|is|are|of)\s+)?(?:below|under|beneath|less than|lower than|"
    r"fewer than|above|over|more than|higher than|greater than|at least|at most|between)\s+"
    r"(?:the\s+)?\d(?!\.\d(?![\d%]))",  # not "the strengths under 2.1", a criterion
    re.IGNORECASE,
)


def compared_noun(question: str) -> list[str]:
    """The word a threshold question sets its bound on ("which schools had attendance below
    80%?" bounds "attendance"); [] when no bound follows a word."""
    m = _BOUNDED.search(question)
    return [m.group(1).lower()] if m else []


def share_group(question: str) -> list[str]:
    """The words of the group a bound is set on a share of ("did more than half of the victims
    get a visit?" -> victims, get); [] when the bound is on no share of a group."""
    m = _CUES["share-of-group"].pattern.search(question)
    return [w for w in words(m.group("group").lower()) if w not in STOPWORDS] if m else []


def bounds_a_share(question: str) -> bool:
    """The question's bound is set on a share of a group that is no level of measure: "did more
    than half of the cases have a plan?" asks for a share of cases, not for the scores above
    50% ("were more than half of the criteria below 50%?" is about the scores)."""
    group = share_group(question)
    levels = _level_stems()
    return bool(group) and not any(_known(w, levels) for w in group)


@cache
def _level_stems() -> frozenset[str]:
    return frozenset(w for phrase in load_yaml(*_DATA)["levels"] for w in _stems(phrase))


def unmeasured(
    question: str, reports: Iterable[Report], names: Iterable[str], condition: bool = False
) -> list[str]:
    """What an extremes question picks or ranks by (``picked``, ``ranked_by``), or a threshold
    question (``condition``) picks, that neither the loaded reports' measures and sections, nor
    their areas, nor the words of asking account for: "caseload", "sickness", "court" ("which
    workers had caseloads above 20?"). Empty when it is about what the reports measure."""
    asked = picked(question, condition) + ranked_by(question)
    if condition:
        asked += compared_noun(question) + share_group(question)
    asked = [w for w in asked if len(w) > 2 and w not in STOPWORDS]
    asked = [w for w in dict.fromkeys(asked) if not w.isdigit() and not _known(w, _known_stems())]
    if not asked:
        return []  # the common case, decided before any report is looked at
    known: set[str] = set()
    for name in names:
        known |= _stems(name)
    for report in reports:
        known |= _measured_stems(report)
    return [w for w in asked if not _known(w, known)]


def unmeasured_words(question: str, reports: Iterable[Report], names: Iterable[str]) -> list[str]:
    """The words of ``question`` that are neither words of asking, nor the loaded reports'
    areas, nor the names of what they measure: "staff turnover" in "was staff turnover higher
    in Sefton or in Wessex Vale?"."""
    named: set[str] = set()
    for name in names:
        named |= _stems(name)
    known: set[str] = set()
    for report in reports:
        known |= _measured_stems(report)
    return [
        w
        for w in _stems(question)
        if not w.isdigit()
        and not _known(w, _known_stems())
        and not _known(w, named)
        and not _known(w, known)
    ]


def measure_words(question: str, reports: Iterable[Report]) -> set[str]:
    """The words of ``question`` that name what the loaded reports measure ("planning" in
    "which reports were rated Inadequate for planning?"), besides the words of asking, the
    levels of measure and the reports' areas."""
    reports = list(reports)
    areas: set[str] = set()
    measured: set[str] = set()
    for report in reports:
        areas |= _stems(report.area) | _stems(report.id.replace("-", " "))
        measured |= _measured_stems(report)
    measured -= areas
    return {
        w
        for w in _stems(question)
        if w in measured and not w.isdigit() and not _known(w, _known_stems())
    }


def name_words(name: str) -> set[str]:
    """The stems of a measure's name, as ``measure_words`` reads a question's."""
    return _stems(name)


def only_asking(question: str, names: Iterable[str]) -> bool:
    """Every word of ``question`` is a word of asking, a level of measure or one of ``names``
    (the loaded reports' areas): "how did the two YOTs compare?" is about the reports
    themselves, not about something they may or may not measure."""
    named: set[str] = set()
    for name in names:
        named |= _stems(name)
    rest = [w for w in _stems(question) if not w.isdigit()]
    return bool(rest) and all(_known(w, _known_stems()) or _known(w, named) for w in rest)


def _known(word: str, known: frozenset[str] | set[str]) -> bool:
    """``word`` or its singular ("YOTs", "teams") is among the ``known`` stems."""
    return stem(word) in known or (word.endswith("s") and stem(word[:-1]) in known)


@per_report
def _measured_stems(report: Report) -> frozenset[str]:
    """The words of what ``report`` measures: its area, its measures' and sections' names."""
    known = set(_stems(report.area) | _stems(report.id.replace("-", " ")))
    for s in report.all_scores():
        # (and its rating words: "the most outstanding ratings" counts what it rated)
        known |= _stems(s.name) | _stems(s.rating or "")
    for section in report.sections:
        known |= _stems(section.name)
    return frozenset(known)

"""Shares of cases stated in a report's prose: "The intervention plan had been reviewed in only
18% of cases", "safeguarding work was done well enough 38% of the time". A report with no key
questions (a core case inspection) answers "how often ...?" and "in what share of cases ...?"
with the sentence of its findings or foreword whose words best fit the question. A sentence is
a share of cases when the language layer reads a percentage in it that a cue of
``conditions.yaml`` (``of-cases``) follows, or when it gives one in words ("in two of the five
cases", "less than half of the screenings")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from assistant.answers.citations import Citation, from_source, narrow, sentences
from assistant.answers.conditions import _CUES
from assistant.answers.fact_units import rules
from assistant.answers.lexicon import per_report
from ingest.model import Report, Source
from ingest.text.numbers import scan
from ingest.text.resources import load_yaml
from ingest.text.stemming import stem
from ingest.text.stopwords import STOPWORDS
from ingest.text.tokens import words

_WORDS = ("assistant.answers", "condition_words.yaml")


@dataclass(frozen=True)
class StatedShare:
    report: Report
    where: str  # "1.3 Safeguarding", "Foreword"
    sentence: str  # cleaned
    citation: Citation
    stems: frozenset[str]


@cache
def _share_words() -> frozenset[str]:
    """Words every share of cases has ("cases", "the time"): no sign of which one is asked."""
    return frozenset(stem(w) for w in load_yaml(*_WORDS)["share_words"])


@cache
def _same() -> tuple[tuple[re.Pattern, str], ...]:
    """The same quality of work in other words ("good enough", "to a sufficient standard")."""
    return tuple(
        (re.compile(s["pattern"].replace(" ", r"\s+"), re.I), str(s["word"]))
        for s in load_yaml(*_WORDS).get("share_same") or ()
    )


def _said_one_way(text: str) -> str:
    for pattern, word in _same():
        text = pattern.sub(word, text)
    return text


def _stems(text: str) -> frozenset[str]:
    return frozenset(
        s
        for s in (stem(w) for w in words(_said_one_way(text).lower()) if w not in STOPWORDS)
        if s not in _share_words()
    )


def stems_of(text: str) -> frozenset[str]:
    """The words of ``text`` that tell one share of cases from another, said one way."""
    return _stems(text)


def _is_share(text: str) -> bool:
    """A percentage of cases, or a share of them in words ("less than half of RoSH screenings",
    "in two of the five cases"; not "seven of the eight criteria")."""
    return _CUES["share-in-words"].pattern.search(text) is not None or any(
        q.unit == "%" and q.kind == "quantity" and _CUES["of-cases"].pattern.match(text[q.end :])
        for q in scan(text)
    )


def _units(report: Report) -> Iterator[tuple[str, Source]]:
    for c in report.criteria:
        for item in c.strengths + c.areas_for_improvement:
            yield f"{c.number} {c.name}", item.source
    for p in report.foreword:
        yield "Foreword", p.source


@per_report
def stated_shares(report: Report) -> list[StatedShare]:
    """Every sentence of ``report``'s findings and foreword that states a share of cases (read
    once per report version)."""
    found = []
    for where, source in _units(report):
        citation = from_source(report, source)
        for raw, clean in sentences(source.quote):
            if _is_share(clean):
                found.append(
                    StatedShare(report, where, clean, narrow(citation, raw), _stems(clean))
                )
    return found


def _of_whom(sentence: str) -> frozenset[str]:
    """The words of the cases a sentence's share is of ("custody" in "in 86% of custody
    cases")."""
    out: set[str] = set()
    for q in scan(sentence):
        m = _CUES["of-cases"].pattern.match(sentence[q.end :]) if q.unit == "%" else None
        if m:
            out |= _stems(m.group(0))
    return frozenset(out)


def _says_what_is_asked(asked: frozenset[str], share: StatedShare) -> bool:
    """The sentence holds something the question asks of besides who is counted, outside the
    words of the cases its share is of: "what share of young people were in custody?" is not
    answered by work done "in 86% of custody cases"."""
    said = share.stems - _of_whom(share.sentence) - rules().populations
    return bool(asked & said)


def best_shares(question: str, report: Report) -> list[StatedShare]:
    """The stated shares whose words fit ``question`` best (at least two words in common, and
    at least half of what the question asks of besides the report's area: "how many victims
    did YOT staff visit at home?" is no share of work with substance misuse services that
    YOT staff did; a tie goes to the sentence with fewest other words)."""
    asked = _stems(question) - _stems(report.area)
    fits = [(len(asked & s.stems), -len(s.stems - asked), s) for s in stated_shares(report)]
    fits = [
        f for f in fits if f[0] >= 2 and 2 * f[0] >= len(asked) and _says_what_is_asked(asked, f[2])
    ]
    if not fits:
        return []
    best = max(f[:2] for f in fits)
    return [s for n, extra, s in fits if (n, extra) == best]

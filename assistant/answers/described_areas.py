"""Areas of work named by what they do rather than by their titles ("keeping kids safe" is
Safeguarding, "their leadership" is Governance): the title words a question implies, read
from a vocabulary of descriptive words (``described_areas.yaml``) and kept only in the forms
the loaded reports' own measure and area names hold."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ingest.text.resources import load_yaml
from ingest.text.tokens import stems


@dataclass(frozen=True)
class Description:
    names: tuple[str, ...]  # the area's title words, one form per report format
    words: tuple[frozenset[str], ...]  # any one describes it (a phrase: all its stems)
    with_: tuple[frozenset[str], ...]  # when given, one of these too
    # masked like a name before the kind is told; not a post ("management board") that a
    # question names as who should act, whose words tell a recommendation from a score
    mask: bool = True
    # when one of these is asked too, the words are no description: "results across the eight
    # criteria" are the criteria's scores, not Outcomes
    unless: tuple[frozenset[str], ...] = ()

    def describes(self, asked: frozenset[str]) -> bool:
        if not any(w <= asked for w in self.words):
            return False
        if any(w <= asked for w in self.unless):
            return False
        return not self.with_ or any(w <= asked for w in self.with_)


def _phrase(text: str) -> frozenset[str]:
    # every word counts: "other people" is not "people", "well-being" not "how well"
    return frozenset(stems(text.replace("-", " "), drop_stopwords=False))


@lru_cache(maxsize=1)
def descriptions() -> tuple[Description, ...]:
    data = load_yaml("assistant.answers", "described_areas.yaml")["areas"]
    out = []
    for entry in data:
        words = tuple(p for p in (_phrase(w) for w in entry["words"]) if p)
        with_ = tuple(p for p in (_phrase(w) for w in entry.get("with", ())) if p)
        unless = tuple(p for p in (_phrase(w) for w in entry.get("unless", ())) if p)
        names = tuple(entry["names"])
        out.append(Description(names, words, with_, entry.get("mask", True), unless))
    return tuple(out)


def _described(
    asked: frozenset[str],
    names: Iterable[frozenset[str]],
    tokens: Callable[[str], frozenset[str]],
    groups: Sequence[Sequence[frozenset[str]]] = (),
) -> list[tuple[Description, str]]:
    names = [n for n in names if n]
    if any(n <= asked for n in names):  # (a name's tokens hold no stop word)
        return []
    found: list[tuple[Description, str]] = []
    for d in descriptions():
        if not d.describes(asked):
            continue
        # each report's first form: "protecting the public" is Sefton's 2.1, not also its 1.1
        # Risk of Harm to others, a form only reports without the first take
        for group in groups or (names,):
            held = (f for f in d.names if (w := tokens(f)) and any(w <= n for n in group))
            if (form := next(held, None)) is not None and (d, form) not in found:
                found.append((d, form))
    return found


def described_names(
    question: str,
    names: Iterable[frozenset[str]],
    tokens: Callable[[str], frozenset[str]],
    groups: Sequence[Sequence[frozenset[str]]] = (),
) -> list[str]:
    """The title forms (text) of the areas ``question`` describes that some name of ``names``
    (each a name's tokens, made by ``tokens``) holds in full; with ``groups`` (the names of
    each loaded report), the first form each report holds. None when the question already
    names a measure in full: its own words decide then."""
    forms = [form for _, form in _described(_phrase(question), names, tokens, groups)]
    return list(dict.fromkeys(forms))


def describing_words(
    question: str,
    names: Iterable[frozenset[str]],
    tokens: Callable[[str], frozenset[str]],
) -> list[str]:
    """The words of ``question`` that describe an area ``described_names`` reads it as ("kids",
    "safe"): what the question is about, masked like a measure's name when its kind is told
    by its nearest examples, so that "keeping kids safe" reads as an area, not as a share of
    cases kept safe."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", question)
    asked = _phrase(question)
    used: set[str] = set()
    for d, _ in _described(asked, names, tokens):
        if not d.mask:
            continue
        used |= {s for p in (*d.words, *d.with_) if p <= asked for s in p}
    return list(dict.fromkeys(w for w in words if (s := _phrase(w)) and s <= used))

"""Reader data files and the cues a reader scores a text by.

Each reader keeps its words in a YAML file beside it (cue patterns, vocabularies, labels);
the files are read once. A cue is a regular expression with a weight and the number of
times it must match; a reader's score is the sum of the weights of the cues the text shows,
at most 1. Patterns may name a vocabulary of the same file as ``{name}``: it becomes an
alternation of its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

_HERE = Path(__file__).resolve().parent


@cache
def reader_data(name: str) -> dict:
    """The YAML data of one reader (``ratings`` -> ratings.yaml beside this module)."""
    with (_HERE / f"{name}.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def alternation(words: list[str]) -> str:
    """Words as a regex alternation, longest first, spaces matching any run of spaces."""
    ordered = sorted({str(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


def expand(pattern: str, vocab: dict[str, list[str]]) -> str:
    """``{ratings}`` in a pattern becomes the alternation of vocabulary ``ratings``."""
    return re.sub(r"\{(\w+)\}", lambda m: alternation(vocab[m.group(1)]), pattern)


@dataclass(frozen=True)
class Cue:
    pattern: re.Pattern[str]
    weight: float
    at_least: int = 1

    def shown_by(self, text: str) -> bool:
        return any(n >= self.at_least for n, _ in enumerate(self.pattern.finditer(text), 1))


@cache
def cues(name: str) -> tuple[Cue, ...]:
    data = reader_data(name)
    vocab = data.get("vocab", {})
    return tuple(
        Cue(
            re.compile(expand(c["pattern"], vocab), re.I | re.M),
            float(c["weight"]),
            int(c.get("at_least", 1)),
        )
        for c in data.get("cues", [])
    )


def cue_score(name: str, text: str) -> float:
    return min(1.0, round(sum(c.weight for c in cues(name) if c.shown_by(text)), 3))

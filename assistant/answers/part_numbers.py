"""A report's numbered part asked for with its number in words ("section two", "the second
domain", "domain 3"): written as "section N", the form a part's number is read in. The words
are data, ``part_numbers.yaml``."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.text.resources import load_yaml


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, int]]:
    data = load_yaml("assistant.answers", "part_numbers.yaml")
    values = {str(k): int(v) for k, v in {**data["numbers"], **data["ordinals"]}.items()}
    nouns = "|".join(map(re.escape, data["nouns"]))
    words = "|".join(map(re.escape, sorted(values, key=len, reverse=True)))
    after = re.compile(rf"\b(?:{nouns})\s+({words}|[1-9])\b(?![.\d])", re.I)
    before = re.compile(rf"\b({words})\s+(?:{nouns})\b", re.I)
    return after, before, values


def with_part_numbers(question: str) -> str:
    """``question`` with each part named by a number in words written "section N"."""
    after, before, values = _patterns()

    def number(m: re.Match[str]) -> str:
        n = m.group(1).lower()
        return f"section {values.get(n, n)}"

    before_only = {k for k in values if k in _ordinals()}
    question = after.sub(number, question)
    return before.sub(lambda m: number(m) if m.group(1).lower() in before_only else m[0], question)


@lru_cache(maxsize=1)
def _ordinals() -> frozenset[str]:
    return frozenset(load_yaml("assistant.answers", "part_numbers.yaml")["ordinals"])

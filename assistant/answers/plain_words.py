"""Everyday words for what findings name in the reports' own words ("mums and dads" are
parents): a question's topic stems read in the reports' words. The words are data,
``plain_words.yaml``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ingest.text.resources import load_yaml
from ingest.text.stemming import stem


@lru_cache(maxsize=1)
def _everyday() -> dict[str, str]:
    data = load_yaml("assistant.answers", "plain_words.yaml")["everyday"]
    return {stem(str(k)): stem(str(v)) for k, v in data.items()}


def in_report_words(topic: Sequence[str]) -> list[str]:
    """``topic`` (stems) with each everyday word put in the reports' word, once each."""
    out: list[str] = []
    for w in topic:
        w = _everyday().get(w, w)
        if w not in out:
            out.append(w)
    return out


@lru_cache(maxsize=1)
def _everyday_pattern() -> tuple[re.Pattern, dict[str, str]]:
    data = {
        str(k).lower(): str(v)
        for k, v in load_yaml("assistant.answers", "plain_words.yaml")["everyday"].items()
    }
    words = sorted(data, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.I), data


def in_report_wording(question: str) -> str:
    """``question`` with each everyday word written as the reports write it ("what did they
    find about housing?" -> "... about accommodation?"), for a search of their sentences."""
    pattern, data = _everyday_pattern()
    return pattern.sub(lambda m: data[m.group(0).lower()], question)

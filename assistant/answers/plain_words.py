"""Everyday words for what findings name in the reports' own words ("mums and dads" are
parents): a question's topic stems read in the reports' words. The words are data,
``plain_words.yaml``."""

from __future__ import annotations

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

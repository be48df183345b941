"""Stopwords: one shared list (stopwords.yaml) and what questions and claims each add to it."""

from __future__ import annotations

from ingest.text.layout import word_set
from ingest.text.resources import load_yaml

_LISTS = load_yaml("ingest.text", "stopwords.yaml")
COMMON = word_set(_LISTS["common"])
# Words of a question that are phrasing, not topic: "tell me", "please", "how".
STOPWORDS = COMMON | word_set(_LISTS["question"])
# Words of a claim that name no measure or finding: reporting verbs, "score", "inspection".
CLAIM_STOPWORDS = COMMON | word_set(_LISTS["claim"])

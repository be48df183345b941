"""A lead-in before the question itself that says what the answer is for or greets ("for the
improvement plan, ...", "for my slides - ...", "quick one: ..."): dropped, so that its words
are not read as what is asked ("improvement plan" is no band and no planning standard). The
pattern and the words of a purpose are data, ``lead_in.yaml``."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.text.resources import load_yaml
from ingest.text.tokens import words

# what must be left of a question for its lead-in to be dropped
_MIN_WORDS = 3


@lru_cache(maxsize=1)
def _data() -> tuple[re.Pattern[str], frozenset[str]]:
    data = load_yaml("assistant.answers", "lead_in.yaml")
    return re.compile(data["pattern"], re.I), frozenset(w.lower() for w in data["purposes"])


def without_lead_in(question: str) -> str:
    """``question`` without a lead-in of purpose or greeting; unchanged when it has none, when
    the lead-in's purpose names anything but a purpose (a report, a measure) or when too
    little would be left."""
    pattern, purposes = _data()
    m = pattern.match(question)
    if not m:
        return question
    purpose = m.group("purpose")
    if purpose and not set(words(purpose.lower())) <= purposes:
        return question
    rest = question[m.end() :]
    return rest if len(words(rest)) >= _MIN_WORDS else question

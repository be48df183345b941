"""Stemming: two suffix strippers, one for finding passages and one for naming measures.

They differ on purpose, and each was tried in the other's place. ``stem`` keeps whole roots:
retrieval needs "interventions" and "intervention" to meet but "inspection" and "inspector"
to stay apart, and with ``prefix_stem`` in its place the gold questions of tests/test_eval.py
lose answers ("Where were interventions delivered?"). ``prefix_stem`` also cuts every stem to
seven letters, so that a claim's wording meets a measure's name however it is inflected
("protection"/"protecting", "performance"/"performing"); with ``stem`` in its place claims of
tests/test_claims.py's table lose their verdicts. tests/test_text.py pins the words on which
they part.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=20000)
def stem(word: str) -> str:
    """A light suffix stripper: enough to match 'assessments' to 'assessment' to 'assess'."""
    w = word.lower()
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith("ies") and len(w) > 5:
        return w[:-3] + "y"
    for suffix in ("ments", "ment", "ings", "ing", "edly", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "ls":
        w = w[:-1]  # planning -> plann -> plan
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


@lru_cache(maxsize=20000)
def prefix_stem(word: str) -> str:
    """A crude, deterministic stem: 'outcomes'/'outcome', 'protecting'/'protection' meet."""
    w = word.lower().replace("\u2019", "'").rstrip("+")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'")
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    # "reviewed"/"reviews", "screening"/"screenings", "requires"/"required"/"requirement".
    for suffix in ("ment", "ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "aeiouls":
                w = w[:-1]  # "planning" -> "plan"
            break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w[:7]

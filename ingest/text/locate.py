"""Finding a quote in raw text: exactly, across re-flowed white space, or from a cleaned form.

Every citation quotes the stored text verbatim; these find where a piece of text, as it was
shown or cleaned, stands in it.
"""

from __future__ import annotations

import re


def find_loose(
    text: str, needle: str, start: int = 0, *, ignore_case: bool = True
) -> tuple[int, int] | None:
    """Offsets of ``needle`` in ``text`` allowing any run of whitespace where it has one."""
    parts = [re.escape(p) for p in needle.split()]
    if not parts:
        return None
    flags = re.IGNORECASE if ignore_case else 0
    m = re.compile(r"\s+".join(parts), flags).search(text, start)
    return (m.start(), m.end()) if m else None


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` stands in ``text``: exactly, else with its white space re-flowed."""
    if not quote:
        return None
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    return find_loose(text, quote, ignore_case=False)


def find_cleaned(text: str, cleaned: str) -> tuple[int, int] | None:
    """Where a cleaned sentence (lines joined, "well-\\nbeing" as "well-being") stands in the
    raw ``text``: its tokens in order, with white space or hyphens between them."""
    tokens = re.findall(r"\w+|[^\w\s]", cleaned)
    if not tokens:
        return None
    m = re.search(r"[\s\-]*".join(re.escape(t) for t in tokens), text)
    return (m.start(), m.end()) if m else None

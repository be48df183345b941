"""The region a report says its area is in ("... YOT was located in the North West region of
England"): read only from such a statement, and only as one of the names in region.yaml."""

from __future__ import annotations

import re
from functools import cache

from ingest.text.resources import load_yaml
from ingest.text.terms import phrase_regex


def _alternatives(names: list[str]) -> str:
    # the words of a name may be split across lines in extracted text
    return "|".join(phrase_regex(n) for n in names)


@cache
def _patterns() -> tuple[re.Pattern, ...]:
    data = load_yaml("ingest.readers", "region.yaml")
    region = f"(?P<name>{_alternatives(data['regions'])})"
    nation = f"(?P<name>{_alternatives(data['nations'])})"
    return tuple(
        re.compile(s.replace("{region}", region).replace("{nation}", nation))
        for s in data["statements"]
    )


def region_statement(text: str) -> tuple[str, int, int] | None:
    """The first region the text states its area is in, as named in region.yaml, with the
    span of the statement that says so (what a citation quotes), or None."""
    found = [m for p in _patterns() if (m := p.search(text))]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    return " ".join(first.group("name").split()), first.start(), first.end()


def stated_region(text: str) -> str | None:
    """The first region the text states its area is in, as named in region.yaml, or None."""
    found = region_statement(text)
    return found[0] if found else None


def region_names() -> list[str]:
    """Every region and nation a report may state (region.yaml)."""
    data = load_yaml("ingest.readers", "region.yaml")
    return [*data["regions"], *data["nations"]]

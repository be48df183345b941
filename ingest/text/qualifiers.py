"""What a figure is of beyond its number: the census, the period and the group of cases a
sentence gives for it ("283,000 as measured in the Census 2001", "in 2008/09", "of custodial
cases"). Stored with each fact, and compared by the claim checker: a claim whose qualifier
differs from the statement's is not borne out by the statement's figure.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.text.layout import word_set
from ingest.text.resources import cue_patterns

CUES = cue_patterns("ingest.text", "qualifier_cues.yaml")

# Words before "cases" that do not pick a group out of the cases inspected.
_NEUTRAL = word_set(
    """the all of these those such inspected relevant applicable sampled sample our its their
    other remaining most many some few which where whose each every both any total appropriate
    individual different similar new current open closed the and or in on for with"""
)


@dataclass(frozen=True)
class Qualifiers:
    census: frozenset[int] = frozenset()  # census years: {2001}
    periods: frozenset[tuple[int, int]] = frozenset()  # {(2008, 2009)} for "2008/09"
    years: frozenset[int] = frozenset()  # single years outside a census or a period
    groups: frozenset[str] = frozenset()  # "custodial" for "custodial cases"

    def as_dict(self) -> dict[str, str]:
        """The stored form of a fact's qualifiers: {"census": "2001", "period": "2008/09"}."""
        out: dict[str, str] = {}
        if self.census:
            out["census"] = ", ".join(str(c) for c in sorted(self.census))
        if self.periods:
            out["period"] = ", ".join(f"{a}/{b % 100:02d}" for a, b in sorted(self.periods))
        if self.years:
            out["year"] = ", ".join(str(y) for y in sorted(self.years))
        if self.groups:
            out["cases"] = ", ".join(sorted(self.groups))
        return out


def _full_year(start: int, end: str) -> int:
    """'09' after 2008 is 2009; '2014' is itself."""
    e = int(end)
    return e if len(end) == 4 else start - start % 100 + e


def qualifiers_in(text: str) -> Qualifiers:
    census: set[int] = set()
    taken: list[tuple[int, int]] = []
    for m in CUES["census"].finditer(text):
        census.add(int(m.group(1) or m.group(2)))
        taken.append(m.span())
    periods: set[tuple[int, int]] = set()
    for m in CUES["period"].finditer(text):
        start = int(m.group(1))
        end = _full_year(start, m.group(2))
        if start < end <= start + 10:  # "2008/09", not "2009-1" or a page range
            periods.add((start, end))
            taken.append(m.span())
    years = {
        int(m.group(1))
        for m in CUES["year"].finditer(text)
        if not any(a <= m.start(1) < b for a, b in taken)
    }
    groups = {
        g.lower()
        for g in (m.group(1) for m in CUES["case-group"].finditer(text))
        if g.lower() not in _NEUTRAL and not g.isdigit()
    }
    return Qualifiers(frozenset(census), frozenset(periods), frozenset(years), frozenset(groups))

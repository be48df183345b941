"""Which loaded reports a check is about, when the caller names one: by report id or by area.

A name that is neither is an error the caller sees (``UnknownReport``), never an empty check.
"""

from __future__ import annotations

import re

from ingest.model import Report


class UnknownReport(ValueError):
    """The named report is not loaded; the message lists the loaded ones."""


def _key(name: str) -> str:
    """'Sefton 2009', 'sefton-2009' and 'SEFTON_2009' all read as one key."""
    return "-".join(re.findall(r"[a-z0-9]+", name.lower()))


def reports_named(reports: list[Report], name: str) -> list[Report]:
    """The reports ``name`` picks: the one of that id, else every report of that area (each
    year of it). Raises ``UnknownReport`` when it picks none."""
    key = _key(name)
    if not key:
        raise UnknownReport("the report to check against is empty")
    by_id = [r for r in reports if _key(r.id) == key]
    if by_id:
        return by_id
    by_area = [r for r in reports if r.area and _key(r.area) == key]
    if by_area:
        return by_area
    loaded = ", ".join(r.id for r in reports) or "none"
    raise UnknownReport(f"no report '{name}' is loaded (loaded: {loaded})")

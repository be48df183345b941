"""The glossary page's data with many reports loaded: built once per set of loaded reports
(finding where each term is used reads every finding of every report), and trimmed for
reading, since a term defined in hundreds of reports would otherwise list every one."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.model import Report
from web.presenters import GlossaryItem, glossary_items

# What one term shows before "and N more": its distinct wordings and the reports using it.
SHOWN_DEFINITIONS = 3
SHOWN_USE_REPORTS = 5

_lock = threading.Lock()
_built: tuple[tuple, list[GlossaryItem], dict[str, int]] | None = None


@dataclass
class TermView:
    """One term as the page shows it: a few wordings and a few reports, with the counts."""

    item: GlossaryItem
    defined_in: int  # reports whose glossary defines the term
    definitions: list  # the first SHOWN_DEFINITIONS of item.definitions
    more_definitions: int
    uses: list  # the uses in the first SHOWN_USE_REPORTS reports that use the term
    used_in: int  # reports whose findings use the term
    more_use_reports: int


def cached_glossary(reports: Sequence[Report]) -> tuple[list[GlossaryItem], dict[str, int]]:
    """Every term A-Z (``presenters.glossary_items``) and how many reports define each, built
    again only when the loaded reports change."""
    global _built
    key = tuple((r.id, r.sha256) for r in reports)
    with _lock:
        if _built is None or _built[0] != key:
            defined: dict[str, int] = {}
            for r in reports:
                for term in {e.term.strip().lower() for e in r.glossary}:
                    defined[term] = defined.get(term, 0) + 1
            _built = (key, glossary_items(reports), defined)
        return _built[1], _built[2]


def term_views(items: list[GlossaryItem], defined: dict[str, int]) -> list[TermView]:
    views = []
    for item in items:
        use_reports: list[str] = []
        for u in item.uses:
            if u.report not in use_reports:
                use_reports.append(u.report)
        shown = set(use_reports[:SHOWN_USE_REPORTS])
        views.append(
            TermView(
                item=item,
                defined_in=defined.get(item.term.lower(), 1),
                definitions=item.definitions[:SHOWN_DEFINITIONS],
                more_definitions=max(0, len(item.definitions) - SHOWN_DEFINITIONS),
                uses=[u for u in item.uses if u.report in shown],
                used_in=len(use_reports),
                more_use_reports=max(0, len(use_reports) - SHOWN_USE_REPORTS),
            )
        )
    return views

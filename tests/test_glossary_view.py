"""The glossary page's data with many reports: built once per set of loaded reports, and a
term defined and used in many reports shows a few of each with honest counts."""

from __future__ import annotations

import copy

from benchmarks.corpus import generate
from ingest.readers import read_report
from web.glossary_view import (
    SHOWN_DEFINITIONS,
    SHOWN_USE_REPORTS,
    cached_glossary,
    term_views,
)

REPORTS = [read_report(g.text, f"{g.name}.txt") for g in generate(40, seed=5, pdf_share=0)]


def test_built_once_per_set_of_loaded_reports():
    items, defined = cached_glossary(REPORTS)
    assert cached_glossary(list(REPORTS))[0] is items  # same reports: not built again
    changed = copy.copy(REPORTS[0])
    changed.sha256 = "another version"
    again, _ = cached_glossary([changed, *REPORTS[1:]])
    assert again is not items
    for item in items:
        expected = sum(
            any(e.term.strip().lower() == item.term.lower() for e in r.glossary) for r in REPORTS
        )
        assert defined[item.term.lower()] == expected


def test_a_term_of_many_reports_shows_a_few_with_counts():
    items, defined = cached_glossary(REPORTS)
    views = term_views(items, defined)
    assert [v.item.term for v in views] == [i.term for i in items]
    busiest = max(views, key=lambda v: v.used_in)
    assert busiest.used_in > SHOWN_USE_REPORTS  # the corpus uses some term in many reports
    assert len({u.report for u in busiest.uses}) == SHOWN_USE_REPORTS
    assert busiest.more_use_reports == busiest.used_in - SHOWN_USE_REPORTS
    for v in views:
        assert len(v.definitions) <= SHOWN_DEFINITIONS
        assert len(v.definitions) + v.more_definitions == len(v.item.definitions)
        assert v.used_in == len({u.report for u in v.item.uses})

"""Hybrid retrieval: glossary expansion, BM25 + dense fused by rank, filters."""

from __future__ import annotations

import pytest
from answer_fakes import make_findings

from assistant.answers.retrieve import (
    ChunkIndex,
    Retriever,
    _where,
    entry_terms,
    expand_query,
    term_pattern,
)
from ingest.model import GlossaryEntry, Source


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    return make_findings(tmp_path_factory.mktemp("retrieve") / "store")


@pytest.fixture(scope="module")
def retriever(findings):
    return Retriever(findings)


def _entry(term: str, definition: str, terms=None) -> GlossaryEntry:
    return GlossaryEntry(terms or [term], term, definition, Source("glossary", term, "x", 0))


def test_expansion_adds_what_an_acronym_stands_for(sample_report):
    e = expand_query("what is a RoSH screening", [sample_report])
    assert "Risk of Serious Harm" in e.text
    assert [g.term for g in e.terms] == ["RoSH"]


def test_expansion_works_the_other_way_round(sample_report):
    e = expand_query("was a risk management plan completed", [sample_report])
    assert "RMP" in e.text


def test_expansion_leaves_unrelated_questions_alone(sample_report):
    assert expand_query("how many cases were inspected", [sample_report]).text == (
        "how many cases were inspected"
    )


def test_term_matching():
    assert term_pattern("YOIS+").search("what is YOIS+?")
    assert term_pattern("RoSH").search("what does rosh mean")  # long terms: any case
    assert not term_pattern("HM").search("hm, not sure")  # two letters: exact case only
    assert not term_pattern("LoR").search("colour")
    assert entry_terms(_entry("YOS/T", "Youth Offending Service / Team")) == ["YOS/T", "YOS", "YOT"]


def test_where_filters():
    assert _where(None, None, None) is None
    assert _where(["a"], None, None) == {"report": {"$in": ["a"]}}
    assert _where(["a"], None, ["glossary"]) == {
        "$and": [{"report": {"$in": ["a"]}}, {"kind": {"$in": ["glossary"]}}]
    }


def test_chunk_index_vocabulary_and_bm25(findings):
    index = ChunkIndex(findings.reports())
    assert len(index.docs) == findings.index.count()
    assert "hornby" in index.vocabulary and "pancak" not in index.vocabulary
    assert index.idf_of("hornby") > index.idf_of("case")


def test_hybrid_search_fuses_both_rankings(retriever):
    hits = retriever.search("no RoSH screening", k=5)
    assert hits and all(h.score > 0 for h in hits)
    assert hits == sorted(hits, key=lambda h: h.score, reverse=True)
    assert any(h.lexical is not None and h.dense is not None for h in hits)
    assert any("no RoSH screening" in h.doc.page_content for h in hits[:3])


def test_filters_by_report_section_and_kind(retriever):
    hits = retriever.search("safeguarding", k=10, reports=["wessex-vale-2011"], kinds=["area"])
    assert hits
    assert {h.meta["report"] for h in hits} == {"wessex-vale-2011"}
    assert {h.meta["kind"] for h in hits} == {"area"}
    hits = retriever.search("management oversight", k=10, sections=["1.3"])
    assert hits and {h.meta["section"] for h in hits} == {"1.3"}


def test_glossary_expansion_reaches_the_definition(retriever):
    hits = retriever.search("RoSH", k=5, kinds=["glossary"], reports=["sefton-2009"])
    assert hits[0].meta["heading"] == "RoSH"
    hits = retriever.search(
        "Risk of Serious Harm", k=5, kinds=["glossary"], reports=["sefton-2009"]
    )
    assert "RoSH" in [h.meta["heading"] for h in hits]


def test_bm25_index_is_cached_until_the_store_changes(findings, retriever, sample_report):
    first = retriever.chunk_index()
    assert retriever.chunk_index() is first
    findings.index.replace(sample_report)  # same content: same key
    assert retriever.chunk_index() is first
    findings.index.remove("wessex-vale-2011")
    try:
        changed = retriever.chunk_index()
        assert changed is not first
        assert {d.metadata["report"] for d in changed.docs} == {"sefton-2009"}
    finally:
        from answer_fakes import REPORTS

        findings.ingest([REPORTS[1]])

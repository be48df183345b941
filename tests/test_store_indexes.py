"""The per-store indexes: the keyword index, the catalogues and the glossary index follow
every change to the stored reports (ingest, remove, rollback, another process's write), and
the inverted index scores exactly as BM25 over every chunk would."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from answer_fakes import make_findings

from assistant.answers.intent import catalog, find_reports, find_terms, strip_areas
from assistant.answers.lexical import EPSILON, K1, B, InvertedIndex
from assistant.answers.lexicon import SpellingFinder
from assistant.answers.retrieve import ChunkIndex, Retriever
from ingest.text.tokens import stems

ROOT = Path(__file__).resolve().parent.parent
FICTIONAL = ROOT / "tests" / "data" / "wessex-vale-yot-2011.txt"


@pytest.fixture
def findings(tmp_path):
    return make_findings(tmp_path / "store")


def _brute_force_bm25(docs: list[list[str]], query: list[str]) -> dict[int, float]:
    """Okapi BM25 of every document, the plain way (what the index must agree with)."""
    n = len(docs)
    avgdl = sum(map(len, docs)) / n
    df = Counter(t for d in docs for t in set(d))
    idf = {t: math.log(n - f + 0.5) - math.log(f + 0.5) for t, f in df.items()}
    floor = EPSILON * sum(idf.values()) / len(idf)
    idf = {t: (v if v >= 0 else floor) for t, v in idf.items()}
    out = {}
    for pos, d in enumerate(docs):
        tf = Counter(d)
        score = sum(
            idf.get(q, 0) * tf[q] * (K1 + 1) / (tf[q] + K1 * (1 - B + B * len(d) / avgdl))
            for q in query
        )
        if any(tf[q] for q in query):
            out[pos] = score
    return out


def test_inverted_index_scores_as_bm25_over_every_chunk(findings):
    index = InvertedIndex(findings.reports())
    docs = [stems(d.page_content) for d in index.docs]
    for question in ("no RoSH screening", "management oversight of safeguarding", "Hornby"):
        query = stems(question)
        expected = _brute_force_bm25(docs, query)
        got = index.scores(query)
        assert set(got) == set(expected)
        assert all(got[p] == pytest.approx(expected[p], rel=1e-9) for p in got)


def test_a_scoped_search_reads_only_that_report(findings):
    index = InvertedIndex(findings.reports())
    query = stems("safeguarding assessment")
    everything = index.scores(query)
    scoped = index.scores(query, ["wessex-vale-2011"])
    assert scoped and set(scoped) < set(everything)
    assert {index.docs[p].metadata["report"] for p in scoped} == {"wessex-vale-2011"}
    assert all(scoped[p] == everything[p] for p in scoped)


def _lexical_reports(findings, word: str) -> set[str]:
    hits = Retriever(findings).search(word, k=20, dense=False)
    return {h.meta["report"] for h in hits}


def test_keyword_index_follows_ingest_remove_and_rollback(findings, tmp_path):
    # Only the fictional report mentions a checklist.
    assert _lexical_reports(findings, "checklist") == {"wessex-vale-2011"}
    findings.remove("wessex-vale-2011")
    assert _lexical_reports(findings, "checklist") == set()
    findings.rollback("wessex-vale-2011")
    assert _lexical_reports(findings, "checklist") == {"wessex-vale-2011"}
    changed = tmp_path / "wessex-vale-yot-2011.txt"
    changed.write_text(
        FICTIONAL.read_text(encoding="utf-8").replace("checklist", "quillfeather"),
        encoding="utf-8",
    )
    [result] = findings.ingest([changed], replace=True)
    assert result.status == "replaced"
    assert _lexical_reports(findings, "checklist") == set()
    assert _lexical_reports(findings, "quillfeather") == {"wessex-vale-2011"}
    findings.rollback("wessex-vale-2011")
    assert _lexical_reports(findings, "checklist") == {"wessex-vale-2011"}


def test_catalogues_follow_a_report_removed(findings):
    reports = findings.reports()
    assert find_reports("What was Wessex Vale's safeguarding score?", reports)[0] == [
        "wessex-vale-2011"
    ]
    # NEET is only in the fictional report's glossary.
    assert find_terms("what does NEET mean", reports) == ["NEET"]
    findings.remove("wessex-vale-2011")
    reports = findings.reports()
    assert find_reports("What was Wessex Vale's safeguarding score?", reports)[0] == []
    assert find_terms("what does NEET mean", reports) == []
    assert "wessex-vale-2011" not in catalog(reports).areas


def test_caches_follow_a_report_ingested_by_another_process(findings, tmp_path):
    before = findings.reports()
    index = Retriever(findings).chunk_index()
    other = tmp_path / "harbourside-yot-2011.txt"
    other.write_text(
        FICTIONAL.read_text(encoding="utf-8").replace("Wessex Vale", "Harbourside"),
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "tests.store_child", "ingest", str(findings.settings.store)]
        + [str(other)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert json.loads(proc.stdout.strip().splitlines()[-1])["status"] == "ingested"
    after = findings.reports()
    assert len(after) == len(before) + 1
    assert find_reports("What was Harbourside's safeguarding score?", after)[0] == [
        "harbourside-2011"
    ]
    assert strip_areas("safeguarding in Harbourside", after) == "safeguarding"
    changed = Retriever(findings).chunk_index()
    assert changed is not index and len(changed.docs) > len(index.docs)
    assert "harbourside-2011" in {h.meta["report"] for h in _hits(findings, "Harbourside")}


def _hits(findings, query: str):
    return Retriever(findings).search(query, k=10, dense=False)


def test_the_store_generation_changes_with_every_write(findings, sample_report):
    first = findings.store.generation()
    findings.index.replace(sample_report)
    second = findings.store.generation()
    assert second != first
    findings.remove("sefton-2009")
    assert findings.store.generation() not in (first, second)


def test_spelling_finder_reads_whole_words_like_the_pattern():
    finder = SpellingFinder(["vale of ashdown", "ashdown", "stockbridge-on-wear", "sefton-2009"])
    assert finder.found("What did the Vale of Ashdown score?") == {"vale of ashdown", "ashdown"}
    assert finder.found("ashdowns and stockbridge-on-wearing") == set()
    assert finder.found("in STOCKBRIDGE-ON-WEAR, and sefton-2009.") == {
        "stockbridge-on-wear",
        "sefton-2009",
    }
    assert finder.found("xashdown 3ashdown") == {"ashdown"}  # a digit is no letter


def test_chunk_index_is_built_from_cached_report_pieces(findings):
    reports = findings.reports()
    first = ChunkIndex(reports)
    again = ChunkIndex(reports)
    # A second index of the same reports shares each report's tokenised chunks.
    assert all(a is b for a, b in zip(first.lexical.parts, again.lexical.parts, strict=True))

"""Test doubles for the answering tests: a deterministic embedder and a core built on it."""

from __future__ import annotations

import hashlib
import math
from pathlib import Path

from langchain_core.embeddings import Embeddings

from ingest.text.tokens import stems

ROOT = Path(__file__).resolve().parent.parent
REPORTS = [
    ROOT / "data" / "reports" / "sefton-yot-2009.txt",
    ROOT / "tests" / "data" / "wessex-vale-yot-2011.txt",
]


class HashEmbedder(Embeddings):
    """Bag-of-stems vectors hashed into 256 dimensions: similar wording, similar vectors."""

    dim = 256

    def _vector(self, text: str) -> list[float]:
        v = [0.0] * self.dim
        for w in stems(text):
            h = int(hashlib.md5(w.encode()).hexdigest(), 16)
            v[h % self.dim] += 1.0
        norm = math.sqrt(sum(x * x for x in v)) or 1.0
        return [x / norm for x in v]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)


def make_findings(store: Path, embedder: Embeddings | None = None, reports=REPORTS, **settings):
    """A core over ``store`` holding ``reports`` (the sample and the fictional report)."""
    from assistant.core import Findings
    from assistant.settings import Settings

    s = Settings(store=store, chroma_url=None, auto_ingest_sample=False, **settings)
    findings = Findings(s, embedder=embedder or HashEmbedder())
    results = findings.ingest(list(reports))
    assert all(r.ok for r in results), [r.error for r in results]
    return findings

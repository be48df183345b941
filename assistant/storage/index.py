"""The vector index (Chroma via LangChain) and the atomic ingest of report files."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import chromadb
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from assistant.settings import Settings
from assistant.storage.chunks import report_chunks
from assistant.storage.database import Store
from ingest.load import LoadError, find_report_files, load_file
from ingest.model import Report
from ingest.parse import NotAReportError, parse_report


def chroma_client(settings: Settings) -> chromadb.ClientAPI:
    """The embedded persistent client, or an HTTP client when a server URL is set."""
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        return chromadb.HttpClient(
            host=url.hostname or "localhost",
            port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https",
            settings=chroma_settings,
        )
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)


@dataclass
class IngestResult:
    """What happened to one file."""

    path: Path
    report_id: str | None = None
    status: str = "ingested"  # "ingested" | "replaced" | "unchanged" | "failed"
    error: str | None = None
    scores: int = 0
    findings: int = 0
    recommendations: int = 0
    glossary: int = 0
    facts: int = 0
    chunks: int = 0

    @property
    def ok(self) -> bool:
        return self.status != "failed"


class Index:
    """Chunks of every report in one Chroma collection, kept in step with the SQLite store."""

    def __init__(
        self,
        settings: Settings,
        store: Store,
        embedder: Embeddings,
        client: chromadb.ClientAPI | None = None,
    ):
        self.settings = settings
        self.store = store
        self.embedder = embedder
        self.client = client or chroma_client(settings)
        self.collection = self.client.get_or_create_collection(
            settings.collection, metadata={"hnsw:space": "cosine"}
        )
        self.vectorstore = Chroma(
            client=self.client,
            collection_name=settings.collection,
            embedding_function=embedder,
        )

    def count(self, report_id: str | None = None) -> int:
        if report_id is None:
            return self.collection.count()
        return len(self.collection.get(where={"report": report_id}, include=[])["ids"])

    def ingest(
        self,
        paths: Sequence[Path],
        on_file: Callable[[IngestResult], None] | None = None,
        on_start: Callable[[int], None] | None = None,
    ) -> list[IngestResult]:
        """Ingest files and folders; each file succeeds or fails on its own, atomically."""
        files, errors = find_report_files([Path(p) for p in paths])
        results = [IngestResult(path=e.path, status="failed", error=e.reason) for e in errors]
        if on_start:
            on_start(len(files))
        for r in results:
            if on_file:
                on_file(r)
        for path in files:
            result = self._ingest_one(path)
            results.append(result)
            if on_file:
                on_file(result)
        return results

    def _ingest_one(self, path: Path) -> IngestResult:
        try:
            loaded = load_file(path, self.settings.max_file_bytes)
            report = parse_report(
                loaded.text, source_path=str(path), page_starts=loaded.page_starts or None
            )
        except LoadError as e:
            return IngestResult(path=path, status="failed", error=e.reason)
        except NotAReportError as e:
            return IngestResult(path=path, status="failed", error=f"not an inspection report: {e}")
        report.sha256 = loaded.sha256
        result = _counts(IngestResult(path=path, report_id=report.id), report)
        previous = self.store.sha256_of(report.id)
        stored_chunks = self.count(report.id) if previous == report.sha256 else 0
        if stored_chunks:
            result.status, result.chunks = "unchanged", stored_chunks
            return result
        try:
            result.chunks = self.replace(report)
        except Exception as e:  # the store is left as it was; say why in one line
            return IngestResult(
                path=path, report_id=report.id, status="failed", error=f"could not store: {e}"
            )
        result.status = "replaced" if previous else "ingested"
        return result

    def replace(self, report: Report) -> int:
        """Write ``report`` to SQLite and Chroma together: both change, or neither does."""
        docs = report_chunks(report)
        # Embed before touching either store: it is the slow step most likely to fail.
        vectors = self.embedder.embed_documents([d.page_content for d in docs])
        # New chunks get ids of their own version, so the old ones stay intact until the new
        # ones are in: a failure then only has to remove what it added.
        version = (report.sha256 or "")[:12] or "v"
        ids = [f"{report.id}@{version}:{d.id.split(':', 1)[1]}" for d in docs]
        old_ids = self.collection.get(where={"report": report.id}, include=[])["ids"]
        stale = [i for i in old_ids if i not in set(ids)]
        with self.store.connect() as db:
            self.store.write_report(db, report)
            try:
                _add(self.collection, ids, docs, vectors, version)
                if stale:
                    self.collection.delete(ids=stale)
            except Exception:
                self._discard(set(ids) - set(old_ids))
                raise  # rolls back the SQLite transaction too
        return len(docs)

    def remove(self, report_id: str) -> None:
        with self.store.connect() as db:
            self.store.delete_report(db, report_id)
            self.collection.delete(where={"report": report_id})

    def _discard(self, ids: set[str]) -> None:
        try:
            if ids:
                self.collection.delete(ids=sorted(ids))
        except Exception:  # best effort: the original error is the one worth reporting
            pass


def _add(
    collection, ids: list[str], docs: list[Document], vectors: list[list[float]], version: str
) -> None:
    batch = 1000
    for i in range(0, len(docs), batch):
        part = docs[i : i + batch]
        collection.add(
            ids=ids[i : i + batch],
            embeddings=vectors[i : i + batch],
            documents=[d.page_content for d in part],
            metadatas=[{**d.metadata, "version": version} for d in part],
        )


def _counts(result: IngestResult, report: Report) -> IngestResult:
    result.scores = len(report.all_scores())
    result.findings = sum(len(c.strengths) + len(c.areas_for_improvement) for c in report.criteria)
    result.recommendations = len(report.recommendations)
    result.glossary = len(report.glossary)
    result.facts = len(report.facts)
    return result

"""The vector index (Chroma via LangChain) and the atomic ingest of report files."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from assistant.settings import Settings
from assistant.storage import history
from assistant.storage.bulk import VectorCache, prepare, store_batch
from assistant.storage.chunks import report_chunks
from assistant.storage.database import Store
from assistant.storage.lock import StoreBusy, write_lock
from ingest.load import find_report_files
from ingest.model import Report
from ingest.worker import Parsed

if TYPE_CHECKING:
    import chromadb
    from langchain_core.documents import Document
    from langchain_core.embeddings import Embeddings


def chroma_client(settings: Settings) -> chromadb.ClientAPI:
    """The embedded persistent client, or an HTTP client when a server URL is set."""
    # Imported here: Chroma takes seconds to import, and a question that needs no vector
    # search (or a command that needs no store at all) should not wait for it.
    import chromadb
    from chromadb.config import Settings as ChromaSettings

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
    # "ingested" | "replaced" | "unchanged" | "needs-replace" (a different version is stored
    # and replace was not asked for: nothing stored) | "failed"
    status: str = "ingested"
    error: str | None = None
    scores: int = 0
    findings: int = 0
    recommendations: int = 0
    glossary: int = 0
    facts: int = 0
    chunks: int = 0

    @property
    def ok(self) -> bool:
        return self.status not in ("failed", "needs-replace")


class Index:
    """Chunks of every report in one Chroma collection, kept in step with the SQLite store."""

    def __init__(
        self,
        settings: Settings,
        store: Store,
        embedder: Embeddings | Callable[[], Embeddings],
        client: chromadb.ClientAPI | None = None,
    ):
        self.settings = settings
        self.store = store
        # The model loads only when something is embedded: a function gives it on first use.
        self._embedder = embedder
        self.client = client or chroma_client(settings)
        self.collection = self.client.get_or_create_collection(
            settings.collection, metadata={"hnsw:space": "cosine"}
        )
        self.lock = write_lock(settings.lock_path, settings.lock_seconds, store.engine)
        self.vector_cache = VectorCache()

    @property
    def embedder(self) -> Embeddings:
        if not hasattr(self._embedder, "embed_documents"):
            self._embedder = self._embedder()
        return self._embedder

    @cached_property
    def vectorstore(self):
        """The collection as a LangChain vector store."""
        from langchain_chroma import Chroma

        return Chroma(
            client=self.client,
            collection_name=self.settings.collection,
            embedding_function=self.embedder,
        )

    def count(self, report_id: str | None = None, version: str | None = None) -> int:
        if report_id is None:
            return self.collection.count()
        where: dict = {"report": report_id}
        if version is not None:
            where = {"$and": [where, {"version": version}]}
        return len(self.collection.get(where=where, include=[])["ids"])

    def ingest(
        self,
        paths: Sequence[Path],
        on_file: Callable[[IngestResult], None] | None = None,
        on_start: Callable[[int], None] | None = None,
        replace: bool = False,
    ) -> list[IngestResult]:
        """Ingest files and folders; each file succeeds or fails on its own, atomically. A
        changed version of a stored report is only stored with ``replace`` (else its status
        is "needs-replace"); the version it replaces is kept in the history."""
        files, errors = find_report_files([Path(p) for p in paths])
        results = [IngestResult(path=e.path, status="failed", error=e.reason) for e in errors]
        if on_start:
            on_start(len(files))
        for r in results:
            if on_file:
                on_file(r)
        size = max(1, self.settings.ingest_batch)
        batches = [files[i : i + size] for i in range(0, len(files), size)]
        # Parsing (in a worker process: a hostile file costs a bounded time and memory) and
        # embedding the next batch run ahead in a thread while this batch is stored.
        with ThreadPoolExecutor(max_workers=1) as ahead:
            upcoming = ahead.submit(prepare, self, batches[0]) if batches else None
            for k in range(len(batches)):
                assert upcoming is not None
                parsed = upcoming.result()
                if k + 1 < len(batches):
                    upcoming = ahead.submit(prepare, self, batches[k + 1])
                for result in self._ingest_batch(parsed, replace):
                    results.append(result)
                    if on_file:
                        on_file(result)
        return results

    def _ingest_batch(self, parsed: list[Parsed], replace: bool) -> list[IngestResult]:
        """Store the new and changed reports of a parsed batch with one embedding call and
        one transaction; a report the batch could not store is tried on its own, so each
        file still succeeds or fails by itself."""
        results: list[IngestResult] = []
        batch: dict[str, tuple[IngestResult, Report, str | None]] = {}
        later: list[tuple[IngestResult, Report]] = []
        try:
            with self.lock:
                for p in parsed:
                    if p.report is None:
                        results.append(IngestResult(path=p.path, status="failed", error=p.reason))
                        continue
                    result = _counts(IngestResult(path=p.path, report_id=p.report.id), p.report)
                    results.append(result)
                    if p.report.id in batch:  # the same report twice: the later file after
                        later.append((result, p.report))
                        continue
                    previous = self._settled(result, p.report, replace)
                    if result.status == "ingested":
                        batch[p.report.id] = (result, p.report, previous)
                if batch:
                    self._store_batch(list(batch.values()))
        except StoreBusy as e:
            for result in results:
                if result.status == "ingested" and not result.chunks:
                    result.status, result.error = "failed", str(e)
            return results
        for result, report in later:
            try:
                with self.lock:
                    self._store_one(result, report, self._settled(result, report, replace))
            except StoreBusy as e:
                result.status, result.error = "failed", str(e)
        return results

    def _settled(self, result: IngestResult, report: Report, replace: bool) -> str | None:
        """Mark ``result`` unchanged or needs-replace when nothing is to be stored; the stored
        version's sha256 (None when the report is new)."""
        previous = self.store.sha256_of(report.id)
        if previous == report.sha256:
            stored = self.count(report.id, version_id(report.sha256))
            if stored == len(report_chunks(report)):  # what the vector store holds, not only SQL
                result.status, result.chunks = "unchanged", stored
        elif previous and not replace:
            result.status = "needs-replace"
            result.error = (
                f"a different version of {report.id} is stored; replace it explicitly "
                "(the stored version is kept in its history)"
            )
        return previous

    def _store_batch(self, todo: list[tuple[IngestResult, Report, str | None]]) -> None:
        try:
            chunks = store_batch(self, [report for _, report, _ in todo])
        except StoreBusy:
            raise
        except Exception:  # noqa: BLE001 - find which report it was: each on its own
            for result, report, previous in todo:
                self._store_one(result, report, previous)
            return
        for result, report, previous in todo:
            result.chunks = chunks[report.id]
            result.status = "replaced" if previous and previous != report.sha256 else "ingested"

    def _store_one(self, result: IngestResult, report: Report, previous: str | None) -> None:
        if result.status != "ingested":
            return
        try:
            result.chunks = self.replace(report)
        except StoreBusy as e:
            result.status, result.error = "failed", str(e)
            return
        except Exception as e:  # the store is left as it was; say why in one line
            result.status, result.error = "failed", f"could not store: {e}"
            return
        result.status = "replaced" if previous and previous != report.sha256 else "ingested"

    def replace(self, report: Report) -> int:
        """Make ``report`` the stored version of its id, in an order that a kill at any moment
        leaves either the old version or the new one whole:

        1. its chunks go into Chroma under its own version id (readers only use the active
           version's chunks, so these are invisible until step 2);
        2. one SQLite transaction writes the facts, the history and thereby the active
           version (the report's sha256);
        3. other versions' chunks are deleted (left-overs are garbage that readers skip and
           `findings doctor` removes).
        """
        docs = report_chunks(report)
        version = version_id(report.sha256)
        ids = [f"{report.id}@{version}:{d.id.split(':', 1)[1]}" for d in docs]
        with self.lock:
            held = self.collection.get(where={"report": report.id}, include=[])["ids"]
            same = self.store.sha256_of(report.id) == report.sha256
            mine = {i for i in held if stored_version(i) == version}
            if mine and not same:
                # chunks of an earlier attempt at this version that never became active
                self.collection.delete(ids=sorted(mine))
                mine = set()
            todo = [k for k, i in enumerate(ids) if i not in mine]
            # Embed before touching either store: it is the slow step most likely to fail.
            vectors = self.embedder.embed_documents([docs[k].page_content for k in todo])
            try:
                _add(
                    self.collection,
                    [ids[k] for k in todo],
                    [docs[k] for k in todo],
                    vectors,
                    version,
                )
                with self.store.connect() as db:
                    history.record_active(db, report.id)
                    self.store.write_report(db, report)
                    history.record(db, report)
            except Exception:
                if not same:
                    self._discard(set(ids))
                raise
            self._discard({i for i in held if stored_version(i) != version} | (mine - set(ids)))
        return len(docs)

    def remove(self, report_id: str) -> bool:
        """Remove a report (its versions stay in the history); False if it is not stored."""
        with self.lock:
            with self.store.connect() as db:
                if self.store.sha256_of(report_id) is None:
                    return False
                history.record_active(db, report_id)
                self.store.delete_report(db, report_id)
            # after the commit: a kill here leaves only garbage chunks, skipped by readers
            self._discard(set(self.collection.get(where={"report": report_id}, include=[])["ids"]))
        return True

    def rollback(self, report_id: str, to: str | None = None) -> history.Version:
        """Make an earlier version (``to``: its number or sha256 prefix; by default the one
        before the stored one) the stored one again: its facts and its chunks."""
        with self.lock:
            version = history.pick(self.store, report_id, to)
            if not version.active:
                self.replace(history.load(self.store, version))
        return version

    def _discard(self, ids: set[str]) -> None:
        ordered = sorted(ids)
        try:
            for i in range(0, len(ordered), 500):  # in batches: a delete holds the GIL
                self.collection.delete(ids=ordered[i : i + 500])
        except Exception:  # best effort: the original error is the one worth reporting
            pass


def version_id(sha256: str | None) -> str:
    """The version marker of a report's chunks: the start of its file's sha256."""
    return (sha256 or "")[:12] or "v"


def stored_version(stored_id: str) -> str:
    """The version part of a chunk's id in the vector store ("sefton-2009@ab12cd:...")."""
    return stored_id.split(":", 1)[0].partition("@")[2]


def _add(
    collection, ids: list[str], docs: list[Document], vectors: list[list[float]], version: str
) -> None:
    # Small batches: Chroma holds the GIL through an add, and a web server sharing this
    # process must keep answering meanwhile.
    batch = 64
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
    result.findings += sum(len(s.findings) for s in report.sections)
    result.recommendations = len(report.recommendations)
    result.glossary = len(report.glossary)
    result.facts = len(report.facts)
    return result

"""The core library object: settings, store, index and reports, shared by the CLI and web app."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.settings import Settings, get_settings
from assistant.storage.database import Store
from ingest.model import Report

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

    from assistant.storage.index import Index, IngestResult


class Findings:
    """Everything a question, a claim or a page needs; fakes can be passed in for tests."""

    def __init__(
        self,
        settings: Settings | None = None,
        embedder: Embeddings | None = None,
        chroma_client=None,
        llm=None,
    ):
        self.settings = settings or get_settings()
        self._embedder = embedder
        self._chroma_client = chroma_client
        self._llm = llm
        self._lock = threading.Lock()
        self._reports: tuple[tuple[int, int], list[Report]] | None = None

    @cached_property
    def store(self) -> Store:
        return Store(self.settings.db_path, self.settings.database_url)

    @property
    def embedder(self) -> Embeddings:
        if self._embedder is None:
            from assistant.embeddings import get_embedder

            self._embedder = get_embedder()
        return self._embedder

    @cached_property
    def index(self) -> Index:
        from assistant.storage.index import Index

        # The embedder is handed over as a function: the model loads on the first embedding.
        return Index(self.settings, self.store, lambda: self.embedder, self._chroma_client)

    def reports(self) -> list[Report]:
        """All stored reports, re-read only when the store has changed (by any process)."""
        generation = self.store.generation()
        with self._lock:
            if self._reports is None or self._reports[0] != generation:
                from assistant.answers.derived import use_folder

                self._reports = (generation, self.store.load_reports())
                # What is derived from every report is saved beside them, once per change.
                use_folder(self.settings.store / "cache" / "derived", self._reports[1])
            return self._reports[1]

    def report(self, report_id: str) -> Report | None:
        return next((r for r in self.reports() if r.id == report_id), None)

    def ingest(
        self, paths: Sequence[Path], replace: bool = False, **callbacks
    ) -> list[IngestResult]:
        """Ingest files; a changed version of a stored report needs ``replace=True`` (else
        its result has status "needs-replace" and nothing is stored)."""
        return self.index.ingest(paths, replace=replace, **callbacks)

    def remove(self, report_id: str) -> bool:
        """Remove a stored report (kept in its history, so `rollback` restores it)."""
        return self.index.remove(report_id)

    def rollback(self, report_id: str, to: str | None = None):
        """Restore a version from the report's history (a ``storage.history.Version``)."""
        return self.index.rollback(report_id, to)

    def history(self, report_id: str):
        """Every stored version of ``report_id``, oldest first."""
        from assistant.storage.history import versions

        return versions(self.store, report_id)

    def doctor(self, repair: bool = True):
        """Check the SQLite facts against the vector store (a ``storage.doctor.Checkup``)."""
        from assistant.storage.doctor import checkup

        return checkup(self.index, repair=repair)

    @cached_property
    def answerer(self):
        from assistant.answers.answerer import Answerer

        return Answerer(self)

    def ask(self, question: str, conversation_id: str | None = None, report: str | None = None):
        """Answer ``question`` (an ``answers.answerer.Answer``), continuing a conversation."""
        return self.answerer.ask(question, conversation_id, report)

    def claim_narrowing(self):
        """How a claim naming no area is checked with many reports loaded (a
        ``claims.Narrowing``): against those a keyword search of the claim ranks first."""
        from assistant.claims import Narrowing

        def related(claim: str, keep: int) -> list[str]:
            ids: list[str] = []
            hits = self.answerer.retriever.search(claim, k=keep * 8, expand=False, dense=False)
            for hit in hits:
                rid = hit.meta.get("report")
                if rid and rid not in ids:
                    ids.append(rid)
            return ids[:keep]

        n = self.settings.claim_reports
        return Narrowing(related, over=n, keep=n)

    def warm(self) -> None:
        """Read the reports and build the indexes answers and checks use, so that the first
        question after a start does not wait for them (run in the background)."""
        from assistant.answers.intent import area_finder
        from assistant.answers.retrieve import glossary_index

        loaded = self.reports()
        self.store.read_whole(loaded)  # warming reads every report: in one query
        index = self.answerer.retriever.chunk_index(loaded)
        area_finder(loaded)
        glossary_index(loaded)
        # Then what fewer requests need: the keyword index (searches) and the claim
        # checker's per-report indexes (a check reads every report's).
        _ = index.lexical
        from assistant.claims.subjects import index_for

        for report in loaded:
            index_for(report)

    def ensure_sample(self) -> list[IngestResult]:
        """With an empty store, ingest the bundled sample report (first use)."""
        if not self.settings.auto_ingest_sample or self.store.report_ids():
            return []
        return self.ingest([self.settings.sample_reports])


@lru_cache
def get_findings() -> Findings:
    """The process-wide instance built from settings."""
    return Findings()

"""SQLite storage of parsed reports: structured tables for queries, JSON for the full object."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from filelock import FileLock

from assistant.storage.dialect import Dialect, PgConnection, dialect_of, engine, sqlite_path
from assistant.storage.stored_report import COLUMNS, StoredReport
from ingest.model import Report, from_dict

SCHEMA = """
CREATE TABLE IF NOT EXISTS reports (
    id TEXT PRIMARY KEY, area TEXT NOT NULL, title TEXT, published TEXT, year INTEGER,
    fieldwork TEXT, signatory TEXT, source_path TEXT, sha256 TEXT, text TEXT NOT NULL,
    data TEXT NOT NULL, ingested_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS scores (
    report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    key TEXT NOT NULL, name TEXT NOT NULL, value INTEGER NOT NULL, band TEXT, kind TEXT NOT NULL,
    section TEXT NOT NULL, heading TEXT NOT NULL, quote TEXT NOT NULL, page INTEGER
);
CREATE TABLE IF NOT EXISTS items (
    report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, number INTEGER, position INTEGER NOT NULL, text TEXT NOT NULL,
    owner TEXT, section TEXT NOT NULL, heading TEXT NOT NULL, quote TEXT NOT NULL, page INTEGER
);
CREATE TABLE IF NOT EXISTS glossary (
    report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    term TEXT NOT NULL, terms TEXT NOT NULL, definition TEXT NOT NULL, quote TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS facts (
    report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    value REAL NOT NULL, unit TEXT NOT NULL, sentence TEXT NOT NULL, section TEXT NOT NULL,
    heading TEXT NOT NULL, compared_with TEXT, compared_value REAL, quote TEXT NOT NULL
);
-- Every version of every report ever stored, so a replace or a remove can be undone. It has
-- no foreign key to reports: a removed report's versions stay.
CREATE TABLE IF NOT EXISTS report_versions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, report_id TEXT NOT NULL, sha256 TEXT NOT NULL,
    file_name TEXT, stored_at TEXT NOT NULL DEFAULT (datetime('now')), data TEXT NOT NULL,
    UNIQUE (report_id, sha256)
);
-- One row, counting the changes to the set of stored reports (ingest, replace, remove,
-- rollback): what a process caches from the reports holds while it is unchanged, whichever
-- process wrote.
CREATE TABLE IF NOT EXISTS store_generation (id INTEGER PRIMARY KEY, value INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS scores_report ON scores(report_id);
CREATE INDEX IF NOT EXISTS items_report ON items(report_id);
CREATE INDEX IF NOT EXISTS glossary_report ON glossary(report_id);
CREATE INDEX IF NOT EXISTS facts_report ON facts(report_id);
"""


def report_from_dict(d: dict) -> Report:
    """Rebuild a Report (and its nested dataclasses) from ``dataclasses.asdict`` output."""
    return from_dict(Report, d)


class Store:
    """The database of a store: by default SQLite under the store directory; with ``url`` (a
    ``postgresql://`` URL) a PostgreSQL database shared by every server."""

    def __init__(self, path: Path, url: str | None = None):
        self.dialect = dialect_of(url)
        self.url = url if self.dialect is Dialect.POSTGRESQL else None
        if url and self.url is None:
            path = Path(sqlite_path(url) or path)
        self.path = Path(path)
        if self.url is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # One process at a time sets up a SQLite file: switching a new file to WAL does
            # not wait on the busy timeout, so a second process opening it at the same
            # moment failed with "database is locked".
            with FileLock(f"{self.path}.setup-lock"):
                self._set_up()
        else:
            self._set_up()

    def _set_up(self) -> None:
        with self.connect() as db:
            if self.dialect is Dialect.SQLITE:
                # WAL: readers never block the writer, and a long ingest does not make other
                # writers fail with "database is locked" (they wait, up to the busy timeout).
                db.execute("PRAGMA journal_mode = WAL")
            db.executescript(SCHEMA)
            db.execute("INSERT OR IGNORE INTO store_generation (id, value) VALUES (1, 0)")

    @property
    def engine(self):
        """The SQLAlchemy engine of a PostgreSQL store (None for SQLite)."""
        return engine(self.url) if self.url else None

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """A connection whose ``with`` block is one transaction (commit on success)."""
        if self.url:
            with self._connect_postgresql() as db:
                yield db
            return
        db = sqlite3.connect(self.path, timeout=30)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA busy_timeout = 30000")
        db.execute("PRAGMA foreign_keys = ON")
        try:
            with db:
                yield db
        finally:
            db.close()

    @contextmanager
    def _connect_postgresql(self) -> Iterator[PgConnection]:
        db = PgConnection(self.engine.raw_connection())
        try:
            yield db
            db.commit()
        except BaseException:
            db.rollback()
            raise
        finally:
            db.close()

    def fingerprint(self) -> str:
        """Changes whenever the set of stored reports changes (cheap cache key)."""
        with self.connect() as db:
            rows = db.execute("SELECT id, sha256 FROM reports ORDER BY id").fetchall()
        # joined here, not with group_concat/string_agg: the one spelling both databases read
        return ",".join(f"{r[0]}:{r[1] or ''}" for r in rows)

    def generation(self) -> tuple[int, int]:
        """Changes whenever a report is written or deleted, by any process: cheaper than the
        fingerprint, which reads every report's id (the count catches a writer that did not
        count)."""
        with self.connect() as db:
            row = db.execute(
                "SELECT (SELECT value FROM store_generation WHERE id = 1), "
                "(SELECT count(*) FROM reports)"
            ).fetchone()
        return (row[0] or 0, row[1])

    def _changed(self, db: sqlite3.Connection) -> None:
        db.execute("UPDATE store_generation SET value = value + 1 WHERE id = 1")

    def report_ids(self) -> list[str]:
        with self.connect() as db:
            return [r[0] for r in db.execute("SELECT id FROM reports ORDER BY id")]

    def sha256_of(self, report_id: str) -> str | None:
        with self.connect() as db:
            row = db.execute("SELECT sha256 FROM reports WHERE id = ?", (report_id,)).fetchone()
        return row[0] if row else None

    def load_reports(self) -> list[Report]:
        """Every stored report; each is read whole when a field beyond its columns is used
        (``StoredReport``): a question about one area reads one report."""
        columns = ", ".join(COLUMNS)
        with self.connect() as db:
            rows = db.execute(f"SELECT {columns}, length(text) FROM reports ORDER BY id").fetchall()
        return [
            StoredReport.lazy(dict(zip(COLUMNS, r[:-1], strict=True)), r[-1], self.load_report)
            for r in rows
        ]

    def read_whole(self, reports: Sequence[Report]) -> None:
        """Read every field of ``reports`` not read yet, in one query (a server warming up
        reads them all: one query each took a quarter longer)."""
        lazy = {r.id: r for r in reports if isinstance(r, StoredReport) and not r.loaded()}
        if not lazy:
            return
        with self.connect() as db:
            rows = db.execute("SELECT id, sha256, data FROM reports ORDER BY id").fetchall()
        for rid, sha, data in rows:
            report = lazy.get(rid)
            if report is not None and report.sha256 == sha:
                report.fill(report_from_dict(json.loads(data)))
        # A report replaced since it was listed is read on first use, from its history.

    def load_report(self, report_id: str, sha256: str | None = None) -> Report:
        """The whole stored report ``report_id``, of version ``sha256`` when given (kept in
        its history once replaced)."""
        with self.connect() as db:
            row = db.execute(
                "SELECT data, sha256 FROM reports WHERE id = ?", (report_id,)
            ).fetchone()
            if row is not None and sha256 is not None and row[1] != sha256:
                row = db.execute(
                    "SELECT data FROM report_versions WHERE report_id = ? AND sha256 = ?",
                    (report_id, sha256),
                ).fetchone()
        if row is None:
            raise LookupError(f"report {report_id} is no longer stored")
        return report_from_dict(json.loads(row[0]))

    def write_report(self, db: sqlite3.Connection, report: Report) -> None:
        """Replace ``report`` inside the caller's transaction ``db``."""
        self._changed(db)
        db.execute("DELETE FROM reports WHERE id = ?", (report.id,))
        db.execute(
            "INSERT INTO reports (id, area, title, published, year, fieldwork, signatory, "
            "source_path, sha256, text, data) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                report.id,
                report.area,
                report.title,
                report.published,
                report.year,
                report.fieldwork,
                report.signatory,
                report.source_path,
                report.sha256,
                report.text,
                json.dumps(asdict(report)),
            ),
        )
        db.executemany(
            "INSERT INTO scores VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    report.id,
                    s.key,
                    s.name,
                    s.value,
                    s.band,
                    s.kind,
                    s.source.section,
                    s.source.heading,
                    s.source.quote,
                    s.source.page,
                )
                for s in report.all_scores()
            ],
        )
        items = [("recommendation", i) for i in report.recommendations]
        for c in report.criteria:
            items += [("strength", i) for i in c.strengths]
            items += [("area", i) for i in c.areas_for_improvement]
        db.executemany(
            "INSERT INTO items VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    report.id,
                    kind,
                    i.number,
                    i.position,
                    i.text,
                    i.owner,
                    i.source.section,
                    i.source.heading,
                    i.source.quote,
                    i.source.page,
                )
                for kind, i in items
            ],
        )
        db.executemany(
            "INSERT INTO glossary VALUES (?,?,?,?,?)",
            [
                (report.id, g.term, json.dumps(g.terms), g.definition, g.source.quote)
                for g in report.glossary
            ],
        )
        db.executemany(
            "INSERT INTO facts VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (
                    report.id,
                    f.value,
                    f.unit,
                    f.sentence,
                    f.source.section,
                    f.source.heading,
                    f.compared_with,
                    f.compared_value,
                    f.source.quote,
                )
                for f in report.facts
            ],
        )

    def delete_report(self, db: sqlite3.Connection, report_id: str) -> None:
        self._changed(db)
        db.execute("DELETE FROM reports WHERE id = ?", (report_id,))

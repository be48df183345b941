"""The versions of each report: every version stored is kept, so replace and remove are
reversible (`findings history`, `findings rollback`)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass
from pathlib import Path

from assistant.storage.database import Store, report_from_dict
from ingest.model import Report


@dataclass(frozen=True)
class Version:
    """One stored version of a report; ``number`` counts from 1, oldest first."""

    number: int
    report_id: str
    sha256: str
    file_name: str
    stored_at: str
    active: bool


class NoSuchVersion(LookupError):
    """A report or version the history does not hold, with a reason fit to show a user."""


def record(db: sqlite3.Connection, report: Report) -> None:
    """Keep ``report`` in the history (inside the caller's transaction); once per sha256."""
    db.execute(
        "INSERT OR IGNORE INTO report_versions (report_id, sha256, file_name, data) "
        "VALUES (?,?,?,?)",
        (
            report.id,
            report.sha256 or "",
            Path(report.source_path or "").name,
            json.dumps(asdict(report)),
        ),
    )


def record_active(db: sqlite3.Connection, report_id: str) -> None:
    """Keep the stored version of ``report_id`` (one stored before history existed, too)."""
    db.execute(
        "INSERT OR IGNORE INTO report_versions (report_id, sha256, file_name, stored_at, data) "
        "SELECT id, coalesce(sha256, ''), source_path, ingested_at, data FROM reports "
        "WHERE id = ?",
        (report_id,),
    )


def versions(store: Store, report_id: str) -> list[Version]:
    with store.connect() as db:
        active = db.execute("SELECT sha256 FROM reports WHERE id = ?", (report_id,)).fetchone()
        rows = db.execute(
            "SELECT report_id, sha256, file_name, stored_at FROM report_versions "
            "WHERE report_id = ? ORDER BY seq",
            (report_id,),
        ).fetchall()
    return [
        Version(
            number=n,
            report_id=r["report_id"],
            sha256=r["sha256"],
            file_name=Path(r["file_name"] or "").name,
            stored_at=r["stored_at"],
            active=active is not None and r["sha256"] == (active[0] or ""),
        )
        for n, r in enumerate(rows, 1)
    ]


def pick(store: Store, report_id: str, to: str | None) -> Version:
    """The version ``to`` names (its number, or a prefix of its sha256); by default the
    newest version that is not the stored one."""
    found = versions(store, report_id)
    if not found:
        raise NoSuchVersion(f"no history for '{report_id}' (nothing was ever stored under it)")
    if to is None:
        older = [v for v in found if not v.active]
        if not older:
            raise NoSuchVersion(f"'{report_id}' has only its stored version; nothing to go back to")
        return older[-1]
    wanted = to.strip().lower()
    if wanted.isdigit() and 1 <= int(wanted) <= len(found):
        return found[int(wanted) - 1]
    matches = [v for v in found if len(wanted) >= 4 and v.sha256.startswith(wanted)]
    if len(matches) == 1:
        return matches[0]
    numbers = ", ".join(str(v.number) for v in found)
    raise NoSuchVersion(f"'{report_id}' has no version '{to}' (versions: {numbers})")


def load(store: Store, version: Version) -> Report:
    with store.connect() as db:
        row = db.execute(
            "SELECT data FROM report_versions WHERE report_id = ? AND sha256 = ?",
            (version.report_id, version.sha256),
        ).fetchone()
    if row is None:
        raise NoSuchVersion(f"version {version.number} of '{version.report_id}' is gone")
    return report_from_dict(json.loads(row[0]))

"""`findings doctor`: the SQLite facts and the vector store checked against each other.

SQLite is the record: a report's stored version is its sha256 there. The vector store must
hold exactly that version's chunks. Chunks of any other version, or of a report SQLite does
not hold, are garbage from an interrupted write (dropped); missing chunks are re-indexed
from the stored report.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

from assistant.storage.chunks import report_chunks
from assistant.storage.database import report_from_dict
from assistant.storage.dialect import Dialect
from assistant.storage.index import Index, stored_version, version_id

_PAGE = 5000


@dataclass
class Finding:
    """One inconsistency, and whether it was repaired."""

    report_id: str
    problem: str
    repaired: bool = False

    def line(self) -> str:
        state = "repaired" if self.repaired else "NOT repaired"
        return f"{self.report_id}: {self.problem} ({state})"


@dataclass
class Checkup:
    reports: int = 0
    chunks: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def consistent(self) -> bool:
        """True when nothing is left wrong (all problems found were repaired)."""
        return all(f.repaired for f in self.findings)

    def lines(self) -> list[str]:
        out = [f.line() for f in self.findings]
        if not self.findings:
            out.append(f"consistent: {self.reports} reports, {self.chunks} chunks")
        elif self.consistent:
            out.append(f"repaired {len(self.findings)} problem(s); the store is consistent")
        else:
            bad = sum(not f.repaired for f in self.findings)
            out.append(f"{bad} problem(s) could not be repaired")
        return out


def checkup(index: Index, repair: bool = True) -> Checkup:
    """Check (and with ``repair``, fix) the store under the write lock."""
    result = Checkup()
    with index.lock:
        _check_sqlite(index, result)
        active = _active_reports(index, result)
        unreadable = {f.report_id for f in result.findings}
        held = _held_chunks(index)
        orphans: dict[str, list[str]] = defaultdict(list)
        for stored_id in held:
            report_id = stored_id.split(":", 1)[0].partition("@")[0]
            report = active.get(report_id)
            if report_id in unreadable:
                continue  # its chunks may still be right: rolling back decides
            if report is None or stored_version(stored_id) != version_id(report.sha256):
                orphans[report_id].append(stored_id)
        for report_id, ids in sorted(orphans.items()):
            what = "a report not in SQLite" if report_id not in active else "another version"
            finding = Finding(report_id, f"{len(ids)} orphan chunk(s) of {what}")
            if repair:
                index.collection.delete(ids=ids)
                finding.repaired = True
            result.findings.append(finding)
        for report_id, report in sorted(active.items()):
            version = version_id(report.sha256)
            wanted = {
                f"{report.id}@{version}:{d.id.split(':', 1)[1]}" for d in report_chunks(report)
            }
            missing = wanted - held
            if missing:
                finding = Finding(report_id, f"{len(missing)} of {len(wanted)} chunk(s) missing")
                if repair:
                    index.replace(report)  # the stored version: only what is missing is added
                    finding.repaired = True
                result.findings.append(finding)
        result.chunks = index.count()
    return result


def _check_sqlite(index: Index, result: Checkup) -> None:
    if index.store.dialect is not Dialect.SQLITE:
        return  # PostgreSQL checks its own pages and enforces its foreign keys
    with index.store.connect() as db:
        verdict = db.execute("PRAGMA integrity_check").fetchone()[0]
        dangling = db.execute("PRAGMA foreign_key_check").fetchall()
    if verdict != "ok":
        result.findings.append(Finding("(database)", f"SQLite integrity check: {verdict}"))
    if dangling:
        result.findings.append(
            Finding("(database)", f"{len(dangling)} row(s) refer to a missing report")
        )


def _active_reports(index: Index, result: Checkup) -> dict:
    """Stored reports by id; one whose data cannot be read is a finding (rollback fixes it)."""
    active = {}
    with index.store.connect() as db:
        rows = db.execute("SELECT id, data FROM reports ORDER BY id").fetchall()
    for row in rows:
        try:
            active[row["id"]] = report_from_dict(json.loads(row["data"]))
        except Exception as e:  # noqa: BLE001 - reported, not raised
            result.findings.append(
                Finding(row["id"], f"stored data unreadable ({type(e).__name__}); roll it back")
            )
    result.reports = len(rows)
    return active


def _held_chunks(index: Index) -> set[str]:
    held: set[str] = set()
    offset = 0
    while True:
        page = index.collection.get(include=[], limit=_PAGE, offset=offset)["ids"]
        held.update(page)
        if len(page) < _PAGE:
            return held
        offset += _PAGE

"""One write at a time per store, across every process that writes (CLI, web, workers): a lock
file beside a SQLite store, a PostgreSQL advisory lock when the database is PostgreSQL (the
servers sharing it may be on other machines)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from filelock import FileLock, Timeout

from assistant.storage.dialect import LOCK_KEY


class StoreBusy(RuntimeError):
    """Another process kept the store's write lock for longer than we were willing to wait."""


def _busy(timeout: float) -> StoreBusy:
    return StoreBusy(f"another process has been writing to the store for over {timeout:g} s")


class WriteLock:
    """A lock file beside the store. Re-entrant in one thread, so a write may call another."""

    def __init__(self, path: Path, timeout: float):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.timeout = timeout
        self._lock = FileLock(str(path))

    def __enter__(self) -> WriteLock:
        try:
            self._lock.acquire(timeout=self.timeout)
        except Timeout as e:
            raise _busy(self.timeout) from e
        return self

    def __exit__(self, *exc) -> None:
        self._lock.release()


class AdvisoryLock:
    """A PostgreSQL session advisory lock, held on a connection of its own for as long as the
    write lasts (the server frees it if the process dies). Re-entrant in one thread, across
    every lock object of the same database."""

    _POLL = 0.1
    _held = threading.local()  # per thread: {engine url: [connection, depth]}

    def __init__(self, engine, timeout: float):
        self.engine = engine
        self.timeout = timeout

    def _mine(self) -> dict:
        if not hasattr(self._held, "by_url"):
            self._held.by_url = {}
        return self._held.by_url

    def __enter__(self) -> AdvisoryLock:
        held = self._mine()
        key = str(self.engine.url)
        if key in held:
            held[key][1] += 1
        else:
            held[key] = [self._acquire(), 1]
        return self

    def _acquire(self):
        conn = self.engine.raw_connection()
        try:
            cursor = conn.driver_connection.cursor()
            deadline = time.monotonic() + self.timeout
            # polled with the try- form: pg_advisory_lock would wait with no time limit
            while True:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", (LOCK_KEY,))
                got = cursor.fetchone()[0]
                conn.driver_connection.commit()
                if got:
                    return conn
                if time.monotonic() >= deadline:
                    raise _busy(self.timeout)
                time.sleep(self._POLL)
        except BaseException:
            conn.close()
            raise

    def __exit__(self, *exc) -> None:
        held = self._mine()
        key = str(self.engine.url)
        held[key][1] -= 1
        if held[key][1]:
            return
        conn = held.pop(key)[0]
        try:
            conn.driver_connection.cursor().execute("SELECT pg_advisory_unlock(%s)", (LOCK_KEY,))
            conn.driver_connection.commit()
        finally:
            conn.close()


def write_lock(path: Path, timeout: float, engine=None) -> WriteLock | AdvisoryLock:
    """The write lock of a store: ``engine`` is its PostgreSQL engine, or None for SQLite."""
    return AdvisoryLock(engine, timeout) if engine is not None else WriteLock(path, timeout)

"""One write at a time per store, across every process that writes (CLI, web, workers)."""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout


class StoreBusy(RuntimeError):
    """Another process kept the store's write lock for longer than we were willing to wait."""


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
            raise StoreBusy(
                f"another process has been writing to the store for over {self.timeout:g} s"
            ) from e
        return self

    def __exit__(self, *exc) -> None:
        self._lock.release()

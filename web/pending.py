"""Uploads waiting for the user to confirm that they replace a stored report.

Without JavaScript the confirmation page cannot send the file again, so the server keeps it
for a while under a random key that only the uploader's page holds."""

from __future__ import annotations

import re
import secrets
import shutil
import time
from pathlib import Path

MAX_AGE = 3600.0  # seconds a confirmation stays possible
_KEY = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


class PendingUploads:
    """One folder per kept upload, named by its key, under ``root``."""

    def __init__(self, root: Path, max_age: float = MAX_AGE):
        self.root = root
        self.max_age = max_age

    def keep(self, path: Path) -> str:
        """Copy ``path`` aside (same file name) and return the key that confirms it."""
        self._sweep()
        key = secrets.token_urlsafe(18)
        folder = self.root / key
        folder.mkdir(parents=True)
        shutil.copyfile(path, folder / path.name)
        return key

    def path(self, key: str) -> Path | None:
        """The kept file for ``key``, if the key is well formed, known and not expired."""
        if not _KEY.match(key or ""):
            return None
        folder = self.root / key
        files = sorted(folder.iterdir()) if folder.is_dir() else []
        if len(files) != 1 or time.time() - folder.stat().st_mtime > self.max_age:
            return None
        return files[0]

    def discard(self, key: str) -> None:
        if _KEY.match(key or ""):
            shutil.rmtree(self.root / key, ignore_errors=True)

    def _sweep(self) -> None:
        if not self.root.is_dir():
            return
        now = time.time()
        for folder in self.root.iterdir():
            try:
                if now - folder.stat().st_mtime > self.max_age:
                    shutil.rmtree(folder, ignore_errors=True)
            except OSError:
                continue

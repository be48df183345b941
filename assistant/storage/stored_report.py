"""A stored report read in two steps: what its row's columns hold at once, the rest on first use.

Rebuilding every report of a store from its JSON took most of a fresh process's first answer at
1,000 reports (about 1.5 s), though a question about one area needs one report and the indexes
built from the others (``assistant.answers.derived``). A ``StoredReport`` is a ``Report`` whose
id, area, title, year and the like come from the row's columns; reading any other field reads
the whole stored version (its id and file hash, so a report replaced since is never mixed in).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import fields

from ingest.model import Report

# The fields the ``reports`` table holds as columns, read for every report at once.
COLUMNS = (
    "id",
    "area",
    "title",
    "published",
    "year",
    "fieldwork",
    "signatory",
    "source_path",
    "sha256",
)
_FIELDS = frozenset(f.name for f in fields(Report))


class StoredReport(Report):
    """A ``Report`` whose fields beyond ``COLUMNS`` are read when first used."""

    @classmethod
    def lazy(
        cls, row: dict, text_length: int, load: Callable[[str, str | None], Report]
    ) -> StoredReport:
        """A report of one stored row: ``load(id, sha256)`` reads the whole of it."""
        self = cls.__new__(cls)
        self.__dict__.update(row)
        self.__dict__["_text_length"] = text_length
        self.__dict__["_load"] = load
        self.__dict__["_loading"] = threading.Lock()
        return self

    def version_key(self) -> tuple:
        length = self.__dict__.get("_text_length")
        return (self.id, self.sha256, len(self.text) if length is None else length)

    def __getattr__(self, name: str):
        # Only called for an attribute not yet set: a field not read yet.
        load = self.__dict__.get("_load")
        if name not in _FIELDS or load is None:
            raise AttributeError(name)
        with self.__dict__["_loading"]:
            if name not in self.__dict__:
                self._fill(load(self.__dict__["id"], self.__dict__.get("sha256")))
        return self.__dict__[name]

    def fill(self, whole: Report) -> None:
        """Take the fields not read yet from ``whole`` (this version, read with others)."""
        with self.__dict__["_loading"]:
            self._fill(whole)

    def _fill(self, whole: Report) -> None:
        for f in _FIELDS:
            self.__dict__.setdefault(f, getattr(whole, f))

    def loaded(self) -> bool:
        """Whether the whole report has been read (for tests and measurements)."""
        return "_load" not in self.__dict__ or self.__dict__.keys() >= _FIELDS

    def __reduce__(self):
        # A copy or a pickle is an ordinary, whole report.
        return (_rebuild, ({f: getattr(self, f) for f in _FIELDS},))


class _Unread:
    """A field the ``Report`` class gives a default (``format``, ``region``): the default is a
    class attribute, found before ``__getattr__`` is ever asked, so such a field reads the
    stored report itself instead of answering the default."""

    def __init__(self, name: str):
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return getattr(Report, self.name)
        if self.name in obj.__dict__:
            return obj.__dict__[self.name]
        return obj.__getattr__(self.name)

    def __set__(self, obj, value) -> None:
        obj.__dict__[self.name] = value


for _name in sorted(_FIELDS - set(COLUMNS)):
    if hasattr(Report, _name):
        setattr(StoredReport, _name, _Unread(_name))


def _rebuild(values: dict) -> Report:
    return Report(**values)

"""What is derived from every stored report is saved once per store change and read back by a
fresh process: the same values as computed, a new key after any change, never half-written;
and a stored report is read whole only when a field beyond its row's columns is used."""

from __future__ import annotations

import pickle
from dataclasses import asdict
from pathlib import Path

import pytest
from answer_fakes import make_findings

from assistant.answers import derived
from assistant.answers.catalogue import entries
from assistant.answers.intent import area_finder, catalog
from assistant.answers.retrieve import corpus_words, glossary_groups
from assistant.storage.stored_report import StoredReport

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ROOT / "tests" / "data" / "formats"
REPORTS = [
    ROOT / "data" / "reports" / "sefton-yot-2009.txt",
    ROOT / "tests" / "data" / "wessex-vale-yot-2011.txt",
    FORMATS / "ratings-harrowfield-2021.txt",
]
PERSISTED = (catalog, area_finder, corpus_words, glossary_groups, entries)


@pytest.fixture
def findings(tmp_path):
    found = make_findings(tmp_path / "store", reports=REPORTS)
    yield found
    derived.use_folder(None)


def _folder(findings) -> Path:
    return findings.settings.store / "cache" / "derived"


def _forget() -> None:
    """As a fresh process: nothing in memory."""
    for fn in PERSISTED:
        fn.cache.clear()


def _plain(value):
    """A value as comparable data (``SpellingFinder`` defines no equality)."""
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if hasattr(value, "__dict__") and not hasattr(value, "__dataclass_fields__"):
        return {k: _plain(v) for k, v in vars(value).items()}
    return value


def _fresh_reports(findings):
    findings._reports = None
    return findings.reports()


def test_stored_reports_are_read_whole_only_when_needed(findings):
    reports = _fresh_reports(findings)
    assert all(isinstance(r, StoredReport) for r in reports)
    assert not any(r.loaded() for r in reports)
    # The columns and the version key need no reading of the report.
    keys = [r.version_key() for r in reports]
    assert not any(r.loaded() for r in reports)
    first = reports[0]
    assert first.headline_scores is not None  # a field beyond the columns: the whole report
    assert first.loaded() and not any(r.loaded() for r in reports[1:])
    whole = findings.store.load_report(first.id)
    assert asdict(first) == asdict(whole)
    assert keys[0] == whole.version_key()
    # A copy is an ordinary, whole report.
    assert asdict(pickle.loads(pickle.dumps(reports[1]))) == asdict(
        findings.store.load_report(reports[1].id)
    )


def test_derived_values_are_saved_and_read_back_the_same(findings, monkeypatch):
    reports = _fresh_reports(findings)
    _forget()
    computed = {fn.__name__: fn.uncached(reports) for fn in PERSISTED}
    values = {fn.__name__: fn(reports) for fn in PERSISTED}
    folders = [p for p in _folder(findings).iterdir() if p.is_dir()]
    assert len(folders) == 1
    names = sorted(p.name for p in folders[0].iterdir())
    assert names == sorted(
        f"{n}.pickle" for n in ("catalog", "area-finder", "corpus-words", "glossary", "catalogue")
    )
    # A fresh process reads them and computes nothing, reading no report.
    _forget()
    reports = _fresh_reports(findings)
    for fn in PERSISTED:
        monkeypatch.setattr(fn, "uncached", None)
    calls = []
    read = derived._read
    monkeypatch.setattr(derived, "_read", lambda p: calls.append(p.name) or read(p))
    again = {fn.__name__: fn(reports) for fn in PERSISTED}
    assert len(calls) == len(PERSISTED)
    assert not any(r.loaded() for r in reports)
    for name, value in computed.items():
        assert _plain(again[name]) == _plain(value) == _plain(values[name]), name


def test_a_store_change_is_a_new_key(findings):
    reports = _fresh_reports(findings)
    _forget()
    before = catalog(reports)
    assert findings.remove(reports[-1].id)
    fewer = _fresh_reports(findings)
    _forget()
    after = catalog(fewer)
    assert set(after.areas) == {r.id for r in fewer} != set(before.areas)
    assert after == catalog.uncached(fewer)
    assert len([p for p in _folder(findings).iterdir() if p.is_dir()]) == 2


def test_a_write_that_fails_leaves_no_file(tmp_path, monkeypatch):
    target = tmp_path / "key" / "value.pickle"

    def broken(value, f, protocol=None):
        f.write(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(derived.pickle, "dump", broken)
    derived._write(target, {"a": 1})  # logged, not raised: the value stays in memory
    assert not target.exists()
    assert list(target.parent.iterdir()) == []


def test_an_unreadable_file_is_computed_again(findings):
    reports = _fresh_reports(findings)
    _forget()
    catalog(reports)
    (path,) = _folder(findings).glob("*/catalog.pickle")
    path.write_bytes(b"not a pickle")
    _forget()
    assert catalog(reports) == catalog.uncached(reports)


def test_the_same_answers_with_and_without_the_saved_values(findings):
    questions = (
        "What was the safeguarding score in Sefton?",
        "What does RoSH mean?",
        "Which areas were rated Good overall?",
    )
    _forget()
    derived.use_folder(None)
    findings._reports = None
    without = [findings.answerer.answer(q)[0].to_dict() for q in questions]
    _forget()
    findings._reports = None
    findings.reports()  # sets the folder
    first = [findings.answerer.answer(q)[0].to_dict() for q in questions]
    _forget()
    findings._reports = None
    read_back = [findings.answerer.answer(q)[0].to_dict() for q in questions]
    assert without == first == read_back
    assert any(_folder(findings).glob("*/catalog.pickle"))


def test_warming_reads_every_report_in_one_query(findings, monkeypatch):
    reports = _fresh_reports(findings)
    one_by_one = []
    monkeypatch.setattr(findings.store, "load_report", lambda *a: one_by_one.append(a))
    findings.store.read_whole(reports)
    assert all(r.loaded() for r in reports) and one_by_one == []
    for r in reports:
        assert asdict(r) == asdict(type(findings.store).load_report(findings.store, r.id))


def test_only_the_whole_store_is_saved(findings):
    reports = _fresh_reports(findings)
    _forget()
    part = reports[:2]
    assert catalog(part) == catalog.uncached(part)  # a question's scope: kept in memory
    assert not _folder(findings).exists() or not any(_folder(findings).iterdir())
    catalog(reports)
    assert len(list(_folder(findings).glob("*/catalog.pickle"))) == 1

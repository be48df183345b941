"""Crash-safe, multi-process writes: kill -9 at random moments, concurrent writers, and
explicit, reversible replace (history, rollback, remove) with doctor checking the store."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.core import Findings
from assistant.settings import Settings
from tests.answer_fakes import HashEmbedder
from tests.conftest import FICTIONAL

ROOT = Path(__file__).resolve().parent.parent
KILLS = 20


def _versions(folder: Path, glossary_entries: int = 0) -> tuple[Path, Path]:
    """Two versions of the fictional report: criterion 1.1 scored 55% and 56%. A long
    glossary makes the write (chunks, vectors, rows) long enough to be killed inside."""
    text = FICTIONAL.read_text(encoding="utf-8")
    if glossary_entries:
        text += "\n".join(
            f"TX{i} Team Experiment number {i}, a fictional term" for i in range(glossary_entries)
        )
    a, b = folder / "report-a.txt", folder / "report-b.txt"
    a.write_text(text, encoding="utf-8")
    changed = text.replace("55% SUBSTANTIAL", "56% SUBSTANTIAL", 1)
    assert changed != text
    b.write_text(changed, encoding="utf-8")
    return a, b


def _child(*args: str) -> subprocess.Popen:
    err = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - lives as long as the child
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.store_child", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        # a file, not a pipe (a full pipe would stall the child): read when a child fails
        stderr=err,
        text=True,
    )
    proc.err = err
    return proc


def _result(proc: subprocess.Popen) -> dict:
    """The JSON line a child printed last, or a failure that shows the child's stderr."""
    out, _ = proc.communicate(timeout=600)
    lines = out.strip().splitlines()
    if proc.returncode != 0 or not lines or not lines[-1].startswith("{"):
        proc.err.seek(0)
        pytest.fail(f"child {proc.args[3:]} exited {proc.returncode}: {out!r}\n{proc.err.read()}")
    return json.loads(lines[-1])


def _run(*args: str) -> dict:
    return _result(_child(*args))


def _kill_then_check(store: Path, path: Path, delay: float, *extra: str) -> dict:
    proc = _child("ingest", str(store), str(path), "--replace", *extra)
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    doctor = _run("doctor", str(store), *extra)
    assert doctor["consistent"], doctor
    return doctor["state"]


def _assert_whole(state: dict, a_sha: str, b_sha: str) -> None:
    [(report_id, got)] = state.items()
    assert report_id == "wessex-vale-2011"
    expected = {a_sha: 55, b_sha: 56}
    assert got["sha256"] in expected, "neither the old nor the new version is stored"
    assert got["score_1_1"] == expected[got["sha256"]], "facts of one version, sha of another"


def _sha(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_kill_9_at_random_moments_leaves_old_or_new_whole(tmp_path):
    a, b = _versions(tmp_path, glossary_entries=1500)
    store = tmp_path / "store"
    first = _run("ingest", str(store), str(a))
    assert first["status"] == "ingested"
    # how long the write takes, so the kills land inside it (and a few after it)
    proc = _child("ingest", str(store), str(b), "--replace")
    assert proc.stdout.readline().strip() == "ready"
    started = time.monotonic()
    proc.communicate(timeout=600)
    work = time.monotonic() - started
    rng = random.Random(11)
    outcomes = set()
    for k in range(KILLS):
        target = (a, b)[k % 2]
        state = _kill_then_check(store, target, rng.uniform(0, work * 1.1))
        _assert_whole(state, _sha(a), _sha(b))
        outcomes.add(state["wessex-vale-2011"]["sha256"] == _sha(target))
    assert outcomes == {True, False}, "the kills never interrupted a write, or never let one end"
    restored = _run("ingest", str(store), str(a), "--replace")
    assert restored["status"] in ("replaced", "unchanged", "ingested")
    state = _run("state", str(store))
    assert state["wessex-vale-2011"]["sha256"] == _sha(a)
    assert state["wessex-vale-2011"]["chunks"] == restored["chunks"]


@pytest.mark.e2e
def test_kill_9_with_the_real_model(tmp_path):
    a, b = _versions(tmp_path)
    store = tmp_path / "store"
    assert _run("ingest", str(store), str(a), "--real")["status"] == "ingested"
    state = _kill_then_check(store, b, 1.0, "--real")
    _assert_whole(state, _sha(a), _sha(b))
    again = _run("ingest", str(store), str(b), "--replace", "--real")
    assert again["status"] in ("replaced", "unchanged")
    assert _run("state", str(store))["wessex-vale-2011"]["score_1_1"] == 56


def test_two_processes_ingesting_two_versions_one_wins_whole(tmp_path):
    a, b = _versions(tmp_path, glossary_entries=500)
    store = tmp_path / "store"
    procs = [_child("ingest", str(store), str(p)) for p in (a, b)]
    results = [_result(p) for p in procs]
    assert sorted(r["status"] for r in results) == ["ingested", "needs-replace"], results
    winner = (a, b)[[r["status"] for r in results].index("ingested")]
    state = _run("state", str(store))
    _assert_whole(state, _sha(a), _sha(b))
    assert state["wessex-vale-2011"]["sha256"] == _sha(winner)
    assert _run("doctor", str(store))["repaired"] == []
    # both with --replace: both succeed one after the other; the store holds one of them whole
    procs = [_child("ingest", str(store), str(p), "--replace") for p in (b, a)]
    results = [_result(p) for p in procs]
    assert all(r["status"] in ("replaced", "unchanged") for r in results), results
    doctor = _run("doctor", str(store))
    assert doctor["repaired"] == [] and doctor["consistent"]
    _assert_whole(doctor["state"], _sha(a), _sha(b))


# --- replace, history, rollback, remove (in one process, on the test embedder) ------------


@pytest.fixture
def core(tmp_path) -> Findings:
    return Findings(
        Settings(store=tmp_path / "store", auto_ingest_sample=False), embedder=HashEmbedder()
    )


def _score(core: Findings) -> int:
    return core.report("wessex-vale-2011").criterion("1.1").score.value


def _chunk_versions(core: Findings) -> set[str]:
    return {m["version"] for m in core.index.collection.get(include=["metadatas"])["metadatas"]}


def test_replace_is_explicit_and_kept_in_history(core, tmp_path):
    a, b = _versions(tmp_path)
    assert core.ingest([a])[0].status == "ingested"
    refused = core.ingest([b])[0]
    assert refused.status == "needs-replace" and not refused.ok and "\n" not in refused.error
    assert _score(core) == 55 and [v.active for v in core.history("wessex-vale-2011")] == [True]
    assert core.ingest([b], replace=True)[0].status == "replaced"
    assert _score(core) == 56
    versions = core.history("wessex-vale-2011")
    assert [(v.number, v.active, v.file_name) for v in versions] == [
        (1, False, "report-a.txt"),
        (2, True, "report-b.txt"),
    ]
    assert versions[0].sha256 == _sha(a) and versions[1].stored_at
    assert _chunk_versions(core) == {_sha(b)[:12]}  # the old chunks are gone
    assert core.doctor(repair=False).consistent


def test_rollback_restores_facts_and_vectors(core, tmp_path):
    a, b = _versions(tmp_path)
    core.ingest([a])
    chunks = core.index.count()
    core.ingest([b], replace=True)
    version = core.rollback("wessex-vale-2011")
    assert version.number == 1 and _score(core) == 55
    assert _chunk_versions(core) == {_sha(a)[:12]} and core.index.count() == chunks
    assert core.rollback("wessex-vale-2011", to="2").number == 2 and _score(core) == 56
    assert core.rollback("wessex-vale-2011", to=_sha(a)[:8]).sha256 == _sha(a)
    assert core.ingest([a])[0].status == "unchanged"
    from assistant.storage.history import NoSuchVersion

    with pytest.raises(NoSuchVersion, match="no version '7'"):
        core.rollback("wessex-vale-2011", to="7")
    with pytest.raises(NoSuchVersion, match="no history"):
        core.rollback("nowhere-2001")


def test_remove_keeps_history_and_rollback_brings_it_back(core, tmp_path):
    a, _ = _versions(tmp_path)
    core.ingest([a])
    assert core.remove("wessex-vale-2011") is True
    assert core.report("wessex-vale-2011") is None and core.index.count() == 0
    assert core.remove("wessex-vale-2011") is False
    assert [v.active for v in core.history("wessex-vale-2011")] == [False]
    core.rollback("wessex-vale-2011")
    assert _score(core) == 55 and core.index.count() > 0
    assert core.doctor(repair=False).consistent


def test_unchanged_is_checked_against_the_vector_store(core, tmp_path):
    a, _ = _versions(tmp_path)
    first = core.ingest([a])[0]
    some = core.index.collection.get(include=[])["ids"][:5]
    core.index.collection.delete(ids=some)  # chunks lost behind SQLite's back
    again = core.ingest([a])[0]
    assert again.status == "ingested" and core.index.count() == first.chunks


def test_doctor_drops_orphans_and_reindexes_missing(core, tmp_path):
    a, b = _versions(tmp_path)
    core.ingest([a])
    total = core.index.count()
    core.index.collection.add(
        ids=["wessex-vale-2011@deadbeef0000:x", "gone-2001@abc:y"],
        embeddings=[[0.1] * 256, [0.2] * 256],
        documents=["stale", "orphan"],
        metadatas=[{"report": "wessex-vale-2011", "version": "deadbeef0000"}, {"report": "g"}],
    )
    core.index.collection.delete(ids=core.index.collection.get(include=[])["ids"][:3])
    checked = core.doctor(repair=False)
    assert not checked.consistent and len(checked.findings) == 3
    fixed = core.doctor()
    assert fixed.consistent and "repaired 3 problem(s)" in fixed.lines()[-1]
    assert core.index.count() == total
    assert core.doctor().lines() == [f"consistent: 1 reports, {total} chunks"]


def test_cli_replace_history_rollback_remove_doctor(core, tmp_path, monkeypatch):
    import assistant.cli as cli

    monkeypatch.setattr(cli, "get_findings", lambda: core)
    run = CliRunner().invoke
    a, b = _versions(tmp_path)
    assert run(cli.app, ["ingest", str(a)]).exit_code == 0
    refused = run(cli.app, ["ingest", str(b)])
    assert refused.exit_code == 2 and "--replace" in refused.output
    assert len([ln for ln in refused.output.splitlines() if ln.strip()]) == 1
    assert run(cli.app, ["ingest", "--replace", str(b)]).exit_code == 0
    listed = run(cli.app, ["history", "wessex-vale-2011"])
    assert listed.exit_code == 0 and "report-a.txt" in listed.output and "stored" in listed.output
    back = run(cli.app, ["rollback", "wessex-vale-2011"])
    assert back.exit_code == 0 and "version 1" in back.output and _score(core) == 55
    bad = run(cli.app, ["rollback", "wessex-vale-2011", "--to", "9"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output
    assert run(cli.app, ["remove", "wessex-vale-2011"]).exit_code == 0
    assert "is removed" in run(cli.app, ["history", "wessex-vale-2011"]).output
    assert run(cli.app, ["remove", "wessex-vale-2011"]).exit_code == 2
    doctor = run(cli.app, ["doctor"])
    assert doctor.exit_code == 0 and "consistent" in doctor.output


def _open_store(path: str, start: float) -> str:
    from assistant.storage.database import Store

    time.sleep(max(0.0, start - time.time()))
    try:
        Store(Path(path))
    except Exception as e:  # reported, not raised: the parent counts the failures
        return f"{type(e).__name__}: {e}"
    return "ok"


def test_many_processes_opening_a_new_store_at_once_all_succeed(tmp_path):
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(8) as pool:
        for round_ in range(4):
            path = str(tmp_path / f"store-{round_}" / "findings.sqlite3")
            start = time.time() + 1.5  # every process opens at the same moment
            outcomes = pool.starmap(_open_store, [(path, start)] * 8)
            assert outcomes == ["ok"] * 8, outcomes

"""The package layers hold: import-linter's contracts (pyproject.toml) are all kept."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _contracts() -> list[dict]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return config["tool"]["importlinter"]["contracts"]


def test_the_layer_contracts_are_declared():
    contracts = {c["name"]: c for c in _contracts()}
    layers = [c for c in contracts.values() if c["type"] == "layers"]
    assert any(c["layers"] == ["web", "assistant", "ingest"] for c in layers)
    language = [c for c in contracts.values() if c.get("source_modules") == ["ingest.text"]]
    assert language and {"assistant", "web", "ingest.model"} <= set(
        language[0]["forbidden_modules"]
    )


def test_import_linter_keeps_every_contract():
    # A process of its own, so that this checkout's packages are the ones analysed.
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports; "
            "sys.exit(lint_imports(no_logo=True, no_cache=True))",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"{len(_contracts())} kept, 0 broken" in run.stdout

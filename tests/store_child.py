"""`python -m tests.store_child ACTION STORE [FILE] [--replace] [--real]`: one store action
in a process of its own, for the crash and concurrency tests. Prints one JSON line.

ACTION: ingest (FILE), doctor (repair, check again, and the state), state (the
stored reports)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from assistant.core import Findings
from assistant.settings import Settings
from tests.answer_fakes import HashEmbedder


def main(argv: list[str]) -> None:
    flags = {a for a in argv if a.startswith("--")}
    action, store, *rest = [a for a in argv if not a.startswith("--")]
    embedder = None if "--real" in flags else HashEmbedder()
    if embedder is None:
        from assistant.embeddings import get_embedder

        embedder = get_embedder()
    core = Findings(Settings(store=Path(store), auto_ingest_sample=False), embedder=embedder)
    _ = core.index  # imports and clients ready: what follows is the work a kill interrupts
    print("ready", flush=True)
    if action == "ingest":
        [r] = core.ingest([Path(rest[0])], replace="--replace" in flags)
        out = {"status": r.status, "error": r.error, "report": r.report_id, "chunks": r.chunks}
    elif action == "doctor":
        first = core.doctor(repair=True)
        again = core.doctor(repair=False)
        out = {
            "repaired": [f.line() for f in first.findings],
            "consistent": first.consistent and again.consistent and not again.findings,
            "state": _state(core),
        }
    else:
        out = _state(core)
    print(json.dumps(out), flush=True)


def _state(core: Findings) -> dict:
    return {
        r.id: {
            "sha256": r.sha256,
            "score_1_1": r.criterion("1.1").score.value if r.criterion("1.1") else None,
            "chunks": core.index.count(r.id),
        }
        for r in core.reports()
    }


if __name__ == "__main__":
    main(sys.argv[1:])

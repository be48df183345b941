"""What the pages and the JSON API both do: ask, check, ingest uploads, rate answers."""

from __future__ import annotations

import re
import secrets
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from fastapi import HTTPException, Request

from assistant.core import Findings
from assistant.storage.index import IngestResult
from web import ownership
from web.pending import PendingUploads
from web.redact import without_paths
from web.security import Caller

_INGEST_LOCK = threading.Lock()  # one ingest at a time: SQLite and Chroma change together
_UNSAFE = re.compile(r"[^\w.\- ]+")


def findings_of(request: Request) -> Findings:
    return request.app.state.findings


def token_required(findings: Findings) -> bool:
    return bool(findings.settings.api_token)


def check_token(findings: Findings, authorization: str | None, form_token: str | None) -> None:
    """Raise 401 unless the configured API token (if any) came as a Bearer header or form field."""
    expected = findings.settings.api_token
    if not expected:
        return
    given = form_token or ""
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    if not given or not secrets.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(
            status_code=401,
            detail="this server needs its API token (FINDINGS_API_TOKEN) to add reports",
            headers={"WWW-Authenticate": "Bearer"},
        )


def answer_dict(
    findings: Findings,
    question: str,
    conversation_id: str | None,
    report: str | None,
    *,
    caller: Caller,
) -> dict:
    """``Findings.ask`` as a dict (an unknown report filter is answered as not found); only the
    caller's own conversation can be continued, and a new one becomes the caller's."""
    if conversation_id and not ownership.may_use(findings, conversation_id, caller, new=True):
        raise HTTPException(404, detail=f"no conversation '{conversation_id}'")
    try:
        answer = findings.ask(question, conversation_id=conversation_id, report=report).to_dict()
    except ValueError as e:  # the answerer's own input checks, should the edge miss one
        raise HTTPException(422, detail=str(e)) from e
    ownership.claim(findings, answer["conversation_id"], caller)
    return answer


def _about(reports: list, report: str | None) -> list | None:
    """The reports a check is about, when the caller names one (404 when none is loaded)."""
    from assistant import claims

    if not report:
        return None
    try:
        return claims.reports_named(reports, report)
    except claims.UnknownReport as e:
        raise HTTPException(404, detail=str(e)) from e


def check_claim_dict(findings: Findings, claim: str, report: str | None = None) -> dict:
    from assistant import claims

    reports = findings.reports()
    about = _about(reports, report)
    narrowing = findings.claim_narrowing()
    return claims.to_dict(claims.check_claim(claim, reports, about, narrowing))


def check_text_dicts(findings: Findings, text: str, report: str | None = None) -> list[dict]:
    from assistant import claims

    reports = findings.reports()
    about = _about(reports, report)
    narrowing = findings.claim_narrowing()
    return [claims.to_dict(r) for r in claims.check_text(text, reports, about, narrowing)]


def conversation_turns(
    findings: Findings, conversation_id: str, *, caller: Caller
) -> list[dict] | None:
    """The turns of a stored conversation as answer dicts plus ``question``; None if unknown
    or not the caller's."""
    from web.transcripts import turns

    if not ownership.may_use(findings, conversation_id, caller):
        return None
    return turns(findings, conversation_id)


@dataclass
class Upload:
    filename: str
    file: BinaryIO


def safe_name(filename: str | None) -> str:
    """The upload's base name, stripped of anything a path or shell could misread."""
    name = Path((filename or "").replace("\\", "/")).name
    stem, suffix = Path(name).stem, Path(name).suffix
    stem = _UNSAFE.sub("_", stem).strip(" .")[:80] or "upload"
    suffix = _UNSAFE.sub("", suffix)[:10]
    return stem + suffix


def _result(name: str, r: IngestResult) -> dict:
    return {
        "file": name,
        "ok": r.ok and r.status != "needs-replace",
        "status": r.status,
        "report_id": r.report_id,
        "error": without_paths(r.error),
        "scores": r.scores,
        "findings": r.findings,
        "recommendations": r.recommendations,
        "glossary": r.glossary,
        "facts": r.facts,
    }


def pending_uploads(findings: Findings) -> PendingUploads:
    return PendingUploads(findings.settings.store / "pending-uploads")


def ingest_status(results: list[dict]) -> int:
    """200 when every file went in, 409 when one awaits confirmation to replace, else 422."""
    if any(r["status"] == "failed" for r in results):
        return 422
    return 409 if any(r["status"] == "needs-replace" for r in results) else 200


def ingest_uploads(
    findings: Findings, uploads: list[Upload], *, replace: bool = False, keep: bool = False
) -> list[dict]:
    """Save each upload to a temp file (original suffix kept) and ingest it like the CLI does.
    A changed version of a stored report replaces it only with ``replace``; otherwise its
    result says "needs-replace" and, with ``keep``, carries the key that confirms it later."""
    results = []
    with tempfile.TemporaryDirectory(prefix="findings-upload-") as tmp:
        for n, upload in enumerate(uploads):
            name = safe_name(upload.filename)
            folder = Path(tmp) / str(n)  # one folder per upload: same names cannot collide
            folder.mkdir()
            path = folder / name
            with path.open("wb") as out:
                shutil.copyfileobj(upload.file, out)
            with _INGEST_LOCK:
                got = findings.ingest([path], replace=replace)
            if not got:
                results.append(
                    {
                        **_result(name, IngestResult(path=path, status="failed")),
                        "error": "no report file found",
                    }
                )
            for r in got:
                results.append(_result(name, r))
                if keep and r.status == "needs-replace":
                    results[-1]["pending"] = pending_uploads(findings).keep(path)
    return results


def ingest_pending(findings: Findings, key: str) -> list[dict] | None:
    """Replace a stored report with a kept upload (the user confirmed); None if it is gone."""
    pending = pending_uploads(findings)
    path = pending.path(key)
    if path is None:
        return None
    with _INGEST_LOCK:
        got = findings.ingest([path], replace=True)
    pending.discard(key)
    return [_result(path.name, r) for r in got]

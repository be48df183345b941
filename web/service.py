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
    findings: Findings, question: str, conversation_id: str | None, report: str | None
) -> dict:
    """``Findings.ask`` as a dict (an unknown report filter is answered as not found)."""
    try:
        return findings.ask(question, conversation_id=conversation_id, report=report).to_dict()
    except ValueError as e:  # the answerer's own input checks, should the edge miss one
        raise HTTPException(422, detail=str(e)) from e


def check_claim_dict(findings: Findings, claim: str) -> dict:
    from assistant import claims

    return claims.to_dict(claims.check_claim(claim, findings.reports()))


def check_text_dicts(findings: Findings, text: str) -> list[dict]:
    from assistant import claims

    return [claims.to_dict(r) for r in claims.check_text(text, findings.reports())]


def conversation_turns(findings: Findings, conversation_id: str) -> list[dict] | None:
    """The turns of a stored conversation as answer dicts plus ``question``; None if unknown."""
    from web.transcripts import turns

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
        "ok": r.ok,
        "status": r.status,
        "report_id": r.report_id,
        "error": r.error,
        "scores": r.scores,
        "findings": r.findings,
        "recommendations": r.recommendations,
        "glossary": r.glossary,
        "facts": r.facts,
    }


def ingest_uploads(findings: Findings, uploads: list[Upload]) -> list[dict]:
    """Save each upload to a temp file (original suffix kept) and ingest it like the CLI does."""
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
                got = findings.ingest([path])
            if not got:
                results.append(
                    {
                        **_result(name, IngestResult(path=path, status="failed")),
                        "error": "no report file found",
                    }
                )
            results += [_result(name, r) for r in got]
    return results

"""The JSON API under /api: the same core the pages use, one route per page concern."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, File, Form, Header, HTTPException, Query, Request, UploadFile
from fastapi.responses import JSONResponse, PlainTextResponse

from assistant import quiz
from assistant.render import report_json
from assistant.storage import feedback as fb
from web import security, service
from web.glossary_view import cached_glossary
from web.presenters import conversation_markdown
from web.redact import file_name, without_paths
from web.schemas import (
    AskRequest,
    AskResponse,
    CheckRequest,
    CheckTextResponse,
    ClaimResult,
    FeedbackRequest,
    FeedbackResponse,
    IngestFileResult,
    QuizAnswerRequest,
)

router = APIRouter(prefix="/api", tags=["api"])


@router.get("/health", summary="200 when the store is readable and the app is ready")
def health(request: Request) -> JSONResponse:
    findings = service.findings_of(request)
    try:
        ids = findings.store.report_ids()
    except Exception as e:  # noqa: BLE001 - health reports any failure, it never raises
        return JSONResponse({"status": "error", "error": without_paths(str(e))}, status_code=503)
    ready = bool(getattr(request.app.state, "ready", False))
    return JSONResponse(
        {"status": "ok" if ready else "starting", "reports": ids},
        status_code=200 if ready else 503,
    )


@router.post("/ask", response_model=AskResponse, summary="Answer a question, with citations")
def ask(body: AskRequest, request: Request) -> dict:
    return service.answer_dict(
        service.findings_of(request),
        body.question,
        body.conversation_id,
        body.report,
        caller=security.caller_of(request),
    )


@router.post(
    "/check",
    response_model=ClaimResult | CheckTextResponse,
    response_model_exclude_unset=True,  # "span" belongs to text mode only
    summary="Check a numeric claim, or every claim in a paragraph",
)
def check(body: CheckRequest, request: Request) -> dict:
    findings = service.findings_of(request)
    if body.claim is not None:
        return service.check_claim_dict(findings, body.claim, body.report)
    return {"results": service.check_text_dicts(findings, body.text or "", body.report)}


def _summary(r) -> dict:
    return {
        "id": r.id,
        "area": r.area,
        "title": r.title,
        "published": r.published,
        "year": r.year,
        "fieldwork": r.fieldwork,
        "headline_scores": [
            {"key": s.key, "name": s.name, "value": s.value, "band": s.band}
            for s in r.headline_scores
        ],
    }


@router.get("/reports", summary="The loaded reports with their headline scores")
def reports(request: Request) -> list[dict]:
    return [_summary(r) for r in service.findings_of(request).reports()]


@router.get("/reports/{report_id}", summary="One structured report (without its full text)")
def report(report_id: str, request: Request) -> dict:
    found = service.findings_of(request).report(report_id)
    if found is None:
        raise HTTPException(404, detail=f"no report '{report_id}' is loaded")
    data = report_json(found)
    data["source_path"] = file_name(data.get("source_path"))  # never a server path
    return data


@router.get("/glossary", summary="Every glossary term A-Z, with where it is used in findings")
def glossary(
    request: Request,
    q: Annotated[str | None, Query(max_length=200, description="Filter by text")] = None,
) -> list[dict]:
    items, _ = cached_glossary(service.findings_of(request).reports())
    needle = (q or "").strip().lower()
    return [
        {
            "term": i.term,
            "definitions": [
                {
                    "report": rid,
                    "definition": d,
                    "section": s.section,
                    "heading": s.heading,
                    "quote": s.quote,
                    "page": s.page,
                }
                for rid, d, s in i.definitions
            ],
            "used_in": [
                {"report": u.report, "section": u.section, "heading": u.heading} for u in i.uses
            ],
        }
        for i in items
        if needle in i.search
    ]


@router.get("/quiz", summary="Multiple-choice training questions (answers checked separately)")
def quiz_questions(
    request: Request,
    seed: Annotated[int, Query(ge=0, le=2**31)] = 0,
    n: Annotated[int, Query(ge=1, le=50)] = 10,
) -> dict:
    questions = quiz.make_quiz(service.findings_of(request).reports(), n=n, seed=seed)
    return {"seed": seed, "questions": [q.public_dict(i) for i, q in enumerate(questions)]}


@router.post("/quiz/answer", summary="Check an answer to quiz question (seed, index)")
def quiz_answer(body: QuizAnswerRequest, request: Request) -> dict:
    question = quiz.question_at(service.findings_of(request).reports(), body.seed, body.index)
    if question is None:
        raise HTTPException(404, detail=f"quiz {body.seed} has no question {body.index}")
    if body.choice >= len(question.options):
        raise HTTPException(422, detail=f"choice must be 0-{len(question.options) - 1}")
    return question.result_dict(body.choice)


@router.post("/feedback", response_model=FeedbackResponse, summary="Rate an answer")
def feedback(body: FeedbackRequest, request: Request) -> dict:
    findings = service.findings_of(request)
    question, answer, citations = (
        body.question,
        body.answer,
        [c.model_dump() for c in body.citations],
    )
    caller, turns = security.caller_of(request), None
    if body.conversation_id is not None:
        turns = service.conversation_turns(findings, body.conversation_id, caller=caller)
        if turns is None:  # someone else's (or no) conversation: never rate it
            raise HTTPException(404, detail=f"no conversation '{body.conversation_id}'")
    if turns is not None and body.turn is not None and body.turn < len(turns):
        turn = turns[body.turn]
        question, answer = turn["question"], turn["answer"]
        citations = turn.get("citations", [])
    if not question or answer is None:
        raise HTTPException(
            422, detail="give 'question' and 'answer', or a known 'conversation_id' and 'turn'"
        )
    saved = fb.record_feedback(
        findings.store,
        rating=body.rating,
        question=question,
        answer=answer,
        comment=body.comment,
        conversation_id=body.conversation_id,
        turn=body.turn,
        citations=citations,
    )
    return {"id": saved.id, "rating": saved.label}


@router.get("/feedback", summary="All ratings (JSON, or CSV with ?format=csv)")
def feedback_list(request: Request, format: Annotated[str, Query(pattern="^(json|csv)$")] = "json"):
    rows = fb.all_feedback(service.findings_of(request).store)
    if format == "csv":
        import io

        out = io.StringIO()
        fb.write_csv(rows, out)
        return PlainTextResponse(
            out.getvalue(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="findings-feedback.csv"'},
        )
    return [r.to_dict() for r in rows]


def _turns_or_404(request: Request, conversation_id: str) -> list[dict]:
    turns = service.conversation_turns(
        service.findings_of(request), conversation_id, caller=security.caller_of(request)
    )
    if not turns:
        raise HTTPException(404, detail=f"no conversation '{conversation_id}'")
    return turns


@router.get("/conversations/{conversation_id}", summary="A conversation's turns")
def conversation(conversation_id: str, request: Request) -> dict:
    return {"conversation_id": conversation_id, "turns": _turns_or_404(request, conversation_id)}


@router.get(
    "/conversations/{conversation_id}/markdown",
    summary="A conversation as Markdown with its citations",
    response_class=PlainTextResponse,
)
def conversation_md(conversation_id: str, request: Request) -> PlainTextResponse:
    turns = _turns_or_404(request, conversation_id)
    areas = {r.id: r.area for r in service.findings_of(request).reports()}
    text = conversation_markdown(conversation_id, turns, areas, dt.date.today().isoformat())
    return PlainTextResponse(
        text,
        media_type="text/markdown; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="conversation-{conversation_id}.md"'
        },
    )


@router.post(
    "/ingest",
    response_model=list[IngestFileResult],
    summary="Upload report files (.txt, .md, .pdf); needs the API token when one is set",
    description="A changed version of a stored report is not stored: its result has status "
    '"needs-replace" (HTTP 409) until it is sent again with `replace=true`.',
)
def ingest(
    request: Request,
    files: Annotated[list[UploadFile], File(description="One or more report files")],
    token: Annotated[str | None, Form(description="The API token, if not sent as a header")] = None,
    replace: Annotated[
        bool, Form(description="Replace a stored report with a changed version of it")
    ] = False,
    authorization: Annotated[str | None, Header()] = None,
) -> JSONResponse:
    findings = service.findings_of(request)
    service.check_token(findings, authorization, token)
    results = service.ingest_uploads(
        findings, [service.Upload(f.filename or "upload", f.file) for f in files], replace=replace
    )
    return JSONResponse(results, status_code=service.ingest_status(results))

"""The HTML pages: each works as a plain form without JavaScript; app.js only enhances them."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path
from typing import Annotated

import jinja2
from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from assistant import quiz
from assistant.storage import feedback as fb
from ingest.model import Report
from web import glossary_view, presenters, report_list, security, service
from web.schemas import MAX_QUESTION, MAX_TEXT, AskRequest, CheckRequest

router = APIRouter(include_in_schema=False)

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
# Report text is data: autoescape everything, whatever the template's extension.
env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)
env.globals.update(
    anchor=presenters.anchor,
    band_class=presenters.band_class,
    rating_class=presenters.rating_class,
    score_class=presenters.score_class,
    page_of=presenters.page_of,
    format_label=report_list.format_label,
    short_label=report_list.short_label,
    confidence_word=report_list.confidence_word,
    cite_url=presenters.cite_url,
    citation_where=presenters.citation_where,
    report_url=presenters.report_url,
    verdict_labels=presenters.VERDICT_LABELS,
    verdict_icons=presenters.VERDICT_ICONS,
    max_question=MAX_QUESTION,
    max_text=MAX_TEXT,
)
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def render(
    request: Request, name: str, status: int = 200, headers: dict | None = None, **context
) -> HTMLResponse:
    findings = service.findings_of(request)
    reports = findings.reports()
    context.setdefault("nav", "")
    html = env.get_template(name).render(
        request=request,
        reports=reports,
        areas={r.id: r.area for r in reports},
        token_required=service.token_required(findings),
        csrf_token=security.csrf_token(request),
        **context,
    )
    response = HTMLResponse(html, status_code=status, headers=headers)
    # Defence in depth behind autoescape: no inline script can run even if markup slipped in.
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    return response


def _message(exc: ValidationError) -> str:
    return "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())


# ---------------------------------------------------------------- chat


# Up to this many loaded reports the chat names each one and offers them in a list; beyond
# it the page points to the reports table and takes an area typed into the filter instead.
LISTED_REPORTS = 30


def example_questions(reports: list[Report]) -> list[str]:
    """Questions the loaded reports can answer, built from their own terms and measures."""
    if not reports:
        return []
    report = reports[0]
    examples: list[str] = []
    used_terms = [i for i in presenters.glossary_items([report]) if i.uses]
    if used_terms:
        # The term the findings lean on most is the one a new reader will meet first.
        # Prefer a short acronym ("RoSH") over a long, OCR-mangled multi-word entry.
        short = [i for i in used_terms if " " not in i.term and len(i.term) <= 8] or used_terms
        term = max(short, key=lambda i: len(i.uses))
        examples.append(f"What does {term.term} mean?")
    if report.headline_scores:
        name = report.headline_scores[0].name.lower()
        examples.append(f"What was the {name} score?")
    if report.criteria:
        weakest = min(report.criteria, key=lambda c: c.score.value)
        examples.append(f"What were the areas for improvement in {weakest.name.lower()}?")
        examples.append("Which criterion scored lowest?")
    if report.recommendations:
        examples.append("What are the recommendations?")
    if len(reports) > 1 and report.headline_scores:
        examples.append(f"Which area had the lower {report.headline_scores[0].name.lower()} score?")
    return examples[:6]


def _chat(
    request: Request,
    conversation_id: str | None,
    *,
    error: str | None = None,
    question: str = "",
    report: str | None = None,
    status: int = 200,
    rated: int | None = None,
) -> HTMLResponse:
    findings = service.findings_of(request)
    caller = security.caller_of(request)
    turns = (
        service.conversation_turns(findings, conversation_id, caller=caller)
        if conversation_id
        else None
    )
    if conversation_id and turns is None:
        error = error or "That conversation is not stored here any more; start a new one."
        conversation_id = None
    return render(
        request,
        "chat.html",
        status=status,
        nav="chat",
        turns=turns or [],
        conversation_id=conversation_id or "",
        examples=example_questions(findings.reports()),
        error=error,
        question=question,
        report_filter=report or "",
        listed_reports=LISTED_REPORTS,
        blocks=presenters.answer_blocks,
        rated=rated,
    )


@router.get("/", response_class=HTMLResponse)
def chat_page(
    request: Request,
    c: Annotated[str | None, Query(max_length=200)] = None,
    rated: Annotated[int | None, Query(ge=0)] = None,
):
    return _chat(request, c, rated=rated)


def _ask_form(request: Request, question: str, conversation_id: str, report: str):
    """Validate and ask; returns (answer dict, None) or (None, error message)."""
    try:
        body = AskRequest(
            question=question, conversation_id=conversation_id or None, report=report or None
        )
    except ValidationError as e:
        return None, _message(e)
    try:
        answer = service.answer_dict(
            service.findings_of(request),
            body.question,
            body.conversation_id,
            body.report,
            caller=security.caller_of(request),
        )
    except HTTPException as e:
        return None, str(e.detail)
    return answer, None


def _own_turns(request: Request, conversation_id: str) -> list[dict]:
    """The turns of the caller's own conversation; none for anyone else's or an unknown id."""
    return (
        service.conversation_turns(
            service.findings_of(request), conversation_id, caller=security.caller_of(request)
        )
        or []
    )


@router.post("/", response_class=HTMLResponse)
def chat_post(
    request: Request,
    question: Annotated[str, Form()] = "",
    conversation_id: Annotated[str, Form()] = "",
    report: Annotated[str, Form()] = "",
):
    answer, error = _ask_form(request, question, conversation_id, report)
    if error:
        return _chat(
            request,
            conversation_id or None,
            error=error,
            question=question,
            report=report,
            status=422,
        )
    cid = answer["conversation_id"]
    turns = _own_turns(request, cid)
    target = f"/?c={cid}" + (f"#turn-{len(turns) - 1}" if turns else "")
    return RedirectResponse(target, status_code=303)


@router.post("/chat/turn", response_class=HTMLResponse)
def chat_turn(
    request: Request,
    question: Annotated[str, Form()] = "",
    conversation_id: Annotated[str, Form()] = "",
    report: Annotated[str, Form()] = "",
):
    """The JS path: ask, and return only the new turn's HTML to append to the page."""
    answer, error = _ask_form(request, question, conversation_id, report)
    if error:
        return HTMLResponse(env.get_template("_error.html").render(error=error), status_code=422)
    cid = answer["conversation_id"]
    turns = _own_turns(request, cid)
    index = len(turns) - 1 if turns else 0
    turn = {**answer, "question": question.strip()}
    return render(
        request,
        "_turn.html",
        headers={"X-Conversation-Id": cid, "X-Turn": str(index)},
        turn=turn,
        index=index,
        is_last=True,
        conversation_id=cid,
        blocks=presenters.answer_blocks,
    )


@router.get("/conversations/{conversation_id}.md")
def conversation_download(conversation_id: str, request: Request) -> Response:
    findings = service.findings_of(request)
    turns = service.conversation_turns(
        findings, conversation_id, caller=security.caller_of(request)
    )
    if not turns:
        raise HTTPException(404, detail="no such conversation")
    areas = {r.id: r.area for r in findings.reports()}
    text = presenters.conversation_markdown(
        conversation_id, turns, areas, dt.date.today().isoformat()
    )
    safe = re.sub(r"[^\w-]", "_", conversation_id)[:80]
    return Response(
        text,
        media_type="text/markdown; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="conversation-{safe}.md"'},
    )


@router.post("/feedback")
def feedback_post(
    request: Request,
    rating: Annotated[str, Form()],
    conversation_id: Annotated[str, Form()],
    turn: Annotated[int, Form(ge=0)],
    comment: Annotated[str, Form(max_length=2000)] = "",
):
    findings = service.findings_of(request)
    turns = _own_turns(request, conversation_id)
    if turn >= len(turns):
        raise HTTPException(404, detail="no such answer to rate")
    t = turns[turn]
    try:
        fb.record_feedback(
            findings.store,
            rating=rating,
            question=t["question"],
            answer=t["answer"],
            comment=comment,
            conversation_id=conversation_id,
            turn=turn,
            citations=t.get("citations", []),
        )
    except ValueError as e:
        raise HTTPException(422, detail=str(e)) from e
    return RedirectResponse(f"/?c={conversation_id}&rated={turn}#turn-{turn}", status_code=303)


# ---------------------------------------------------------------- reports


# A store this small gets the full comparison on the list page itself; larger ones pick rows.
COMPARE_INLINE = 4
MAX_COMPARE = 12


@router.get("/reports", response_class=HTMLResponse)
def reports_page(
    request: Request,
    q: Annotated[str, Query(max_length=200)] = "",
    format: Annotated[str, Query(max_length=40)] = "",
    year: Annotated[str, Query(max_length=4)] = "",  # "" from the form's "Any"
    grade: Annotated[str, Query(max_length=40)] = "",
    region: Annotated[str, Query(max_length=80)] = "",
    sort: Annotated[str, Query(max_length=80)] = "format",
    desc: Annotated[bool, Query()] = False,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    per: Annotated[int, Query(ge=1, le=1000)] = 25,
):
    reports = service.findings_of(request).reports()
    query = report_list.Query(
        q=q.strip(),
        format=format,
        year=int(year) if year.isdigit() else None,
        grade=grade,
        region=region.strip(),
        sort=sort,
        desc=desc,
        page=page,
        per=per,
    )
    table = report_list.build_table(reports, query)
    inline = len(reports) <= COMPARE_INLINE and len(reports) > 1
    return render(
        request,
        "reports.html",
        nav="reports",
        table=table,
        compare_reports=reports if inline else [],
        compare=presenters.compare_table(reports) if inline else [],
        max_compare=MAX_COMPARE,
    )


@router.get("/reports/compare", response_class=HTMLResponse)
def compare_page(request: Request, r: Annotated[list[str] | None, Query(max_length=200)] = None):
    findings = service.findings_of(request)
    wanted = list(dict.fromkeys(r or []))[:MAX_COMPARE]
    picked = [rep for rep in (findings.report(i) for i in wanted) if rep is not None]
    unknown = [i for i in wanted if findings.report(i) is None]
    return render(
        request,
        "compare.html",
        nav="reports",
        picked=picked,
        unknown=unknown,
        compare=presenters.compare_table(picked) if picked else [],
        max_compare=MAX_COMPARE,
    )


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def report_page(
    request: Request,
    report_id: str,
    hl: Annotated[str | None, Query(max_length=5000)] = None,
    term: Annotated[str | None, Query(max_length=200)] = None,
):
    report = service.findings_of(request).report(report_id)
    if report is None:
        return render(
            request,
            "error.html",
            status=404,
            title="Report not found",
            message=f"No report '{report_id}' is loaded.",
        )
    highlighter = presenters.Highlighter(report, hl=hl, term=term)
    return render(
        request,
        "report.html",
        nav="reports",
        report=report,
        chart=presenters.score_chart(report),
        questions=presenters.key_question_groups(report),
        judgements=presenters.areas_of_work(report),
        body=presenters.body_layout(report),
        spread=report_list.distributions(report, service.findings_of(request).reports()),
        hl=highlighter,
        hl_heading=presenters.citation_where(
            {"section": highlighter.hit_sections[0], "heading": highlighter.hit_heading}
        )
        if highlighter.found
        else None,
    )


# ---------------------------------------------------------------- glossary


@router.get("/glossary", response_class=HTMLResponse)
def glossary_page(request: Request, q: Annotated[str | None, Query(max_length=200)] = None):
    items, defined = glossary_view.cached_glossary(service.findings_of(request).reports())
    needle = (q or "").strip().lower()
    # Every term is rendered (non-matches hidden) so the live filter can widen a search again.
    matched = {i.term for i in items if needle in i.search}
    letters = sorted({i.letter for i in items}, key=lambda ch: (ch == "#", ch))
    return render(
        request,
        "glossary.html",
        nav="glossary",
        items=items,
        views=glossary_view.term_views(items, defined),
        matched=matched,
        q=q or "",
        letters=letters,
        total=len(items),
        shown_letters={i.letter for i in items if i.term in matched},
    )


# ---------------------------------------------------------------- check


def _check_choices(request: Request) -> list[tuple[str, str]]:
    """The reports a check may be about: (id, "Area year")."""
    return [
        (r.id, f"{r.area} {r.year}".strip() if r.area else r.id)
        for r in service.findings_of(request).reports()
    ]


@router.get("/check", response_class=HTMLResponse)
def check_page(request: Request):
    return render(
        request,
        "check.html",
        nav="check",
        text="",
        results=None,
        parts=[],
        error=None,
        choices=_check_choices(request),
        report="",
    )


@router.post("/check", response_class=HTMLResponse)
def check_post(
    request: Request, text: Annotated[str, Form()] = "", report: Annotated[str, Form()] = ""
):
    choices = _check_choices(request)
    try:
        body = CheckRequest(text=text, report=report or None)
    except ValidationError as e:
        return render(
            request,
            "check.html",
            status=422,
            nav="check",
            text=text,
            results=None,
            parts=[],
            error=_message(e),
            choices=choices,
            report=report,
        )
    findings = service.findings_of(request)
    results = service.check_text_dicts(findings, body.text or "", body.report)
    return render(
        request,
        "check.html",
        nav="check",
        text=body.text,
        results=results,
        parts=presenters.check_parts(body.text or "", results),
        error=None,
        choices=choices,
        report=body.report or "",
    )


# ---------------------------------------------------------------- quiz


@router.get("/quiz", response_class=HTMLResponse)
def quiz_page(
    request: Request,
    seed: Annotated[int | None, Query(ge=0, le=2**31)] = None,
    q: Annotated[int, Query(ge=0)] = 0,
    right: Annotated[int, Query(ge=0)] = 0,
    n: Annotated[int, Query(ge=1, le=50)] = 10,
):
    if seed is None:  # a new quiz: a fresh seed in the URL keeps it reproducible
        return RedirectResponse(f"/quiz?seed={random.randrange(1, 10**6)}", status_code=303)
    questions = quiz.make_quiz(service.findings_of(request).reports(), n=n, seed=seed)
    return render(
        request,
        "quiz.html",
        nav="quiz",
        seed=seed,
        index=q,
        n=len(questions),
        question=questions[q] if q < len(questions) else None,
        right=right,
        result=None,
        choice=None,
    )


@router.post("/quiz", response_class=HTMLResponse)
def quiz_post(
    request: Request,
    seed: Annotated[int, Form(ge=0, le=2**31)],
    index: Annotated[int, Form(ge=0)],
    right: Annotated[int, Form(ge=0)] = 0,
    n: Annotated[int, Form(ge=1, le=50)] = 10,
    choice: Annotated[int | None, Form(ge=0)] = None,
):
    questions = quiz.make_quiz(service.findings_of(request).reports(), n=n, seed=seed)
    if index >= len(questions):
        raise HTTPException(404, detail="no such quiz question")
    question = questions[index]
    if choice is None or choice >= len(question.options):
        return render(
            request,
            "quiz.html",
            status=422,
            nav="quiz",
            seed=seed,
            index=index,
            n=len(questions),
            question=question,
            right=right,
            result=None,
            choice=None,
            error="Choose one of the answers first.",
        )
    result = question.result_dict(choice)
    return render(
        request,
        "quiz.html",
        nav="quiz",
        seed=seed,
        index=index,
        n=len(questions),
        question=question,
        right=right + int(result["correct"]),
        result=result,
        choice=choice,
    )


# ---------------------------------------------------------------- ingest


@router.get("/ingest", response_class=HTMLResponse)
def ingest_page(request: Request):
    findings = service.findings_of(request)
    return render(
        request,
        "ingest.html",
        nav="ingest",
        results=None,
        error=None,
        max_mb=findings.settings.max_file_mb,
    )


@router.post("/ingest", response_class=HTMLResponse)
def ingest_post(
    request: Request,
    files: Annotated[list[UploadFile], File()],
    token: Annotated[str | None, Form()] = None,
    replace: Annotated[bool, Form()] = False,
):
    findings = service.findings_of(request)
    try:
        service.check_token(findings, request.headers.get("authorization"), token)
    except HTTPException as e:
        return render(
            request,
            "ingest.html",
            status=401,
            nav="ingest",
            results=None,
            error=str(e.detail),
            max_mb=findings.settings.max_file_mb,
        )
    uploads = [service.Upload(f.filename or "upload", f.file) for f in files if f.filename]
    if not uploads:
        return render(
            request,
            "ingest.html",
            status=422,
            nav="ingest",
            results=None,
            error="Choose a report file to upload.",
            max_mb=findings.settings.max_file_mb,
        )
    results = service.ingest_uploads(findings, uploads, replace=replace, keep=True)
    return render(
        request,
        "ingest.html",
        status=service.ingest_status(results),
        nav="ingest",
        results=results,
        error=None,
        max_mb=findings.settings.max_file_mb,
    )


@router.post("/ingest/confirm", response_class=HTMLResponse)
def ingest_confirm(request: Request, pending: Annotated[str, Form(max_length=100)]):
    """The user confirmed that a kept upload replaces the stored report."""
    findings = service.findings_of(request)
    results = service.ingest_pending(findings, pending)
    error = None if results is not None else "That upload has expired; please upload it again."
    return render(
        request,
        "ingest.html",
        status=404 if results is None else service.ingest_status(results),
        nav="ingest",
        results=results,
        error=error,
        max_mb=findings.settings.max_file_mb,
    )

"""The FastAPI app factory: HTML pages and their JSON twins under /api, over one Findings core."""

from __future__ import annotations

import logging
import threading
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
from fastapi import Depends, FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.core import Findings, get_findings
from web import security
from web.limits import BodyLimit
from web.ratelimit import AskRateLimit

STATIC = Path(__file__).resolve().parent / "static"

DESCRIPTION = """Questions answered from HM Inspectorate of Probation youth-offending inspection
reports, with numbered citations quoting the source; numeric claims checked against the
stored scores. Every page of the web app has a JSON twin here.

**Writes.** A request from a web page must come from this server's own pages (its Origin or
Referer names this server; cross-origin requests get 403). Programs such as curl send neither
header and are accepted. With no `FINDINGS_API_TOKEN` the server listens on loopback only and
accepts changes only from this machine. When the token is set, changes to the reports
(`POST /api/ingest`) and the feedback listing (`GET /api/feedback`) need it as
`Authorization: Bearer <token>` (or a `token` form field); with no token the listing is refused
(use `findings feedback`). A read-only server refuses every change to the reports.

**Conversations** belong to the client that started them (an HttpOnly cookie; keep it, e.g.
`curl -c jar -b jar`) or to the token holder; anyone else gets 404 for their id.

**Limits.** Every request body is limited (`FINDINGS_MAX_BODY_KB`; uploads
`FINDINGS_MAX_FILE_MB`), and questions are rate limited per client (`FINDINGS_ASK_RATE`): 429
with `Retry-After`."""


def _error_message(errors: list[dict]) -> str:
    """One readable line from pydantic's error list, e.g. 'question: must not be empty'."""
    parts = []
    for e in errors:
        where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("body", "query", "path"))
        msg = str(e.get("msg", "invalid value")).removeprefix("Value error, ")
        parts.append(f"{where}: {msg}" if where else msg)
    return "; ".join(parts)


def _wants_html(request: Request) -> bool:
    """A browser page request (not the JSON API): errors then render as a page."""
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get(
        "accept", ""
    )


def _html_error(request: Request, status: int, title: str, message: str):
    from web.routes.pages import render

    return render(request, "error.html", status=status, title=title, message=message)


def _warm(core: Findings) -> None:
    try:
        core.warm()
    except Exception:  # a damaged store is reported by the request that meets it
        logging.getLogger(__name__).exception("building the indexes at start failed")


def create_app(findings: Findings | None = None) -> FastAPI:
    """The web app; ``findings`` defaults to the process-wide core built from settings."""
    core = findings or get_findings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # A fresh `make run` has data: the sample is ingested before the first request.
        await anyio.to_thread.run_sync(core.ensure_sample)
        # The indexes of the stored reports are built in the background: a first question
        # that comes sooner builds what it needs itself.
        threading.Thread(target=_warm, args=(core,), daemon=True, name="warm").start()
        app.state.ready = True
        async with app.state.mcp.running():
            yield

    app = FastAPI(
        title="findings",
        description=DESCRIPTION,
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,  # served below from local files: the default page loads from a CDN
        redoc_url=None,
        dependencies=[Depends(security.authorize)],
    )
    app.state.findings = core
    app.state.ready = False

    def upload_limit() -> int:
        return core.settings.max_file_bytes

    app.add_middleware(
        BodyLimit,
        max_bytes=lambda: core.settings.max_body_kb * 1024,
        uploads={"/api/ingest": upload_limit, "/ingest": upload_limit},
    )
    app.add_middleware(AskRateLimit, rate=lambda: core.settings.ask_rate)
    app.add_middleware(security.Guard, settings=lambda: core.settings)  # outermost: first

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        errors = jsonable_encoder(exc.errors(), custom_encoder={Exception: str})
        if _wants_html(request):
            return _html_error(request, 422, "Please check your input", _error_message(errors))
        return JSONResponse(
            status_code=422, content={"detail": errors, "message": _error_message(errors)}
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        if _wants_html(request):
            title = "Not found" if exc.status_code == 404 else "Something went wrong"
            return _html_error(request, exc.status_code, title, str(exc.detail))
        return await http_exception_handler(request, exc)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _mount_docs(app)

    from web import exports, mcp_mount, openai_compat
    from web.routes import api, pages

    app.include_router(api.router)
    app.include_router(exports.router)
    app.include_router(openai_compat.router)
    app.state.mcp = mcp_mount.mount(app, core)
    app.include_router(pages.router)
    return app


def _mount_docs(app: FastAPI) -> None:
    """Swagger UI from the swagger-ui-bundle package, so /docs works offline."""
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:  # pragma: no cover - the dependency is declared; keep /docs useful anyway
        swagger_ui_path = None
    if swagger_ui_path is not None:
        app.mount("/docs-assets", StaticFiles(directory=str(swagger_ui_path)), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        if swagger_ui_path is None:
            return HTMLResponse(
                "<!doctype html><title>findings API</title><p>Swagger UI is not installed; "
                'the schema is at <a href="/openapi.json">/openapi.json</a>.</p>'
            )
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="findings API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

"""One way for the ASGI guards (body size, origin, rate) to refuse a request before the app runs:
JSON under /api, a small escaped page elsewhere."""

from __future__ import annotations

import json

from markupsafe import escape
from starlette.types import Scope, Send

TITLES = {401: "API token needed", 403: "Request refused", 413: "Request too large"}
TITLES[429] = "Too many requests"


async def refuse(
    scope: Scope,
    send: Send,
    status: int,
    message: str,
    *,
    title: str | None = None,
    headers: dict[str, str] | None = None,
    back: tuple[str, str] = ("/", "Back to findings"),
) -> None:
    if scope["path"].startswith("/api/"):
        body = json.dumps({"detail": message}).encode()
        content_type = b"application/json"
    else:
        heading = title or TITLES.get(status, "Request refused")
        body = (
            f'<!doctype html><html lang="en"><meta charset="utf-8"><title>{escape(heading)}'
            f'</title><link rel="stylesheet" href="/static/app.css"><main class="page">'
            f'<h1>{escape(heading)}</h1><p class="error" role="alert">{escape(message)}</p>'
            f'<p><a href="{escape(back[0])}">{escape(back[1])}</a></p></main></html>'
        ).encode()
        content_type = b"text/html; charset=utf-8"
    extra = [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", content_type),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *extra,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})

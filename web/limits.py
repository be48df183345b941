"""An ASGI guard that stops oversized uploads before they are spooled to disk."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from markupsafe import escape
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Room for the multipart envelope and small form fields around the file itself; a file just
# over the limit still reaches the loader, which then gives the CLI's exact message.
OVERHEAD = 64 * 1024
_MB = 1024 * 1024


def human_size(n: int) -> str:
    for unit, scale in (("MB", _MB), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


class UploadLimit:
    """Answers 413 for a POST to one of ``paths`` whose body exceeds ``max_bytes()``."""

    def __init__(self, app: ASGIApp, paths: Sequence[str], max_bytes: Callable[[], int]):
        self.app = app
        self.paths = tuple(paths)
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] not in self.paths:
            await self.app(scope, receive, send)
            return
        limit = self.max_bytes()
        length = Headers(scope=scope).get("content-length")
        if length and length.isdigit() and int(length) > limit + OVERHEAD:
            await self._reject(
                scope,
                send,
                f"upload is {human_size(int(length))}, over the {human_size(limit)} limit",
            )
            return
        state = {"received": 0, "exceeded": False, "rejected": False}

        async def counted() -> Message:
            if state["exceeded"]:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                state["received"] += len(message.get("body", b""))
                if state["received"] > limit + OVERHEAD:
                    # Starve the parser instead of raising: the framework would turn an
                    # exception into a generic 400; the response is replaced below.
                    state["exceeded"] = True
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            if state["exceeded"]:
                if not state["rejected"] and message["type"] == "http.response.start":
                    state["rejected"] = True
                    await self._reject(scope, send, f"upload is over the {human_size(limit)} limit")
                return
            await send(message)

        await self.app(scope, counted, guarded_send)
        if state["exceeded"] and not state["rejected"]:
            await self._reject(scope, send, f"upload is over the {human_size(limit)} limit")

    async def _reject(self, scope: Scope, send: Send, message: str) -> None:
        if scope["path"].startswith("/api/"):
            body = json.dumps({"detail": message}).encode()
            content_type = b"application/json"
        else:
            body = (
                f'<!doctype html><html lang="en"><meta charset="utf-8"><title>Upload too large'
                f'</title><link rel="stylesheet" href="/static/app.css"><main class="page">'
                f'<h1>Upload too large</h1><p class="error">{escape(message)}</p>'
                f'<p><a href="/ingest">Back to upload</a></p></main></html>'
            ).encode()
            content_type = b"text/html; charset=utf-8"
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", content_type),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

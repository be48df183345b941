"""An ASGI guard that stops oversized request bodies before they are parsed or spooled to disk.

Every request has the general limit; the upload endpoints have the (larger) file limit."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from web.refusal import refuse

# Room for the multipart envelope and small form fields around the file itself; a file just
# over the limit still reaches the loader, which then gives the CLI's exact message.
OVERHEAD = 64 * 1024
_MB = 1024 * 1024


def human_size(n: int) -> str:
    for unit, scale in (("MB", _MB), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


class BodyLimit:
    """Answers 413 for a request whose body exceeds its limit: ``uploads[path]()`` (plus the
    multipart overhead) for an upload path, ``max_bytes()`` for everything else."""

    def __init__(
        self,
        app: ASGIApp,
        max_bytes: Callable[[], int],
        uploads: Mapping[str, Callable[[], int]] | None = None,
    ):
        self.app = app
        self.max_bytes = max_bytes
        self.uploads = dict(uploads or {})

    def _limit(self, scope: Scope) -> tuple[int, str, str]:
        """(bytes allowed, what is limited, the limit in words)."""
        upload = self.uploads.get(scope["path"])
        if upload is not None:
            limit = upload()
            return limit + OVERHEAD, "upload", human_size(limit)
        limit = self.max_bytes()
        return limit, "request body", human_size(limit)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit, what, shown_limit = self._limit(scope)
        text = f"{what} is over the {shown_limit} limit"
        length = Headers(scope=scope).get("content-length")
        if length and length.isdigit() and int(length) > limit:
            size = human_size(int(length))
            await self._reject(scope, send, f"{what} is {size}, over the {shown_limit} limit")
            return
        state = {"received": 0, "exceeded": False, "rejected": False}

        async def counted() -> Message:
            if state["exceeded"]:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                state["received"] += len(message.get("body", b""))
                if state["received"] > limit:
                    # Starve the parser instead of raising: the framework would turn an
                    # exception into a generic 400; the response is replaced below.
                    state["exceeded"] = True
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            if state["exceeded"]:
                if not state["rejected"] and message["type"] == "http.response.start":
                    state["rejected"] = True
                    await self._reject(scope, send, text)
                return
            await send(message)

        await self.app(scope, counted, guarded_send)
        if state["exceeded"] and not state["rejected"]:
            await self._reject(scope, send, text)

    async def _reject(self, scope: Scope, send: Send, message: str) -> None:
        upload = scope["path"] in self.uploads
        await refuse(
            scope,
            send,
            413,
            message,
            title="Upload too large" if upload else "Request too large",
            back=("/ingest", "Back to upload") if upload else ("/", "Back to findings"),
        )

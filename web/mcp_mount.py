"""The MCP tools over streamable HTTP at ``/mcp``, inside the web app.

The tools are the ones ``findings mcp`` serves on stdio (``assistant.mcp_server``). The MCP
session manager runs for as long as the app does, started by the app's lifespan; each start
gets a new manager, since one can run only once. With ``FINDINGS_API_TOKEN`` set the endpoint
needs it as a bearer token; without one, only loopback Host and Origin headers are accepted,
so a web page cannot reach a local server through DNS rebinding.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from mcp.server.streamable_http_manager import StreamableHTTPASGIApp
from mcp.server.transport_security import TransportSecuritySettings
from starlette.types import Receive, Scope, Send

from assistant.core import Findings
from assistant.mcp_server import build_server

PATH = "/mcp"
_LOOPBACK = TransportSecuritySettings(
    enable_dns_rebinding_protection=True,
    allowed_hosts=["127.0.0.1", "127.0.0.1:*", "localhost", "localhost:*", "[::1]", "[::1]:*"],
    allowed_origins=["http://127.0.0.1:*", "http://localhost:*", "http://[::1]:*"],
)
_OPEN = TransportSecuritySettings(enable_dns_rebinding_protection=False)


class McpEndpoint:
    """The ASGI endpoint at /mcp: checks the token, then hands over to the MCP transport."""

    def __init__(self, findings: Findings):
        self.findings = findings
        self.server = build_server(findings)
        self._handler: StreamableHTTPASGIApp | None = None

    @asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        security = _OPEN if self.findings.settings.api_token else _LOOPBACK
        self.server.streamable_http_app(streamable_http_path=PATH, transport_security=security)
        manager = self.server.session_manager
        async with manager.run():
            self._handler = StreamableHTTPASGIApp(manager)
            try:
                yield
            finally:
                self._handler = None

    def _authorized(self, scope: Scope) -> bool:
        expected = self.findings.settings.api_token
        if not expected:
            return True
        headers = dict(scope.get("headers") or [])
        given = headers.get(b"authorization", b"").decode("latin-1")
        if not given.lower().startswith("bearer "):
            return False
        return secrets.compare_digest(given[7:].strip().encode(), expected.encode())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._authorized(scope):
            await _json(
                send,
                401,
                "this server needs its API token (FINDINGS_API_TOKEN) as "
                "Authorization: Bearer <token>",
                {"www-authenticate": "Bearer"},
            )
            return
        if self._handler is None:
            await _json(send, 503, "the MCP endpoint is starting")
            return
        await self._handler(scope, receive, send)


async def _json(send: Send, status: int, message: str, headers: dict | None = None) -> None:
    body = json.dumps({"error": message}).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(k.encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


def mount(app, findings: Findings) -> McpEndpoint:
    """Route /mcp to the MCP tools; the app's lifespan must enter ``endpoint.running()``."""
    endpoint = McpEndpoint(findings)
    app.router.add_route(PATH, endpoint, methods=["GET", "POST", "DELETE"], include_in_schema=False)
    return endpoint

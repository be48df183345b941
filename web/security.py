"""Who may change what: the Origin/Host check, CSRF tokens on forms, the API token, read-only
mode, and the browser cookies a request carries (its CSRF token and its owner secret).

The rules, in order (``access.yaml`` says which request is which kind):

1. Safe methods (GET, HEAD, OPTIONS) change nothing and pass, except "token" reads.
2. A valid ``Authorization: Bearer <FINDINGS_API_TOKEN>`` is full authority.
3. A read-only server refuses every "admin" request.
4. With no token set the server is for this machine only: a write from a non-loopback peer is
   refused, and so is one whose Host is not a loopback name (DNS rebinding).
5. A browser always sends Origin (or Referer) with a cross-site POST: when either is present it
   must name this server (the Host header), and Sec-Fetch-Site, when sent, must not say
   cross-site or same-site. A request with none of them comes from a program, not from a web
   page, so the JSON API keeps working from curl on this machine.
6. HTML form posts (which a foreign page could submit) must also carry the CSRF token that the
   server's own pages embed; "admin" requests need the API token when one is set (header, or
   the form's ``token`` field).

Rules 1-5 look at headers only and run before the body is read (``Guard``); rule 6 needs the
parsed form and runs as an app-wide dependency (``authorize``).
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from fastapi import HTTPException, Request
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.listen import is_loopback
from assistant.settings import Settings
from assistant.storage.ownership import new_secret
from web.refusal import refuse

ACCESS_FILE = Path(__file__).resolve().parent / "access.yaml"
OWNER_COOKIE = "findings_owner"
CSRF_COOKIE = "findings_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# What a foreign page can send without a CORS preflight: the content types of a CSRF attack.
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data", "text/plain")
COOKIE_AGE = 365 * 24 * 3600


class Access(StrEnum):
    READ = "read"  # a safe method: changes nothing
    QUERY = "query"  # POST only to carry a body
    SESSION = "session"  # the caller's own conversations and ratings
    TOKEN = "token"  # a read only the token holder may make
    ADMIN = "admin"  # changes what every user sees (and any write not listed)


@dataclass(frozen=True)
class Policy:
    kinds: dict[tuple[str, str], Access]
    rate_limited: frozenset[tuple[str, str]]

    def access(self, method: str, path: str) -> Access:
        kind = self.kinds.get((method, path))
        if kind is not None:
            return kind
        return Access.READ if method in SAFE_METHODS else Access.ADMIN


def _routes(lines: list[str]) -> list[tuple[str, str]]:
    out = []
    for line in lines:
        method, path = line.split(None, 1)
        out.append((method.upper(), path.strip()))
    return out


@lru_cache
def policy() -> Policy:
    data = yaml.safe_load(ACCESS_FILE.read_text(encoding="utf-8"))
    kinds = {
        route: Access(kind)
        for kind in ("query", "session", "token")
        for route in _routes(data.get(kind) or [])
    }
    return Policy(kinds, frozenset(_routes(data.get("rate_limited") or [])))


@dataclass
class Caller:
    """What one request brings: its cookies and whether it holds the API token."""

    owner: str | None = None  # the browser's owner secret (cookie)
    csrf: str | None = None  # the browser's CSRF token (cookie)
    token_holder: bool = False
    minted_owner: bool = False
    minted_csrf: bool = False

    def owner_secret(self) -> str:
        """The owner secret, minted (and sent as a cookie with the response) on first need."""
        if not self.owner:
            self.owner, self.minted_owner = new_secret(), True
        return self.owner

    def csrf_token(self) -> str:
        if not self.csrf:
            self.csrf, self.minted_csrf = secrets.token_urlsafe(24), True
        return self.csrf


SCOPE_KEY = "findings.caller"


def caller_of(request: Request) -> Caller:
    caller = request.scope.get(SCOPE_KEY)
    if caller is None:  # a request that did not pass the Guard (never in the app)
        caller = request.scope[SCOPE_KEY] = Caller()
    return caller


def csrf_token(request: Request) -> str:
    """The token the page embeds in every form it renders."""
    return caller_of(request).csrf_token()


def _same(given: str | None, expected: str | None) -> bool:
    return bool(given and expected) and hmac.compare_digest(given.encode(), expected.encode())


def bearer(authorization: str | None) -> str | None:
    if authorization and authorization[:7].lower() == "bearer ":
        return authorization[7:].strip() or None
    return None


def _cookies(headers: Headers) -> dict[str, str]:
    # Starlette's lenient parser: other apps on localhost share the cookie header, and one odd
    # cookie of theirs must not hide ours.
    return cookie_parser(headers.get("cookie", ""))


_DEFAULT_PORTS = {"http": "80", "https": "443"}


def _netloc(host: str, scheme: str) -> str:
    host = host.strip().lower()
    default = _DEFAULT_PORTS.get(scheme)
    if default and host.endswith(":" + default):
        host = host[: -len(default) - 1]
    return host


def request_origin(headers: Headers) -> str | None:
    """The origin a browser says the request came from (Origin, else Referer), or None."""
    origin = headers.get("origin")
    if origin is None:
        referer = headers.get("referer")
        if not referer:
            return None
        parts = urlsplit(referer)
        origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else "null"
    return origin.strip()


def _same_origin(origin: str, host: str | None) -> bool:
    parts = urlsplit(origin)
    if not host or parts.scheme not in _DEFAULT_PORTS or not parts.netloc:
        return False
    return _netloc(parts.netloc, parts.scheme) == _netloc(host, parts.scheme)


def _peer_is_remote(scope: Scope) -> bool:
    """A real socket peer that is not this machine (test clients and unix sockets are not)."""
    client = scope.get("client")
    if not client:
        return False
    try:
        return not ipaddress.ip_address(client[0]).is_loopback
    except ValueError:
        return False


def _shown(value: str | None, limit: int = 120) -> str:
    """A header value quoted back to the client, cut short."""
    text = value or ""
    return text if len(text) <= limit else text[:limit] + "…"


def refusal(
    scope: Scope, headers: Headers, settings: Settings, caller: Caller
) -> tuple[int, str] | None:
    """Rules 1-5 (headers only): (status, reason) when the request must be refused."""
    method, path = scope["method"], scope["path"]
    access = policy().access(method, path)
    if access is Access.READ:
        return None
    if access is Access.TOKEN:
        if not settings.api_token:
            return 403, (
                f"{path} is only served when the server has FINDINGS_API_TOKEN set; "
                "on the server itself use `findings feedback`"
            )
        if not caller.token_holder:
            return 401, f"{path} needs the API token as 'Authorization: Bearer <token>'"
        return None
    if access is Access.ADMIN and settings.read_only:
        return 403, "this server is read-only: it accepts no changes to the reports"
    if caller.token_holder:
        return None
    local_only = not settings.api_token and not settings.read_only
    if local_only and _peer_is_remote(scope):
        return 403, (
            "writes from other machines need the API token; this server has no "
            "FINDINGS_API_TOKEN set"
        )
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site in ("cross-site", "same-site"):  # the browser's own word; another port too
        return 403, (
            f"cross-origin request refused: {method} {path} is accepted only from this "
            f"server's own pages (the browser says the request is {fetch_site})"
        )
    origin = request_origin(headers)
    if origin is None:
        return None
    host = headers.get("host")
    if not _same_origin(origin, host):
        return 403, (
            f"cross-origin request refused: {method} {path} is accepted only from this "
            f"server's own pages, not from {_shown(origin)}"
        )
    if local_only and not is_loopback(host or ""):
        return 403, (
            f"request refused: with no FINDINGS_API_TOKEN set this server accepts changes "
            f"only when addressed as localhost or 127.0.0.1, not as {_shown(host)}"
        )
    return None


def _cookie(name: str, value: str, *, same_site: str, secure: bool) -> str:
    attrs = [f"{name}={value}", "Path=/", f"Max-Age={COOKIE_AGE}", "HttpOnly"]
    attrs.append(f"SameSite={same_site}")
    if secure:
        attrs.append("Secure")
    return "; ".join(attrs)


class Guard:
    """Attaches the ``Caller`` to each request, refuses by rules 1-5, and sets the cookies the
    request minted (the owner secret as SameSite=Strict, the CSRF token as SameSite=Lax, so a
    link from another site neither sends nor replaces the owner)."""

    def __init__(self, app: ASGIApp, settings):
        self.app = app
        self.settings = settings  # a callable: the core's settings can change under tests

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        settings: Settings = self.settings()
        headers = Headers(scope=scope)
        cookies = _cookies(headers)
        token = settings.api_token
        caller = Caller(
            owner=cookies.get(OWNER_COOKIE) or None,
            csrf=cookies.get(CSRF_COOKIE) or None,
            token_holder=bool(token) and _same(bearer(headers.get("authorization")), token),
        )
        scope[SCOPE_KEY] = caller
        refused = refusal(scope, headers, settings, caller)
        if refused is not None:
            status, reason = refused
            extra = {"WWW-Authenticate": "Bearer"} if status == 401 else None
            await refuse(scope, send, status, reason, headers=extra)
            return
        secure = scope.get("scheme") == "https"

        async def send_with_cookies(message: Message) -> None:
            if message["type"] == "http.response.start":
                out = MutableHeaders(scope=message)
                if caller.minted_owner:
                    out.append(
                        "set-cookie",
                        _cookie(
                            OWNER_COOKIE, caller.owner or "", same_site="Strict", secure=secure
                        ),
                    )
                if caller.minted_csrf:
                    out.append(
                        "set-cookie",
                        _cookie(CSRF_COOKIE, caller.csrf or "", same_site="Lax", secure=secure),
                    )
            await send(message)

        await self.app(scope, receive, send_with_cookies)


def _is_form(request: Request) -> bool:
    content_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return content_type in FORM_TYPES


async def authorize(request: Request) -> None:
    """Rule 6, for every route: the CSRF token on page forms, the API token for admin writes."""
    if request.method in SAFE_METHODS:
        return
    caller = caller_of(request)
    if caller.token_holder:
        return
    settings: Settings = request.app.state.findings.settings
    access = policy().access(request.method, request.url.path)
    form = await request.form() if _is_form(request) else None
    if access is Access.ADMIN and settings.api_token:
        given = form.get("token") if form is not None else None
        if not _same(given if isinstance(given, str) else None, settings.api_token):
            raise HTTPException(
                status_code=401,
                detail="this server needs its API token (FINDINGS_API_TOKEN) for this change",
                headers={"WWW-Authenticate": "Bearer"},
            )
        return  # the form's token is authority enough
    if form is not None and not request.url.path.startswith("/api/"):
        given = form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER)
        if not _same(given if isinstance(given, str) else None, caller.csrf):
            raise HTTPException(
                status_code=403,
                detail="this form is out of date or did not come from this site's own pages: "
                "reload the page and try again",
            )

"""A per-client rate limit on asking questions (the expensive requests), answered with a 429
that says when to try again."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from functools import lru_cache

from limits import RateLimitItem, parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from starlette.types import ASGIApp, Receive, Scope, Send

from web.refusal import refuse
from web.security import policy


@lru_cache(maxsize=16)
def _item(rate: str) -> RateLimitItem:
    return parse(rate)


def _client(scope: Scope) -> str:
    client = scope.get("client")
    return client[0] if client else "unknown"


def _per(item: RateLimitItem) -> str:
    """'30 per 1 minute' -> 'per minute'; '5 per 10 second' -> 'per 10 seconds'."""
    unit = item.GRANULARITY.name
    return f"per {unit}" if item.multiples == 1 else f"per {item.multiples} {unit}s"


class AskRateLimit:
    """Counts the requests ``access.yaml`` lists as rate limited, per client address."""

    def __init__(self, app: ASGIApp, rate: Callable[[], str]):
        self.app = app
        self.rate = rate
        self.limiter = MovingWindowRateLimiter(MemoryStorage())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or (scope["method"], scope["path"]) not in (
            policy().rate_limited
        ):
            await self.app(scope, receive, send)
            return
        item = _item(self.rate())
        key = _client(scope)
        if self.limiter.hit(item, "ask", key):
            await self.app(scope, receive, send)
            return
        reset, _ = self.limiter.get_window_stats(item, "ask", key)
        wait = max(1, math.ceil(reset - time.time()))
        await refuse(
            scope,
            send,
            429,
            f"too many questions: each client may ask (or rate answers) {item.amount} "
            f"times {_per(item)}; try again in {wait} s",
            headers={"Retry-After": str(wait)},
        )

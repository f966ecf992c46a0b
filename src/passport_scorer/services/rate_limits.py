"""Counting requests per API key: in this process, or in Redis shared by every worker.

Every API-key route calls `hit` after authentication. A key over its limit gets
`RateLimited` (429) with the seconds until its window ends.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Protocol

from redis import asyncio as redis
from redis.exceptions import AuthenticationError, RedisError, ResponseError

from passport_scorer.domain.api_keys import ApiKey
from passport_scorer.domain.rate_limits import parse_rate, window_end
from passport_scorer.errors import RateLimited
from passport_scorer.observability.metrics import RATE_LIMITED

log = logging.getLogger(__name__)

GROUP = "registry"  # the reference's group for the score routes


class RateLimiter(Protocol):
    counts: bool  # False: `hit` never limits (and need not be called early)

    async def hit(self, api_key: ApiKey) -> None:
        """Count one request for the key; raise RateLimited when it is over its limit."""


class Unlimited:
    """No limits (`RATELIMIT_ENABLE` off, the reference's default)."""

    counts = False

    async def hit(self, api_key: ApiKey) -> None:
        return None


@dataclass(frozen=True, slots=True)
class _Window:
    name: str  # the counter for this key's current window
    limit: int
    end: int  # epoch seconds
    now: float

    def check(self, count: int) -> None:
        if count > self.limit:
            RATE_LIMITED.inc()
            raise RateLimited(retry_after=max(1, self.end - int(self.now)))


def _window(api_key: ApiKey) -> _Window | None:
    """The key's current fixed window, or None when it is unlimited."""
    rate = parse_rate(api_key.rate_limit)
    if rate is None:
        return None
    now = time.time()
    end = window_end(api_key.prefix, rate.period, now)
    return _Window(f"ratelimit:{GROUP}:{api_key.prefix}:{rate.period}:{end}", rate.count, end, now)


class InProcessLimiter:
    """Fixed-window counters in this process (each worker counts on its own)."""

    counts = True

    def __init__(self) -> None:
        self._counts: dict[str, tuple[int, int]] = {}  # window → (count, window end)

    async def hit(self, api_key: ApiKey) -> None:
        window = _window(api_key)
        if window is None:
            return
        count = self._counts.get(window.name, (0, window.end))[0] + 1
        self._counts[window.name] = (count, window.end)
        if len(self._counts) > 10_000:
            self._counts = {k: v for k, v in self._counts.items() if v[1] > window.now}
        window.check(count)


class RedisLimiter:
    """Fixed-window counters in Redis: one budget per key across workers and instances.

    If Redis cannot be reached the request is let through (fail open, as the reference's
    `RATELIMIT_FAIL_OPEN`), and that is logged at most once per `log_interval` seconds. After
    a failure Redis is not asked again for `backoff` seconds, so a frozen Redis costs one
    timeout per back-off period instead of one per request; the first request after it
    tries again, and counting resumes as soon as Redis answers.
    """

    counts = True

    def __init__(
        self,
        url: str,
        *,
        timeout: float = 0.25,
        log_interval: float = 60.0,
        backoff: float = 2.0,
    ) -> None:
        self._client = redis.Redis.from_url(
            url, socket_timeout=timeout, socket_connect_timeout=timeout
        )
        self._log_interval = log_interval
        self._last_logged = 0.0
        self._backoff = backoff
        self._skip_until = 0.0

    async def hit(self, api_key: ApiKey) -> None:
        window = _window(api_key)
        if window is None or window.now < self._skip_until:
            return
        try:
            async with self._client.pipeline(transaction=True) as pipe:
                pipe.incr(window.name)
                pipe.expireat(window.name, window.end + 1)
                count, _ = await pipe.execute()
        except (RedisError, OSError) as error:
            self._skip_until = time.time() + self._backoff
            if window.now - self._last_logged >= self._log_interval:
                self._last_logged = window.now
                log.warning(
                    _skipped_because(error),
                    extra={"error": type(error).__name__, "retry_in_seconds": self._backoff},
                )
            return
        window.check(int(count))

    async def close(self) -> None:
        await self._client.aclose()


def _skipped_because(error: BaseException) -> str:
    """A refused password is not an outage: say which it is."""
    if isinstance(error, AuthenticationError):
        return "rate limiting skipped: Redis refused the user name or password in REDIS_URL"
    if isinstance(error, ResponseError):
        return "rate limiting skipped: Redis refused the request (check REDIS_URL)"
    return "rate limiting skipped: Redis unavailable"

"""Counting requests per API key: in this process, or in Redis shared by every worker.

Every API-key route calls `hit` after authentication. A key over its limit gets
`RateLimited` (429) with the seconds until its window ends.
"""

from __future__ import annotations

import logging
import time
from typing import Protocol

from redis import asyncio as redis
from redis.exceptions import RedisError

from passport_scorer.domain.api_keys import ApiKey
from passport_scorer.domain.rate_limits import parse_rate, window_end
from passport_scorer.errors import RateLimited

log = logging.getLogger(__name__)

GROUP = "registry"  # the reference's group for the score routes


class RateLimiter(Protocol):
    async def hit(self, api_key: ApiKey) -> None:
        """Count one request for the key; raise RateLimited when it is over its limit."""


class Unlimited:
    """No limits (`RATELIMIT_ENABLE` off, the reference's default)."""

    async def hit(self, api_key: ApiKey) -> None:
        return None


def _over_limit(count: int, limit: int, end: int, now: float) -> None:
    if count > limit:
        raise RateLimited(retry_after=max(1, end - int(now)))


class InProcessLimiter:
    """Fixed-window counters in this process (each worker counts on its own)."""

    def __init__(self) -> None:
        self._counts: dict[tuple[str, int], int] = {}

    async def hit(self, api_key: ApiKey) -> None:
        rate = parse_rate(api_key.rate_limit)
        if rate is None:
            return
        now = time.time()
        end = window_end(api_key.prefix, rate.period, now)
        slot = (f"{GROUP}:{api_key.prefix}:{rate.period}", end)
        count = self._counts.get(slot, 0) + 1
        self._counts[slot] = count
        if len(self._counts) > 10_000:
            self._counts = {k: v for k, v in self._counts.items() if k[1] > now}
        _over_limit(count, rate.count, end, now)


class RedisLimiter:
    """Fixed-window counters in Redis: one budget per key across workers and instances.

    If Redis cannot be reached the request is let through (fail open, as the reference's
    `RATELIMIT_FAIL_OPEN`), and that is logged at most once per `log_interval` seconds.
    """

    def __init__(self, url: str, *, timeout: float = 0.25, log_interval: float = 60.0) -> None:
        self._client = redis.Redis.from_url(
            url, socket_timeout=timeout, socket_connect_timeout=timeout
        )
        self._log_interval = log_interval
        self._last_logged = 0.0

    async def hit(self, api_key: ApiKey) -> None:
        rate = parse_rate(api_key.rate_limit)
        if rate is None:
            return
        now = time.time()
        end = window_end(api_key.prefix, rate.period, now)
        name = f"ratelimit:{GROUP}:{api_key.prefix}:{rate.period}:{end}"
        try:
            async with self._client.pipeline(transaction=True) as pipe:
                pipe.incr(name)
                pipe.expireat(name, end + 1)
                count, _ = await pipe.execute()
        except (RedisError, OSError) as error:
            if now - self._last_logged >= self._log_interval:
                self._last_logged = now
                log.warning("rate limiting skipped: Redis unavailable", extra={"error": str(error)})
            return
        _over_limit(int(count), rate.count, end, now)

    async def close(self) -> None:
        await self._client.aclose()

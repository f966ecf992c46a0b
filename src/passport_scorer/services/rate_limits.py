"""Per-key rate limits: the hook every API-key route calls after authentication."""

from __future__ import annotations

from typing import Protocol

from passport_scorer.domain.api_keys import ApiKey


class RateLimiter(Protocol):
    async def hit(self, api_key: ApiKey) -> None:
        """Count one request for the key; raise RateLimited when it is over its limit."""


class Unlimited:
    """No limits (the reference's default, `RATELIMIT_ENABLE` off)."""

    async def hit(self, api_key: ApiKey) -> None:
        return None

"""The public stamp metadata, fetched from the Passport app
(`<PASSPORT_PUBLIC_URL>/stampMetadata.json`) and kept for an hour, as the reference does.
One fetch at a time refills it."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any
from urllib.parse import urljoin

import httpx

from passport_scorer.domain.stamp_metadata import (
    InvalidMetadata,
    metadata_by_provider,
    parse_platforms,
)
from passport_scorer.errors import UpstreamUnavailable

log = logging.getLogger(__name__)

CACHE_SECONDS = 60 * 60
FETCH_TIMEOUT_SECONDS = 5.0


class StampMetadataSource:
    def __init__(
        self,
        public_url: str,
        *,
        cache_seconds: float = CACHE_SECONDS,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        self.public_url = public_url
        self.url = urljoin(public_url, "stampMetadata.json")
        self._cache_seconds = cache_seconds
        self._client = client or httpx.AsyncClient(timeout=FETCH_TIMEOUT_SECONDS)
        self._lock = asyncio.Lock()
        self._platforms: list[dict[str, Any]] | None = None
        self._by_provider: dict[str, dict[str, Any]] = {}
        self._fetched_at = 0.0

    async def platforms(self) -> list[dict[str, Any]]:
        """Every platform with its groups and stamps; UpstreamUnavailable (500) when the file
        cannot be fetched or read."""
        if self._fresh():
            assert self._platforms is not None
            return self._platforms
        async with self._lock:
            if not self._fresh():
                await self._refill()
            assert self._platforms is not None
            return self._platforms

    async def for_provider(self, provider: str) -> dict[str, Any] | None:
        """The metadata shown beside a stamp of `provider` (None: the file does not list it)."""
        try:
            await self.platforms()
        except UpstreamUnavailable:
            raise UpstreamUnavailable(
                f"Error fetching external stamp metadata for provider {provider}"
            ) from None
        return self._by_provider.get(provider)

    def _fresh(self) -> bool:
        return (
            self._platforms is not None
            and time.monotonic() - self._fetched_at < self._cache_seconds
        )

    async def _refill(self) -> None:
        try:
            response = await self._client.get(self.url)
            response.raise_for_status()
            platforms = parse_platforms(response.json(), self.public_url)
        except (httpx.HTTPError, ValueError, InvalidMetadata) as error:
            log.warning("stamp metadata unavailable", extra={"error": type(error).__name__})
            raise UpstreamUnavailable() from None
        self._platforms = platforms
        self._by_provider = metadata_by_provider(platforms)
        self._fetched_at = time.monotonic()

    async def close(self) -> None:
        await self._client.aclose()

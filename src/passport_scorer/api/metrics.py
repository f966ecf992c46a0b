"""`GET /metrics` (Prometheus text format) and the middleware that counts every request."""

from __future__ import annotations

import asyncio
import contextlib
import time

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from passport_scorer.api.deps import services_of
from passport_scorer.observability import metrics

PATH = "/metrics"
# Under `serve`, each worker refreshes its pool gauges this often (any worker answers a scrape).
POOL_SAMPLE_SECONDS = 1.0


def route_template(scope: Scope) -> str:
    """The matched route's path template (never the raw path: no addresses in labels)."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) and path else metrics.UNMATCHED


async def metrics_page(request: Request) -> Response:
    metrics.record_pool(services_of(request).db.pool_stats)
    return Response(metrics.exposition(), media_type=metrics.CONTENT_TYPE)


ROUTES = [Route(PATH, metrics_page, methods=["GET"], name="metrics", include_in_schema=False)]


class MetricsMiddleware:
    """Counts each HTTP request by route template, method and status, and times it."""

    def __init__(self, app: ASGIApp, pool_stats: metrics.PoolStats) -> None:
        self.app = app
        self.pool_stats = pool_stats
        self._sampler: asyncio.Task[None] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            if scope["type"] == "lifespan":
                await self.app(scope, self._until_shutdown(receive), send)
                return
            await self.app(scope, receive, send)
            return
        if metrics.MULTIPROCESS and self._sampler is None:
            self._sampler = asyncio.get_running_loop().create_task(self._sample_pool())
        start = time.perf_counter()
        status = 500  # an exception that escapes every handler becomes a 500

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            metrics.record_request(
                route_template(scope), scope["method"], status, time.perf_counter() - start
            )

    async def _sample_pool(self) -> None:
        while True:
            metrics.record_pool(self.pool_stats)
            await asyncio.sleep(POOL_SAMPLE_SECONDS)

    def _until_shutdown(self, receive: Receive) -> Receive:
        async def wrapped() -> Message:
            message = await receive()
            if message["type"] == "lifespan.shutdown" and self._sampler is not None:
                self._sampler.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await self._sampler
                self._sampler = None
            return message

        return wrapped

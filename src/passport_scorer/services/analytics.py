"""Recording API-key usage off the request path: rows are buffered and written in batches.

A request never fails because of its analytics row, and waits for it only when
`flush_interval` is 0 (each row is then written as its response completes). Otherwise rows
are written at most `flush_interval` seconds after their request, or when `batch_size` are
waiting, and at shut-down; if the database refuses a batch, the batch is logged and dropped.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
from typing import Any

from passport_scorer.db.engine import Database
from passport_scorer.db.errors import describe
from passport_scorer.db.queries import analytics as analytics_queries
from passport_scorer.observability.metrics import ANALYTICS_ROWS

log = logging.getLogger(__name__)


class AnalyticsRecorder:
    def __init__(
        self,
        db: Database,
        *,
        flush_interval: float = 0.25,
        batch_size: int = 500,
        max_buffered: int = 20_000,
    ) -> None:
        self._db = db
        self._flush_interval = flush_interval
        self._batch_size = batch_size
        self._max_buffered = max_buffered
        self._rows: list[dict[str, Any]] = []
        self._flusher: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()
        self.dropped = 0

    @property
    def inline(self) -> bool:
        """Rows are written by the request itself, right after its response."""
        return self._flush_interval == 0

    def record(self, row: dict[str, Any]) -> None:
        if len(self._rows) >= self._max_buffered:
            self.dropped += 1
            ANALYTICS_ROWS.labels("dropped").inc()
            return
        self._rows.append(row)
        if self.inline:
            return  # the middleware flushes
        if self._flusher is None or self._flusher.done():
            # A fresh context: the task must not inherit the request's database session.
            self._flusher = asyncio.get_running_loop().create_task(
                self._flush_soon(), context=contextvars.Context()
            )

    async def _flush_soon(self) -> None:
        if len(self._rows) < self._batch_size:
            await asyncio.sleep(self._flush_interval)
        await self.flush()

    async def flush(self) -> None:
        """Write every buffered row now."""
        async with self._lock:
            while self._rows:
                batch, self._rows = self._rows[: self._batch_size], self._rows[self._batch_size :]
                try:
                    async with self._db.transaction() as ex:
                        await analytics_queries.add_rows(ex, batch)
                except Exception as error:
                    ANALYTICS_ROWS.labels("dropped").inc(len(batch))
                    # Never the error's text: it can carry the rows' values (key ids, bodies).
                    log.error(
                        "analytics rows dropped", extra={"rows": len(batch), **describe(error)}
                    )
                else:
                    ANALYTICS_ROWS.labels("written").inc(len(batch))

    async def close(self) -> None:
        if self._flusher is not None and not self._flusher.done():
            self._flusher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._flusher
        await self.flush()

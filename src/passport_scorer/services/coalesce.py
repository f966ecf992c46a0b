"""Concurrent rescorings of one address share one scoring (per process).

When requests for the same (community, address) arrive while a scoring of it is running,
they do not each race for the same rows: they wait for it to end and then share one new
scoring, which starts after all of them arrived (so its answer is at least as fresh as each
of them). At most one scoring per address runs and one waits. If a shared scoring fails
(its request was cancelled, the database went away), each waiter scores on its own.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class Coalescer(Generic[T]):
    def __init__(self) -> None:
        self._running: dict[Hashable, asyncio.Future[T]] = {}
        self._next: dict[Hashable, asyncio.Future[T]] = {}

    async def run(self, key: Hashable, work: Callable[[bool], Awaitable[T]]) -> T:
        """`work(fresh)`'s result; `fresh` is True when it must read its inputs anew (its
        caller's earlier read may predate the requests it now answers)."""
        running = self._running.get(key)
        if running is None:
            return await self._lead(key, work, fresh=False)
        queued = self._next.get(key)
        if queued is not None:
            try:
                return await asyncio.shield(queued)
            except Exception:
                return await work(True)
        queued = asyncio.get_running_loop().create_future()
        self._next[key] = queued
        joined_failed = False
        try:
            try:
                await asyncio.wait([running])
            finally:
                del self._next[key]
            current = self._running.get(key)
            if current is None:
                return await self._lead(key, work, fresh=True, future=queued)
            # A request that arrived after `running` ended leads already: it started after
            # everyone waiting here arrived, so its answer serves them too.
            try:
                result = await asyncio.shield(current)
            except Exception:
                joined_failed = True
                raise
            queued.set_result(result)
            return result
        except BaseException as error:
            # Whatever happened here, the requests waiting on `queued` must not wait forever.
            if not queued.done():
                queued.set_exception(
                    error if isinstance(error, Exception) else RuntimeError("waiter gone")
                )
                queued.exception()  # retrieved: they score on their own
            if joined_failed:
                return await work(True)
            raise

    async def _lead(
        self,
        key: Hashable,
        work: Callable[[bool], Awaitable[T]],
        *,
        fresh: bool,
        future: asyncio.Future[T] | None = None,
    ) -> T:
        flight = future or asyncio.get_running_loop().create_future()
        self._running[key] = flight
        try:
            result = await work(fresh)
        except BaseException as error:
            if not flight.done():
                flight.set_exception(error if isinstance(error, Exception) else RuntimeError())
                flight.exception()  # retrieved: waiters score on their own
            raise
        finally:
            del self._running[key]
        flight.set_result(result)
        return result

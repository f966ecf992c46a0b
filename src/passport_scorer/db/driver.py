"""Connections on Postgres: asyncpg's pool directly, below SQLAlchemy.

Going through asyncpg's pool and prepared-statement cache directly costs a fraction of
SQLAlchemy's per-statement and per-checkout layers. SQL still lives in `queries/` and
`scoring/`: `executor.PostgresExecutor` runs Core statements on these connections.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
import orjson

from passport_scorer.db.errors import is_unavailable


async def _reset(connection: asyncpg.Connection) -> None:
    """On release: end a transaction a cancelled request left open (nothing else to reset)."""
    if connection.is_in_transaction():
        await connection.execute("ROLLBACK")


class DriverPool:
    """An asyncpg pool, opened lazily inside the worker's event loop; FIFO hand-out."""

    def __init__(
        self,
        connect_args: Mapping[str, Any],
        *,
        size: int,
        acquire_timeout: float,
        statement_timeout: float,
        server_settings: dict[str, str],
    ) -> None:
        """`connect_args`: what SQLAlchemy's asyncpg dialect derives from the URL (host or
        socket, port, credentials, `ssl`, `prepared_statement_cache_size`)."""
        connect = dict(connect_args)
        if "prepared_statement_cache_size" in connect:  # SQLAlchemy's name for asyncpg's
            connect["statement_cache_size"] = connect.pop("prepared_statement_cache_size")
        self.connect_args: dict[str, Any] = {
            **connect,
            "command_timeout": statement_timeout,
            "timeout": acquire_timeout,
            "server_settings": server_settings,
        }
        self._size = size
        self._acquire_timeout = acquire_timeout
        self._pool: asyncpg.Pool | None = None
        self._opening = asyncio.Lock()
        self._query_loggers: list[Callable[[Any], None]] = []
        self._waiting = 0

    def add_query_logger(self, callback: Callable[[Any], None]) -> None:
        """Call `callback` with every query run on this pool's connections (diagnostics)."""
        self._query_loggers.append(callback)

    async def _init(self, connection: asyncpg.Connection) -> None:
        await _json_codecs(connection)
        for callback in self._query_loggers:
            connection.add_query_logger(callback)

    async def _opened(self) -> asyncpg.Pool:
        if self._pool is None:
            async with self._opening:
                if self._pool is None:
                    self._pool = await asyncpg.create_pool(
                        min_size=0,
                        max_size=self._size,
                        reset=_reset,
                        init=self._init,
                        **self.connect_args,
                    )
        return self._pool

    async def acquire(self) -> asyncpg.Connection:
        pool = await self._opened()
        self._waiting += 1
        try:
            # asyncio.timeout rather than acquire(timeout=...): the latter spawns a task per call.
            async with asyncio.timeout(self._acquire_timeout):
                return await pool.acquire()
        finally:
            self._waiting -= 1

    async def release(self, connection: asyncpg.Connection, *, broken: bool = False) -> None:
        """Back to the pool; a `broken` connection (it failed mid-protocol: killed, timed out,
        cancelled) is closed instead of being handed out again, as its state is unknown."""
        if broken:
            connection.terminate()
        assert self._pool is not None
        await self._pool.release(connection)

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[asyncpg.Connection]:
        connection = await self.acquire()
        broken = False
        try:
            yield connection
        except BaseException as error:
            broken = is_broken_by(error)
            raise
        finally:
            await self.release(connection, broken=broken)

    def stats(self) -> tuple[int, int]:
        """(connections in use, acquisitions waiting)."""
        if self._pool is None:
            return 0, self._waiting
        return self._pool.get_size() - self._pool.get_idle_size(), self._waiting

    async def close(self) -> None:
        if self._pool is not None:
            await self._pool.close()
            self._pool = None


async def _json_codecs(connection: asyncpg.Connection) -> None:
    """JSON values as SQLAlchemy's asyncpg dialect binds them (text in) and Python out."""
    await connection.set_type_codec(
        "json",
        encoder=str.encode,
        decoder=lambda data: orjson.loads(data),
        schema="pg_catalog",
        format="binary",
    )
    await connection.set_type_codec(
        "jsonb",
        encoder=lambda text: b"\x01" + text.encode(),
        decoder=lambda data: orjson.loads(data[1:]),
        schema="pg_catalog",
        format="binary",
    )


def is_broken_by(error: BaseException) -> bool:
    """Whether a connection that saw `error` may be in an unknown protocol state."""
    return is_unavailable(error) or isinstance(error, asyncio.CancelledError)

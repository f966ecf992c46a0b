"""The hot path's own connections on Postgres: asyncpg directly, below SQLAlchemy.

Scoring requests run a handful of constant statements; going through asyncpg's pool and
prepared-statement cache directly costs a fraction of SQLAlchemy's per-statement and
per-checkout layers. SQL still lives in `queries/` and `scoring/`: `DriverQuery` compiles a
constant SQLAlchemy statement once and runs it on the driver.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

import asyncpg
from sqlalchemy.sql import Select

if TYPE_CHECKING:
    from passport_scorer.db.engine import Database


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

    def add_query_logger(self, callback: Callable[[Any], None]) -> None:
        """Call `callback` with every query run on this pool's connections (diagnostics)."""
        self._query_loggers.append(callback)

    async def _init(self, connection: asyncpg.Connection) -> None:
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

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[asyncpg.Connection]:
        pool = await self._opened()
        # asyncio.timeout rather than acquire(timeout=...): the latter spawns a task per call.
        async with asyncio.timeout(self._acquire_timeout):
            connection = await pool.acquire()
        try:
            yield connection
        finally:
            await pool.release(connection)

    async def close(self) -> None:
        if self._pool is not None:
            await self._pool.close()
            self._pool = None


class DriverQuery:
    """A constant statement: straight asyncpg on Postgres, SQLAlchemy elsewhere."""

    def __init__(self, statement: Select[Any]) -> None:
        self.statement = statement
        self._postgres: tuple[str, Sequence[str]] | None = None

    def _compiled(self, db: Database) -> tuple[str, Sequence[str]]:
        if self._postgres is None:
            compiled = self.statement.compile(dialect=db.engine.dialect)
            self._postgres = (compiled.string, list(compiled.positiontup or ()))
        return self._postgres

    async def first(self, db: Database, params: Mapping[str, Any]) -> Sequence[Any] | None:
        if db.dialect != "postgresql":
            async with db.read() as conn:
                found: Sequence[Any] | None = (
                    await conn.execute(self.statement, dict(params))
                ).first()
                return found
        sql, names = self._compiled(db)
        async with db.driver() as driver:
            row: Sequence[Any] | None = await driver.fetchrow(sql, *(params[n] for n in names))
            return row

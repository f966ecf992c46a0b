"""The database handle: one async engine with a connection pool per process."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import Any

import orjson
from sqlalchemy import Select, event, literal_column, select
from sqlalchemy import exc as sqlalchemy_exc
from sqlalchemy.engine import Connection as SyncConnection
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from passport_scorer.config import Settings
from passport_scorer.db.driver import DriverPool
from passport_scorer.db.executor import (
    Executor,
    PostgresExecutor,
    SqlAlchemyExecutor,
    StatementCache,
)
from passport_scorer.db.url import to_sqlalchemy_url


def _json_dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


class Database:
    """Gives each request one connection, as an `Executor` (`db/executor.py`).

    On Postgres the connection comes from the asyncpg pool (`driver.DriverPool`); elsewhere
    (SQLite) from SQLAlchemy's pool. `session()` is re-entrant: inside it, every caller in the
    same task gets the same executor. Connections are handed out first come, first served; a
    request waits at most `pool_timeout` seconds for one, then fails with a timeout (a 503).
    """

    def __init__(
        self,
        engine: AsyncEngine,
        *,
        driver_pool: DriverPool | None = None,
        pool_size: int = 10,
        pool_timeout: float = 3.0,
    ) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self.driver_pool = driver_pool
        self._autocommit = engine.execution_options(isolation_level="AUTOCOMMIT")
        self._current: ContextVar[Executor | None] = ContextVar(
            f"db_executor_{id(self)}", default=None
        )
        self._statements = StatementCache()
        # SQLAlchemy's pool does not queue waiters fairly; this semaphore does (FIFO).
        self._slots = asyncio.Semaphore(pool_size)
        self._pool_size = pool_size
        self._pool_timeout = pool_timeout
        self._in_use = 0
        self._waiting = 0

    @classmethod
    def from_settings(cls, settings: Settings) -> Database:
        engine = create_engine(settings)
        driver_pool = None
        if engine.dialect.name == "postgresql":
            _, connect_args = engine.dialect.create_connect_args(engine.url)
            driver_pool = DriverPool(
                connect_args,
                size=settings.DB_POOL_SIZE,
                acquire_timeout=settings.DB_POOL_TIMEOUT_SECONDS,
                statement_timeout=settings.DB_STATEMENT_TIMEOUT_SECONDS,
                server_settings=SERVER_SETTINGS,
            )
        return cls(
            engine,
            driver_pool=driver_pool,
            pool_size=settings.DB_POOL_SIZE,
            pool_timeout=settings.DB_POOL_TIMEOUT_SECONDS,
        )

    @asynccontextmanager
    async def _slot(self) -> AsyncIterator[None]:
        self._waiting += 1
        try:
            async with asyncio.timeout(self._pool_timeout):
                await self._slots.acquire()
        except TimeoutError:
            raise PoolTimeout("no database connection became free in time") from None
        finally:
            self._waiting -= 1
        try:
            yield
        finally:
            self._slots.release()

    @asynccontextmanager
    async def session(self) -> AsyncIterator[Executor]:
        """The request's executor: one connection until the outermost session ends."""
        current = self._current.get()
        if current is not None:
            yield current
            return
        async with self._connect() as executor:
            token = self._current.set(executor)
            try:
                yield executor
            finally:
                self._current.reset(token)

    @asynccontextmanager
    async def _connect(self) -> AsyncIterator[Executor]:
        if self.driver_pool is not None:
            async with self.driver_pool.connection() as connection:
                yield PostgresExecutor(connection, self.engine.dialect, self._statements)
            return
        async with self._slot(), self._autocommit.connect() as conn:
            self._in_use += 1
            try:
                yield SqlAlchemyExecutor(conn, self._default_isolation())
            finally:
                self._in_use -= 1

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Executor]:
        """A session whose statements inside commit together (nested: a savepoint)."""
        async with self.session() as executor, executor.transaction():
            yield executor

    def _default_isolation(self) -> str:
        return "SERIALIZABLE" if self.dialect == "sqlite" else "READ COMMITTED"

    def pool_stats(self) -> tuple[int, int]:
        """(connections in use, requests waiting for one) in this process."""
        if self.driver_pool is not None:
            return self.driver_pool.stats()
        return self._in_use, self._waiting

    async def ping(self) -> None:
        async with self.session() as executor:
            await executor.scalar(_PING)

    async def dispose(self) -> None:
        if self.driver_pool is not None:
            await self.driver_pool.close()
        await self.engine.dispose()


_PING: Select[Any] = select(literal_column("1"))

# Every statement here is a short index lookup or write whose plan does not depend on the
# values: reuse one plan instead of re-planning each execution.
SERVER_SETTINGS = {"application_name": "passport-scorer", "plan_cache_mode": "force_generic_plan"}


class PoolTimeout(sqlalchemy_exc.TimeoutError):
    """Every connection stayed busy for longer than the pool timeout."""


def create_engine(settings: Settings) -> AsyncEngine:
    url = to_sqlalchemy_url(settings.DATABASE_URL)
    common: dict[str, Any] = {
        # Statement parameters (key ids, bodies, addresses) never appear in errors or logs.
        "hide_parameters": True,
        "json_serializer": _json_dumps,
        "json_deserializer": orjson.loads,
        "pool_timeout": settings.DB_POOL_TIMEOUT_SECONDS,
    }
    if url.get_backend_name() == "postgresql":
        connect_args: dict[str, Any] = {
            "timeout": settings.DB_POOL_TIMEOUT_SECONDS,
            "command_timeout": settings.DB_STATEMENT_TIMEOUT_SECONDS,
            "server_settings": SERVER_SETTINGS,
        }
        return create_async_engine(
            url,
            pool_size=settings.DB_POOL_SIZE,
            max_overflow=0,
            pool_recycle=1800,
            connect_args=connect_args,
            **common,
        )
    engine = create_async_engine(
        url,
        pool_size=settings.DB_POOL_SIZE,
        max_overflow=0,
        connect_args={"timeout": settings.DB_STATEMENT_TIMEOUT_SECONDS},
        **common,
    )
    _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: AsyncEngine) -> None:
    """Foreign keys on, WAL, and transactions that take the write lock up front.

    `BEGIN IMMEDIATE` makes concurrent scorings queue for the lock instead of
    failing with "database is locked" when a reader tries to become a writer.
    """

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA busy_timeout = 10000")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: SyncConnection) -> None:
        if conn.get_execution_options().get("isolation_level") == "AUTOCOMMIT":
            return
        conn.exec_driver_sql("BEGIN IMMEDIATE")

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
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from passport_scorer.config import Settings
from passport_scorer.db.driver import DriverPool, is_broken_by
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
        self._current: ContextVar[tuple[Executor, _DriverLease | _SqlAlchemyLease] | None]
        self._current = ContextVar(f"db_session_{id(self)}", default=None)
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
    async def session(self) -> AsyncIterator[Executor]:
        """The request's executor: one connection until the outermost session ends."""
        current = self._current.get()
        if current is not None:
            yield current[0]
            return
        lease = await self._lease()
        executor: Executor
        if isinstance(lease, _DriverLease):
            executor = PostgresExecutor(lease.connection, self.engine.dialect, self._statements)
        else:
            executor = SqlAlchemyExecutor(lease.connection, self._default_isolation())
        token = self._current.set((executor, lease))
        broken = False
        try:
            yield executor
        except BaseException as error:
            broken = is_broken_by(error)
            raise
        finally:
            held = self._current.get()
            self._current.reset(token)
            if held is not None:  # `released` may have swapped the lease
                held[1].broken = broken
                await held[1].close()

    @asynccontextmanager
    async def released(self) -> AsyncIterator[None]:
        """Give the session's connection back to the pool during a slow step that needs no
        database (a PBKDF2 check), and take one again after it; the executor stays the same
        object. Inside a transaction (or outside a session) the connection is kept."""
        current = self._current.get()
        if current is None or current[0].in_transaction:
            yield
            return
        executor, lease = current
        await lease.close()
        try:
            yield
        finally:
            fresh = await self._lease()
            self._current.set((executor, fresh))
            if isinstance(executor, PostgresExecutor | SqlAlchemyExecutor):
                executor.rebind(fresh.connection)

    async def _lease(self) -> _DriverLease | _SqlAlchemyLease:
        if self.driver_pool is not None:
            return _DriverLease(self.driver_pool, await self.driver_pool.acquire())
        await self._take_slot()
        try:
            connection = await self._autocommit.connect()
        except BaseException:
            self._slots.release()
            raise
        self._in_use += 1
        return _SqlAlchemyLease(self, connection)

    async def _take_slot(self) -> None:
        self._waiting += 1
        try:
            async with asyncio.timeout(self._pool_timeout):
                await self._slots.acquire()
        except TimeoutError:
            raise PoolTimeout("no database connection became free in time") from None
        finally:
            self._waiting -= 1

    async def _give_back(self, connection: AsyncConnection) -> None:
        try:
            await connection.close()
        finally:
            self._in_use -= 1
            self._slots.release()

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


class _DriverLease:
    """A session's asyncpg connection."""

    def __init__(self, pool: DriverPool, connection: Any) -> None:
        self.pool = pool
        self.connection = connection
        self.broken = False

    async def close(self) -> None:
        await self.pool.release(self.connection, broken=self.broken)


class _SqlAlchemyLease:
    """A session's SQLAlchemy connection and its slot."""

    def __init__(self, db: Database, connection: AsyncConnection) -> None:
        self.db = db
        self.connection = connection
        self.broken = False

    async def close(self) -> None:
        await self.db._give_back(self.connection)


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

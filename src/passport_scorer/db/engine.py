"""The database handle: one async engine with a connection pool per process."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import Any

import asyncpg
import orjson
from sqlalchemy import event, literal_column, select
from sqlalchemy import exc as sqlalchemy_exc
from sqlalchemy.engine import Connection as SyncConnection
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from passport_scorer.config import Settings
from passport_scorer.db.driver import DriverPool, DriverQuery
from passport_scorer.db.url import to_sqlalchemy_url


def _json_dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


class Database:
    """Gives out connections.

    * `driver()` (Postgres only): an asyncpg connection for the hot path's statements.
    * `read()`: a SQLAlchemy connection whose statements stand alone (autocommit).
    * `transaction()`: a SQLAlchemy connection whose statements commit together.

    Inside `session()` (one per request) the request keeps one connection: the driver
    connection on Postgres, the SQLAlchemy one elsewhere (SQLite). Connections are handed out
    first come, first served; a request waits at most `pool_timeout` seconds for one, then
    fails with a timeout (a 503).
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
        self._session: ContextVar[Any] = ContextVar(f"db_session_{id(self)}", default=None)
        # SQLAlchemy's pool does not queue waiters fairly; this semaphore does (FIFO).
        self._slots = asyncio.Semaphore(pool_size)
        self._pool_size = pool_size
        self._pool_timeout = pool_timeout

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
        try:
            async with asyncio.timeout(self._pool_timeout):
                await self._slots.acquire()
        except TimeoutError:
            raise PoolTimeout("no database connection became free in time") from None
        try:
            yield
        finally:
            self._slots.release()

    @asynccontextmanager
    async def session(self) -> AsyncIterator[None]:
        if self._session.get() is not None:
            yield
            return
        if self.driver_pool is not None:
            async with self.driver_pool.connection() as connection:
                token = self._session.set(connection)
                try:
                    yield
                finally:
                    self._session.reset(token)
            return
        async with self._slot(), self._autocommit.connect() as conn:
            token = self._session.set(conn)
            try:
                yield
            finally:
                self._session.reset(token)

    @asynccontextmanager
    async def driver(self) -> AsyncIterator[asyncpg.Connection]:
        """The session's asyncpg connection, or one from the driver pool (Postgres only)."""
        if self.driver_pool is None:
            raise RuntimeError("the driver connection exists on Postgres only")
        shared = self._session.get()
        if shared is not None:
            yield shared
            return
        async with self.driver_pool.connection() as connection:
            yield connection

    def _shared_sqlalchemy(self) -> AsyncConnection | None:
        shared = self._session.get()
        return shared if isinstance(shared, AsyncConnection) else None

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncConnection]:
        """A connection without a transaction: each statement stands alone (no BEGIN round trip)."""
        shared = self._shared_sqlalchemy()
        if shared is not None:
            yield shared
            return
        async with self._slot(), self._autocommit.connect() as conn:
            yield conn

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncConnection]:
        """All statements inside commit together or not at all."""
        shared = self._shared_sqlalchemy()
        if shared is None:
            async with self._slot(), self.engine.begin() as conn:
                yield conn
            return
        if shared.in_transaction():
            await shared.commit()  # autocommit mode: ends SQLAlchemy's bookkeeping only
        unit = await shared.execution_options(isolation_level=self._default_isolation())
        try:
            async with unit.begin():
                yield unit
        finally:
            await shared.execution_options(isolation_level="AUTOCOMMIT")

    def _default_isolation(self) -> str:
        return "SERIALIZABLE" if self.dialect == "sqlite" else "READ COMMITTED"

    def pool_stats(self) -> tuple[int, int]:
        """(connections in use, requests waiting for one), for the metrics."""
        pool = self.driver_pool._pool if self.driver_pool is not None else None
        if pool is not None:  # the hot path's asyncpg pool
            waiting = len(getattr(pool._queue, "_getters", ()) or ())
            return pool.get_size() - pool.get_idle_size(), waiting
        if self.driver_pool is not None:
            return 0, 0  # not opened yet
        slots = self._slots
        return self._pool_size - slots._value, len(slots._waiters or ())

    async def ping(self) -> None:
        await _PING.first(self, {})

    async def dispose(self) -> None:
        if self.driver_pool is not None:
            await self.driver_pool.close()
        await self.engine.dispose()


_PING = DriverQuery(select(literal_column("1")))

# Every statement here is a short index lookup or write whose plan does not depend on the
# values: reuse one plan instead of re-planning each execution.
SERVER_SETTINGS = {"application_name": "passport-scorer", "plan_cache_mode": "force_generic_plan"}


class PoolTimeout(sqlalchemy_exc.TimeoutError):
    """Every connection stayed busy for longer than the pool timeout."""


def create_engine(settings: Settings) -> AsyncEngine:
    url = to_sqlalchemy_url(settings.DATABASE_URL)
    common: dict[str, Any] = {
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

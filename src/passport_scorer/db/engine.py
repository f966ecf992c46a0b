"""The database handle: one async engine with a connection pool per process."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import Any

import orjson
from sqlalchemy import event, text
from sqlalchemy.engine import Connection as SyncConnection
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from passport_scorer.config import Settings
from passport_scorer.db.url import to_sqlalchemy_url


def _json_dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


class Database:
    """Gives out connections: `read()` runs autocommit statements, `transaction()` one unit.

    Inside `session()` (one per request) every `read()` reuses the same pooled connection,
    so a request checks a connection out once, however many statements it runs.
    """

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self._autocommit = engine.execution_options(isolation_level="AUTOCOMMIT")
        self._session: ContextVar[AsyncConnection | None] = ContextVar(
            f"db_session_{id(self)}", default=None
        )

    @asynccontextmanager
    async def session(self) -> AsyncIterator[None]:
        if self._session.get() is not None:
            yield
            return
        async with self._autocommit.connect() as conn:
            token = self._session.set(conn)
            try:
                yield
            finally:
                self._session.reset(token)

    @classmethod
    def from_settings(cls, settings: Settings) -> Database:
        return cls(create_engine(settings))

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncConnection]:
        """A connection without a transaction: each statement stands alone (no BEGIN round trip)."""
        shared = self._session.get()
        if shared is not None:
            yield shared
            return
        async with self._autocommit.connect() as conn:
            yield conn

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncConnection]:
        """All statements inside commit together or not at all."""
        async with self.engine.begin() as conn:
            yield conn

    async def ping(self) -> None:
        async with self.read() as conn:
            await conn.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        await self.engine.dispose()


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
            "server_settings": {
                "application_name": "passport-scorer",
                # Every statement here is a short index lookup or write whose plan does not
                # depend on the values; reuse one plan instead of re-planning each execution.
                "plan_cache_mode": "force_generic_plan",
            },
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

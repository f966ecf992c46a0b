"""Read-only connections to a deployment's database (sampling and side-effect checks)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import asyncpg
from sqlalchemy import event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from passport_scorer.compare.errors import CompareInputError
from passport_scorer.db.url import redact, to_sqlalchemy_url

# What a database that is down, refuses us or lacks a table raises.
DATABASE_ERRORS = (DBAPIError, asyncpg.PostgresError, OSError, TimeoutError)
# Statements per IN list: well under every driver's parameter limit.
CHUNK = 500


def read_only_engine(database_url: str, option: str) -> AsyncEngine:
    """An engine whose sessions cannot write (Postgres: read-only transactions; SQLite:
    `query_only`)."""
    try:
        url = to_sqlalchemy_url(database_url)
    except ValueError as error:
        raise CompareInputError(f"{option}: {error}") from None
    if url.get_backend_name() == "postgresql":
        return create_async_engine(
            url,
            poolclass=NullPool,
            connect_args={
                "timeout": 10,
                "command_timeout": 120,
                "server_settings": {
                    "application_name": "passport-scorer compare",
                    "default_transaction_read_only": "on",
                },
            },
        )
    if not Path(url.database or "").is_file():
        raise CompareInputError(f"{option}: no SQLite database at {url.database}")
    engine = create_async_engine(url, poolclass=NullPool)

    @event.listens_for(engine.sync_engine, "connect")
    def _read_only(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA query_only = ON")
        cursor.close()

    return engine


def failure(option: str, database_url: str, error: BaseException) -> CompareInputError:
    """One line for a database that is down or lacks a table (no driver text beyond it)."""
    cause = getattr(error, "orig", None) or error
    first = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
    return CompareInputError(f"{option} {redact(database_url)}: {first}")


def chunks(values: Iterable[Any]) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for value in sorted(values):
        batch.append(value)
        if len(batch) == CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch

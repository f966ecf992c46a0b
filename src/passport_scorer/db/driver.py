"""Running SQL on the driver's own connection, below SQLAlchemy's per-statement layers.

Used on the hot path only: a constant SQLAlchemy statement is compiled once for asyncpg and
then executed directly, so its SQL still lives (and is written once) in `queries/`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql import Select

from passport_scorer.db.errors import is_unavailable


@asynccontextmanager
async def driver_connection(conn: AsyncConnection) -> AsyncIterator[Any]:
    """The driver connection under `conn`; a failure that broke it invalidates it."""
    raw = await conn.get_raw_connection()
    driver = raw.driver_connection
    assert driver is not None
    try:
        yield driver
    except BaseException as error:
        if getattr(driver, "is_closed", lambda: False)() or is_unavailable(error):
            await conn.invalidate()  # never hand a broken connection to the next request
        raise


class DriverQuery:
    """A constant statement: plain SQLAlchemy execution, or straight asyncpg on Postgres."""

    def __init__(self, statement: Select[Any]) -> None:
        self.statement = statement
        self._postgres: tuple[str, Sequence[str]] | None = None

    def _compiled(self, conn: AsyncConnection) -> tuple[str, Sequence[str]]:
        if self._postgres is None:
            compiled = self.statement.compile(dialect=conn.dialect)
            self._postgres = (compiled.string, list(compiled.positiontup or ()))
        return self._postgres

    async def first(self, conn: AsyncConnection, params: Mapping[str, Any]) -> Sequence[Any] | None:
        if conn.dialect.name != "postgresql":
            found: Sequence[Any] | None = (await conn.execute(self.statement, dict(params))).first()
            return found
        sql, names = self._compiled(conn)
        async with driver_connection(conn) as driver:
            row: Sequence[Any] | None = await driver.fetchrow(sql, *(params[n] for n in names))
            return row

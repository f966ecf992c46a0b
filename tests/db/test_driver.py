"""The hot path's asyncpg pool connects as SQLAlchemy's engine does, from the same URL."""

from __future__ import annotations

import pytest

from passport_scorer.db.engine import Database
from passport_scorer.db.executor import PostgresExecutor
from tests.conftest import make_settings


def test_connect_arguments_follow_the_url() -> None:
    db = Database.from_settings(
        make_settings(
            "postgresql://scorer:pw@/passport?host=/var/run/postgresql&sslmode=require"
            "&prepared_statement_cache_size=0"
        )
    )
    assert db.driver_pool is not None
    connect = db.driver_pool.connect_args
    assert (connect["host"], connect["user"], connect["password"], connect["database"]) == (
        "/var/run/postgresql",
        "scorer",
        "pw",
        "passport",
    )
    assert (connect["ssl"], connect["statement_cache_size"]) == ("require", 0)
    assert "prepared_statement_cache_size" not in connect


@pytest.mark.postgres
@pytest.mark.parametrize(("cache_size", "named_statements"), [("0", False), ("100", True)])
async def test_prepared_statement_cache_size_reaches_the_driver(
    database_url: str, cache_size: str, named_statements: bool
) -> None:
    """`prepared_statement_cache_size=0` (PgBouncer in transaction mode): no named statements."""
    separator = "&" if "?" in database_url else "?"
    url = f"{database_url}{separator}prepared_statement_cache_size={cache_size}"
    db = Database.from_settings(make_settings(url))
    try:
        async with db.session() as ex:
            await db.ping()
            assert isinstance(ex, PostgresExecutor)
            named = await ex.connection.fetchval("SELECT count(*) FROM pg_prepared_statements")
        assert (named > 0) is named_statements
    finally:
        await db.dispose()

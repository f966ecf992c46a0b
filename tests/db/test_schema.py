"""Our migrations build the reference's schema; `check` and `migrate` guard existing databases."""

from __future__ import annotations

import asyncio
import re
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from passport_scorer.db.engine import Database
from passport_scorer.db.schema import SchemaError, check_schema, migrate, missing_tables
from passport_scorer.db.tables import metadata
from passport_scorer.db.url import to_sqlalchemy_url
from tests.conftest import (
    FIXTURES,
    create_postgres_database,
    drop_postgres_database,
    make_settings,
    postgres_url,
)

# Every table Django creates (88), and the subset the score routes use (what 0001 creates).
FULL_DDL = FIXTURES / "django_schema_full.sql"
SCORE_ROUTES_DDL = FIXTURES / "django_schema.sql"

CATALOG = """
SELECT 'column', table_name, column_name,
       concat_ws(' ', data_type, character_maximum_length, numeric_precision, numeric_scale,
                 is_nullable, column_default, is_identity, identity_generation)
  FROM information_schema.columns
 WHERE table_schema = 'public' AND table_name = ANY($1::text[])
UNION ALL
SELECT 'constraint', conrelid::regclass::text, conname, pg_get_constraintdef(oid)
  FROM pg_constraint
 WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text = ANY($1::text[])
UNION ALL
SELECT 'index', tablename, indexname, replace(indexdef, 'public.', '')
  FROM pg_indexes
 WHERE schemaname = 'public' AND tablename = ANY($1::text[])
UNION ALL
SELECT 'sequence', table_name, column_name, pg_get_serial_sequence(table_name, column_name)
  FROM information_schema.columns
 WHERE table_schema = 'public' AND is_identity = 'YES' AND table_name = ANY($1::text[])
ORDER BY 1, 2, 3, 4
"""
TABLES = "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"


def _ddl_tables(path: Path) -> set[str]:
    return set(re.findall(r"^CREATE TABLE public\.(\w+) \(", path.read_text(), re.MULTILINE))


async def _catalog(url: str, tables: set[str]) -> list[tuple[str, ...]]:
    conn = await asyncpg.connect(url)
    try:
        return [tuple(row) for row in await conn.fetch(CATALOG, sorted(tables))]
    finally:
        await conn.close()


async def _execute(url: str, *statements: str) -> None:
    conn = await asyncpg.connect(url)
    try:
        for statement in statements:
            await conn.execute(statement)
    finally:
        await conn.close()


@pytest.fixture
async def django_full_database_url(backend: str) -> AsyncIterator[str]:
    """A Postgres database as Django made it: all 88 reference tables (never migrated)."""
    assert backend == "postgres", "mark tests using django_full_database_url as postgres"
    name = await create_postgres_database()
    url = postgres_url(name)
    await _execute(url, FULL_DDL.read_text())
    yield url
    await drop_postgres_database(name)


@pytest.fixture
async def empty_database_url(backend: str, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database on this backend."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    name = await create_postgres_database()
    yield postgres_url(name)
    await drop_postgres_database(name)


def test_the_reference_ddl_files_hold_what_they_claim() -> None:
    assert len(_ddl_tables(FULL_DDL)) == 88
    assert len(_ddl_tables(SCORE_ROUTES_DDL)) == 37
    assert _ddl_tables(SCORE_ROUTES_DDL) < set(metadata.tables) < _ddl_tables(FULL_DDL)


@pytest.mark.postgres
async def test_migrated_postgres_schema_equals_the_reference_ddl(
    database_url: str, django_full_database_url: str
) -> None:
    url = database_url.replace("postgres://", "postgresql://")
    conn = await asyncpg.connect(url)
    try:
        migrated = {row[0] for row in await conn.fetch(TABLES)} - {"alembic_version"}
    finally:
        await conn.close()
    assert migrated == set(metadata.tables)
    ours = await _catalog(url, migrated)
    reference = await _catalog(django_full_database_url, migrated)
    assert {row[1] for row in reference} == migrated
    assert len(reference) > 800  # 59 tables with their columns, constraints and indexes
    assert ours == reference


@pytest.mark.postgres
async def test_check_accepts_a_django_made_database(django_full_database_url: str) -> None:
    report = await asyncio.to_thread(check_schema, django_full_database_url)
    assert report.ok, report


@pytest.mark.postgres
async def test_check_names_the_route_families_a_missing_table_disables(
    django_full_database_url: str,
) -> None:
    await _execute(django_full_database_url, "DROP TABLE ceramic_cache_ban")
    report = await asyncio.to_thread(check_schema, django_full_database_url)
    assert not report.ok
    assert report.lines() == ["missing table: ceramic_cache_ban (needed by: internal bans)"]


@pytest.mark.postgres
async def test_check_names_each_missing_table_and_column(django_full_database_url: str) -> None:
    await _execute(
        django_full_database_url,
        "DROP TABLE registry_hashscorerlink",
        "ALTER TABLE account_accountapikey DROP COLUMN hashed_key_sha256",
        "ALTER TABLE tos_tos DROP COLUMN final",
    )
    report = await asyncio.to_thread(check_schema, django_full_database_url)
    assert report.missing_tables == ["registry_hashscorerlink"]
    assert report.missing_columns == ["account_accountapikey.hashed_key_sha256", "tos_tos.final"]
    # The score routes' gaps keep their plain form; the others name what they disable.
    assert report.lines() == [
        "missing table: registry_hashscorerlink",
        "missing column: account_accountapikey.hashed_key_sha256",
        "missing column: tos_tos.final (needed by: terms of service)",
    ]


@pytest.mark.postgres
async def test_check_of_a_score_routes_only_database_names_only_other_families(
    django_database_url: str,
) -> None:
    report = await asyncio.to_thread(check_schema, django_database_url)
    assert report.missing_tables == sorted(set(metadata.tables) - _ddl_tables(SCORE_ROUTES_DDL))
    assert report.missing_columns == []
    assert "missing table: account_nonce (needed by: sign-in, v1 registry, terms of service)" in (
        report.lines()
    )
    assert all("(needed by: " in line for line in report.lines())


@pytest.mark.postgres
async def test_migrate_refuses_a_django_managed_database(django_database_url: str) -> None:
    with pytest.raises(SchemaError, match="managed by Django"):
        await asyncio.to_thread(migrate, django_database_url)


async def _scalar(url: str, query: str) -> object:
    engine = create_async_engine(to_sqlalchemy_url(url))
    try:
        async with engine.begin() as conn:
            return (await conn.execute(text(query))).scalar_one()
    finally:
        await engine.dispose()


async def test_migrate_upgrades_a_database_migrated_with_0001(empty_database_url: str) -> None:
    url = empty_database_url
    await asyncio.to_thread(migrate, url, "0001")
    report = await asyncio.to_thread(check_schema, url)
    # 0001 made exactly the score routes' tables; 0002 adds the rest.
    assert report.missing_tables == sorted(set(metadata.tables) - _ddl_tables(SCORE_ROUTES_DDL))
    await _scalar(url, "INSERT INTO account_addresslist (name) VALUES ('kept') RETURNING id")

    await asyncio.to_thread(migrate, url)

    assert (await asyncio.to_thread(check_schema, url)).ok
    assert await _scalar(url, "SELECT version_num FROM alembic_version") == "0002"
    assert await _scalar(url, "SELECT name FROM account_addresslist") == "kept"
    await _scalar(
        url,
        "INSERT INTO account_nonce (nonce, created_on, was_used, expires_on)"
        " VALUES ('n1', '2026-01-01T00:00:00Z', false, NULL) RETURNING id",
    )


@pytest.mark.postgres
async def test_upgraded_postgres_schema_equals_a_fresh_one(
    empty_database_url: str, database_url: str
) -> None:
    await asyncio.to_thread(migrate, empty_database_url, "0001")
    await asyncio.to_thread(migrate, empty_database_url)
    tables = set(metadata.tables)
    upgraded = await _catalog(empty_database_url, tables)
    assert upgraded == await _catalog(database_url.replace("postgres://", "postgresql://"), tables)


def test_migrate_creates_every_table_on_sqlite_and_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    url = f"sqlite:///{path}"
    assert check_schema(url).missing_tables == sorted(metadata.tables)  # no database yet
    assert not path.exists()  # checking never creates an empty file
    first = migrate(url)
    assert first.created_file and first.created_tables == sorted(metadata.tables)
    second = migrate(url)
    assert not second.created_file and second.created_tables == []
    assert check_schema(url).ok


def test_a_failed_migration_leaves_no_sqlite_file(tmp_path: Path) -> None:
    missing_folder = tmp_path / "nowhere" / "new.sqlite3"
    with pytest.raises(SchemaError, match="its folder does not exist"):
        migrate(f"sqlite:///{missing_folder}")
    assert not missing_folder.parent.exists()


async def test_missing_tables_reads_the_catalogue(database_url: str) -> None:
    db = Database.from_settings(make_settings(database_url))
    try:
        async with db.session() as ex:
            assert await missing_tables(ex) == []
    finally:
        await db.dispose()


def test_sqlite_keeps_one_live_cache_row_per_provider(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    migrate(f"sqlite:///{path}")
    insert = (
        "INSERT INTO ceramic_cache_ceramiccache (address, provider, stamp, updated_at, type,"
        " deleted_at, compose_db_save_status, compose_db_stream_id, proof_value)"
        " VALUES ('0xa', 'Google', '{}', '2026-01-01', 1, ?, '', '', 'p')"
    )
    with sqlite3.connect(path) as conn:
        conn.execute(insert, (None,))
        conn.execute(insert, ("2026-01-02",))  # a deleted row may coexist
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(insert, (None,))


def test_sqlite_keeps_one_active_weight_configuration(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    migrate(f"sqlite:///{path}")
    insert = (
        "INSERT INTO registry_weightconfiguration (version, active, created_at, updated_at,"
        " threshold) VALUES (?, ?, '2026-01-01', '2026-01-01', 20.0)"
    )
    with sqlite3.connect(path) as conn:
        conn.execute(insert, ("v1", True))
        conn.execute(insert, ("v2", False))  # inactive ones may coexist
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(insert, ("v3", True))


def test_migrate_refuses_tables_it_did_not_create(tmp_path: Path) -> None:
    path = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE registry_passport (id INTEGER PRIMARY KEY)")
    with pytest.raises(SchemaError, match="not created by"):
        migrate(f"sqlite:///{path}")

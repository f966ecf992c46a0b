"""Our migrations build the reference's schema; `check` and `migrate` guard existing databases."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import asyncpg
import pytest

from passport_scorer.db.engine import Database
from passport_scorer.db.schema import SchemaError, check_schema, migrate, missing_tables
from passport_scorer.db.tables import metadata
from tests.conftest import make_settings

CATALOG = """
SELECT 'column', table_name, column_name,
       concat_ws(' ', data_type, character_maximum_length, numeric_precision, numeric_scale,
                 is_nullable, column_default, is_identity, identity_generation)
  FROM information_schema.columns
 WHERE table_schema = 'public' AND table_name NOT IN ('alembic_version', 'django_migrations')
UNION ALL
SELECT 'constraint', conrelid::regclass::text, conname, pg_get_constraintdef(oid)
  FROM pg_constraint
 WHERE connamespace = 'public'::regnamespace
   AND conrelid::regclass::text NOT IN ('alembic_version', 'django_migrations')
UNION ALL
SELECT 'index', tablename, indexname, replace(indexdef, 'public.', '')
  FROM pg_indexes
 WHERE schemaname = 'public' AND tablename NOT IN ('alembic_version', 'django_migrations')
UNION ALL
SELECT 'sequence', table_name, column_name, pg_get_serial_sequence(table_name, column_name)
  FROM information_schema.columns
 WHERE table_schema = 'public' AND is_identity = 'YES'
   AND table_name NOT IN ('alembic_version', 'django_migrations')
ORDER BY 1, 2, 3, 4
"""


async def _catalog(url: str) -> list[tuple[str, ...]]:
    conn = await asyncpg.connect(url)
    try:
        return [tuple(row) for row in await conn.fetch(CATALOG)]
    finally:
        await conn.close()


@pytest.mark.postgres
async def test_migrated_postgres_schema_equals_the_reference_ddl(
    database_url: str, django_database_url: str
) -> None:
    ours = await _catalog(database_url.replace("postgres://", "postgresql://"))
    reference = await _catalog(django_database_url)
    assert len(reference) > 500  # 37 tables with their columns, constraints and indexes
    assert ours == reference


@pytest.mark.postgres
async def test_check_accepts_a_django_made_database(django_database_url: str) -> None:
    report = await asyncio.to_thread(check_schema, django_database_url)
    assert report.ok, report


@pytest.mark.postgres
async def test_migrate_refuses_a_django_managed_database(django_database_url: str) -> None:
    with pytest.raises(SchemaError, match="managed by Django"):
        await asyncio.to_thread(migrate, django_database_url)


@pytest.mark.postgres
async def test_check_names_each_missing_table_and_column(django_database_url: str) -> None:
    conn = await asyncpg.connect(django_database_url)
    try:
        await conn.execute("DROP TABLE registry_hashscorerlink")
        await conn.execute("ALTER TABLE account_accountapikey DROP COLUMN hashed_key_sha256")
    finally:
        await conn.close()
    report = await asyncio.to_thread(check_schema, django_database_url)
    assert report.missing_tables == ["registry_hashscorerlink"]
    assert report.missing_columns == ["account_accountapikey.hashed_key_sha256"]


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
        assert await missing_tables(db) == []
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


def test_migrate_refuses_tables_it_did_not_create(tmp_path: Path) -> None:
    path = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE registry_passport (id INTEGER PRIMARY KEY)")
    with pytest.raises(SchemaError, match="not created by"):
        migrate(f"sqlite:///{path}")

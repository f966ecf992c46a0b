"""Creating our schema (`migrate`) and checking someone else's (`check`)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from passport_scorer.db.requirements import SCORE_ROUTES, families_needing
from passport_scorer.db.tables import metadata

if TYPE_CHECKING:
    from passport_scorer.db.executor import Executor
from passport_scorer.db.url import to_sqlalchemy_url

MIGRATIONS = Path(__file__).parent / "migrations"
# Present in every database that Django manages; we never migrate those.
DJANGO_MARKER_TABLE = "django_migrations"
ALEMBIC_TABLE = "alembic_version"


class SchemaError(Exception):
    """The database cannot be migrated or lacks what the service needs."""


@dataclass(frozen=True)
class SchemaReport:
    missing_tables: list[str]
    missing_columns: list[str]  # "table.column"

    @property
    def ok(self) -> bool:
        return not self.missing_tables and not self.missing_columns

    def lines(self) -> list[str]:
        """One line per gap; those the score routes do not need name the families they disable."""
        return [f"missing table: {name}{_needed_by(name)}" for name in self.missing_tables] + [
            f"missing column: {name}{_needed_by(name.partition('.')[0])}"
            for name in self.missing_columns
        ]


def _needed_by(table: str) -> str:
    families = families_needing(table)
    if SCORE_ROUTES in families:
        return ""
    return f" (needed by: {', '.join(families)})"


def _inspect_tables(conn: Connection) -> dict[str, set[str]]:
    inspector = inspect(conn)
    return {
        name: {column["name"] for column in inspector.get_columns(name)}
        for name in inspector.get_table_names()
    }


def sqlite_path(database_url: str) -> Path | None:
    """The SQLite file a URL names (None for Postgres)."""
    url = to_sqlalchemy_url(database_url)
    return Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None


async def _existing_tables(database_url: str) -> dict[str, set[str]]:
    path = sqlite_path(database_url)
    if path is not None and not path.exists():
        return {}  # opening it would create an empty file
    engine = create_async_engine(to_sqlalchemy_url(database_url))
    try:
        async with engine.connect() as conn:
            return await conn.run_sync(_inspect_tables)
    finally:
        await engine.dispose()


_TABLE_NAMES = {
    "postgresql": text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"),
    "sqlite": text("SELECT name FROM sqlite_master WHERE type = 'table'"),
}


async def missing_tables(ex: Executor) -> list[str]:
    """The service's tables that the database lacks (one catalogue query; for `/health`)."""
    present = {row[0] for row in await ex.all(_TABLE_NAMES[ex.dialect])}
    return sorted(name for name in metadata.tables if name not in present)


def check_schema(database_url: str) -> SchemaReport:
    """Every table and column the service uses that the database lacks."""
    existing = asyncio.run(_existing_tables(database_url))
    missing_tables = sorted(name for name in metadata.tables if name not in existing)
    missing_columns = sorted(
        f"{table.name}.{column.name}"
        for table in metadata.tables.values()
        if table.name in existing
        for column in table.columns
        if column.name not in existing[table.name]
    )
    return SchemaReport(missing_tables, missing_columns)


def _alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("database_url", database_url.replace("%", "%%"))
    return config


@dataclass(frozen=True)
class MigrationReport:
    created_tables: list[str]
    created_file: bool  # a new SQLite file


def is_django_managed(database_url: str) -> bool:
    return DJANGO_MARKER_TABLE in asyncio.run(_existing_tables(database_url))


def migrate(database_url: str, revision: str = "head") -> MigrationReport:
    """Create or upgrade our schema (to `revision`); refuse a database that Django manages.

    A SQLite file that did not exist is created only by a migration that succeeds.
    """
    path = sqlite_path(database_url)
    new_file = path is not None and not path.exists()
    try:
        return _migrate(database_url, new_file, revision)
    except BaseException:
        if new_file and path is not None:
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)
        raise


def _migrate(database_url: str, new_file: bool, revision: str) -> MigrationReport:
    existing = asyncio.run(_existing_tables(database_url))
    if DJANGO_MARKER_TABLE in existing:
        raise SchemaError(
            "this database is managed by Django (it has django_migrations); "
            "it is never migrated from here: run `passport-scorer check` instead"
        )
    ours = set(metadata.tables)
    if ALEMBIC_TABLE not in existing and ours & set(existing):
        raise SchemaError(
            "this database already holds Passport tables that were not created by "
            "`passport-scorer migrate`; run `passport-scorer check` to verify it instead"
        )
    if new_file:
        parent = sqlite_path(database_url)
        if parent is not None and not parent.parent.is_dir():
            raise SchemaError(f"cannot create the SQLite file {parent}: its folder does not exist")
    command.upgrade(_alembic_config(database_url), revision)
    after = asyncio.run(_existing_tables(database_url))
    created = sorted(name for name in after if name not in existing and name != ALEMBIC_TABLE)
    return MigrationReport(created, new_file)

"""Dialect-specific statement constructors (upserts differ between Postgres and SQLite)."""

from __future__ import annotations

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite

from passport_scorer.db.executor import Executor


def insert_for(ex: Executor, table: Table) -> postgresql.Insert | sqlite.Insert:
    """An INSERT that supports `on_conflict_do_*` on the executor's dialect."""
    if ex.dialect == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)

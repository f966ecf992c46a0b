"""SQL for `account_accountapikeyanalytics`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncConnection

from passport_scorer.db.tables import account_accountapikeyanalytics as analytics


async def add_rows(conn: AsyncConnection, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        await conn.execute(insert(analytics), list(rows))

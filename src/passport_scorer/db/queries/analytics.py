"""SQL for `account_accountapikeyanalytics`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert

from passport_scorer.db.executor import Executor
from passport_scorer.db.tables import account_accountapikeyanalytics as analytics


async def add_rows(ex: Executor, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        await ex.execute(insert(analytics), list(rows))

"""SQL for pages of an address's cached stamps (`ceramic_cache_ceramiccache`), newest first.

As the reference lists them: every row of the address not deleted (any type, revoked or not),
by descending id; a page continues below (`next`) or above (`prev`) a row id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, exists, select

from passport_scorer.db.executor import Executor
from passport_scorer.db.tables import ceramic_cache_ceramiccache as cache
from passport_scorer.domain.cursors import Cursor

_OF_ADDRESS = (cache.c.address == bindparam("address"), cache.c.deleted_at.is_(None))
_COLUMNS = (cache.c.id, cache.c.provider, cache.c.stamp)

_FIRST = select(*_COLUMNS).where(*_OF_ADDRESS).order_by(cache.c.id.desc()).limit(bindparam("limit"))
_BELOW = (
    select(*_COLUMNS)
    .where(*_OF_ADDRESS, cache.c.id < bindparam("row_id"))
    .order_by(cache.c.id.desc())
    .limit(bindparam("limit"))
)
_ABOVE = (
    select(*_COLUMNS)
    .where(*_OF_ADDRESS, cache.c.id > bindparam("row_id"))
    .order_by(cache.c.id.asc())
    .limit(bindparam("limit"))
)
_ANY_BELOW = select(exists().where(*_OF_ADDRESS, cache.c.id < bindparam("row_id")))
_ANY_ABOVE = select(exists().where(*_OF_ADDRESS, cache.c.id > bindparam("row_id")))


@dataclass(frozen=True, slots=True)
class CachedStampRow:
    id: int
    provider: str
    stamp: Any  # the stored credential JSON


@dataclass(frozen=True, slots=True)
class StampPage:
    rows: list[CachedStampRow]  # newest first
    more_below: bool  # older rows exist: a `next` page
    more_above: bool  # newer rows exist: a `prev` page


async def stamp_page(ex: Executor, address: str, cursor: Cursor | None, limit: int) -> StampPage:
    params: dict[str, Any] = {"address": address, "limit": limit}
    if cursor is None:
        rows = await ex.all(_FIRST, params)
    elif cursor.direction == "next":
        rows = await ex.all(_BELOW, {**params, "row_id": cursor.row_id})
    else:
        rows = list(reversed(await ex.all(_ABOVE, {**params, "row_id": cursor.row_id})))
    page = [CachedStampRow(int(row[0]), row[1], row[2]) for row in rows]
    if not page:
        return StampPage([], False, False)
    more_below = bool(await ex.scalar(_ANY_BELOW, {"address": address, "row_id": page[-1].id}))
    more_above = bool(await ex.scalar(_ANY_ABOVE, {"address": address, "row_id": page[0].id}))
    return StampPage(page, more_below, more_above)

"""SQL for the v1 registry's score reads: `registry_score` rows with their passport's address."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Select, bindparam, func, select

from passport_scorer.db.executor import Executor, Record
from passport_scorer.db.tables import registry_passport as passports
from passport_scorer.db.tables import registry_score as scores
from passport_scorer.domain.detailed_scores import StoredDetailedScore

ScoreOrder = Literal["id", "last_score_timestamp"]

_COLUMNS = (
    passports.c.address,
    scores.c.score,
    scores.c.status,
    scores.c.last_score_timestamp,
    scores.c.expiration_date,
    scores.c.evidence,
    scores.c.error,
    scores.c.stamp_scores,
)
_IN_COMMUNITY = (
    select(*_COLUMNS)
    .select_from(scores)
    .join(passports, passports.c.id == scores.c.passport_id)
    .where(passports.c.community_id == bindparam("community_id"))
)
_ONE = _IN_COMMUNITY.where(passports.c.address == bindparam("address"))


@dataclass(frozen=True, slots=True)
class ScoreFilters:
    address: str | None = None  # any case: passports store addresses lower-cased
    scored_after: datetime | None = None  # last_score_timestamp > this
    scored_from: datetime | None = None  # last_score_timestamp >= this


def _row(values: Record) -> StoredDetailedScore:
    return StoredDetailedScore(*values)


async def stored_score(ex: Executor, community_id: int, address: str) -> StoredDetailedScore | None:
    """The address's score row in the community (address lower-cased, as stored)."""
    row = await ex.first(_ONE, {"community_id": community_id, "address": address})
    return None if row is None else _row(row)


def _filtered(statement: Select[Any], filters: ScoreFilters) -> Select[Any]:
    if filters.address is not None:
        statement = statement.where(passports.c.address == filters.address.lower())
    if filters.scored_after is not None:
        statement = statement.where(scores.c.last_score_timestamp > filters.scored_after)
    if filters.scored_from is not None:
        statement = statement.where(scores.c.last_score_timestamp >= filters.scored_from)
    return statement


async def score_page(
    ex: Executor,
    community_id: int,
    filters: ScoreFilters,
    *,
    order_by: ScoreOrder,
    limit: int,
    offset: int,
) -> tuple[list[StoredDetailedScore], int]:
    """One page of the community's scores in `order_by` order, and how many match in all."""
    params = {"community_id": community_id}
    ordering = (
        [scores.c.last_score_timestamp.asc().nulls_last(), scores.c.id.asc()]
        if order_by == "last_score_timestamp"
        else [scores.c.id.asc()]
    )
    page = _filtered(_IN_COMMUNITY, filters).order_by(*ordering).limit(limit).offset(offset)
    count = _filtered(
        select(func.count())
        .select_from(scores)
        .join(passports, passports.c.id == scores.c.passport_id)
        .where(passports.c.community_id == bindparam("community_id")),
        filters,
    )
    rows = await ex.all(page, params)
    return [_row(row) for row in rows], int(await ex.scalar(count, params) or 0)

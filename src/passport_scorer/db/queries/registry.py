"""SQL for scoring results: `registry_passport`, `_stamp`, `_score` and `_event`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy.ext.asyncio import AsyncConnection

from passport_scorer.db.queries.dialect import insert_for
from passport_scorer.db.tables import registry_event as events
from passport_scorer.db.tables import registry_passport as passports
from passport_scorer.db.tables import registry_score as scores
from passport_scorer.db.tables import registry_stamp as stamps


async def upsert_passport(conn: AsyncConnection, address: str, community_id: int) -> int:
    """The passport's id; the row stays locked until the transaction ends."""
    values = insert_for(conn, passports).values(
        address=address, community_id=community_id, requires_calculation=None
    )
    statement = values.on_conflict_do_update(
        index_elements=["address", "community_id"],
        set_={"address": values.excluded.address},
    ).returning(passports.c.id)
    return int((await conn.execute(statement)).scalar_one())


async def replace_stamps(
    conn: AsyncConnection, passport_id: int, kept: Sequence[tuple[str, dict[str, Any]]]
) -> None:
    """The passport's stamps become exactly `kept` (provider, credential) in that order."""
    await conn.execute(delete(stamps).where(stamps.c.passport_id == passport_id))
    if kept:
        await conn.execute(
            insert(stamps),
            [
                {"passport_id": passport_id, "provider": provider, "credential": credential}
                for provider, credential in kept
            ],
        )


async def save_score(
    conn: AsyncConnection,
    passport_id: int,
    *,
    score: Decimal | None,
    status: str,
    last_score_timestamp: datetime | None,
    error: str | None,
    evidence: dict[str, Any] | None,
    stamp_scores: dict[str, Any] | None,
    stamps_json: dict[str, Any] | None,
    expiration_date: datetime | None,
) -> int:
    """Insert or overwrite the passport's one score row; returns its id."""
    values = {
        "score": score,
        "status": status,
        "last_score_timestamp": last_score_timestamp,
        "error": error,
        "evidence": evidence,
        "stamp_scores": stamp_scores,
        "stamps": stamps_json,
        "expiration_date": expiration_date,
    }
    statement = (
        insert_for(conn, scores)
        .values(passport_id=passport_id, **values)
        .on_conflict_do_update(index_elements=["passport_id"], set_=values)
        .returning(scores.c.id)
    )
    return int((await conn.execute(statement)).scalar_one())


async def add_events(
    conn: AsyncConnection,
    action: str,
    *,
    address: str,
    community_id: int,
    created_at: datetime,
    payloads: Sequence[dict[str, Any]],
) -> None:
    if not payloads:
        return
    await conn.execute(
        insert(events),
        [
            {
                "action": action,
                "address": address,
                "community_id": community_id,
                "created_at": created_at,
                "data": data,
            }
            for data in payloads
        ],
    )

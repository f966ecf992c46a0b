"""SQL for scoring results: `registry_passport`, `_stamp`, `_score` and `_event`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Text, bindparam, cast, delete, insert, select, update

from passport_scorer.db.executor import Executor
from passport_scorer.db.queries.dialect import insert_for
from passport_scorer.db.scoring import ScoreVersion
from passport_scorer.db.tables import registry_event as events
from passport_scorer.db.tables import registry_passport as passports
from passport_scorer.db.tables import registry_score as scores
from passport_scorer.db.tables import registry_stamp as stamps


async def upsert_passport(ex: Executor, address: str, community_id: int) -> int:
    """The passport's id; the row stays locked until the transaction ends.

    The no-op update touches no key column, so the lock does not block the foreign-key
    checks (FOR KEY SHARE) of other transactions writing this passport's rows.
    """
    values = insert_for(ex, passports).values(
        address=address, community_id=community_id, requires_calculation=None
    )
    statement = values.on_conflict_do_update(
        index_elements=["address", "community_id"],
        set_={"requires_calculation": passports.c.requires_calculation},
    ).returning(passports.c.id)
    return int(await ex.scalar(statement))


_LOCK_SCORE = (
    select(scores.c.id).where(scores.c.passport_id == bindparam("passport_id")).with_for_update()
)


async def lock_score(ex: Executor, passport_id: int) -> None:
    """Hold the passport's score row (if any) until the transaction ends (Postgres; SQLite
    transactions hold the whole database already)."""
    await ex.first(_LOCK_SCORE, {"passport_id": passport_id})


async def create_passport(ex: Executor, address: str, community_id: int) -> int | None:
    """A new passport's id, or None if it exists already."""
    statement = (
        insert_for(ex, passports)
        .values(address=address, community_id=community_id, requires_calculation=None)
        .on_conflict_do_nothing(index_elements=["address", "community_id"])
        .returning(passports.c.id)
    )
    passport_id: int | None = await ex.scalar(statement)
    return passport_id


async def score_version(ex: Executor, address: str, community_id: int) -> ScoreVersion:
    statement = (
        select(passports.c.id, scores.c.id, scores.c.last_score_timestamp, scores.c.status)
        .select_from(passports)
        .outerjoin(scores, scores.c.passport_id == passports.c.id)
        .where(passports.c.address == address, passports.c.community_id == community_id)
    )
    row = await ex.first(statement)
    return ScoreVersion() if row is None else ScoreVersion(*row)


async def stored_stamps(ex: Executor, passport_id: int) -> list[tuple[str, str]]:
    """(provider, credential JSON text) of the passport's stamps, in insertion order."""
    statement = (
        select(stamps.c.provider, cast(stamps.c.credential, Text))
        .where(stamps.c.passport_id == passport_id)
        .order_by(stamps.c.id)
    )
    return [(row[0], row[1]) for row in await ex.all(statement)]


async def replace_stamps(
    ex: Executor, passport_id: int, kept: Sequence[tuple[str, dict[str, Any]]]
) -> None:
    """The passport's stamps become exactly `kept` (provider, credential) in that order."""
    await ex.execute(delete(stamps).where(stamps.c.passport_id == passport_id))
    if kept:
        await ex.execute(
            insert(stamps),
            [
                {"passport_id": passport_id, "provider": provider, "credential": credential}
                for provider, credential in kept
            ],
        )


def _score_values(
    *,
    score: Decimal | None,
    status: str,
    last_score_timestamp: datetime | None,
    error: str | None,
    evidence: dict[str, Any] | None,
    stamp_scores: dict[str, Any] | None,
    stamps_json: dict[str, Any] | None,
    expiration_date: datetime | None,
) -> dict[str, Any]:
    return {
        "score": score,
        "status": status,
        "last_score_timestamp": last_score_timestamp,
        "error": error,
        "evidence": evidence,
        "stamp_scores": stamp_scores,
        "stamps": stamps_json,
        "expiration_date": expiration_date,
    }


async def save_score(ex: Executor, passport_id: int, **fields: Any) -> int:
    """Insert or overwrite the passport's one score row; returns its id."""
    values = _score_values(**fields)
    statement = (
        insert_for(ex, scores)
        .values(passport_id=passport_id, **values)
        .on_conflict_do_update(index_elements=["passport_id"], set_=values)
        .returning(scores.c.id)
    )
    return int(await ex.scalar(statement))


async def update_score_if_current(ex: Executor, version: ScoreVersion, **fields: Any) -> int | None:
    """Overwrite the score row only if it is still `version`; its id, or None."""
    statement = (
        update(scores)
        .where(
            scores.c.id == version.score_id,
            scores.c.last_score_timestamp.is_not_distinct_from(version.last_score_timestamp),
            scores.c.status.is_not_distinct_from(version.status),
        )
        .values(**_score_values(**fields))
        .returning(scores.c.id)
    )
    score_id: int | None = await ex.scalar(statement)
    return score_id


async def create_score(ex: Executor, passport_id: int, **fields: Any) -> int | None:
    """A new score row's id, or None if the passport has one already."""
    statement = (
        insert_for(ex, scores)
        .values(passport_id=passport_id, **_score_values(**fields))
        .on_conflict_do_nothing(index_elements=["passport_id"])
        .returning(scores.c.id)
    )
    score_id: int | None = await ex.scalar(statement)
    return score_id


async def add_events(
    ex: Executor,
    action: str,
    *,
    address: str,
    community_id: int,
    created_at: datetime,
    payloads: Sequence[dict[str, Any]],
) -> None:
    if not payloads:
        return
    await ex.execute(
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

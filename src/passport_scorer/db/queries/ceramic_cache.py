"""SQL for `ceramic_cache_ceramiccache` (the address's stamps) and its revocations."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Text, bindparam, cast, exists, insert, select, update

from passport_scorer.db.executor import Executor
from passport_scorer.db.tables import ceramic_cache_ceramiccache as cache
from passport_scorer.db.tables import ceramic_cache_revocation as revocations
from passport_scorer.domain.stamps import CachedStamp

# Live (not deleted, not revoked) rows; any `type`, as the reference reads them.
_LIVE_STAMPS = (
    select(cache.c.id, cache.c.provider, cast(cache.c.stamp, Text), cache.c.updated_at)
    .where(
        cache.c.address == bindparam("address"),
        cache.c.deleted_at.is_(None),
        ~exists().where(revocations.c.ceramic_cache_id == cache.c.id),
    )
    .order_by(cache.c.id)
)


async def live_stamps(ex: Executor, address: str) -> list[CachedStamp]:
    return [CachedStamp(*row) for row in await ex.all(_LIVE_STAMPS, {"address": address})]


async def replace_stamps(
    ex: Executor,
    address: str,
    credentials: Sequence[dict[str, Any]],
    *,
    source_app: int,
    source_scorer_id: int | None,
    now: datetime,
) -> None:
    """Soft-delete the address's live rows for these providers, then insert the new stamps."""
    providers = sorted({credential["credentialSubject"]["provider"] for credential in credentials})
    await ex.execute(
        update(cache)
        .where(
            cache.c.address == address,
            cache.c.provider.in_(providers),
            cache.c.type == 1,
            cache.c.deleted_at.is_(None),
        )
        .values(deleted_at=now, updated_at=now)
    )
    await ex.execute(
        insert(cache),
        [
            {
                "address": address,
                "provider": credential["credentialSubject"]["provider"],
                "stamp": credential,
                "created_at": now,
                "updated_at": now,
                "deleted_at": None,
                "type": 1,
                "proof_value": _proof_value(credential),
                "compose_db_save_status": "pending",
                "compose_db_stream_id": "",
                "issuance_date": _date(credential.get("issuanceDate")),
                "expiration_date": _date(credential.get("expirationDate")),
                "source_app": source_app,
                "source_scorer_id": source_scorer_id,
            }
            for credential in credentials
        ],
    )


def _proof_value(credential: dict[str, Any]) -> str:
    proof = credential.get("proof") or {}
    value = proof.get("proofValue") or proof.get("jws") or ""
    return str(value)[:256]


def _date(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else None

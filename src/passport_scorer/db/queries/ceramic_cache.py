"""SQL for `ceramic_cache_ceramiccache` (the address's stamps) and its revocations."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Text, bindparam, cast, exists, func, insert, select, update

from passport_scorer.db.executor import Executor
from passport_scorer.db.tables import ceramic_cache_ceramiccache as cache
from passport_scorer.db.tables import ceramic_cache_revocation as revocations
from passport_scorer.domain.cache_stamps import AppStamp, NewRow, Source, Submitted, new_rows
from passport_scorer.domain.stamps import CachedStamp

V1 = 1  # `type`: the only kind written (and shown) today

_NOT_REVOKED = ~exists().where(revocations.c.ceramic_cache_id == cache.c.id)

# Live (not deleted, not revoked) rows; any `type`, as the reference reads them.
_LIVE_STAMPS = (
    select(cache.c.id, cache.c.provider, cast(cache.c.stamp, Text), cache.c.updated_at)
    .where(cache.c.address == bindparam("address"), cache.c.deleted_at.is_(None), _NOT_REVOKED)
    .order_by(cache.c.id)
)


async def live_stamps(ex: Executor, address: str) -> list[CachedStamp]:
    return [CachedStamp(*row) for row in await ex.all(_LIVE_STAMPS, {"address": address})]


# --- The app's and the embed service's writes ---------------------------------------------------

_LOCK = select(func.pg_advisory_xact_lock(bindparam("key")))


def _lock_key(address: str) -> int:
    digest = hashlib.blake2b(f"ceramic_cache:{address}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


async def lock_address(ex: Executor, address: str) -> None:
    """Writers of one address's stamps take turns until the transaction ends (on SQLite a
    write transaction holds the database's write lock already).

    Without it two concurrent replacements would both soft-delete the old rows and then
    collide on the one-live-row-per-provider index.
    """
    assert ex.in_transaction, "the lock is held until the transaction ends"
    if ex.dialect == "postgresql":
        await ex.scalar(_LOCK, {"key": _lock_key(address)})


_SOFT_DELETE = (
    update(cache)
    .where(
        cache.c.address == bindparam("owner"),
        cache.c.provider.in_(bindparam("providers", expanding=True)),
        cache.c.deleted_at.is_(None),
    )
    .values(deleted_at=bindparam("now"), updated_at=bindparam("now"))
)


async def soft_delete(ex: Executor, address: str, providers: Sequence[str], now: datetime) -> int:
    """Mark the address's live rows for these providers (any `type`) deleted; how many."""
    if not providers:
        return 0
    params = {"owner": address, "providers": sorted(set(providers)), "now": now}
    return await ex.execute(_SOFT_DELETE, params)


_INSERT = insert(cache)


async def insert_rows(
    ex: Executor, address: str, rows: Sequence[NewRow], source: Source, now: datetime
) -> None:
    await ex.execute(
        _INSERT,
        [
            {
                "address": address,
                "provider": row.provider,
                "stamp": row.credential,
                "created_at": now,
                "updated_at": now,
                "deleted_at": None,
                "type": V1,
                "proof_value": row.proof_value,
                "compose_db_save_status": "pending",
                "compose_db_stream_id": "",
                "issuance_date": row.issuance_date,
                "expiration_date": row.expiration_date,
                "source_app": source.app,
                "source_scorer_id": source.scorer_id,
            }
            for row in rows
        ],
    )


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
    items = [Submitted(c["credentialSubject"]["provider"], c) for c in credentials]
    await soft_delete(ex, address, [item.provider for item in items], now)
    await insert_rows(ex, address, new_rows(items), Source(source_app, source_scorer_id), now)


_APP_STAMPS = (
    select(cache.c.id, cache.c.address, cache.c.provider, cast(cache.c.stamp, Text))
    .where(
        cache.c.address == bindparam("address"),
        cache.c.type == V1,
        cache.c.deleted_at.is_(None),
        _NOT_REVOKED,
    )
    .order_by(cache.c.id)
)


async def app_stamps(ex: Executor, address: str) -> list[AppStamp]:
    """The address's live, unrevoked `type` 1 rows, as the app's routes list them."""
    return [AppStamp(*row) for row in await ex.all(_APP_STAMPS, {"address": address})]

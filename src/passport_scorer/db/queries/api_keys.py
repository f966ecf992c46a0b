"""SQL for `account_accountapikey`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, insert, or_, select, update

from passport_scorer.db.executor import Executor
from passport_scorer.db.tables import account_accountapikey as keys
from passport_scorer.domain.api_keys import ApiKey

_USABLE_KEY = select(
    keys.c.id,
    keys.c.prefix,
    keys.c.account_id,
    keys.c.hashed_key,
    keys.c.hashed_key_sha256,
    keys.c.read_scores,
    keys.c.rate_limit,
    keys.c.revoked,
    keys.c.expiry_date,
    keys.c.submit_passports,
    keys.c.historical_endpoint,
    keys.c.embed_rate_limit,
).where(
    keys.c.prefix == bindparam("prefix"),
    keys.c.revoked.is_(False),
    or_(keys.c.expiry_date.is_(None), keys.c.expiry_date > bindparam("now")),
)


async def find_usable_key(ex: Executor, prefix: str, now: datetime) -> ApiKey | None:
    """The key with this prefix, unless revoked or expired."""
    row = await ex.first(_USABLE_KEY, {"prefix": prefix, "now": now})
    return None if row is None else ApiKey(*row)


async def store_sha256_hash(ex: Executor, key_id: str, sha256_hash: str) -> None:
    """Record the fast-path hash after a successful PBKDF2 check."""
    await ex.execute(update(keys).where(keys.c.id == key_id).values(hashed_key_sha256=sha256_hash))


async def upsert_key(
    ex: Executor,
    *,
    account_id: int,
    prefix: str,
    name: str,
    hashed_key: str,
    hashed_key_sha256: str | None,
    rate_limit: str | None,
    now: datetime,
) -> None:
    """Create the key with this prefix, or give the existing one these hashes and settings."""
    exists = await ex.scalar(select(keys.c.id).where(keys.c.prefix == prefix))
    values = {
        "hashed_key": hashed_key,
        "hashed_key_sha256": hashed_key_sha256,
        "name": name,
        "account_id": account_id,
        "rate_limit": rate_limit,
        "revoked": False,
        "expiry_date": None,
        "read_scores": True,
        "submit_passports": True,
    }
    if exists is not None:
        await ex.execute(update(keys).where(keys.c.id == exists).values(**values))
        return
    await ex.execute(
        insert(keys).values(
            # djangorestframework-api-key stores "<prefix>.<hashed key>" as the id.
            id=f"{prefix}.{hashed_key}"[:150],
            prefix=prefix,
            created=now,
            create_scorers=False,
            historical_endpoint=False,
            analysis_rate_limit="15/15m",
            embed_rate_limit="125/15m",
            **values,
        )
    )


@dataclass(frozen=True, slots=True)
class KeySummary:
    """What may be shown about a key (never the key or its hashes)."""

    prefix: str
    name: str
    account_id: int
    read_scores: bool
    submit_passports: bool
    create_scorers: bool
    historical_endpoint: bool
    rate_limit: str | None
    analysis_rate_limit: str | None
    embed_rate_limit: str | None
    created: datetime
    revoked: bool
    expiry_date: datetime | None


async def list_keys(ex: Executor, account_id: int) -> list[KeySummary]:
    statement = (
        select(*(keys.c[name] for name in KeySummary.__slots__))
        .where(keys.c.account_id == account_id)
        .order_by(keys.c.created)
    )
    return [KeySummary(*row) for row in await ex.all(statement)]


async def revoke(ex: Executor, prefix: str) -> bool:
    """Revoke the key with this prefix; False if there is none."""
    statement = update(keys).where(keys.c.prefix == prefix).values(revoked=True)
    return await ex.first(statement.returning(keys.c.id)) is not None

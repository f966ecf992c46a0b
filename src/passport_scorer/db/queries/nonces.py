"""SQL for `account_nonce`: single-use nonces (stored lower-cased, as Django's NonceField does)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, insert, or_, update

from passport_scorer.db.executor import Executor
from passport_scorer.db.tables import account_nonce as nonces

_CREATE = insert(nonces).values(
    nonce=bindparam("nonce"),
    created_on=bindparam("now"),
    expires_on=bindparam("expires_on"),
    was_used=False,
)

# Claiming and checking in one statement: two requests with one nonce cannot both use it.
_USE = (
    update(nonces)
    .where(
        nonces.c.nonce == bindparam("value"),
        nonces.c.was_used.is_(False),
        or_(nonces.c.expires_on.is_(None), nonces.c.expires_on > bindparam("now")),
    )
    .values(was_used=True)
)


async def create_nonce(
    ex: Executor, nonce: str, *, now: datetime, expires_on: datetime | None = None
) -> None:
    await ex.execute(_CREATE, {"nonce": nonce.lower(), "now": now, "expires_on": expires_on})


async def use_nonce(ex: Executor, nonce: str, *, now: datetime) -> bool:
    """Mark the nonce used if it exists, is unused and unexpired; whether it was."""
    return await ex.execute(_USE, {"value": nonce.lower(), "now": now}) == 1

"""Issuing single-use nonces (`account_nonce`): for sign-in, the terms of service and the v1
signing message. Each is used once (`db/queries/nonces.use_nonce`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from passport_scorer.db.executor import Executor
from passport_scorer.db.queries import nonces
from passport_scorer.domain.nonces import new_nonce


async def issue(
    ex: Executor, *, lifetime: timedelta | None = None, now: datetime | None = None
) -> str:
    """A new nonce, stored; it expires after `lifetime` (None: never, as the reference's
    terms and signing-message nonces)."""
    now = now or datetime.now(UTC)
    nonce = new_nonce()
    expires_on = None if lifetime is None else now + lifetime
    await nonces.create_nonce(ex, nonce, now=now, expires_on=expires_on)
    return nonce

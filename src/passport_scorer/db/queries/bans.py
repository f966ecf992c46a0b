"""SQL for `ceramic_cache_ban` (bans) and `ceramic_cache_revocation` (revoked proofs)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import bindparam, or_, select

from passport_scorer.db.executor import Executor
from passport_scorer.db.queries.address_match import same_address
from passport_scorer.db.tables import ceramic_cache_ban as bans
from passport_scorer.db.tables import ceramic_cache_revocation as revocations
from passport_scorer.domain.bans import Ban

# Bans in force that could cover the address or one of the hashes, oldest first.
_ACTIVE_BANS = (
    select(
        bans.c.type, bans.c.provider, bans.c.hash, bans.c.address, bans.c.end_time, bans.c.reason
    )
    .where(
        or_(bans.c.end_time.is_(None), bans.c.end_time > bindparam("now")),
        or_(bans.c.hash.in_(bindparam("hashes", expanding=True)), same_address(bans.c.address)),
    )
    .order_by(bans.c.id)
)

_REVOKED = (
    select(revocations.c.proof_value)
    .where(revocations.c.proof_value.in_(bindparam("proof_values", expanding=True)))
    .distinct()
)


async def active_bans(
    ex: Executor, *, address: str, hashes: Sequence[str], now: datetime
) -> list[Ban]:
    params = {"address": address, "hashes": list(hashes), "now": now}
    return [Ban(*row) for row in await ex.all(_ACTIVE_BANS, params)]


async def revoked_proofs(ex: Executor, proof_values: Sequence[str]) -> set[str]:
    """Which of `proof_values` have a revocation."""
    if not proof_values:
        return set()
    rows = await ex.all(_REVOKED, {"proof_values": sorted(set(proof_values))})
    return {row[0] for row in rows}

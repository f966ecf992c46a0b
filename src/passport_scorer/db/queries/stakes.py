"""SQL for GTC stakes: `stake_stake` and the legacy contract's `registry_gtcstakeevent`."""

from __future__ import annotations

from sqlalchemy import bindparam, or_, select

from passport_scorer.db.executor import Executor
from passport_scorer.db.tables import registry_gtcstakeevent as legacy_events
from passport_scorer.db.tables import stake_stake as stakes
from passport_scorer.domain.stakes import LegacyStakeEvent, Stake

_STAKES = (
    select(
        stakes.c.chain,
        stakes.c.staker,
        stakes.c.stakee,
        stakes.c.current_amount,
        stakes.c.lock_time,
        stakes.c.unlock_time,
        stakes.c.last_updated_in_block,
    )
    .where(or_(stakes.c.staker == bindparam("address"), stakes.c.stakee == bindparam("address")))
    .order_by(stakes.c.id)
)

_LEGACY_EVENTS = (
    select(
        legacy_events.c.id,
        legacy_events.c.event_type,
        legacy_events.c.round_id,
        legacy_events.c.staker,
        legacy_events.c.address,
        legacy_events.c.amount,
        legacy_events.c.staked,
        legacy_events.c.block_number,
        legacy_events.c.tx_hash,
    )
    .where(
        legacy_events.c.round_id == bindparam("round_id"),
        or_(
            legacy_events.c.staker == bindparam("address"),
            legacy_events.c.address == bindparam("address"),
        ),
    )
    .order_by(legacy_events.c.id)
)


async def stakes_of(ex: Executor, address: str) -> list[Stake]:
    """Stakes the address made or received (lower-cased, as stored)."""
    return [Stake(*row) for row in await ex.all(_STAKES, {"address": address})]


async def legacy_stake_events(ex: Executor, address: str, round_id: int) -> list[LegacyStakeEvent]:
    """The round's legacy staking events by or for the address."""
    rows = await ex.all(_LEGACY_EVENTS, {"address": address, "round_id": round_id})
    return [LegacyStakeEvent(*row) for row in rows]

"""SQL for `stake_stake` (current GTC stakes) and `registry_gtcstakeevent` (legacy events)."""

from __future__ import annotations

from sqlalchemy import bindparam, or_, select

from passport_scorer.db.executor import Executor
from passport_scorer.db.queries.address_match import same_address
from passport_scorer.db.tables import registry_gtcstakeevent as events
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
    .where(or_(same_address(stakes.c.staker), same_address(stakes.c.stakee)))
    .order_by(stakes.c.id)
)

_LEGACY_EVENTS = (
    select(
        events.c.id,
        events.c.event_type,
        events.c.round_id,
        events.c.staker,
        events.c.address,
        events.c.amount,
        events.c.staked,
        events.c.block_number,
        events.c.tx_hash,
    )
    .where(
        events.c.round_id == bindparam("round_id"),
        or_(same_address(events.c.staker), same_address(events.c.address)),
    )
    .order_by(events.c.id)
)


async def stakes_of(ex: Executor, address: str) -> list[Stake]:
    """Stakes the address made or received (on any chain)."""
    return [Stake(*row) for row in await ex.all(_STAKES, {"address": address})]


async def legacy_stake_events(ex: Executor, address: str, round_id: int) -> list[LegacyStakeEvent]:
    """The round's legacy staking events the address made or received."""
    params = {"address": address, "round_id": round_id}
    return [LegacyStakeEvent(*row) for row in await ex.all(_LEGACY_EVENTS, params)]

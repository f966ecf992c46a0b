"""GTC stakes of an address: current stakes and the legacy contract's events for a round."""

from __future__ import annotations

from typing import Any

from passport_scorer.db.executor import Executor
from passport_scorer.db.queries import stakes as queries
from passport_scorer.domain.address import normalise_address
from passport_scorer.domain.stakes import legacy_event_json, stake_json

INT_MIN, INT_MAX = -(2**31), 2**31 - 1


async def gtc_stakes(ex: Executor, address: str) -> dict[str, Any]:
    """`{"items": [...]}`: the stakes the (valid) address made or received."""
    lowered = normalise_address(address)
    return {"items": [stake_json(stake) for stake in await queries.stakes_of(ex, lowered)]}


async def legacy_gtc_stake(ex: Executor, address: str, round_id: int) -> dict[str, Any]:
    """`{"results": [...]}`: the round's legacy staking events by or for the address."""
    lowered = normalise_address(address)
    if not INT_MIN <= round_id <= INT_MAX:
        return {"results": []}  # `round_id` is an integer column: no such round
    events = await queries.legacy_stake_events(ex, lowered, round_id)
    return {"results": [legacy_event_json(event) for event in events]}

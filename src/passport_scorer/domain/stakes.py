"""GTC stakes as the reference shows them: current stakes (`stake_stake`) and the legacy
staking contract's events (`registry_gtcstakeevent`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, localcontext
from typing import Any

EIGHTEEN_PLACES = Decimal(10) ** -18


@dataclass(frozen=True, slots=True)
class Stake:
    chain: int
    staker: str
    stakee: str
    current_amount: Decimal
    lock_time: datetime
    unlock_time: datetime
    last_updated_in_block: Decimal


@dataclass(frozen=True, slots=True)
class LegacyStakeEvent:
    id: int
    event_type: str
    round_id: int
    staker: str
    address: str | None
    amount: Decimal
    staked: bool
    block_number: int
    tx_hash: str


def stake_json(stake: Stake) -> dict[str, Any]:
    """A stake: the amount with exactly 18 decimals, times in Python's ISO form."""
    return {
        "chain": stake.chain,
        "staker": stake.staker,
        "stakee": stake.stakee,
        "amount": eighteen_places(stake.current_amount),
        "lock_time": stake.lock_time.isoformat(),
        "unlock_time": stake.unlock_time.isoformat(),
        "last_updated_in_block": int(stake.last_updated_in_block),
    }


def legacy_event_json(event: LegacyStakeEvent) -> dict[str, Any]:
    """A legacy stake event, the amount with the column's 18 decimals."""
    return {
        "id": event.id,
        "event_type": event.event_type,
        "round_id": event.round_id,
        "staker": event.staker,
        "address": event.address,
        "amount": eighteen_places(event.amount),
        "staked": event.staked,
        "block_number": event.block_number,
        "tx_hash": event.tx_hash,
    }


def eighteen_places(amount: Decimal) -> str:
    """`numeric(78,18)` text: every digit kept (wei amounts exceed the default precision)."""
    with localcontext() as context:
        context.prec = 100
        return f"{amount.quantize(EIGHTEEN_PLACES):f}"

"""GTC stakes, as the stake routes show them: exact amounts, never binary floats.

`stake_stake` holds each (staker, stakee, chain)'s current stake; `registry_gtcstakeevent`
the legacy staking contract's events per round. Amounts are NUMERIC(78, 18) read as
`Decimal`s; the current stake shows exactly 18 decimals, a legacy event the stored value as
Python's `str` of it (the reference's two formats).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any


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


def eighteen_places(amount: Decimal) -> str:
    """Exactly 18 decimals (`100000000000000000000.000000000000000000`), any magnitude."""
    return format(amount, ".18f")


def legacy_amount(amount: Decimal) -> str:
    """The stored value as Python prints it (`5.000000000000000000`, `0E-18`)."""
    return str(amount)


def stake_time(moment: datetime) -> str:
    """ISO 8601 in UTC, as Python's `isoformat` (`2024-05-01T12:00:00.120000+00:00`)."""
    return moment.astimezone(UTC).isoformat()


def stake_json(stake: Stake) -> dict[str, Any]:
    """A current stake as every stake route shows it."""
    return {
        "chain": stake.chain,
        "staker": stake.staker,
        "stakee": stake.stakee,
        "amount": eighteen_places(stake.current_amount),
        "unlock_time": stake_time(stake.unlock_time),
        "lock_time": stake_time(stake.lock_time),
        "last_updated_in_block": int(stake.last_updated_in_block),
    }


def legacy_event_json(event: LegacyStakeEvent) -> dict[str, Any]:
    """A legacy staking event as every stake route shows it."""
    return {
        "id": event.id,
        "event_type": event.event_type,
        "round_id": event.round_id,
        "staker": event.staker,
        "address": event.address,
        "amount": legacy_amount(event.amount),
        "staked": event.staked,
        "block_number": event.block_number,
        "tx_hash": event.tx_hash,
    }

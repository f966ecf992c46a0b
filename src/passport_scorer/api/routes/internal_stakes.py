"""GTC stakes of an address, for the issuer's staking stamps (internal token required)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from passport_scorer.api.auth.internal_token import INTERNAL_TOKEN
from passport_scorer.api.endpoint import Call, endpoint
from passport_scorer.db.queries import stakes
from passport_scorer.domain.address import normalise_address
from passport_scorer.domain.stakes import (
    LegacyStakeEvent,
    Stake,
    eighteen_places,
    legacy_amount,
    stake_time,
)


class StakeSchema(BaseModel):
    chain: int
    staker: str
    stakee: str
    amount: str
    unlock_time: str
    lock_time: str
    last_updated_in_block: int


class StakesSchema(BaseModel):
    items: list[StakeSchema]


class LegacyStakeSchema(BaseModel):
    id: int
    event_type: str
    round_id: int
    staker: str
    address: str | None
    amount: str
    staked: bool
    block_number: int
    tx_hash: str


class LegacyStakesSchema(BaseModel):
    results: list[LegacyStakeSchema]


def _stake(stake: Stake) -> dict[str, Any]:
    return {
        "chain": stake.chain,
        "staker": stake.staker,
        "stakee": stake.stakee,
        "amount": eighteen_places(stake.current_amount),
        "unlock_time": stake_time(stake.unlock_time),
        "lock_time": stake_time(stake.lock_time),
        "last_updated_in_block": int(stake.last_updated_in_block),
    }


def _legacy(event: LegacyStakeEvent) -> dict[str, Any]:
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


@endpoint(
    "GET",
    "/internal/stake/gtc/{address}",
    auth=INTERNAL_TOKEN,
    response=StakesSchema,
    errors=(400, 401, 503),
    summary="GTC stakes the address made or received",
    description="Amounts with exactly 18 decimals; times in ISO 8601 (UTC).",
    tag="internal",
)
async def get_gtc_stakes(call: Call) -> dict[str, Any]:
    address = normalise_address(call.path["address"])
    return {"items": [_stake(stake) for stake in await stakes.stakes_of(call.ex, address)]}


@endpoint(
    "GET",
    "/internal/stake/legacy-gtc/{address}/{round_id}",
    auth=INTERNAL_TOKEN,
    path_types={"round_id": int},
    response=LegacyStakesSchema,
    errors=(400, 401, 422, 503),
    summary="A round's legacy GTC staking events the address made or received",
    tag="internal",
)
async def get_legacy_gtc_stakes(call: Call) -> dict[str, Any]:
    address = normalise_address(call.path["address"])
    events = await stakes.legacy_stake_events(call.ex, address, call.path["round_id"])
    return {"results": [_legacy(event) for event in events]}


ENDPOINTS = [get_gtc_stakes, get_legacy_gtc_stakes]

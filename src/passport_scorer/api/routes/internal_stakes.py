"""GTC stakes of an address, for the issuer's staking stamps (internal token required)."""

from __future__ import annotations

from typing import Any

from passport_scorer.api.auth.internal_token import INTERNAL_TOKEN
from passport_scorer.api.endpoint import Call, endpoint
from passport_scorer.api.schemas import LegacyStakesSchema, StakesSchema
from passport_scorer.services import stakes


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
    return await stakes.gtc_stakes(call.ex, call.path["address"])


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
    return await stakes.legacy_gtc_stake(call.ex, call.path["address"], call.path["round_id"])


ENDPOINTS = [get_gtc_stakes, get_legacy_gtc_stakes]

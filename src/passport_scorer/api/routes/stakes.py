"""`GET /ceramic-cache/stake/gtc`: the signed-in address's GTC stakes (the Passport app)."""

from __future__ import annotations

from typing import Any

from passport_scorer.api.auth.jwt import APP_TOKEN
from passport_scorer.api.endpoint import Call, endpoint
from passport_scorer.api.schemas import StakesSchema
from passport_scorer.services import stakes


@endpoint(
    "GET",
    "/ceramic-cache/stake/gtc",
    auth=APP_TOKEN,
    response=StakesSchema,
    errors=(401, 503),
    summary="The GTC stakes the signed-in address made or received",
    description="Amounts with exactly 18 decimals.",
    tag="ceramic-cache",
    cors=True,
)
async def get_staked_gtc(call: Call) -> dict[str, Any]:
    return await stakes.gtc_stakes(call.ex, call.principal)


ENDPOINTS = [get_staked_gtc]

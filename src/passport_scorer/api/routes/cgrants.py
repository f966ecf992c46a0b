"""Grants contributor statistics of an address (internal token required)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from passport_scorer.api.auth.internal_token import INTERNAL_TOKEN
from passport_scorer.api.endpoint import Call, endpoint
from passport_scorer.domain.address import normalise_address
from passport_scorer.services.contributions import statistics_for


class ContributorQuery(BaseModel):
    address: str


class ContributorStatisticsSchema(BaseModel):
    num_grants_contribute_to: float
    total_contribution_amount: float


@endpoint(
    "GET",
    "/internal/cgrants/contributor_statistics",
    auth=INTERNAL_TOKEN,
    query=ContributorQuery,
    response=ContributorStatisticsSchema,
    errors=(400, 401, 422, 503),
    summary="How many grants an address funded, and the total amount",
    description="Classic grants plus protocol rounds (contributions of at least 0.95, "
    "squelched rounds left out); totals rounded to 2 decimals.",
    tag="internal",
)
async def get_contributor_statistics(call: Call) -> dict[str, Any]:
    statistics = await statistics_for(call.ex, normalise_address(call.query.address))
    return {
        "num_grants_contribute_to": float(statistics.num_grants_contribute_to),
        "total_contribution_amount": float(statistics.total_contribution_amount),
    }


ENDPOINTS = [get_contributor_statistics]

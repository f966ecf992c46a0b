"""`GET /v2/stamps/{scorer_id}/score/{address}/history?created_at=`: the score as it stood at
that time, from the score updates recorded then (API key with `historical_endpoint`)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from passport_scorer.api.auth.api_key import ApiKeyAuth
from passport_scorer.api.endpoint import Call, endpoint
from passport_scorer.api.schemas import HistoricalScoreSchema
from passport_scorer.domain.scoring import format_5dp
from passport_scorer.errors import InvalidPermissions
from passport_scorer.services.score_history import score_at


class HistoryQuery(BaseModel):
    created_at: str  # ISO 8601 date or date-time


@endpoint(
    "GET",
    "/v2/stamps/{scorer_id}/score/{address}/history",
    auth=ApiKeyAuth(permission="historical_endpoint", missing=InvalidPermissions),
    path_types={"scorer_id": int},
    query=HistoryQuery,
    response=HistoricalScoreSchema,
    errors=(400, 401, 403, 404, 422, 429, 503),
    summary="The score of an address at a given time",
    description="The last score update at or before `created_at` (ISO 8601: `2023-05-10`, "
    "`2023-05-10T07:49:08Z`, ...); 404 with the address when there is none.",
    tag="scores",
)
async def get_score_history(call: Call) -> dict[str, Any]:
    found = await score_at(
        call.ex,
        call.principal,
        call.path["scorer_id"],
        call.path["address"],
        call.query.created_at,
        demo_scorer_id=call.services.settings.DEMO_API_SCORER_ID,
    )
    return {
        "address": found.address,
        "score": format_5dp(found.score),
        "passing_score": found.passing,
        "last_score_timestamp": found.last_score_timestamp,
        "expiration_timestamp": found.expiration_timestamp,
        "threshold": format_5dp(found.threshold),
        "error": found.error,
        "stamps": found.stamps,
        "points_data": None,
        "possible_points_data": None,
        "linked_score": None,
    }


ENDPOINTS = [get_score_history]

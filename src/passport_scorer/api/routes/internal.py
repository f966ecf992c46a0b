"""`/internal/*` scoring (internal load balancer; the internal token is required)."""

from __future__ import annotations

from typing import Any

from passport_scorer.api.auth.internal_token import INTERNAL_TOKEN
from passport_scorer.api.endpoint import Call, endpoint
from passport_scorer.api.responses import V2ScoreSchema, score_body
from passport_scorer.errors import ScoringFailed


@endpoint(
    "GET",
    "/internal/score/v2/{scorer_id}/{address}",
    auth=INTERNAL_TOKEN,
    path_types={"scorer_id": int},
    response=V2ScoreSchema,
    errors=(400, 401, 404, 422, 500, 503),
    summary="Score an address in any community",
    tag="internal",
)
async def get_internal_score(call: Call) -> dict[str, Any]:
    view = await call.services.scoring.score_by_id(
        call.ex, call.path["scorer_id"], call.path["address"]
    )
    if view.error is not None:
        raise ScoringFailed()
    return score_body(view)


ENDPOINTS = [get_internal_score]

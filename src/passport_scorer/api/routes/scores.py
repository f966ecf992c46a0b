"""`GET /v2/stamps/{scorer_id}/score/{address}`: score an address for an API-key holder."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from passport_scorer.api.deps import ScoringApiKey, ServicesDep
from passport_scorer.api.responses import JSONResponse, V2ScoreSchema, error_responses, score_body

router = APIRouter(tags=["scores"])


@router.get(
    "/v2/stamps/{scorer_id}/score/{address}",
    response_model=V2ScoreSchema,
    responses=error_responses(400, 401, 403, 404, 429, 503),
    summary="Score an address (rescored from its current stamps)",
)
async def get_score(
    scorer_id: int, address: str, api_key: ScoringApiKey, services: ServicesDep
) -> Response:
    result = await services.scoring.score_for_key(api_key, scorer_id, address)
    return JSONResponse(score_body(result))

"""`/internal/*` routes (internal load balancer; internal token required)."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from passport_scorer.api.deps import InternalToken, ServicesDep
from passport_scorer.api.responses import JSONResponse, V2ScoreSchema, error_responses, score_body
from passport_scorer.errors import ScoringFailed

router = APIRouter(prefix="/internal", tags=["internal"], dependencies=[InternalToken])


@router.get(
    "/score/v2/{scorer_id}/{address}",
    response_model=V2ScoreSchema,
    responses=error_responses(400, 401, 404, 500, 503),
    summary="Score an address in any community",
)
async def get_internal_score(scorer_id: int, address: str, services: ServicesDep) -> Response:
    result = await services.scoring.score_in_community(scorer_id, address)
    if result.error is not None:
        raise ScoringFailed()
    return JSONResponse(score_body(result))

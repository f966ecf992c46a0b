"""`/internal/*` routes (internal load balancer; the internal token is required)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from passport_scorer.api.auth import require_internal_token
from passport_scorer.api.deps import services_of
from passport_scorer.api.openapi import operation
from passport_scorer.api.params import path_int
from passport_scorer.api.responses import JSONResponse, score_body
from passport_scorer.errors import ScoringFailed

SCORE_PATH = "/internal/score/v2/{scorer_id}/{address}"


async def get_internal_score(request: Request) -> Response:
    services = services_of(request)
    require_internal_token(services, request.headers)
    scorer_id = path_int(request, "scorer_id")
    async with services.db.session():
        result = await services.scoring.score_in_community(
            scorer_id, request.path_params["address"]
        )
    if result.error is not None:
        raise ScoringFailed()
    return JSONResponse(score_body(result))


ROUTES = [Route(SCORE_PATH, get_internal_score, methods=["GET"], name="get_internal_score")]

OPENAPI: dict[str, Any] = {
    SCORE_PATH: operation(
        summary="Score an address in any community",
        tag="internal",
        security=[{"AuthorizationHeader": []}],
        errors=(400, 401, 404, 422, 500, 503),
    )
}

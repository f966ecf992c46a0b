"""`GET /v2/stamps/{scorer_id}/score/{address}`: score an address for an API-key holder.

The hot path, so a plain Starlette endpoint (no dependency-injection layer); it is
documented in the OpenAPI schema by `OPENAPI` below.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from passport_scorer.api.auth import scoring_api_key
from passport_scorer.api.deps import services_of
from passport_scorer.api.openapi import operation
from passport_scorer.api.params import path_int
from passport_scorer.api.responses import JSONResponse, score_body

PATH = "/v2/stamps/{scorer_id}/score/{address}"


async def get_score(request: Request) -> Response:
    services = services_of(request)
    async with services.db.session():
        api_key = await scoring_api_key(services, request.headers)
        scorer_id = path_int(request, "scorer_id")
        address = request.path_params["address"]
        result = await services.scoring.score_for_key(api_key, scorer_id, address)
    return JSONResponse(score_body(result))


ROUTES = [Route(PATH, get_score, methods=["GET"], name="get_score")]

OPENAPI: dict[str, Any] = {
    PATH: operation(
        summary="Score an address (rescored from its current stamps)",
        tag="scores",
        security=[{"APIKeyHeader": []}, {"AuthorizationHeader": []}],
        errors=(400, 401, 403, 404, 422, 429, 503),
    )
}

"""`GET /v2/stamps/{scorer_id}/score/{address}`: score an address for an API-key holder.

The hot path, so a plain Starlette endpoint (no dependency-injection layer); it is
documented in the OpenAPI schema by `OPENAPI` below.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from passport_scorer.api.auth import admit_scoring_key, request_api_key
from passport_scorer.api.deps import services_of
from passport_scorer.api.openapi import operation
from passport_scorer.api.params import is_plain_int, path_int
from passport_scorer.api.responses import JSONResponse, score_body
from passport_scorer.services import api_keys

PATH = "/v2/stamps/{scorer_id}/score/{address}"


async def get_score(request: Request) -> Response:
    services = services_of(request)
    address = request.path_params["address"]
    async with services.db.session():
        key = request_api_key(services, request.headers)
        admitted = False
        if services.rate_limiter.counts or not is_plain_int(request.path_params["scorer_id"]):
            # The key is checked before the read when limits are on (an over-limit key must not
            # cost the read) and when the scorer id may be invalid (a bad key is 401 before 422).
            await admit_scoring_key(services, request, key, await api_keys.find(services.db, key))
            admitted = True
        scorer_id = path_int(request, "scorer_id")
        # One read brings the key's row, its scorer and the address's state.
        read = await services.scoring.read_for_key(key, scorer_id, address)
        if not admitted:
            await admit_scoring_key(services, request, key, read.api_key)
        result = await services.scoring.score_read(read, address)
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

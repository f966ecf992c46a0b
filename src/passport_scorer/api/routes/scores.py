"""`GET /v2/stamps/{scorer_id}/score/{address}`: score an address for an API-key holder.

The hot path stays a hand-tuned Starlette endpoint (`raw=`): one fused read brings the key,
its scorer and the address's state, and the key is checked against that row, which the
generic endpoint (auth first, then the handler) cannot do in one round trip. Its
declaration below documents it like every other route.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from passport_scorer.api.auth.api_key import ApiKeyAuth, admit_scoring_key, request_api_key
from passport_scorer.api.deps import services_of
from passport_scorer.api.endpoint import Endpoint
from passport_scorer.api.params import is_plain_int, path_int
from passport_scorer.api.responses import JSONResponse, V2ScoreSchema, score_body
from passport_scorer.services import api_keys

PATH = "/v2/stamps/{scorer_id}/score/{address}"


async def get_score(request: Request) -> Response:
    services = services_of(request)
    address = request.path_params["address"]
    key = request_api_key(services, request.headers)
    await services.pbkdf2.hold_off(key)  # a prefix refused for guessing: no connection taken
    async with services.db.session() as ex:
        admitted = False
        if services.rate_limiter.counts or not is_plain_int(request.path_params["scorer_id"]):
            # The key is checked before the read when limits are on (an over-limit key must not
            # cost the read) and when the scorer id may be invalid (a bad key is 401 before 422).
            await admit_scoring_key(services, request, ex, key, await api_keys.find(ex, key))
            admitted = True
        scorer_id = path_int(request, "scorer_id")
        # One read brings the key's row, its scorer and the address's state.
        read = await services.scoring.read_for_key(ex, key, scorer_id, address)
        if not admitted:
            await admit_scoring_key(services, request, ex, key, read.api_key)
            if not read.key_matched:  # verified the slow way (PBKDF2) just now: read again
                read = await services.scoring.read_for_key(ex, key, scorer_id, address)
        view = await services.scoring.score_read(ex, read, address)
    return JSONResponse(score_body(view))


ENDPOINTS = [
    Endpoint(
        "GET",
        PATH,
        None,
        raw=get_score,
        auth=ApiKeyAuth(),  # documents it; `get_score` checks the key itself
        summary="Score an address (rescored from its current stamps)",
        tag="scores",
        path_types={"scorer_id": int},
        response=V2ScoreSchema,
        errors=(400, 401, 403, 404, 422, 429, 503),
        description="API key with `read_scores`; the key's rate limit applies.",
    ),
]

"""`/ceramic-cache/*`: the Passport app's stamps and score (app access token, CORS).

The app's stamps are scored in its community (`CERAMIC_CACHE_SCORER_ID`). Writes and their
rescore run in one transaction.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from passport_scorer.api.app_stamps import (
    BulkStamps,
    DeleteStampItem,
    RescoreBody,
    ScoreQuery,
    StampQuery,
    StampsSchema,
    StampsWithScoreSchema,
    stamps_and_score_body,
    stamps_body,
)
from passport_scorer.api.auth.jwt import APP_TOKEN, APP_TOKEN_FOR_PATH
from passport_scorer.api.endpoint import Call, endpoint
from passport_scorer.api.responses import V2ScoreSchema, score_body
from passport_scorer.domain.address import normalise_address
from passport_scorer.domain.cache_stamps import MAX_ITEMS, PASSPORT_APP, Source
from passport_scorer.errors import CeramicScorerMissing
from passport_scorer.services import ceramic_cache, stamp_writes, weights

TAG = "ceramic-cache"
BULK = "/ceramic-cache/stamps/bulk"
SCORE = "/ceramic-cache/score/{address}"
WRITE_ERRORS = (401, 404, 422, 503)
BULK_DESCRIPTION = (
    "The live stamps of the payload's providers are replaced: items with a `stamp` are "
    "stored, items without one only remove the provider's stamp; then the address is "
    "rescored. At most 100 items, one per provider."
)


async def _replace(call: Call) -> dict[str, Any]:
    community_id = call.services.ceramic_scorer.required()
    community = await ceramic_cache.community(call.ex, community_id)
    result = await stamp_writes.replace_stamps(
        call.ex,
        call.services.scoring,
        community,
        call.principal,
        [item.submitted() for item in call.body],
        Source(PASSPORT_APP, community_id),
    )
    return stamps_and_score_body(result)


@endpoint(
    "POST",
    BULK,
    auth=APP_TOKEN,
    body=BulkStamps,
    max_items=MAX_ITEMS,
    status=201,
    response=StampsWithScoreSchema,
    errors=WRITE_ERRORS,
    cors=True,
    transaction=True,
    summary="Store the caller's stamps and rescore",
    description=BULK_DESCRIPTION,
    tag=TAG,
)
async def post_bulk_stamps(call: Call) -> dict[str, Any]:
    return await _replace(call)


@endpoint(
    "PATCH",
    BULK,
    auth=APP_TOKEN,
    body=BulkStamps,
    max_items=MAX_ITEMS,
    response=StampsWithScoreSchema,
    errors=WRITE_ERRORS,
    cors=True,
    transaction=True,
    summary="Replace or remove the caller's stamps and rescore",
    description=BULK_DESCRIPTION,
    tag=TAG,
)
async def patch_bulk_stamps(call: Call) -> dict[str, Any]:
    return await _replace(call)


@endpoint(
    "DELETE",
    BULK,
    auth=APP_TOKEN,
    body=list[DeleteStampItem],
    max_items=MAX_ITEMS,
    response=StampsWithScoreSchema,
    errors=WRITE_ERRORS,
    cors=True,
    transaction=True,
    summary="Remove the caller's stamps of these providers and rescore",
    description="404 `Unable to find stamp to delete.` when the caller has none of them.",
    tag=TAG,
)
async def delete_bulk_stamps(call: Call) -> dict[str, Any]:
    community_id = call.services.ceramic_scorer.required()
    community = await ceramic_cache.community(call.ex, community_id)
    result = await stamp_writes.remove_stamps(
        call.ex,
        call.services.scoring,
        community,
        call.principal,
        [item.provider for item in call.body],
    )
    return stamps_and_score_body(result)


@endpoint(
    "GET",
    SCORE,
    auth=APP_TOKEN_FOR_PATH,
    query=ScoreQuery,
    response=V2ScoreSchema,
    errors=(400, 401, 403, 404, 422, 503),
    cors=True,
    summary="The caller's score (stored; rescored when missing or expired)",
    tag=TAG,
)
async def get_app_score(call: Call) -> dict[str, Any]:
    community_id = call.services.ceramic_scorer.chosen(call.query.alternate_scorer_id)
    view = await ceramic_cache.app_score(
        call.ex, call.services.scoring, community_id, call.principal
    )
    return score_body(view)


@endpoint(
    "POST",
    SCORE,
    auth=APP_TOKEN_FOR_PATH,
    body=RescoreBody | None,
    response=V2ScoreSchema,
    errors=(400, 401, 403, 404, 422, 503),
    cors=True,
    summary="Rescore the caller",
    tag=TAG,
)
async def post_app_score(call: Call) -> dict[str, Any]:
    alternate = call.body.alternate_scorer_id if call.body is not None else None
    community_id = call.services.ceramic_scorer.chosen(alternate)
    view = await ceramic_cache.rescore(call.ex, call.services.scoring, community_id, call.principal)
    return score_body(view)


@endpoint(
    "GET",
    "/ceramic-cache/stamp",
    query=StampQuery,
    response=StampsSchema,
    errors=(400, 404, 422, 503),
    cors=True,
    summary="An address's stamps (scored first if it has no score yet)",
    tag=TAG,
)
async def get_app_stamps(call: Call) -> dict[str, Any]:
    community_id = call.services.ceramic_scorer.required()
    address = normalise_address(call.query.address)
    stamps = await ceramic_cache.stamps_scored_first(
        call.ex, call.services.scoring, community_id, address
    )
    return stamps_body(stamps)


@endpoint(
    "GET",
    "/ceramic-cache/weights",
    response=dict[str, Any],
    errors=(404, 503),
    cors=True,
    summary="The app's scorer weights, as stored",
    tag=TAG,
)
async def get_app_weights(call: Call) -> Response:
    stored = await weights.stored_weights(call.ex, call.services.ceramic_scorer.required())
    if stored is None:
        raise CeramicScorerMissing()
    return Response(stored, media_type="application/json")  # numbers as stored


ENDPOINTS = [
    post_bulk_stamps,
    patch_bulk_stamps,
    delete_bulk_stamps,
    get_app_score,
    post_app_score,
    get_app_stamps,
    get_app_weights,
]

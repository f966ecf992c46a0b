"""The v1 registry API (`/registry/*`): submit an address, read scores and stamps, the message
to sign, stamp metadata and legacy GTC stakes. API-key routes share the key's rate limit."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from passport_scorer.api.auth.api_key import ApiKeyAuth
from passport_scorer.api.endpoint import Call, endpoint
from passport_scorer.api.params_time import OptionalMoment
from passport_scorer.api.routes.stamps import StampPageQuery, metadata_source, stamp_page_of
from passport_scorer.api.schemas import (
    DetailedScorePageSchema,
    DetailedScoreSchema,
    LegacyStakesSchema,
    SigningMessageSchema,
    StampDisplaySchema,
    StampPageSchema,
)
from passport_scorer.db.queries.detailed_scores import ScoreFilters
from passport_scorer.domain.communities import BIGINT_MAX
from passport_scorer.domain.submissions import SubmitPassportPayload
from passport_scorer.errors import InvalidPermissions
from passport_scorer.services import registry, stakes
from passport_scorer.services.registry import ScoreListQuery

ANY_KEY = ApiKeyAuth(permission=None)
READ_SCORES = ApiKeyAuth(permission="read_scores", missing=InvalidPermissions)
TAG = "v1 registry"


class ScoreListParams(BaseModel):
    limit: int = Field(default=100, ge=1)
    offset: int = Field(default=0, ge=0, le=BIGINT_MAX)  # beyond: no database takes it
    address: str = ""
    last_score_timestamp__gt: OptionalMoment = None
    last_score_timestamp__gte: OptionalMoment = None
    order_by: str = "id"


@endpoint(
    "POST",
    "/registry/submit-passport",
    auth=ANY_KEY,
    body=SubmitPassportPayload,
    response=DetailedScoreSchema,
    errors=(400, 401, 403, 404, 422, 429, 503),
    summary="Submit an address for scoring (v1)",
    description="Scores the address in the key's scorer and answers the stored score. "
    "`signature` (of the signing message with `nonce`) is checked when given. "
    "API key with `submit_passports`.",
    tag=TAG,
)
async def v1_submit_passport(call: Call) -> dict[str, Any]:
    return await registry.submit_passport(call.ex, call.services.scoring, call.principal, call.body)


@endpoint(
    "GET",
    "/registry/signing-message",
    auth=ANY_KEY,
    response=SigningMessageSchema,
    errors=(401, 429, 503),
    summary="A message to sign and its nonce, for submitting with a signature (v1)",
    tag=TAG,
)
async def v1_signing_message(call: Call) -> dict[str, str]:
    return await registry.signing_challenge(call.ex)


@endpoint(
    "GET",
    "/registry/score/{scorer_id}/{address}",
    auth=READ_SCORES,
    path_types={"scorer_id": int},
    response=DetailedScoreSchema,
    errors=(400, 401, 403, 404, 422, 429, 503),
    summary="The stored score of one address (v1)",
    tag=TAG,
)
async def v1_get_score(call: Call) -> dict[str, Any]:
    return await registry.score_of(
        call.ex, call.principal, call.path["scorer_id"], call.path["address"]
    )


@endpoint(
    "GET",
    "/registry/score/{scorer_id}",
    auth=ANY_KEY,
    path_types={"scorer_id": int},
    query=ScoreListParams,
    response=DetailedScorePageSchema,
    errors=(400, 401, 403, 404, 422, 429, 503),
    summary="The stored scores of a scorer, a page at a time (v1)",
    description="`limit` (at most 1000, default 100) and `offset` paginate; `address`, "
    "`last_score_timestamp__gt` and `__gte` (ISO 8601) filter; `order_by` is `id` or "
    "`last_score_timestamp`. API key with `read_scores`.",
    tag=TAG,
)
async def v1_get_scores(call: Call) -> dict[str, Any]:
    params: ScoreListParams = call.query
    query = ScoreListQuery(
        limit=params.limit,
        offset=params.offset,
        order_by=params.order_by,
        filters=ScoreFilters(
            address=params.address or None,
            scored_after=params.last_score_timestamp__gt,
            scored_from=params.last_score_timestamp__gte,
        ),
    )
    return await registry.scores_of(call.ex, call.principal, call.path["scorer_id"], query)


@endpoint(
    "GET",
    "/registry/stamps/{address}",
    auth=ANY_KEY,
    query=StampPageQuery,
    response=StampPageSchema,
    errors=(400, 401, 422, 429, 500, 503),
    summary="The address's stamps, a page at a time (v1)",
    tag=TAG,
)
async def v1_get_stamps(call: Call) -> dict[str, Any]:
    return await stamp_page_of(call, "/registry/stamps/")


@endpoint(
    "GET",
    "/registry/stamp-metadata",
    auth=ANY_KEY,
    response=list[StampDisplaySchema],
    errors=(401, 429, 500, 503),
    summary="Every stamp available in Passport (v1)",
    tag=TAG,
)
async def v1_stamp_metadata(call: Call) -> list[dict[str, Any]]:
    return await metadata_source(call).platforms()


@endpoint(
    "GET",
    "/registry/gtc-stake/{address}/{round_id}",
    path_types={"round_id": int},
    response=LegacyStakesSchema,
    errors=(400, 422, 503),
    summary="GTC stake events of the legacy staking contract (deprecated; no auth, as the "
    "reference)",
    tag=TAG,
)
async def v1_get_legacy_gtc_stake(call: Call) -> dict[str, Any]:
    return await stakes.legacy_gtc_stake(call.ex, call.path["address"], call.path["round_id"])


ENDPOINTS = [
    v1_submit_passport,
    v1_signing_message,
    v1_get_score,
    v1_get_scores,
    v1_get_stamps,
    v1_stamp_metadata,
    v1_get_legacy_gtc_stake,
]

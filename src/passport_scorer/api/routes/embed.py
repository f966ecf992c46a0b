"""`/internal/embed/*`: the embed service's stamps, scores and weights (internal load balancer).

Writing stamps requires the internal token (as the reference's Django route); reading a
score or the weights needs no auth, as in the reference. An unknown community is 400
`Invalid scorer_id`; negative scorer ids stand for the demo community.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from passport_scorer.api.app_stamps import (
    EmbedStampsBody,
    StampsWithScoreSchema,
    WeightsQuery,
    stamps_and_score_body,
)
from passport_scorer.api.auth.internal_token import INTERNAL_TOKEN
from passport_scorer.api.endpoint import Call, endpoint
from passport_scorer.db.executor import Executor
from passport_scorer.db.queries import ceramic_cache, communities
from passport_scorer.domain.address import normalise_address
from passport_scorer.domain.cache_stamps import EMBED_APP, MAX_ITEMS, Source
from passport_scorer.domain.communities import Community, resolve_scorer_id
from passport_scorer.errors import InvalidScorerId
from passport_scorer.services import stamp_writes, weights
from passport_scorer.services.container import Services

TAG = "embed"


async def _community(ex: Executor, services: Services, scorer_id: int) -> Community:
    """The community a scorer id names (negative: the demo one), or 400."""
    community_id = resolve_scorer_id(scorer_id, services.scoring.demo_scorer_id)
    found = None if community_id is None else await communities.get_by_id(ex, community_id)
    if found is None:
        raise InvalidScorerId()
    return found


@endpoint(
    "POST",
    "/internal/embed/stamps/{address}",
    auth=INTERNAL_TOKEN,
    body=EmbedStampsBody,
    max_items=MAX_ITEMS,
    items_field="stamps",
    response=StampsWithScoreSchema,
    errors=(400, 401, 422, 503),
    transaction=True,
    summary="Store an address's stamps and rescore it in a community",
    description="The live stamps of the stamps' providers are replaced (at most 100 stamps, "
    "one per provider); nothing is written for an unknown community.",
    tag=TAG,
)
async def post_embed_stamps(call: Call) -> dict[str, Any]:
    address = normalise_address(call.path["address"])
    community = await _community(call.ex, call.services, call.body.scorer_id)
    result = await stamp_writes.replace_stamps(
        call.ex,
        call.services.scoring,
        community,
        address,
        call.body.submitted(),
        Source(EMBED_APP, community.id),
    )
    return stamps_and_score_body(result)


@endpoint(
    "GET",
    "/internal/embed/score/{scorer_id}/{address}",
    path_types={"scorer_id": int},
    response=StampsWithScoreSchema,
    errors=(400, 422, 503),
    summary="Rescore an address in a community; its stamps and score",
    tag=TAG,
)
async def get_embed_score(call: Call) -> dict[str, Any]:
    community = await _community(call.ex, call.services, call.path["scorer_id"])
    address = normalise_address(call.path["address"])
    score = await call.services.scoring.score(call.ex, community, address)
    stamps = await ceramic_cache.app_stamps(call.ex, address)
    return stamps_and_score_body(stamp_writes.StampsAndScore(stamps, score))


@endpoint(
    "GET",
    "/internal/embed/weights",
    query=WeightsQuery,
    response=dict[str, Any],
    errors=(400, 422, 503),
    summary="A community's scorer weights, as stored",
    tag=TAG,
)
async def get_embed_weights(call: Call) -> Response:
    community_id = call.query.community_id
    if community_id is None:
        community_id = call.services.ceramic_scorer.required()
    stored = await weights.stored_weights(call.ex, community_id)
    if stored is None:
        raise InvalidScorerId()
    return Response(stored, media_type="application/json")  # numbers as stored


ENDPOINTS = [post_embed_stamps, get_embed_score, get_embed_weights]

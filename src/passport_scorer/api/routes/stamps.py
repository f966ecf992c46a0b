"""`/v2/stamps/metadata` and `/v2/stamps/{address}`: the stamps Passport offers, and an
address's stamps a page at a time (API key; the key's rate limit applies)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from passport_scorer.api.auth.api_key import ApiKeyAuth
from passport_scorer.api.endpoint import Call, endpoint
from passport_scorer.api.schemas import StampDisplaySchema, StampPageSchema
from passport_scorer.errors import NotConfigured
from passport_scorer.services.stamp_listing import stamps_page
from passport_scorer.services.stamp_metadata import StampMetadataSource

ANY_KEY = ApiKeyAuth(permission=None)


class StampPageQuery(BaseModel):
    token: str = ""
    limit: int = Field(default=1000, ge=0)
    include_metadata: bool = False


def metadata_source(call: Call) -> StampMetadataSource:
    source = call.services.stamp_metadata
    if source is None:
        raise NotConfigured("PASSPORT_PUBLIC_URL is not set: stamp metadata is unavailable.")
    return source


async def stamp_page_of(call: Call, route_prefix: str) -> dict[str, Any]:
    """The page for the request's address and query; links lead to `route_prefix` + address
    on the host the request came to."""
    query: StampPageQuery = call.query
    return await stamps_page(
        call.ex,
        call.path["address"],
        token=query.token,
        limit=query.limit,
        include_metadata=query.include_metadata,
        metadata=call.services.stamp_metadata,
        link_prefix=str(call.request.base_url).rstrip("/") + route_prefix,
    )


@endpoint(
    "GET",
    "/v2/stamps/metadata",
    auth=ANY_KEY,
    response=list[StampDisplaySchema],
    errors=(401, 429, 500, 503),
    summary="Every stamp available in Passport, by platform and group",
    tag="stamps",
)
async def get_stamp_metadata(call: Call) -> list[dict[str, Any]]:
    return await metadata_source(call).platforms()


@endpoint(
    "GET",
    "/v2/stamps/{address}",
    auth=ANY_KEY,
    query=StampPageQuery,
    response=StampPageSchema,
    errors=(400, 401, 422, 429, 500, 503),
    summary="The address's stamps, newest first, a page at a time",
    description="`limit` at most 1000 (default 1000); follow `next`/`prev` for more; "
    "`include_metadata=true` adds each stamp's metadata.",
    tag="stamps",
)
async def get_stamps_page(call: Call) -> dict[str, Any]:
    return await stamp_page_of(call, "/v2/stamps/")


ENDPOINTS = [get_stamp_metadata, get_stamps_page]

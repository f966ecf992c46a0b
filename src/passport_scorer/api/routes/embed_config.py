"""The embed service's calls for a partner: its key's embed limit, and a community's widget
configuration (internal load balancer)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from passport_scorer.api.auth.partner_key import PARTNER_KEY
from passport_scorer.api.endpoint import Call, endpoint
from passport_scorer.services.embed_config import embed_config


class EmbedRateLimitSchema(BaseModel):
    embed_rate_limit: str | None


class ConfigQuery(BaseModel):
    community_id: int


class StampSectionItemSchema(BaseModel):
    platform_id: str
    order: int


class StampSectionSchema(BaseModel):
    title: str
    order: int
    items: list[StampSectionItemSchema]


class EmbedConfigSchema(BaseModel):
    weights: dict[str, float]
    stamp_sections: list[StampSectionSchema]


@endpoint(
    "GET",
    "/internal/embed/validate-api-key",
    auth=PARTNER_KEY,
    response=EmbedRateLimitSchema,
    errors=(401, 429, 503),
    summary="The embed rate limit of a partner's API key",
    description="The key is the partner's (`X-API-Key`, else the second token of "
    '`Authorization`); revoked and expired keys are refused. `""` or null: unlimited.',
    tag="embed",
)
async def validate_api_key(call: Call) -> dict[str, Any]:
    return {"embed_rate_limit": call.principal.embed_rate_limit}


@endpoint(
    "GET",
    "/internal/embed/config",
    query=ConfigQuery,
    response=EmbedConfigSchema,
    errors=(400, 422, 500, 503),
    summary="A community's embed configuration: weights and stamp sections",
    description="Weights as numbers; sections and their platforms in their set order "
    "(empty when the community has no customization).",
    tag="embed",
)
async def get_embed_config(call: Call) -> dict[str, Any]:
    config = await embed_config(call.ex, call.query.community_id)
    return {
        "weights": config.weights,
        "stamp_sections": [
            {
                "title": section.title,
                "order": section.order,
                "items": [{"platform_id": i.platform_id, "order": i.order} for i in section.items],
            }
            for section in config.stamp_sections
        ],
    }


ENDPOINTS = [validate_api_key, get_embed_config]

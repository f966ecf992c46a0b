"""Response bodies: compact JSON, keys in the reference's order."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import orjson
from pydantic import BaseModel
from starlette.responses import Response

from passport_scorer.domain.score_view import ScoreView
from passport_scorer.domain.scoring import format_5dp


class JSONResponse(Response):
    """`application/json` rendered by orjson (compact, UTF-8)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def score_body(view: ScoreView) -> dict[str, Any]:
    """The v2 score object (`scoring.md` §7.1): every key, always, in this order."""
    return {
        "address": view.address,
        "score": format_5dp(view.raw_score),
        "passing_score": view.passing,
        "last_score_timestamp": _iso(view.last_score_timestamp),
        "expiration_timestamp": _iso(view.expiration_timestamp),
        "threshold": format_5dp(view.threshold),
        "error": view.error,
        "stamps": view.stamps,
        "points_data": view.points_data,
        "possible_points_data": view.possible_points_data,
        "linked_score": None,
    }


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


# Schemas below document the responses in OpenAPI; bodies are built by `score_body`.


class StampScoreSchema(BaseModel):
    score: str
    dedup: bool
    expiration_date: str | None


class V2ScoreSchema(BaseModel):
    address: str
    score: str
    passing_score: bool
    last_score_timestamp: str | None
    expiration_timestamp: str | None
    threshold: str
    error: str | None
    stamps: dict[str, StampScoreSchema]
    points_data: dict[str, Any] | None
    possible_points_data: dict[str, Any] | None
    linked_score: dict[str, Any] | None


class ErrorSchema(BaseModel):
    detail: str


class ValidationErrorItem(BaseModel):
    """One problem, in pydantic's error shape (`input` and `ctx` where pydantic gives them)."""

    type: str
    loc: list[str | int]
    msg: str
    input: Any = None
    ctx: dict[str, Any] | None = None


class ValidationErrorSchema(BaseModel):
    """422: what failed to validate, one item per problem (a list body over its limit is
    documented beside it: `You have submitted too many stamps.`)."""

    detail: list[ValidationErrorItem]

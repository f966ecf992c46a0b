"""Response bodies: compact JSON, keys in the reference's order."""

from __future__ import annotations

from typing import Any

import orjson
from pydantic import BaseModel
from starlette.responses import Response

from passport_scorer.domain.scoring import DEFAULT_THRESHOLD, format_5dp, stamps_json
from passport_scorer.services.scoring import ScoreResult


class JSONResponse(Response):
    """`application/json` rendered by orjson (compact, UTF-8)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def score_body(result: ScoreResult) -> dict[str, Any]:
    """The v2 score object (`scoring.md` §7.1): every key, always, in this order."""
    score = result.score
    if score is None:
        return {
            "address": result.address,
            "score": "0.00000",
            "passing_score": False,
            "last_score_timestamp": None,
            "expiration_timestamp": None,
            "threshold": format_5dp(DEFAULT_THRESHOLD),
            "error": result.error,
            "stamps": {},
            "points_data": None,
            "possible_points_data": None,
            "linked_score": None,
        }
    return {
        "address": result.address,
        "score": format_5dp(score.raw_score),
        "passing_score": score.passing,
        "last_score_timestamp": result.scored_at.isoformat() if result.scored_at else None,
        "expiration_timestamp": score.expires_at.isoformat() if score.expires_at else None,
        "threshold": format_5dp(score.threshold),
        "error": None,
        "stamps": stamps_json(score),
        "points_data": None,
        "possible_points_data": None,
        "linked_score": None,
    }


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


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": ErrorSchema} for status in statuses}

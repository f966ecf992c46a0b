"""`registry_event` payloads, in the shapes the reference writes and its `/history` reads."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from passport_scorer.domain.scoring import Score, stamp_scores_json, stamps_json

SCORE_UPDATED = "SCU"
LIFO_DEDUPLICATION = "LDP"


def django_datetime(value: datetime | None) -> str | None:
    """Django's JSON encoding of a datetime: milliseconds, `Z` for UTC."""
    if value is None:
        return None
    text = value.isoformat()
    if value.microsecond:
        text = text[:23] + text[26:]
    if text.endswith("+00:00"):
        text = text[:-6] + "Z"
    return text


def score_updated(
    *, score_id: int, passport_id: int, score: Score, scored_at: datetime
) -> dict[str, Any]:
    """One JSON object, as Django's serializer writes a saved `registry.score`."""
    return {
        "model": "registry.score",
        "pk": score_id,
        "fields": {
            "passport": passport_id,
            "score": str(score.binary),
            "last_score_timestamp": django_datetime(scored_at.astimezone(UTC)),
            "status": "DONE",
            "error": None,
            "evidence": score.evidence,
            "stamp_scores": stamp_scores_json(score),
            "stamps": stamps_json(score),
            "expiration_date": django_datetime(score.expires_at),
        },
    }

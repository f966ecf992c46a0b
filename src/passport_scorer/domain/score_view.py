"""What a score route shows: one view, from a fresh scoring or from the stored score row.

Every route that answers a v2 score object (v2, internal, embed, ceramic cache) builds a
`ScoreView` here and formats it with `api.responses.score_body`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from passport_scorer.domain.scoring import DEFAULT_THRESHOLD, ZERO, Score, stamps_json


@dataclass(frozen=True, slots=True)
class ScoreView:
    address: str
    raw_score: Decimal
    threshold: Decimal
    last_score_timestamp: datetime | None
    expiration_timestamp: datetime | None
    error: str | None
    stamps: Mapping[str, Any]
    points_data: dict[str, Any] | None = None
    possible_points_data: dict[str, Any] | None = None

    @property
    def passing(self) -> bool:
        return self.error is None and self.raw_score >= self.threshold

    def with_points(
        self, points_data: dict[str, Any] | None, possible_points_data: dict[str, Any] | None
    ) -> ScoreView:
        return replace(self, points_data=points_data, possible_points_data=possible_points_data)


def scored(
    address: str, score: Score, scored_at: datetime, stamps: Mapping[str, Any] | None = None
) -> ScoreView:
    """A scoring that just completed (`stamps`: its stamps JSON, when already built)."""
    return ScoreView(
        address=address,
        raw_score=score.raw_score,
        threshold=score.threshold,
        last_score_timestamp=scored_at,
        expiration_timestamp=score.expires_at,
        error=None,
        stamps=stamps_json(score) if stamps is None else stamps,
    )


def failed(address: str, message: str) -> ScoreView:
    """A scoring that failed (stored as status ERROR): the reference's error body."""
    return ScoreView(address, ZERO, DEFAULT_THRESHOLD, None, None, message, {})


@dataclass(frozen=True, slots=True)
class StoredScore:
    """The columns of a `registry_score` row that a view shows."""

    status: str | None
    error: str | None
    evidence: Mapping[str, Any] | None
    last_score_timestamp: datetime | None
    expiration_date: datetime | None
    stamps: Mapping[str, Any] | None


def stored(address: str, row: StoredScore) -> ScoreView:
    """A stored score as the reference shows it: numbers from `evidence`, stamps as stored."""
    if row.status == "ERROR" or row.error is not None:
        return failed(address, row.error or "")
    evidence = row.evidence or {}
    return ScoreView(
        address=address,
        raw_score=_decimal(evidence.get("rawScore"), ZERO),
        threshold=_decimal(evidence.get("threshold"), DEFAULT_THRESHOLD),
        last_score_timestamp=row.last_score_timestamp,
        expiration_timestamp=row.expiration_date,
        error=None,
        stamps=row.stamps or {},
    )


def _decimal(value: object, default: Decimal) -> Decimal:
    if value is None:
        return default
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return default

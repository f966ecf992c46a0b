"""The score: exact decimal sum of the kept stamps' weights against the threshold.

Weights come from the scorer's stored JSON text and are summed as exact
decimals (`0.1 + 0.7 == 0.8`). `score` and `threshold` are shown with exactly
five decimals, rounded half-even; the address passes when score >= threshold.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation, localcontext
from functools import lru_cache
from typing import Any

from passport_scorer.domain.stamps import Stamp
from passport_scorer.errors import ScoringFailed

ZERO = Decimal(0)
DEFAULT_THRESHOLD = Decimal("20")


def format_5dp(value: Decimal) -> str:
    """`Decimal` with exactly five decimals, half-even: the reference's `f"{d:.5f}"`."""
    with localcontext() as context:
        context.rounding = ROUND_HALF_EVEN
        return f"{value:.5f}"


def parse_weights(weights_json: str | None) -> dict[str, Decimal]:
    """Provider → weight from the stored JSON, numbers and strings read exactly."""
    return dict(_parse_weights(weights_json))


@lru_cache(maxsize=256)
def _parse_weights(weights_json: str | None) -> dict[str, Decimal]:
    # Cached by the JSON text itself, so a changed scorer is re-read at once.
    if weights_json is None:
        raise ScoringFailed("Scorer has no weights configured.")
    try:
        raw = json.loads(weights_json, parse_float=Decimal, parse_int=Decimal)
    except ValueError:
        raise ScoringFailed("Scorer weights are not valid JSON.") from None
    if not isinstance(raw, dict):
        raise ScoringFailed("Scorer weights must be a JSON object.")
    weights: dict[str, Decimal] = {}
    for provider, value in raw.items():
        try:
            weight = value if isinstance(value, Decimal) else Decimal(str(value))
        except InvalidOperation:
            raise ScoringFailed(f"Scorer weight for {provider} is not a number.") from None
        if not weight.is_finite():
            raise ScoringFailed(f"Scorer weight for {provider} is not a number.")
        weights[provider] = weight
    return weights


@dataclass(frozen=True, slots=True)
class StampScore:
    score: str
    dedup: bool
    expiration_date: str

    def as_json(self) -> dict[str, Any]:
        return {"score": self.score, "dedup": self.dedup, "expiration_date": self.expiration_date}


@dataclass(frozen=True, slots=True)
class Score:
    raw_score: Decimal
    threshold: Decimal
    stamp_scores: dict[str, Decimal]  # kept stamps only
    stamps: dict[str, StampScore]  # kept, then deduplicated
    expires_at: datetime | None  # earliest kept-stamp expiry, its original offset kept

    @property
    def passing(self) -> bool:
        return self.raw_score >= self.threshold

    @property
    def binary(self) -> int:
        """Both scorer kinds store 1 or 0."""
        return 1 if self.passing else 0

    @property
    def evidence(self) -> dict[str, Any]:
        return {
            "type": "ThresholdScoreCheck",
            "success": self.passing,
            "rawScore": str(self.raw_score),
            "threshold": str(self.threshold),
        }


def calculate_score(
    kept: Sequence[Stamp],
    deduped: Mapping[str, Stamp],
    *,
    weights: Mapping[str, Decimal],
    threshold: Decimal,
) -> Score:
    total = ZERO
    stamp_scores: dict[str, Decimal] = {}
    stamps: dict[str, StampScore] = {}
    earliest: datetime | None = None
    for stamp in kept:
        if stamp.provider in stamp_scores:
            continue  # one stamp per provider counts
        weight = weights.get(stamp.provider, ZERO)
        total += weight
        stamp_scores[stamp.provider] = weight
        stamps[stamp.provider] = StampScore(
            # As the reference: the cache provider looked up among deduplicated subject providers.
            format_5dp(weight),
            stamp.provider in deduped,
            stamp.expires_at.isoformat(),
        )
        if earliest is None or stamp.expires_at < earliest:
            earliest = stamp.expires_at
    for provider, stamp in deduped.items():
        if provider not in stamps:
            stamps[provider] = StampScore("0.00000", True, stamp.expiration_text)
    return Score(total, threshold, stamp_scores, stamps, earliest)


def stamp_scores_json(score: Score) -> dict[str, float]:
    """`registry_score.stamp_scores`: weights as JSON numbers, as the reference stores them."""
    return {provider: float(weight) for provider, weight in score.stamp_scores.items()}


def stamps_json(score: Score) -> dict[str, dict[str, Any]]:
    return {provider: entry.as_json() for provider, entry in score.stamps.items()}

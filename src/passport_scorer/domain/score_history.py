"""A score as it stood at some time, rebuilt from the `SCU` event written then.

Events come in two shapes: Django's serializer output (`{"model", "pk", "fields": {...}}`,
what scoring writes) and the older flat score data. The numbers are read as the reference
reads them: `evidence.rawScore` (else `score`) and `evidence.threshold` (else 0).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from passport_scorer.domain.scoring import ZERO


@dataclass(frozen=True, slots=True)
class HistoricalScore:
    address: str
    score: Decimal
    threshold: Decimal
    passing: bool
    last_score_timestamp: str | None  # as the event stored it
    expiration_timestamp: str | None
    error: str | None
    stamps: Any  # the event's `stamps` as stored (None for old events)


def parse_moment(text: str) -> datetime | None:
    """An ISO 8601 date or date-time (`2023-05-10`, `...T07:49:08Z`, `...+00:00`); a naive one
    is UTC (the reference's time zone). None when it is not one."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def historical_score(address: str, event_data: Mapping[str, Any]) -> HistoricalScore:
    fields = event_data.get("fields")
    data: Mapping[str, Any] = fields if isinstance(fields, Mapping) else event_data
    evidence = data.get("evidence")
    evidence = evidence if isinstance(evidence, Mapping) else {}
    raw = evidence["rawScore"] if "rawScore" in evidence else data.get("score", "0")
    threshold = _decimal(evidence.get("threshold", "0"))
    score = _decimal(raw)
    return HistoricalScore(
        address=address,
        score=score,
        threshold=threshold,
        # The reference: a falsy raw score (0, "", null) never passes.
        passing=bool(raw) and score >= threshold,
        last_score_timestamp=_text(data.get("last_score_timestamp")),
        expiration_timestamp=_text(data.get("expiration_date")),
        error=_text(data.get("error")),
        stamps=data.get("stamps"),
    )


def _decimal(value: object) -> Decimal:
    if value is None or isinstance(value, bool):
        return ZERO
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return ZERO
    return number if number.is_finite() else ZERO


def _text(value: object) -> str | None:
    return None if value is None else str(value)

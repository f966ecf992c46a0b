"""The v1 registry's score object (`DetailedScoreResponse`), from a stored `registry_score` row.

Keys and forms as the reference renders them: `score` is the stored numeric with its 9
decimals as a string, `evidence` numbers are JSON floats, timestamps are ISO 8601. For a
non-binary (`WEIGHTED`) scorer the single-score routes show the raw score (9 decimals) as
`score` and no evidence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

NINE_PLACES = Decimal("0.000000001")
NON_BINARY = "WEIGHTED"


@dataclass(frozen=True, slots=True)
class StoredDetailedScore:
    """The columns of a score row (and its passport's address) the v1 object shows."""

    address: str
    score: Decimal | None
    status: str | None
    last_score_timestamp: datetime | None
    expiration_date: datetime | None
    evidence: Mapping[str, Any] | None
    error: str | None
    stamp_scores: Mapping[str, Any] | None


def detailed_score(row: StoredDetailedScore, *, scorer_kind: str | None = None) -> dict[str, Any]:
    """The v1 score object; `scorer_kind` WEIGHTED shows the raw score (single-score routes)."""
    if scorer_kind == NON_BINARY:
        return _non_threshold(row)
    return {
        "address": row.address,
        "score": None if row.score is None else _nine_places(row.score),
        "status": row.status,
        "last_score_timestamp": _iso(row.last_score_timestamp),
        "expiration_date": _iso(row.expiration_date),
        "evidence": _evidence(row.evidence),
        "error": row.error,
        "stamp_scores": row.stamp_scores if row.stamp_scores is not None else {},
    }


def _non_threshold(row: StoredDetailedScore) -> dict[str, Any]:
    raw: str | None = None
    evidence = row.evidence or {}
    if "rawScore" in evidence:
        try:
            raw = _nine_places(Decimal(str(evidence["rawScore"])))
        except InvalidOperation:
            raw = str(evidence["rawScore"])
    if raw is None and row.score is not None:
        raw = _nine_places(row.score)
    return {
        "address": row.address,
        "score": raw,
        "status": row.status,
        "last_score_timestamp": _iso(row.last_score_timestamp),
        "expiration_date": _iso(row.expiration_date),
        "evidence": None,
        "error": row.error,
        "stamp_scores": row.stamp_scores or {},
    }


def _evidence(evidence: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """`ThresholdScoreEvidenceResponse`: type, success, rawScore and threshold as floats; None
    when the stored evidence lacks any of them (the reference cannot render it either)."""
    if not evidence:
        return None
    try:
        return {
            "type": str(evidence["type"]),
            "success": bool(evidence["success"]),
            "rawScore": float(evidence["rawScore"]),
            "threshold": float(evidence["threshold"]),
        }
    except (KeyError, TypeError, ValueError):
        return None


def _nine_places(value: Decimal) -> str:
    """The `numeric(18,9)` text Django shows (`1.000000000`, never `1E-9`)."""
    return f"{value.quantize(NINE_PLACES):f}"


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()

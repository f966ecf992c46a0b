"""Communities ("scorers" in the public API) and their scoring configuration."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

# Postgres `bigint`: ids outside it cannot exist, so they match nothing.
BIGINT_MIN = -(2**63)
BIGINT_MAX = 2**63 - 1


@dataclass(slots=True)
class ScorerConfig:
    id: int
    kind: str  # "WEIGHTED_BINARY" or "WEIGHTED"; both score as binary
    weights_json: str | None  # the stored JSON text, parsed exactly by `scoring.parse_weights`
    threshold: Decimal


@dataclass(slots=True)
class Community:
    id: int
    account_id: int
    rule: str
    human_points_program: bool
    scorer: ScorerConfig | None


def resolve_scorer_id(scorer_id: int, demo_scorer_id: int | None) -> int | None:
    """Negative ids stand for the demo scorer; `None` means no community can match."""
    if scorer_id < 0:
        scorer_id = demo_scorer_id if demo_scorer_id is not None else -1
        if scorer_id < 0:
            return None
    if not BIGINT_MIN <= scorer_id <= BIGINT_MAX:
        return None
    return scorer_id

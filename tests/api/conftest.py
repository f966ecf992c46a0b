"""A scorer (community + API key) ready to score, for route tests."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from tests.factories import World

WEIGHTS = {"Google": "10.0", "Twitter": "6.0", "Github": "8.0", "Linkedin": "4.0", "Discord": "3.5"}


@dataclass(frozen=True)
class Scorer:
    account_id: int
    community_id: int
    key: str

    def score_path(self, address: str, scorer_id: int | str | None = None) -> str:
        return f"/v2/stamps/{self.community_id if scorer_id is None else scorer_id}/score/{address}"

    @property
    def headers(self) -> dict[str, str]:
        return {"X-API-Key": self.key}


@pytest.fixture
async def scorer(world: World) -> Scorer:
    account_id = await world.account()
    community_id = await world.community(account_id, weights=WEIGHTS, threshold=Decimal("20"))
    key = await world.api_key(account_id)
    return Scorer(account_id, community_id, key)

"""Per-key rate limits through the score route (`RATELIMIT_ENABLE=on`)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import update

from passport_scorer.app import create_app
from passport_scorer.db import tables
from passport_scorer.services.container import Services
from tests.conftest import Scorer, make_settings
from tests.factories import World

ADDRESS = "0x" + "1" * 40


@pytest.fixture
async def limited_client(services: Services) -> AsyncIterator[httpx.AsyncClient]:
    settings = make_settings(services.settings.DATABASE_URL, RATELIMIT_ENABLE="on")
    app = create_app(services=Services.build(settings, db=services.db))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        yield c


async def set_limit(world: World, key: str, limit: str | None) -> None:
    async with world.transaction() as conn:
        await conn.execute(
            update(tables.account_accountapikey)
            .where(tables.account_accountapikey.c.prefix == key.partition(".")[0])
            .values(rate_limit=limit)
        )


async def test_126th_request_of_a_125_per_15m_key_is_429_while_another_key_passes(
    limited_client: httpx.AsyncClient, scorer: Scorer, world: World
) -> None:
    other = await world.api_key(scorer.account_id)  # also 125/15m, its own budget
    statuses = [
        (await limited_client.get(scorer.score_path(ADDRESS), headers=scorer.headers)).status_code
        for _ in range(125)
    ]
    assert statuses == [200] * 125

    over = await limited_client.get(scorer.score_path(ADDRESS), headers=scorer.headers)

    assert (over.status_code, over.json()) == (429, {"detail": "You have been rate limited!"})
    assert 1 <= int(over.headers["retry-after"]) <= 900
    passing = await limited_client.get(scorer.score_path(ADDRESS), headers={"X-API-Key": other})
    assert passing.status_code == 200


@pytest.mark.parametrize("limit", ["", None])
async def test_unlimited_keys_are_never_limited(
    limited_client: httpx.AsyncClient, scorer: Scorer, world: World, limit: str | None
) -> None:
    await set_limit(world, scorer.key, limit)
    for _ in range(130):
        response = await limited_client.get(scorer.score_path(ADDRESS), headers=scorer.headers)
        assert response.status_code == 200


async def test_limits_are_off_unless_enabled(
    client: httpx.AsyncClient, scorer: Scorer, world: World
) -> None:
    await set_limit(world, scorer.key, "2/15m")
    for _ in range(5):
        assert (
            await client.get(scorer.score_path(ADDRESS), headers=scorer.headers)
        ).status_code == 200

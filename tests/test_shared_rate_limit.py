"""With `REDIS_URL`, every worker counts against one budget per key."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from sqlalchemy import update

from passport_scorer.db import tables
from tests.conftest import TEST_REDIS_URL, Scorer, ServerStarter
from tests.factories import World

pytestmark = [pytest.mark.postgres, pytest.mark.redis]

ADDRESS = "0x" + "3" * 40
LIMIT = 5


async def _statuses(base: str, scorer: Scorer, count: int) -> list[int]:
    async def one() -> int:
        # A connection per request, so requests spread over both workers.
        async with httpx.AsyncClient(base_url=base, timeout=30) as client:
            return (
                await client.get(scorer.score_path(ADDRESS), headers=scorer.headers)
            ).status_code

    return list(await asyncio.gather(*(one() for _ in range(count))))


async def _limit(world: World, scorer: Scorer) -> None:
    async with world.transaction() as conn:
        await conn.execute(
            update(tables.account_accountapikey)
            .where(tables.account_accountapikey.c.prefix == scorer.key.partition(".")[0])
            .values(rate_limit=f"{LIMIT}/15m")
        )


async def test_two_workers_share_one_redis_budget(
    database_url: str, start_server: ServerStarter, scorer: Scorer, world: World
) -> None:
    await _limit(world, scorer)
    shared = start_server(database_url, RATELIMIT_ENABLE="on", REDIS_URL=TEST_REDIS_URL)
    statuses = await _statuses(shared, scorer, 40)
    assert statuses.count(200) == LIMIT
    assert statuses.count(429) == 40 - LIMIT


async def test_without_redis_each_worker_counts_alone(
    database_url: str, start_server: ServerStarter, scorer: Scorer, world: World
) -> None:
    """The control: the same load spreads over both workers, each with its own budget."""
    await _limit(world, scorer)
    separate = start_server(database_url, RATELIMIT_ENABLE="on")
    statuses = await _statuses(separate, scorer, 40)
    assert statuses.count(200) == 2 * LIMIT

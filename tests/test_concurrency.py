"""Races against a real server and Postgres: many concurrent requests, one consistent outcome."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from passport_scorer.db import tables
from tests.conftest import INTERNAL_TOKEN, Scorer, ServerStarter
from tests.factories import World

pytestmark = pytest.mark.postgres

ALICE = "0x0000000000000000000000000000000000a11ce0"
BOB = "0x0000000000000000000000000000000000b0b000"


@pytest.fixture
def server(database_url: str, start_server: ServerStarter) -> str:
    """`passport-scorer serve` with two worker processes on this test's database."""
    return start_server(database_url)


async def _burst(base: str, requests: list[tuple[str, dict[str, str]]]) -> list[httpx.Response]:
    limits = httpx.Limits(max_connections=len(requests))
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        return list(await asyncio.gather(*(client.get(path, headers=h) for path, h in requests)))


async def test_two_addresses_racing_for_one_nullifier_end_with_one_owner(
    server: str, scorer: Scorer, world: World, fixture_credentials: dict[str, Any]
) -> None:
    creds = fixture_credentials["credentials"]
    await world.stamps(ALICE, [creds["valid_google_alice"]])
    await world.stamps(BOB, [creds["valid_google_bob_same_nullifier_as_alice"]])
    addresses = [ALICE, BOB] * 10

    responses = await _burst(server, [(scorer.score_path(a), scorer.headers) for a in addresses])

    assert [r.status_code for r in responses] == [200] * 20
    bodies = [r.json() for r in responses]
    assert all(body["error"] is None for body in bodies)
    [link] = await world.rows(tables.registry_hashscorerlink)
    owner = link["address"]
    for address, body in zip(addresses, bodies, strict=True):
        assert body["stamps"]["Google"]["dedup"] is (address != owner), (address, owner, body)
    loser = BOB if owner == ALICE else ALICE
    # Every scoring of the loser deduplicated it once (concurrent requests of one address
    # share scorings, so there may be fewer scorings than requests).
    loser_scorings = await world.count(tables.registry_event, action="SCU", address=loser)
    assert 1 <= loser_scorings <= 10
    assert await world.count(tables.registry_event, action="LDP") == loser_scorings
    assert await world.count(tables.registry_event, action="LDP", address=owner) == 0
    owner_passport = (await world.rows(tables.registry_passport, address=owner))[0]["id"]
    assert await world.count(tables.registry_stamp, passport_id=owner_passport) == 1
    assert await world.count(tables.registry_stamp) == 1


async def test_one_address_scored_concurrently_stays_consistent(
    server: str, scorer: Scorer, world: World, fixture_credentials: dict[str, Any]
) -> None:
    creds = fixture_credentials["credentials"]
    await world.stamps(
        ALICE,
        [creds["valid_google_alice"], creds["valid_twitter_alice"], creds["valid_github_alice"]],
    )
    internal = {"Authorization": INTERNAL_TOKEN}
    requests = [(scorer.score_path(ALICE), scorer.headers)] * 10 + [
        (f"/internal/score/v2/{scorer.community_id}/{ALICE}", internal)
    ] * 10

    responses = await _burst(server, requests)

    assert [r.status_code for r in responses] == [200] * 20
    assert {r.json()["score"] for r in responses} == {"24.00000"}
    assert await world.count(tables.registry_passport) == 1
    assert await world.count(tables.registry_score) == 1
    assert await world.count(tables.registry_stamp) == 3
    assert await world.count(tables.registry_hashscorerlink) == 3
    # Concurrent rescorings of one address share scorings (each worker coalesces them).
    assert 1 <= await world.count(tables.registry_event, action="SCU") <= 20
    [score] = await world.rows(tables.registry_score)
    assert score["status"] == "DONE"
    assert set(score["stamps"]) == {"Google", "Twitter", "Github"}

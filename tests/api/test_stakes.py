"""`GET /ceramic-cache/stake/gtc`: the signed-in address's stakes, amounts with 18 decimals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import httpx

from passport_scorer.db import tables
from tests.app_tokens import APP_KEYS
from tests.factories import World

ALICE = "0x0000000000000000000000000000000000a11ce0"
BOB = "0x0000000000000000000000000000000000b0b000"
CAROL = "0x" + "c" * 40


async def test_the_addresss_stakes_made_and_received(
    app_client: httpx.AsyncClient, world: World
) -> None:
    lock = datetime(2026, 6, 1, 12, 0, 0, 120000, tzinfo=UTC)
    rows = [
        (11155420, ALICE, ALICE, "100000000000000000000", 10000000),
        (11155420, BOB, ALICE, "350000000000000000000.5", 10000002),
        (1, ALICE, BOB, "0.000000000000000001", 10000003),
        (1, BOB, CAROL, "5", 10000004),  # not alice's
    ]
    for chain, staker, stakee, amount, block in rows:
        await world.insert(
            tables.stake_stake, chain=chain, staker=staker, stakee=stakee,
            current_amount=Decimal(amount), last_updated_in_block=Decimal(block),
            lock_time=lock, unlock_time=lock + timedelta(days=90),
        )  # fmt: skip

    response = await app_client.get("/ceramic-cache/stake/gtc", headers=APP_KEYS.headers(ALICE))

    assert response.status_code == 200
    assert response.json() == {
        "items": [
            {"chain": 11155420, "staker": ALICE, "stakee": ALICE,
             "amount": "100000000000000000000.000000000000000000",
             "lock_time": "2026-06-01T12:00:00.120000+00:00",
             "unlock_time": "2026-08-30T12:00:00.120000+00:00",
             "last_updated_in_block": 10000000},
            {"chain": 11155420, "staker": BOB, "stakee": ALICE,
             "amount": "350000000000000000000.500000000000000000",
             "lock_time": "2026-06-01T12:00:00.120000+00:00",
             "unlock_time": "2026-08-30T12:00:00.120000+00:00",
             "last_updated_in_block": 10000002},
            {"chain": 1, "staker": ALICE, "stakee": BOB, "amount": "0.000000000000000001",
             "lock_time": "2026-06-01T12:00:00.120000+00:00",
             "unlock_time": "2026-08-30T12:00:00.120000+00:00",
             "last_updated_in_block": 10000003},
        ]
    }  # fmt: skip


async def test_no_stakes_and_no_token(app_client: httpx.AsyncClient) -> None:
    response = await app_client.get("/ceramic-cache/stake/gtc", headers=APP_KEYS.headers(CAROL))
    assert (response.status_code, response.json()) == (200, {"items": []})
    response = await app_client.get(
        "/ceramic-cache/stake/gtc", headers={"Authorization": "Bearer x"}
    )
    assert response.status_code == 401
    assert (await app_client.get("/ceramic-cache/stake/gtc")).status_code == 401

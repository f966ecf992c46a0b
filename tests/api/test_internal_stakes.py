"""`/internal/stake/gtc/{address}` and `/internal/stake/legacy-gtc/{address}/{round_id}`."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx

from tests.conftest import INTERNAL_TOKEN
from tests.factories import World

AUTH = {"Authorization": INTERNAL_TOKEN}
ALICE = "0x" + "a1" * 20
ALICE_UPPER = "0x" + "A1" * 20
BOB = "0x" + "b0" * 20
CAROL = "0x" + "c0" * 20
LOCK = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
UNLOCK = datetime(2025, 4, 2, 3, 4, 5, 120000, tzinfo=UTC)
# NUMERIC(78, 18) at its widest: 60 integer digits and 18 decimals, far beyond a float.
HUGE = "9" * 59 + "8." + "123456789012345678"


async def test_stakes_made_and_received_with_exact_amounts(
    client: httpx.AsyncClient, world: World
) -> None:
    await world.stake(
        staker=ALICE,
        stakee=ALICE,
        amount="100000000000000000000",
        chain=11155420,
        lock_time=LOCK,
        unlock_time=UNLOCK,
        last_updated_in_block=10_000_000,
    )
    await world.stake(
        staker=BOB,
        stakee=ALICE_UPPER,
        amount=HUGE,
        lock_time=LOCK,
        unlock_time=UNLOCK,
        last_updated_in_block=10_000_001,
    )
    await world.stake(staker=BOB, stakee=CAROL, amount="1", lock_time=LOCK, unlock_time=UNLOCK)

    response = await client.get(f"/internal/stake/gtc/{ALICE}", headers=AUTH)

    assert response.status_code == 200
    assert response.json() == {
        "items": [
            {
                "chain": 11155420,
                "staker": ALICE,
                "stakee": ALICE,
                "amount": "100000000000000000000.000000000000000000",
                "unlock_time": "2025-04-02T03:04:05.120000+00:00",
                "lock_time": "2025-01-02T03:04:05+00:00",
                "last_updated_in_block": 10_000_000,
            },
            {
                "chain": 1,
                "staker": BOB,
                "stakee": ALICE_UPPER,
                "amount": HUGE,
                "unlock_time": "2025-04-02T03:04:05.120000+00:00",
                "lock_time": "2025-01-02T03:04:05+00:00",
                "last_updated_in_block": 10_000_001,
            },
        ]
    }
    # The raw bytes carry every digit (no float on the way).
    assert f'"amount":"{HUGE}"'.encode() in response.content


async def test_a_mixed_case_path_finds_the_same_stakes(
    client: httpx.AsyncClient, world: World
) -> None:
    await world.stake(staker=ALICE, stakee=BOB, amount="5", lock_time=LOCK, unlock_time=UNLOCK)
    response = await client.get(f"/internal/stake/gtc/{ALICE_UPPER}", headers=AUTH)
    assert [item["amount"] for item in response.json()["items"]] == ["5.000000000000000000"]


async def test_no_stakes(client: httpx.AsyncClient) -> None:
    response = await client.get(f"/internal/stake/gtc/{ALICE}", headers=AUTH)
    assert (response.status_code, response.json()) == (200, {"items": []})


async def test_stakes_refuse_an_invalid_address(client: httpx.AsyncClient) -> None:
    response = await client.get("/internal/stake/gtc/0xnothex", headers=AUTH)
    assert (response.status_code, response.json()) == (400, {"detail": "Invalid address."})


async def test_legacy_events_of_the_round(client: httpx.AsyncClient, world: World) -> None:
    own = await world.legacy_stake_event(round_id=3, staker=ALICE_UPPER, address=None, amount="5")
    received = await world.legacy_stake_event(
        round_id=3,
        staker=BOB,
        address=ALICE,
        amount="0.0000001",
        event_type="Xstake",
        staked=False,
        block_number=42,
        tx_hash="0x" + "cd" * 32,
    )
    await world.legacy_stake_event(round_id=4, staker=ALICE, address=None, amount="7")
    await world.legacy_stake_event(round_id=3, staker=BOB, address=CAROL, amount="7")

    response = await client.get(f"/internal/stake/legacy-gtc/{ALICE}/3", headers=AUTH)

    assert response.status_code == 200
    assert response.json() == {
        "results": [
            {
                "id": own,
                "event_type": "SelfStake",
                "round_id": 3,
                "staker": ALICE_UPPER,
                "address": None,
                "amount": "5.000000000000000000",
                "staked": True,
                "block_number": 1,
                "tx_hash": "0x" + "ab" * 32,
            },
            {
                # Python's `str` of the stored NUMERIC(78, 18) value.
                "id": received,
                "event_type": "Xstake",
                "round_id": 3,
                "staker": BOB,
                "address": ALICE,
                "amount": "1.00000000000E-7",
                "staked": False,
                "block_number": 42,
                "tx_hash": "0x" + "cd" * 32,
            },
        ]
    }


async def test_no_legacy_events(client: httpx.AsyncClient) -> None:
    response = await client.get(f"/internal/stake/legacy-gtc/{ALICE}/1", headers=AUTH)
    assert (response.status_code, response.json()) == (200, {"results": []})


async def test_legacy_events_refuse_bad_input(client: httpx.AsyncClient) -> None:
    bad_round = await client.get(f"/internal/stake/legacy-gtc/{ALICE}/first", headers=AUTH)
    assert bad_round.status_code == 422
    assert bad_round.json()["detail"][0]["loc"] == ["path", "round_id"]
    bad_address = await client.get("/internal/stake/legacy-gtc/0x12/1", headers=AUTH)
    assert (bad_address.status_code, bad_address.json()) == (400, {"detail": "Invalid address."})

"""`/internal/cgrants/contributor_statistics?address=`: classic grants plus protocol rounds."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import INTERNAL_TOKEN
from tests.factories import World

AUTH = {"Authorization": INTERNAL_TOKEN}
ALICE = "0x" + "a1" * 20
ALICE_UPPER = "0x" + "A1" * 20
BOB = "0x" + "b0" * 20


async def statistics(client: httpx.AsyncClient, address: str = ALICE) -> httpx.Response:
    return await client.get(
        "/internal/cgrants/contributor_statistics", params={"address": address}, headers=AUTH
    )


async def test_both_sources_add_up(client: httpx.AsyncClient, world: World) -> None:
    first, second = await world.grant(), await world.grant()
    await world.grant_contribution(first, ALICE, "5")
    await world.grant_contribution(first, ALICE_UPPER, "5")  # the same grant: counted once
    await world.grant_contribution(second, ALICE, "10")
    await world.grant_contribution(second, ALICE, "100", success=False)  # failed: left out
    await world.grant_contribution(second, BOB, "100")
    await world.protocol_contribution(ALICE, round="0xr1", project="p1", amount="10")
    await world.protocol_contribution(ALICE, round="0xr1", project="p2", amount="5")
    await world.protocol_contribution(ALICE, round="0xr2", project="p2", amount="0.95")
    await world.protocol_contribution(ALICE, round="0xr2", project="p3", amount="0.949999")

    response = await statistics(client)

    assert response.status_code == 200
    assert response.json() == {"num_grants_contribute_to": 4.0, "total_contribution_amount": 35.95}
    assert response.content == b'{"num_grants_contribute_to":4.0,"total_contribution_amount":35.95}'


async def test_squelched_rounds_are_left_out(client: httpx.AsyncClient, world: World) -> None:
    await world.protocol_contribution(ALICE, round="0xr1", project="p1", amount="1")
    await world.protocol_contribution(ALICE, round="0xr2", project="p2", amount="1")
    await world.squelch(ALICE_UPPER, round_number="1", round_eth_address="0xr1")
    await world.squelch(BOB, round_number="2", round_eth_address="0xr2")  # someone else's
    assert (await statistics(client)).json() == {
        "num_grants_contribute_to": 1.0,
        "total_contribution_amount": 1.0,
    }


@pytest.mark.parametrize(
    ("amount", "total"),
    [
        ("0.99897", 1.0),  # 0.999 (3 decimals), then 1.00
        ("1.0149", 1.02),  # 1.015 first, then half to even: 1.02 (not 1.01 in one step)
        ("2.6651", 2.66),  # 2.665 first, then half to even: 2.66 (2.67 in one step)
    ],
)
async def test_protocol_totals_round_to_3_then_2_decimals(
    client: httpx.AsyncClient, world: World, amount: str, total: float
) -> None:
    await world.protocol_contribution(ALICE, round="0xr", project="p", amount=amount)
    assert (await statistics(client)).json()["total_contribution_amount"] == total


@pytest.mark.parametrize(("amount", "total"), [("2.665", 2.66), ("2.675", 2.68)])
async def test_combined_total_rounds_half_to_even(
    client: httpx.AsyncClient, world: World, amount: str, total: float
) -> None:
    await world.grant_contribution(await world.grant(), ALICE, amount)
    assert (await statistics(client)).json()["total_contribution_amount"] == total


async def test_no_contributions(client: httpx.AsyncClient) -> None:
    response = await statistics(client, ALICE_UPPER)
    assert (response.status_code, response.json()) == (
        200,
        {"num_grants_contribute_to": 0.0, "total_contribution_amount": 0.0},
    )


async def test_missing_address_is_422(client: httpx.AsyncClient) -> None:
    response = await client.get("/internal/cgrants/contributor_statistics", headers=AUTH)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "address"]


async def test_invalid_address_is_400(client: httpx.AsyncClient) -> None:
    response = await statistics(client, "0x9965507D1a55bcC2695C58ba16FB37d819BAAA")
    assert (response.status_code, response.json()) == (400, {"detail": "Invalid address."})

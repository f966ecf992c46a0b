"""The v1 registry routes (`/registry/*`), against real rows and real signatures."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
from eth_account import Account
from eth_account.messages import encode_defunct

from passport_scorer.db import tables
from tests.conftest import WEIGHTS, Scorer
from tests.factories import World

ALICE = "0x0000000000000000000000000000000000a11ce0"
BOB = "0x0000000000000000000000000000000000b0b000"
EVIDENCE = {"type": "ThresholdScoreCheck", "success": True, "rawScore": "24", "threshold": "20"}


def signed(text: str) -> tuple[str, str]:
    """A new key's address (lower-cased) and its personal_sign signature of `text`."""
    account = Account.create()
    signature = account.sign_message(encode_defunct(text=text)).signature.hex()
    return account.address.lower(), "0x" + signature.removeprefix("0x")


async def signing_nonce(client: httpx.AsyncClient, scorer: Scorer) -> tuple[str, str]:
    response = await client.get("/registry/signing-message", headers=scorer.headers)
    assert response.status_code == 200
    body = response.json()
    return body["message"], body["nonce"]


# --- signing message ------------------------------------------------------------------------------


async def test_signing_message_stores_a_single_use_nonce(
    client: httpx.AsyncClient, scorer: Scorer, world: World
) -> None:
    message, nonce = await signing_nonce(client, scorer)

    assert re.fullmatch("[0-9a-f]{60}", nonce)
    assert message == (
        "I hereby agree to submit my address in order to score my associated Gitcoin Passport "
        f"from Ceramic.\n\nNonce: {nonce}\n"
    )
    [row] = await world.rows(tables.account_nonce, nonce=nonce)
    assert (row["was_used"], row["expires_on"]) == (False, None)


async def test_signing_message_needs_a_key(client: httpx.AsyncClient) -> None:
    response = await client.get("/registry/signing-message")
    assert (response.status_code, response.json()) == (401, {"detail": "Invalid API Key."})


# --- submit passport ------------------------------------------------------------------------------


async def test_submit_scores_the_address_and_answers_the_v1_object(
    client: httpx.AsyncClient, scorer: Scorer, world: World, creds: dict[str, Any]
) -> None:
    await world.stamps(ALICE, [creds["valid_google_alice"], creds["valid_github_alice"]])

    response = await client.post(
        "/registry/submit-passport",
        json={"address": ALICE.upper().replace("0X", "0x"), "scorer_id": scorer.community_id},
        headers=scorer.headers,
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert list(body) == [
        "address", "score", "status", "last_score_timestamp", "expiration_date", "evidence",
        "error", "stamp_scores",
    ]  # fmt: skip
    assert body["address"] == ALICE
    assert (body["score"], body["status"], body["error"]) == ("0.000000000", "DONE", None)
    assert body["evidence"] == {
        "type": "ThresholdScoreCheck", "success": False, "rawScore": 18.0, "threshold": 20.0,
    }  # fmt: skip
    assert body["stamp_scores"] == {"Google": 10.0, "Github": 8.0}
    assert datetime.fromisoformat(body["last_score_timestamp"]) <= datetime.now(UTC)
    assert body["expiration_date"].startswith("2036-")
    assert await world.count(tables.registry_event, action="SCU") == 1


async def test_submit_accepts_the_deprecated_community_and_external_ids(
    client: httpx.AsyncClient, scorer: Scorer, world: World
) -> None:
    external = await world.community(
        scorer.account_id, weights=WEIGHTS, external_scorer_id="allo-round-7"
    )
    for payload in (
        {"address": ALICE, "community": str(scorer.community_id)},
        {"address": ALICE, "scorer_id": "allo-round-7"},
    ):
        response = await client.post(
            "/registry/submit-passport", json=payload, headers=scorer.headers
        )
        assert (response.status_code, response.json()["status"]) == (200, "DONE")
    assert await world.count(tables.registry_passport, community_id=external) == 1


async def test_submit_to_a_non_binary_scorer_shows_the_raw_score(
    client: httpx.AsyncClient, scorer: Scorer, world: World, creds: dict[str, Any]
) -> None:
    community = await world.community(scorer.account_id, weights=WEIGHTS, kind="WEIGHTED")
    await world.stamps(ALICE, [creds["valid_google_alice"]])

    response = await client.post(
        "/registry/submit-passport",
        json={"address": ALICE, "scorer_id": str(community)},
        headers=scorer.headers,
    )

    body = response.json()
    assert (body["score"], body["evidence"], body["stamp_scores"]) == (
        "10.000000000",
        None,
        {"Google": 10.0},
    )


async def test_submit_with_a_signature_checks_the_signer_and_uses_the_nonce_once(
    client: httpx.AsyncClient, scorer: Scorer, world: World
) -> None:
    message, nonce = await signing_nonce(client, scorer)
    address, signature = signed(message)
    payload = {
        "address": address,
        "scorer_id": str(scorer.community_id),
        "signature": signature,
        "nonce": nonce,
    }

    first = await client.post("/registry/submit-passport", json=payload, headers=scorer.headers)
    again = await client.post("/registry/submit-passport", json=payload, headers=scorer.headers)

    assert (first.status_code, first.json()["address"]) == (200, address)
    assert (again.status_code, again.json()) == (400, {"detail": "Invalid nonce."})
    [row] = await world.rows(tables.account_nonce, nonce=nonce)
    assert row["was_used"] is True


@pytest.mark.parametrize("signature", ["other signer", "0x1234", "not hex"])
async def test_submit_refuses_a_signature_of_another_address(
    client: httpx.AsyncClient, scorer: Scorer, world: World, signature: str
) -> None:
    message, nonce = await signing_nonce(client, scorer)
    if signature == "other signer":
        _, signature = signed(message)

    response = await client.post(
        "/registry/submit-passport",
        json={"address": ALICE, "scorer_id": scorer.community_id, "signature": signature,
              "nonce": nonce},
        headers=scorer.headers,
    )  # fmt: skip

    assert (response.status_code, response.json()) == (
        400,
        {"detail": "Address does not match signature."},
    )
    [row] = await world.rows(tables.account_nonce, nonce=nonce)
    assert row["was_used"] is False
    assert await world.count(tables.registry_passport) == 0


async def test_submit_errors(client: httpx.AsyncClient, scorer: Scorer, world: World) -> None:
    async def submit(payload: object) -> tuple[int, Any]:
        response = await client.post(
            "/registry/submit-passport", json=payload, headers=scorer.headers
        )
        return response.status_code, response.json()

    assert await submit({"address": ALICE}) == (
        422,
        {"detail": "Invalid scorer_id. Please provide a valid scorer_id."},
    )
    assert await submit({"address": "0x123", "scorer_id": scorer.community_id}) == (
        400,
        {"detail": "Invalid address."},
    )
    assert await submit({"address": ALICE, "scorer_id": "9999999"}) == (
        404,
        {"detail": "No scorer matches the given criteria."},
    )
    status, body = await submit({"scorer_id": "1"})
    assert (status, body["detail"][0]["loc"]) == (422, ["body", "address"])
    status, body = await submit([1, 2])
    assert status == 422
    assert await world.count(tables.registry_passport) == 0


async def test_submit_needs_the_submit_permission(
    client: httpx.AsyncClient, scorer: Scorer, world: World
) -> None:
    await world.set_key_permissions(scorer.key, submit_passports=False)
    response = await client.post(
        "/registry/submit-passport",
        json={"address": ALICE, "scorer_id": scorer.community_id},
        headers=scorer.headers,
    )
    assert (response.status_code, response.json()) == (
        403,
        {"detail": "Invalid permissions for action."},
    )


# --- one score ------------------------------------------------------------------------------------


async def test_score_is_the_stored_row(
    client: httpx.AsyncClient, scorer: Scorer, world: World
) -> None:
    scored_at = datetime(2026, 5, 10, 7, 49, 8, 610198, tzinfo=UTC)
    await world.scored_passport(
        ALICE,
        scorer.community_id,
        evidence=EVIDENCE,
        stamp_scores={"Google": 10},
        last_score_timestamp=scored_at,
        expiration_date=scored_at + timedelta(days=90),
    )

    response = await client.get(
        f"/registry/score/{scorer.community_id}/{ALICE.upper().replace('0X', '0x')}",
        headers=scorer.headers,
    )

    assert response.status_code == 200
    assert response.json() == {
        "address": ALICE,
        "score": "1.000000000",
        "status": "DONE",
        "last_score_timestamp": "2026-05-10T07:49:08.610198+00:00",
        "expiration_date": "2026-08-08T07:49:08.610198+00:00",
        "evidence": {"type": "ThresholdScoreCheck", "success": True, "rawScore": 24.0,
                     "threshold": 20.0},
        "error": None,
        "stamp_scores": {"Google": 10},
    }  # fmt: skip


async def test_score_errors(client: httpx.AsyncClient, scorer: Scorer, world: World) -> None:
    other_account = await world.account()
    foreign = await world.community(other_account, weights=WEIGHTS)
    await world.scored_passport(ALICE, foreign)
    cases = {
        f"/registry/score/{scorer.community_id}/{BOB}": (
            400,
            {"detail": "Unable to get score for provided scorer."},
        ),
        f"/registry/score/{scorer.community_id}/0xnothex": (400, {"detail": "Invalid address."}),
        f"/registry/score/{foreign}/{ALICE}": (
            404,
            {"detail": "No Community matches the given query."},
        ),
        f"/registry/score/{2**70}/{ALICE}": (
            404,
            {"detail": "No Community matches the given query."},
        ),
    }
    for path, expected in cases.items():
        response = await client.get(path, headers=scorer.headers)
        assert (response.status_code, response.json()) == expected, path
    response = await client.get(f"/registry/score/abc/{ALICE}", headers=scorer.headers)
    assert response.status_code == 422
    response = await client.get(f"/registry/score/abc/{ALICE}")
    assert response.status_code == 401


async def test_score_needs_read_scores(
    client: httpx.AsyncClient, scorer: Scorer, world: World
) -> None:
    key = await world.api_key(scorer.account_id, read_scores=False)
    for path in (f"/registry/score/{scorer.community_id}/{ALICE}",
                 f"/registry/score/{scorer.community_id}"):  # fmt: skip
        response = await client.get(path, headers={"X-API-Key": key})
        assert (response.status_code, response.json()) == (
            403,
            {"detail": "Invalid permissions for action."},
        )


# --- a scorer's scores ----------------------------------------------------------------------------


@pytest.fixture
async def five_scores(scorer: Scorer, world: World) -> list[str]:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    addresses = [f"0x{index:040x}" for index in range(1, 6)]
    # Inserted in reverse time order, so id order and time order differ.
    for offset, address in enumerate(addresses):
        await world.scored_passport(
            address,
            scorer.community_id,
            evidence=EVIDENCE,
            last_score_timestamp=start + timedelta(days=5 - offset),
        )
    return addresses


async def scores(client: httpx.AsyncClient, scorer: Scorer, query: str) -> tuple[int, Any]:
    response = await client.get(f"/registry/score/{scorer.community_id}?{query}",
                                headers=scorer.headers)  # fmt: skip
    return response.status_code, response.json()


async def test_scores_paginate_by_limit_and_offset(
    client: httpx.AsyncClient, scorer: Scorer, five_scores: list[str]
) -> None:
    status, body = await scores(client, scorer, "limit=2&offset=2")
    assert status == 200
    assert body["count"] == 5
    assert [item["address"] for item in body["items"]] == five_scores[2:4]
    status, body = await scores(client, scorer, "")
    assert [item["address"] for item in body["items"]] == five_scores


async def test_scores_filter_and_order(
    client: httpx.AsyncClient, scorer: Scorer, five_scores: list[str]
) -> None:
    async def addresses(query: str) -> list[str]:
        status, body = await scores(client, scorer, query)
        assert status == 200
        assert body["count"] == len(body["items"])
        return [item["address"] for item in body["items"]]

    assert await addresses("order_by=last_score_timestamp") == five_scores[::-1]
    assert await addresses(f"address={five_scores[1].upper()[2:]}") == []  # exact, case aside
    assert await addresses(f"address={five_scores[1].replace('0x', '0X')}") == [five_scores[1]]
    assert await addresses("last_score_timestamp__gte=2026-01-05") == five_scores[:2]
    assert await addresses("last_score_timestamp__gt=2026-01-05T00:00:00Z") == five_scores[:1]


async def test_scores_errors(
    client: httpx.AsyncClient, scorer: Scorer, world: World, five_scores: list[str]
) -> None:
    assert await scores(client, scorer, "limit=1001") == (400, {"detail": "Invalid limit."})
    assert (await scores(client, scorer, "limit=1000"))[0] == 200
    assert await scores(client, scorer, "order_by=score") == (
        400,
        {"detail": "Invalid order_by_field value"},
    )
    too_far = "offset=1276187658579046232184236015616"  # found by `make fuzz`: was a 500
    for query in ("limit=0", "offset=-1", "limit=x", "last_score_timestamp__gt=yesterday", too_far):
        status, body = await scores(client, scorer, query)
        assert status == 422, query
        assert isinstance(body["detail"], list)
    other = await world.community(await world.account(), weights=WEIGHTS)
    response = await client.get(f"/registry/score/{other}", headers=scorer.headers)
    assert (response.status_code, response.json()) == (
        404,
        {"detail": "No Community matches the given query."},
    )


async def test_a_scorer_without_scores_has_an_empty_page(
    client: httpx.AsyncClient, scorer: Scorer
) -> None:
    assert await scores(client, scorer, "") == (200, {"items": [], "count": 0})


# --- legacy GTC stake -----------------------------------------------------------------------------


async def test_legacy_gtc_stake_needs_no_key(client: httpx.AsyncClient, world: World) -> None:
    common = {"event_type": "SelfStake", "staked": True, "block_number": 10, "tx_hash": "0xabc"}
    mine = await world.insert(
        tables.registry_gtcstakeevent, round_id=3, staker=ALICE, address=None,
        amount=Decimal("12.5"), **common,
    )  # fmt: skip
    received = await world.insert(
        tables.registry_gtcstakeevent, round_id=3, staker=BOB, address=ALICE,
        amount=Decimal("1"), **common,
    )  # fmt: skip
    await world.insert(
        tables.registry_gtcstakeevent, round_id=4, staker=ALICE, address=None,
        amount=Decimal("2"), **common,
    )  # fmt: skip

    response = await client.get(f"/registry/gtc-stake/{ALICE.replace('a', 'A')}/3")

    assert response.status_code == 200
    assert response.json() == {
        "results": [
            {"id": mine, "event_type": "SelfStake", "round_id": 3, "staker": ALICE,
             "address": None, "amount": "12.500000000000000000", "staked": True,
             "block_number": 10, "tx_hash": "0xabc"},
            {"id": received, "event_type": "SelfStake", "round_id": 3, "staker": BOB,
             "address": ALICE, "amount": "1.000000000000000000", "staked": True,
             "block_number": 10, "tx_hash": "0xabc"},
        ]
    }  # fmt: skip
    assert (await client.get(f"/registry/gtc-stake/{BOB}/{2**40}")).json() == {"results": []}


async def test_legacy_gtc_stake_errors(client: httpx.AsyncClient) -> None:
    response = await client.get("/registry/gtc-stake/0x12/3")
    assert (response.status_code, response.json()) == (400, {"detail": "Invalid address."})
    assert (await client.get(f"/registry/gtc-stake/{ALICE}/three")).status_code == 422

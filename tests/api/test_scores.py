"""`GET /v2/stamps/{scorer_id}/score/{address}`: bodies and every error row of CONTRACT §2–3."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from passport_scorer.db import tables
from passport_scorer.domain.api_keys import sha256_hash
from tests.conftest import WEIGHTS, Scorer
from tests.factories import World

ALICE = "0x0000000000000000000000000000000000a11ce0"


async def test_scores_alice_from_real_signed_stamps(
    client: httpx.AsyncClient, scorer: Scorer, world: World, fixture_credentials: dict[str, Any]
) -> None:
    creds = fixture_credentials["credentials"]
    await world.stamps(
        ALICE,
        [creds["valid_google_alice"], creds["valid_twitter_alice"], creds["valid_github_alice"]],
    )

    response = await client.get(scorer.score_path(ALICE), headers=scorer.headers)

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert list(body) == [
        "address",
        "score",
        "passing_score",
        "last_score_timestamp",
        "expiration_timestamp",
        "threshold",
        "error",
        "stamps",
        "points_data",
        "possible_points_data",
        "linked_score",
    ]
    scored_at = datetime.fromisoformat(body.pop("last_score_timestamp"))
    assert abs(scored_at - datetime.now(UTC)) < timedelta(minutes=1)
    assert body == {
        "address": ALICE,
        "score": "24.00000",
        "passing_score": True,
        "expiration_timestamp": "2036-01-01T00:00:00+00:00",
        "threshold": "20.00000",
        "error": None,
        "stamps": {
            "Google": {
                "score": "10.00000",
                "dedup": False,
                "expiration_date": "2036-01-01T00:00:00+00:00",
            },
            "Twitter": {
                "score": "6.00000",
                "dedup": False,
                "expiration_date": "2036-01-01T00:00:00+00:00",
            },
            "Github": {
                "score": "8.00000",
                "dedup": False,
                "expiration_date": "2036-01-01T00:00:00.123000+00:00",
            },
        },
        "points_data": None,
        "possible_points_data": None,
        "linked_score": None,
    }
    assert b'": ' not in response.content  # compact JSON


async def test_address_is_lowercased_and_no_stamps_scores_zero(
    client: httpx.AsyncClient, scorer: Scorer
) -> None:
    response = await client.get(
        scorer.score_path(ALICE.upper().replace("0X", "0x")), headers=scorer.headers
    )
    assert response.status_code == 200
    body = response.json()
    assert body["address"] == ALICE
    assert (body["score"], body["passing_score"], body["stamps"]) == ("0.00000", False, {})
    assert body["expiration_timestamp"] is None


# --- API key extraction and verification (CONTRACT §3) --------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"X-API-Key": ""},
        {"X-API-Key": "nodot"},
        {"X-API-Key": "unknown1.abcdefghijabcdefghijabcdefghij12"},
        {"Authorization": "OnlyOneToken"},
    ],
)
async def test_missing_or_unknown_key_is_401(
    client: httpx.AsyncClient, scorer: Scorer, headers: dict[str, str]
) -> None:
    response = await client.get(scorer.score_path(ALICE), headers=headers)
    assert response.status_code == 401
    assert response.json() == {"detail": "Invalid API Key."}


async def test_wrong_secret_for_known_prefix_is_401(
    client: httpx.AsyncClient, scorer: Scorer
) -> None:
    prefix = scorer.key.partition(".")[0]
    response = await client.get(scorer.score_path(ALICE), headers={"X-API-Key": f"{prefix}.wrong"})
    assert response.status_code == 401


@pytest.mark.parametrize("scheme", ["Token", "Bearer", "Anything"])
async def test_key_from_authorization_second_token(
    client: httpx.AsyncClient, scorer: Scorer, scheme: str
) -> None:
    response = await client.get(
        scorer.score_path(ALICE), headers={"Authorization": f"{scheme} {scorer.key}"}
    )
    assert response.status_code == 200


async def test_empty_x_api_key_falls_back_to_authorization(
    client: httpx.AsyncClient, scorer: Scorer
) -> None:
    headers = {"X-API-Key": "", "Authorization": f"Token {scorer.key}"}
    assert (await client.get(scorer.score_path(ALICE), headers=headers)).status_code == 200


async def test_x_api_key_wins_over_authorization(client: httpx.AsyncClient, scorer: Scorer) -> None:
    headers = {"X-API-Key": "bad.key", "Authorization": f"Token {scorer.key}"}
    assert (await client.get(scorer.score_path(ALICE), headers=headers)).status_code == 401


async def test_key_hashed_in_hashed_key_sha256_format(
    client: httpx.AsyncClient, scorer: Scorer, world: World
) -> None:
    key = await world.api_key(scorer.account_id, storage="sha256_hashed_key")
    response = await client.get(scorer.score_path(ALICE), headers={"X-API-Key": key})
    assert response.status_code == 200


async def test_pbkdf2_key_is_accepted_and_migrated_in_the_same_request(
    client: httpx.AsyncClient, scorer: Scorer, world: World
) -> None:
    key = await world.api_key(scorer.account_id, storage="pbkdf2")
    prefix = key.partition(".")[0]
    [before] = await world.rows(tables.account_accountapikey, prefix=prefix)
    assert before["hashed_key_sha256"] is None

    response = await client.get(scorer.score_path(ALICE), headers={"X-API-Key": key})

    assert response.status_code == 200
    [after] = await world.rows(tables.account_accountapikey, prefix=prefix)
    assert after["hashed_key_sha256"] == sha256_hash(key)
    assert after["hashed_key"] == before["hashed_key"]


async def test_pbkdf2_key_with_wrong_secret_is_401_and_not_migrated(
    client: httpx.AsyncClient, scorer: Scorer, world: World
) -> None:
    key = await world.api_key(scorer.account_id, storage="pbkdf2")
    prefix = key.partition(".")[0]
    response = await client.get(scorer.score_path(ALICE), headers={"X-API-Key": key + "x"})
    assert response.status_code == 401
    [row] = await world.rows(tables.account_accountapikey, prefix=prefix)
    assert row["hashed_key_sha256"] is None


async def test_stored_sha256_mismatch_has_no_pbkdf2_fallback(
    client: httpx.AsyncClient, scorer: Scorer, world: World
) -> None:
    # The row's PBKDF2 hash matches `key`, but its sha256 column is for another key.
    key = await world.api_key(scorer.account_id, storage="pbkdf2")
    prefix = key.partition(".")[0]
    async with world.transaction() as conn:
        await conn.execute(
            tables.account_accountapikey.update()
            .where(tables.account_accountapikey.c.prefix == prefix)
            .values(hashed_key_sha256=sha256_hash("other.key"))
        )
    response = await client.get(scorer.score_path(ALICE), headers={"X-API-Key": key})
    assert response.status_code == 401


async def test_revoked_key_is_401(client: httpx.AsyncClient, scorer: Scorer, world: World) -> None:
    key = await world.api_key(scorer.account_id, revoked=True)
    response = await client.get(scorer.score_path(ALICE), headers={"X-API-Key": key})
    assert (response.status_code, response.json()) == (401, {"detail": "Invalid API Key."})


async def test_expired_key_is_401_and_unexpired_key_works(
    client: httpx.AsyncClient, scorer: Scorer, world: World
) -> None:
    now = datetime.now(UTC)
    expired = await world.api_key(scorer.account_id, expiry_date=now - timedelta(seconds=1))
    current = await world.api_key(scorer.account_id, expiry_date=now + timedelta(days=1))
    assert (
        await client.get(scorer.score_path(ALICE), headers={"X-API-Key": expired})
    ).status_code == 401
    assert (
        await client.get(scorer.score_path(ALICE), headers={"X-API-Key": current})
    ).status_code == 200


async def test_key_without_read_scores_is_403(
    client: httpx.AsyncClient, scorer: Scorer, world: World
) -> None:
    key = await world.api_key(scorer.account_id, read_scores=False)
    response = await client.get(scorer.score_path(ALICE), headers={"X-API-Key": key})
    assert response.status_code == 403
    assert response.json() == {"detail": "API key lacks the read_scores permission."}


# --- Scorer lookup --------------------------------------------------------------------------------


async def test_another_accounts_community_is_404(
    client: httpx.AsyncClient, scorer: Scorer, world: World
) -> None:
    other_account = await world.account()
    other_community = await world.community(other_account, weights=WEIGHTS)
    response = await client.get(scorer.score_path(ALICE, other_community), headers=scorer.headers)
    assert response.status_code == 404
    assert response.json() == {"detail": "No scorer matches the given criteria."}


@pytest.mark.parametrize("scorer_id", ["999999", "9223372036854775807", "99999999999999999999999"])
async def test_unknown_or_out_of_range_scorer_id_is_404(
    client: httpx.AsyncClient, scorer: Scorer, scorer_id: str
) -> None:
    response = await client.get(scorer.score_path(ALICE, scorer_id), headers=scorer.headers)
    assert response.status_code == 404
    assert response.json() == {"detail": "No scorer matches the given criteria."}


async def test_external_scorer_id_is_matched_before_id(
    client: httpx.AsyncClient, scorer: Scorer, world: World
) -> None:
    # Community B's external id is community A's id: the external id wins.
    external = str(scorer.community_id)
    community_b = await world.community(
        scorer.account_id, weights={"Google": "1.5"}, threshold="1", external_scorer_id=external
    )
    assert community_b != scorer.community_id
    await client.get(scorer.score_path(ALICE), headers=scorer.headers)
    passports = await world.rows(tables.registry_passport, address=ALICE)
    assert [row["community_id"] for row in passports] == [community_b]


async def test_non_integer_scorer_id_is_422_after_authentication(
    client: httpx.AsyncClient, scorer: Scorer
) -> None:
    response = await client.get(scorer.score_path(ALICE, "abc"), headers=scorer.headers)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["type"] == "int_parsing"
    assert error["loc"] == ["path", "scorer_id"]
    unauthenticated = await client.get(
        scorer.score_path(ALICE, "abc"), headers={"X-API-Key": "x.y"}
    )
    assert unauthenticated.status_code == 401


async def test_negative_scorer_id_is_404_without_a_demo_scorer(
    client: httpx.AsyncClient, scorer: Scorer
) -> None:
    response = await client.get(scorer.score_path(ALICE, -1), headers=scorer.headers)
    assert response.status_code == 404


@pytest.mark.parametrize(
    "address",
    [
        "0x123",
        "0000000000000000000000000000000000a11ce0",  # no 0x prefix (the reference accepts it)
        "0x0000000000000000000000000000000000a11ceg",
        "0x0000000000000000000000000000000000a11ce00",
        "not-an-address",
        " 0x0000000000000000000000000000000000a11ce0",  # surrounding space, as the reference
    ],
)
async def test_invalid_address_is_400_after_scorer_lookup(
    client: httpx.AsyncClient, scorer: Scorer, address: str
) -> None:
    response = await client.get(scorer.score_path(address), headers=scorer.headers)
    assert (response.status_code, response.json()) == (400, {"detail": "Invalid address."})
    missing_scorer = await client.get(scorer.score_path(address, 999999), headers=scorer.headers)
    assert missing_scorer.status_code == 404

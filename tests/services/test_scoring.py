"""Scoring end to end: which stamps count, what is stored, decimals, and failures."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
from sqlalchemy import delete, select

from passport_scorer.db import tables
from passport_scorer.demo.issuer import Ed25519Issuer, EthereumIssuer
from tests.conftest import INTERNAL_TOKEN, Scorer, score
from tests.factories import World

ALICE = "0x0000000000000000000000000000000000a11ce0"
BOB = "0x0000000000000000000000000000000000b0b000"
OTHER_SECRET = "aa" * 32


# --- Which stamps count ---------------------------------------------------------------------------


async def test_expired_stamp_is_dropped(
    client: httpx.AsyncClient, scorer: Scorer, world: World, creds: dict[str, Any]
) -> None:
    await world.stamps(ALICE, [creds["valid_google_alice"], creds["expired_linkedin_alice"]])
    body = await score(client, scorer, ALICE)
    assert list(body["stamps"]) == ["Google"]
    assert body["score"] == "10.00000"


async def test_untrusted_issuer_is_dropped(
    client: httpx.AsyncClient, scorer: Scorer, world: World, creds: dict[str, Any]
) -> None:
    stranger = EthereumIssuer(OTHER_SECRET)
    untrusted = await stranger.issue(ALICE, "Twitter")
    await world.stamps(ALICE, [creds["valid_google_alice"], untrusted])
    body = await score(client, scorer, ALICE)
    assert list(body["stamps"]) == ["Google"]


async def test_stamp_for_another_subject_is_dropped(
    client: httpx.AsyncClient, scorer: Scorer, world: World, creds: dict[str, Any]
) -> None:
    await world.stamps(ALICE, [creds["valid_google_bob_same_nullifier_as_alice"]])
    body = await score(client, scorer, ALICE)
    assert body["stamps"] == {}


@pytest.mark.parametrize("name", ["tampered_provider_alice", "tampered_expiry_alice"])
async def test_tampered_proof_is_dropped(
    client: httpx.AsyncClient, scorer: Scorer, world: World, creds: dict[str, Any], name: str
) -> None:
    await world.stamps(ALICE, [creds[name]], provider="Twitter")
    body = await score(client, scorer, ALICE)
    assert body["stamps"] == {}
    assert body["error"] is None


async def test_proof_tampered_after_a_cached_verification_is_still_dropped(
    client: httpx.AsyncClient, scorer: Scorer, world: World, creds: dict[str, Any]
) -> None:
    """The verification cache is keyed by the whole credential, not by its proof value."""
    google = creds["valid_google_alice"]
    await world.stamps(ALICE, [google])
    assert (await score(client, scorer, ALICE))["score"] == "10.00000"
    forged = copy.deepcopy(google)
    forged["credentialSubject"]["provider"] = "Github"  # same proof, different claims
    await world.stamps(ALICE, [forged], provider="Github")
    body = await score(client, scorer, ALICE)
    assert list(body["stamps"]) == ["Google"]


async def test_stamp_without_nullifiers_is_dropped(
    client: httpx.AsyncClient, scorer: Scorer, world: World, issuer: EthereumIssuer
) -> None:
    empty = await issuer.issue(ALICE, "Google", nullifiers=[])
    await world.stamps(ALICE, [empty])
    assert (await score(client, scorer, ALICE))["stamps"] == {}


@pytest.mark.parametrize("expiry", [None, "not-a-date", "2036-01-01T00:00:00", 1234])
async def test_missing_or_unparsable_expiry_skips_the_stamp_without_error(
    client: httpx.AsyncClient, scorer: Scorer, world: World, creds: dict[str, Any], expiry: Any
) -> None:
    broken = creds["valid_twitter_alice"]
    if expiry is None:
        del broken["expirationDate"]
    else:
        broken["expirationDate"] = expiry
    await world.stamps(ALICE, [creds["valid_google_alice"], broken])
    body = await score(client, scorer, ALICE)
    assert body["error"] is None
    assert list(body["stamps"]) == ["Google"]


async def test_deleted_and_revoked_rows_are_ignored(
    client: httpx.AsyncClient, scorer: Scorer, world: World, creds: dict[str, Any]
) -> None:
    await world.stamps(ALICE, [creds["valid_google_alice"]], deleted=True)
    await world.stamps(ALICE, [creds["valid_twitter_alice"]], revoked=True)
    await world.stamps(ALICE, [creds["valid_github_alice"]])
    assert list((await score(client, scorer, ALICE))["stamps"]) == ["Github"]


async def test_latest_row_per_provider_is_used(
    client: httpx.AsyncClient, scorer: Scorer, world: World, issuer: EthereumIssuer
) -> None:
    now = datetime.now(UTC)
    older = await issuer.issue(ALICE, "Google", expires=now + timedelta(days=10))
    newer = await issuer.issue(ALICE, "Google", expires=now + timedelta(days=20))
    await world.stamps(ALICE, [newer], type=2, updated_at=now)
    await world.stamps(ALICE, [older], type=1, updated_at=now - timedelta(hours=1))
    body = await score(client, scorer, ALICE)
    assert body["stamps"]["Google"]["expiration_date"] == newer["expirationDate"].replace(
        "Z", "+00:00"
    )


async def test_ed25519_did_key_stamps_and_legacy_hash_count(
    client: httpx.AsyncClient, scorer: Scorer, world: World, ed25519_issuer: Ed25519Issuer
) -> None:
    with_hash = await ed25519_issuer.issue(ALICE, "Google", hash="v0.0.0:legacy-google-hash")
    with_nullifiers = await ed25519_issuer.issue(ALICE, "Twitter")
    await world.stamps(ALICE, [with_hash, with_nullifiers])
    body = await score(client, scorer, ALICE)
    assert body["score"] == "16.00000"
    links = await world.rows(tables.registry_hashscorerlink, address=ALICE)
    assert {link["hash"] for link in links} == {
        "v0.0.0:legacy-google-hash",
        f"v0.0.0:Twitter:{ALICE}",
    }


async def test_ed25519_stamp_from_untrusted_did_key_is_dropped(
    client: httpx.AsyncClient, scorer: Scorer, world: World
) -> None:
    stamp = await Ed25519Issuer().issue(ALICE, "Google")
    await world.stamps(ALICE, [stamp])
    assert (await score(client, scorer, ALICE))["stamps"] == {}


async def test_weights_follow_the_cache_provider_column(
    client: httpx.AsyncClient, scorer: Scorer, world: World, issuer: EthereumIssuer
) -> None:
    stamp = await issuer.issue(ALICE, "NotWeighted")
    await world.stamps(ALICE, [stamp], provider="Github")
    body = await score(client, scorer, ALICE)
    assert body["stamps"] == {
        "Github": {
            "score": "8.00000",
            "dedup": False,
            "expiration_date": body["expiration_timestamp"],
        }
    }


# --- What is stored -------------------------------------------------------------------------------


async def test_scoring_writes_the_reference_rows(
    client: httpx.AsyncClient, scorer: Scorer, world: World, creds: dict[str, Any]
) -> None:
    stamps = [
        creds["valid_google_alice"],
        creds["valid_twitter_alice"],
        creds["valid_github_alice"],
    ]
    await world.stamps(ALICE, stamps)

    body = await score(client, scorer, ALICE)

    [passport] = await world.rows(tables.registry_passport, address=ALICE)
    assert passport["community_id"] == scorer.community_id
    assert passport["requires_calculation"] is None
    stored_stamps = await world.rows(tables.registry_stamp, passport_id=passport["id"])
    assert [(row["provider"], row["credential"]) for row in stored_stamps] == [
        (s["credentialSubject"]["provider"], s) for s in stamps
    ]
    [row] = await world.rows(tables.registry_score, passport_id=passport["id"])
    assert row["score"] == Decimal("1")
    assert row["status"] == "DONE"
    assert row["error"] is None
    assert row["evidence"] == {
        "type": "ThresholdScoreCheck",
        "success": True,
        "rawScore": "24.0",
        "threshold": "20.00000",
    }
    assert row["stamp_scores"] == {"Google": 10.0, "Twitter": 6.0, "Github": 8.0}
    assert row["stamps"] == body["stamps"]
    assert row["expiration_date"] == datetime(2036, 1, 1, tzinfo=UTC)
    assert row["last_score_timestamp"] == datetime.fromisoformat(body["last_score_timestamp"])

    links = await world.rows(tables.registry_hashscorerlink, community_id=scorer.community_id)
    assert sorted((link["hash"], link["address"], link["expires_at"]) for link in links) == sorted(
        (
            s["credentialSubject"]["nullifiers"][0],
            ALICE,
            datetime.fromisoformat(s["expirationDate"]),
        )
        for s in stamps
    )

    [event] = await world.rows(tables.registry_event, address=ALICE)
    assert event["action"] == "SCU"
    assert event["community_id"] == scorer.community_id
    assert event["data"] == {
        "model": "registry.score",
        "pk": row["id"],
        "fields": {
            "passport": passport["id"],
            "score": "1",
            "last_score_timestamp": event["data"]["fields"]["last_score_timestamp"],
            "status": "DONE",
            "error": None,
            "evidence": row["evidence"],
            "stamp_scores": row["stamp_scores"],
            "stamps": row["stamps"],
            "expiration_date": "2036-01-01T00:00:00Z",
        },
    }
    scored_at = event["data"]["fields"]["last_score_timestamp"]
    assert scored_at.endswith("Z") and len(scored_at) in (20, 24)  # Django: milliseconds, Z


async def test_rescoring_keeps_one_passport_score_and_stamp_set(
    client: httpx.AsyncClient, scorer: Scorer, world: World, creds: dict[str, Any]
) -> None:
    await world.stamps(ALICE, [creds["valid_google_alice"], creds["valid_twitter_alice"]])
    first = await score(client, scorer, ALICE)
    second = await score(client, scorer, ALICE)
    assert first["stamps"] == second["stamps"]
    assert await world.count(tables.registry_passport) == 1
    assert await world.count(tables.registry_score) == 1
    assert await world.count(tables.registry_stamp) == 2
    assert await world.count(tables.registry_hashscorerlink) == 2
    assert await world.count(tables.registry_event, action="SCU") == 2


async def test_failing_score_is_stored_with_score_zero(
    client: httpx.AsyncClient, scorer: Scorer, world: World, creds: dict[str, Any]
) -> None:
    await world.stamps(ALICE, [creds["valid_twitter_alice"]])
    body = await score(client, scorer, ALICE)
    assert (body["score"], body["passing_score"]) == ("6.00000", False)
    [row] = await world.rows(tables.registry_score)
    assert row["score"] == Decimal("0")
    assert row["evidence"]["success"] is False


# --- Decimal arithmetic ---------------------------------------------------------------------------


async def test_float_weights_sum_exactly(
    client: httpx.AsyncClient, world: World, issuer: EthereumIssuer
) -> None:
    account = await world.account()
    community = await world.community(account, weights={"A": 0.1, "B": 0.7}, threshold="0.8")
    key = await world.api_key(account)
    await world.stamps(ALICE, [await issuer.issue(ALICE, "A"), await issuer.issue(ALICE, "B")])
    response = await client.get(f"/v2/stamps/{community}/score/{ALICE}", headers={"X-API-Key": key})
    body = response.json()
    assert (body["score"], body["threshold"], body["passing_score"]) == ("0.80000", "0.80000", True)
    [row] = await world.rows(tables.registry_score)
    assert row["evidence"]["rawScore"] == "0.8"
    assert row["score"] == Decimal("1")


@pytest.mark.parametrize(
    ("weights", "expected_total", "expected_stamp"),
    [
        ({"A": "0.000005"}, "0.00000", "0.00000"),  # half-even: down to the even digit
        ({"A": "0.000015"}, "0.00002", "0.00002"),  # half-even: up to the even digit
        ({"A": "0.0000125", "B": "0.0000125"}, "0.00002", "0.00001"),  # 0.000025 → 0.00002
        ({"A": "2.345675"}, "2.34568", "2.34568"),
    ],
)
async def test_five_decimals_round_half_even(
    client: httpx.AsyncClient,
    world: World,
    issuer: EthereumIssuer,
    weights: dict[str, str],
    expected_total: str,
    expected_stamp: str,
) -> None:
    account = await world.account()
    community = await world.community(account, weights=weights, threshold="0")
    key = await world.api_key(account)
    await world.stamps(ALICE, [await issuer.issue(ALICE, provider) for provider in weights])
    response = await client.get(f"/v2/stamps/{community}/score/{ALICE}", headers={"X-API-Key": key})
    body = response.json()
    assert body["score"] == expected_total
    assert body["stamps"]["A"]["score"] == expected_stamp


async def test_weighted_scorer_kind_reads_its_own_table(
    client: httpx.AsyncClient, world: World, issuer: EthereumIssuer
) -> None:
    account = await world.account()
    community = await world.community(account, weights={"A": "3"}, threshold="2", kind="WEIGHTED")
    key = await world.api_key(account)
    await world.stamps(ALICE, [await issuer.issue(ALICE, "A")])
    response = await client.get(f"/v2/stamps/{community}/score/{ALICE}", headers={"X-API-Key": key})
    assert response.json()["score"] == "3.00000"
    assert response.json()["passing_score"] is True


# --- Failures inside scoring ----------------------------------------------------------------------


async def test_scoring_failure_answers_200_with_error_and_stores_error(
    client: httpx.AsyncClient, world: World, creds: dict[str, Any]
) -> None:
    account = await world.account()
    community = await world.community(account, weights={"Google": "1"}, rule="FIFO")
    key = await world.api_key(account)
    await world.stamps(ALICE, [creds["valid_google_alice"]])

    response = await client.get(f"/v2/stamps/{community}/score/{ALICE}", headers={"X-API-Key": key})

    assert response.status_code == 200
    assert response.json() == {
        "address": ALICE,
        "score": "0.00000",
        "passing_score": False,
        "last_score_timestamp": None,
        "expiration_timestamp": None,
        "threshold": "20.00000",
        "error": "Invalid rule",
        "stamps": {},
        "points_data": None,
        "possible_points_data": None,
        "linked_score": None,
    }
    [row] = await world.rows(tables.registry_score)
    assert (row["status"], row["error"], row["score"], row["evidence"]) == (
        "ERROR",
        "Invalid rule",
        None,
        None,
    )
    # Nothing of the failed scoring stays behind: no links, no stamps, no events.
    assert await world.count(tables.registry_hashscorerlink) == 0
    assert await world.count(tables.registry_stamp) == 0
    assert await world.count(tables.registry_event) == 0
    internal = await client.get(
        f"/internal/score/v2/{community}/{ALICE}", headers={"Authorization": INTERNAL_TOKEN}
    )
    assert (internal.status_code, internal.json()) == (
        500,
        {"detail": "Failed to calculate score."},
    )


async def test_null_weights_are_a_scoring_error(
    client: httpx.AsyncClient, world: World, creds: dict[str, Any]
) -> None:
    account = await world.account()
    community = await world.community(account, weights=None)
    key = await world.api_key(account)
    response = await client.get(f"/v2/stamps/{community}/score/{ALICE}", headers={"X-API-Key": key})
    assert response.status_code == 200
    assert response.json()["error"] == "Scorer has no weights configured."


async def test_a_scorer_without_its_weights_row_is_a_scoring_error(
    client: httpx.AsyncClient, world: World
) -> None:
    account = await world.account()
    community = await world.community(account, weights={"Google": "1"})
    async with world.transaction() as conn:
        scorer_id = (
            await conn.execute(
                select(tables.account_community.c.scorer_id).where(
                    tables.account_community.c.id == community
                )
            )
        ).scalar_one()
        await conn.execute(
            delete(tables.scorer_weighted_binaryweightedscorer).where(
                tables.scorer_weighted_binaryweightedscorer.c.scorer_ptr_id == scorer_id
            )
        )
    key = await world.api_key(account)
    response = await client.get(f"/v2/stamps/{community}/score/{ALICE}", headers={"X-API-Key": key})
    assert response.status_code == 200
    assert response.json()["error"] == "Scorer configuration not found."
    [row] = await world.rows(tables.registry_score)
    assert (row["status"], row["error"]) == ("ERROR", "Scorer configuration not found.")


async def test_an_unexpected_failure_inside_scoring_is_stored_as_error(
    client: httpx.AsyncClient, scorer: Scorer, world: World, issuer: EthereumIssuer
) -> None:
    # Valid and signed, but its expiry is past what a timestamp column can hold in UTC.
    stamp = await issuer.issue(ALICE, "Google", expires="9999-12-31T23:00:00-05:00")
    await world.stamps(ALICE, [stamp])
    response = await client.get(scorer.score_path(ALICE), headers=scorer.headers)
    assert response.status_code == 200
    body = response.json()
    assert body["error"]
    assert (body["score"], body["stamps"]) == ("0.00000", {})
    [row] = await world.rows(tables.registry_score)
    assert (row["status"], row["error"]) == ("ERROR", body["error"])

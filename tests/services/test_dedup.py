"""LIFO deduplication through real scorings (`scoring.md` §4 cases)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import update

from passport_scorer.app import create_app
from passport_scorer.db import tables
from passport_scorer.demo.issuer import Ed25519Issuer, EthereumIssuer
from passport_scorer.services.container import Services
from tests.conftest import WEIGHTS, Scorer, make_settings
from tests.conftest import score as score_200
from tests.factories import World

ALICE = "0x0000000000000000000000000000000000a11ce0"
BOB = "0x0000000000000000000000000000000000b0b000"
CAROL = "0x00000000000000000000000000000000000ca401"
DAVE = "0x0000000000000000000000000000000000da7e00"


async def score(client: httpx.AsyncClient, scorer: Scorer, address: str) -> dict[str, Any]:
    body = await score_200(client, scorer, address)
    assert body["error"] is None
    return body


async def test_clash_deduplicates_the_later_address(
    client: httpx.AsyncClient, scorer: Scorer, world: World, creds: dict[str, Any]
) -> None:
    await world.stamps(ALICE, [creds["valid_google_alice"]])
    await world.stamps(BOB, [creds["valid_google_bob_same_nullifier_as_alice"]])
    alice_first = await score(client, scorer, ALICE)

    bob = await score(client, scorer, BOB)

    assert bob["score"] == "0.00000"
    assert bob["expiration_timestamp"] is None
    assert bob["stamps"] == {
        "Google": {"score": "0.00000", "dedup": True, "expiration_date": "2036-06-01T00:00:00Z"}
    }
    [ldp] = await world.rows(tables.registry_event, action="LDP")
    assert ldp["address"] == BOB
    assert ldp["community_id"] == scorer.community_id
    assert ldp["data"] == {
        "nullifiers": [f"v0.0.0:Google:{ALICE}:fixture"],
        "provider": "Google",
        "community_id": scorer.community_id,
    }
    # Bob's passport holds no stamp; Alice keeps hers and her link.
    [bob_passport] = await world.rows(tables.registry_passport, address=BOB)
    assert await world.count(tables.registry_stamp, passport_id=bob_passport["id"]) == 0
    [link] = await world.rows(tables.registry_hashscorerlink)
    assert link["address"] == ALICE
    alice_again = await score(client, scorer, ALICE)
    assert alice_again["stamps"] == alice_first["stamps"]


async def test_the_same_address_is_never_deduplicated_against_itself(
    client: httpx.AsyncClient, scorer: Scorer, world: World, issuer: EthereumIssuer
) -> None:
    shared = f"v0.0.0:shared:{ALICE}"
    await world.stamps(
        ALICE,
        [
            await issuer.issue(ALICE, "Google", nullifiers=[shared]),
            await issuer.issue(ALICE, "Twitter", nullifiers=[shared]),
        ],
    )
    body = await score(client, scorer, ALICE)
    assert body["score"] == "16.00000"
    assert [entry["dedup"] for entry in body["stamps"].values()] == [False, False]
    await score(client, scorer, ALICE)
    assert await world.count(tables.registry_hashscorerlink) == 1


async def test_expired_link_is_taken_over(
    client: httpx.AsyncClient, scorer: Scorer, world: World, creds: dict[str, Any]
) -> None:
    await world.stamps(ALICE, [creds["valid_google_alice"]])
    await world.stamps(BOB, [creds["valid_google_bob_same_nullifier_as_alice"]])
    await score(client, scorer, ALICE)
    async with world.transaction() as conn:
        await conn.execute(
            update(tables.registry_hashscorerlink).values(
                expires_at=datetime.now(UTC) - timedelta(seconds=1)
            )
        )

    bob = await score(client, scorer, BOB)

    assert bob["stamps"]["Google"]["dedup"] is False
    assert bob["score"] == "10.00000"
    [link] = await world.rows(tables.registry_hashscorerlink)
    assert (link["address"], link["expires_at"]) == (BOB, datetime(2036, 6, 1, tzinfo=UTC))
    alice = await score(client, scorer, ALICE)
    assert alice["stamps"]["Google"] == {
        "score": "0.00000",
        "dedup": True,
        "expiration_date": "2036-01-01T00:00:00Z",
    }


async def test_owner_renewal_moves_the_link_expiry(
    client: httpx.AsyncClient, scorer: Scorer, world: World, issuer: EthereumIssuer
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    nullifier = f"v0.0.0:Google:{ALICE}"
    [row_id] = await world.stamps(
        ALICE, [await issuer.issue(ALICE, "Google", expires=now + timedelta(days=5))]
    )
    await score(client, scorer, ALICE)
    async with world.transaction() as conn:
        await conn.execute(
            update(tables.ceramic_cache_ceramiccache)
            .where(tables.ceramic_cache_ceramiccache.c.id == row_id)
            .values(deleted_at=now)
        )
    await world.stamps(
        ALICE, [await issuer.issue(ALICE, "Google", expires=now + timedelta(days=50))]
    )

    await score(client, scorer, ALICE)

    [link] = await world.rows(tables.registry_hashscorerlink, hash=nullifier)
    assert (link["address"], link["expires_at"]) == (ALICE, now + timedelta(days=50))


async def test_deduplication_is_per_community(
    client: httpx.AsyncClient, scorer: Scorer, world: World, creds: dict[str, Any]
) -> None:
    other = Scorer(
        scorer.account_id,
        await world.community(scorer.account_id, weights=WEIGHTS),
        scorer.key,
    )
    await world.stamps(ALICE, [creds["valid_google_alice"]])
    await world.stamps(BOB, [creds["valid_google_bob_same_nullifier_as_alice"]])
    await score(client, scorer, ALICE)

    bob_elsewhere = await score(client, other, BOB)

    assert bob_elsewhere["stamps"]["Google"]["dedup"] is False
    assert await world.count(tables.registry_hashscorerlink) == 2
    alice_elsewhere = await score(client, other, ALICE)
    assert alice_elsewhere["stamps"]["Google"]["dedup"] is True


async def test_legacy_hash_stamps_deduplicate(
    client: httpx.AsyncClient, scorer: Scorer, world: World, ed25519_issuer: Ed25519Issuer
) -> None:
    await world.stamps(ALICE, [await ed25519_issuer.issue(ALICE, "Google", hash="v0.0.0:legacy")])
    await world.stamps(BOB, [await ed25519_issuer.issue(BOB, "Google", hash="v0.0.0:legacy")])
    await score(client, scorer, ALICE)
    bob = await score(client, scorer, BOB)
    assert bob["stamps"]["Google"]["dedup"] is True
    [ldp] = await world.rows(tables.registry_event, action="LDP")
    assert ldp["data"]["nullifiers"] == ["v0.0.0:legacy"]


async def _scorer_with_flag(services: Services, scorer: Scorer, flag: str) -> httpx.AsyncClient:
    settings = make_settings(services.settings.DATABASE_URL, FF_MULTI_NULLIFIER=flag)
    app = create_app(services=Services.build(settings, db=services.db))
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://scorer.test")


async def test_multi_nullifier_off_ignores_a_clash_on_v1(
    services: Services, scorer: Scorer, world: World, creds: dict[str, Any], issuer: EthereumIssuer
) -> None:
    await world.stamps(
        CAROL, [await issuer.issue(CAROL, "Discord", nullifiers=["v1.0.0:Discord:other"])]
    )
    await world.stamps(BOB, [creds["valid_multi_nullifier_bob"]])
    async with await _scorer_with_flag(services, scorer, "off") as client:
        carol = await score(client, scorer, CAROL)
        bob = await score(client, scorer, BOB)
    # Carol's only nullifier is not v0: her stamp counts but claims nothing.
    assert carol["stamps"]["Discord"]["dedup"] is False
    assert bob["stamps"]["Discord"]["dedup"] is False
    links = await world.rows(tables.registry_hashscorerlink)
    assert [(link["hash"], link["address"]) for link in links] == [("v0.0.0:Discord:shared", BOB)]


async def test_multi_nullifier_on_clashes_on_v1_and_backfills(
    services: Services, scorer: Scorer, world: World, creds: dict[str, Any], issuer: EthereumIssuer
) -> None:
    carol_stamp = await issuer.issue(CAROL, "Discord", nullifiers=["v1.0.0:Discord:other"])
    await world.stamps(CAROL, [carol_stamp])
    await world.stamps(BOB, [creds["valid_multi_nullifier_bob"]])
    await world.stamps(
        DAVE, [await issuer.issue(DAVE, "Discord", nullifiers=["v0.0.0:Discord:shared"])]
    )
    async with await _scorer_with_flag(services, scorer, "on") as client:
        await score(client, scorer, CAROL)
        bob = await score(client, scorer, BOB)
        dave = await score(client, scorer, DAVE)

    assert bob["stamps"]["Discord"]["dedup"] is True
    # Bob's unlinked v0 nullifier was linked to Carol (the clashing owner), so Dave clashes too.
    links = {link["hash"]: link for link in await world.rows(tables.registry_hashscorerlink)}
    assert links["v0.0.0:Discord:shared"]["address"] == CAROL
    assert (
        links["v0.0.0:Discord:shared"]["expires_at"] == links["v1.0.0:Discord:other"]["expires_at"]
    )
    assert dave["stamps"]["Discord"]["dedup"] is True
    ldp = await world.rows(tables.registry_event, action="LDP")
    assert [(event["address"], event["data"]["nullifiers"]) for event in ldp] == [
        (BOB, ["v0.0.0:Discord:shared", "v1.0.0:Discord:other"]),
        (DAVE, ["v0.0.0:Discord:shared"]),
    ]

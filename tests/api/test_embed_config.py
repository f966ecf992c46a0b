"""`GET /internal/embed/validate-api-key` (the partner's key) and `GET /internal/embed/config`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import httpx
import pytest

from passport_scorer.app import create_app
from passport_scorer.db import tables
from passport_scorer.services.container import Services
from tests.conftest import Scorer, make_settings
from tests.factories import World

ADDRESS = "0x" + "1" * 40


# --- validate-api-key ---------------------------------------------------------------------------


@pytest.mark.parametrize("limit", ["350/15m", "", None])
async def test_a_partner_key_answers_its_embed_rate_limit(
    client: httpx.AsyncClient, world: World, limit: str | None
) -> None:
    key = await world.api_key(await world.account(), embed_rate_limit=limit, read_scores=False)
    for headers in ({"X-API-Key": key}, {"Authorization": f"Token {key}"}):
        response = await client.get("/internal/embed/validate-api-key", headers=headers)
        assert (response.status_code, response.json()) == (200, {"embed_rate_limit": limit})


async def test_a_pbkdf2_key_is_accepted_and_migrated(
    client: httpx.AsyncClient, world: World
) -> None:
    key = await world.api_key(await world.account(), storage="pbkdf2")
    response = await client.get("/internal/embed/validate-api-key", headers={"X-API-Key": key})
    assert (response.status_code, response.json()) == (200, {"embed_rate_limit": "125/15m"})
    (row,) = await world.rows(tables.account_accountapikey, prefix=key.partition(".")[0])
    assert row["hashed_key_sha256"] is not None


async def test_unusable_keys_are_401(client: httpx.AsyncClient, world: World) -> None:
    account = await world.account()
    valid = await world.api_key(account)
    revoked = await world.api_key(account, revoked=True)
    expired = await world.api_key(account, expiry_date=datetime.now(UTC) - timedelta(minutes=1))
    for headers in (
        {},
        {"X-API-Key": ""},
        {"X-API-Key": revoked},
        {"X-API-Key": expired},
        {"X-API-Key": valid[:-1] + ("x" if valid[-1] != "x" else "y")},
        {"X-API-Key": "nosuchkey.secret"},
    ):
        response = await client.get("/internal/embed/validate-api-key", headers=headers)
        assert (response.status_code, response.json()) == (401, {"detail": "Invalid API Key."})


@pytest.fixture
async def limited_client(services: Services) -> AsyncIterator[httpx.AsyncClient]:
    settings = make_settings(services.settings.DATABASE_URL, RATELIMIT_ENABLE="on")
    app = create_app(services=Services.build(settings, db=services.db))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        yield c


async def test_the_embed_rate_limit_is_its_own_budget(
    limited_client: httpx.AsyncClient, world: World, scorer: Scorer
) -> None:
    key = await world.api_key(scorer.account_id, embed_rate_limit="3/15m")
    headers = {"X-API-Key": key}
    statuses = [
        (await limited_client.get("/internal/embed/validate-api-key", headers=headers)).status_code
        for _ in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    over = await limited_client.get("/internal/embed/validate-api-key", headers=headers)
    assert over.json() == {"detail": "You have been rate limited!"}
    assert 1 <= int(over.headers["retry-after"]) <= 900
    # The key's score budget (`rate_limit`, 125/15m) is untouched by its embed calls.
    score = await limited_client.get(scorer.score_path(ADDRESS), headers=headers)
    assert score.status_code == 200


async def test_an_unlimited_embed_key_is_never_limited(
    limited_client: httpx.AsyncClient, world: World
) -> None:
    key = await world.api_key(await world.account(), embed_rate_limit="")
    for _ in range(130):
        response = await limited_client.get(
            "/internal/embed/validate-api-key", headers={"X-API-Key": key}
        )
        assert response.status_code == 200


# --- config ---------------------------------------------------------------------------------------


async def config(client: httpx.AsyncClient, community_id: object) -> httpx.Response:
    return await client.get("/internal/embed/config", params={"community_id": str(community_id)})


async def test_weights_and_sections_in_their_order(client: httpx.AsyncClient, world: World) -> None:
    account = await world.account()
    community = await world.community(account, weights={"Google": "10.5", "Github": 7})
    other = await world.community(account, weights={"Google": "1"})
    customization = await world.customization(community)
    other_customization = await world.customization(other)
    social = await world.embed_section(customization, "Social", 2)
    blockchain = await world.embed_section(customization, "Blockchain", 1)
    government = await world.embed_section(customization, "Government", 1)  # ties: by id
    unordered = await world.embed_section(other_customization, "Elsewhere", 1)
    await world.embed_platform(customization, social, "Discord", 2)
    await world.embed_platform(customization, social, "Github", 1)
    await world.embed_platform(customization, social, "Twitter", 1)  # ties: by id
    await world.embed_platform(customization, blockchain, "ETH", 0)
    # Placed in a section this customization does not order: not shown.
    await world.embed_platform(customization, unordered, "Hidden", 0)

    response = await config(client, community)

    assert response.status_code == 200
    assert response.json() == {
        "weights": {"Google": 10.5, "Github": 7.0},
        "stamp_sections": [
            {"title": "Blockchain", "order": 1, "items": [{"platform_id": "ETH", "order": 0}]},
            {"title": "Government", "order": 1, "items": []},
            {
                "title": "Social",
                "order": 2,
                "items": [
                    {"platform_id": "Github", "order": 1},
                    {"platform_id": "Twitter", "order": 1},
                    {"platform_id": "Discord", "order": 2},
                ],
            },
        ],
    }
    assert government > blockchain
    # Numbers as floats (the key order is the stored JSON's: jsonb orders keys on Postgres).
    assert b'"Google":10.5' in response.content
    assert b'"Github":7.0' in response.content


async def test_a_community_without_customization_has_no_sections(
    client: httpx.AsyncClient, world: World
) -> None:
    community = await world.community(await world.account(), weights={"Google": "1.25"})
    response = await config(client, community)
    assert (response.status_code, response.json()) == (
        200,
        {"weights": {"Google": 1.25}, "stamp_sections": []},
    )


async def test_unknown_communities_are_400(client: httpx.AsyncClient, world: World) -> None:
    community = await world.community(await world.account(), weights={"Google": "1"})
    for community_id in (community + 1000, -1, 0, 2**70):
        response = await config(client, community_id)
        assert (response.status_code, response.json()) == (400, {"detail": "Invalid scorer_id"})


@pytest.mark.parametrize("query", ["", "?community_id=", "?community_id=abc", "?community_id=1.5"])
async def test_a_missing_or_non_integer_community_id_is_422(
    client: httpx.AsyncClient, query: str
) -> None:
    response = await client.get(f"/internal/embed/config{query}")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "community_id"]


async def test_a_scorer_without_weights_is_500(client: httpx.AsyncClient, world: World) -> None:
    community = await world.community(await world.account(), weights=None, threshold=Decimal(1))
    response = await config(client, community)
    assert (response.status_code, response.json()) == (
        500,
        {"detail": "Unable to retrieve configured scorer!"},
    )

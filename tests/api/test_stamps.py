"""`/v2/stamps/{address}` and `/registry/stamps/{address}` (pages of an address's stamps) and
the stamp metadata routes, whose metadata comes from a real HTTP server on loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from passport_scorer.app import create_app
from passport_scorer.domain.cursors import encode_cursor
from passport_scorer.services.container import Services
from tests.conftest import Scorer, make_settings
from tests.factories import World
from tests.metadata_server import MetadataServer, metadata_server

ALICE = "0x0000000000000000000000000000000000a11ce0"


@pytest.fixture
def upstream() -> Iterator[MetadataServer]:
    with metadata_server() as server:
        yield server


@pytest.fixture
async def app_client(
    services: Services, upstream: MetadataServer
) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the service with `PASSPORT_PUBLIC_URL` set to the metadata server."""
    settings = make_settings(services.settings.DATABASE_URL, PASSPORT_PUBLIC_URL=upstream.url)
    built = Services.build(settings, db=services.db)
    app = create_app(services=built)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://scorer.test"
    ) as client:
        yield client
    assert built.stamp_metadata is not None
    await built.stamp_metadata.close()


@pytest.fixture
async def seven_stamps(world: World, creds: dict[str, Any]) -> list[int]:
    """Seven cache rows of alice (one deleted in between): their ids, oldest first."""
    google, github = creds["valid_google_alice"], creds["valid_github_alice"]
    ids = []
    for index in range(8):
        credential = google if index % 2 else github
        ids += await world.stamps(
            ALICE, [credential], provider=f"Provider{index}", deleted=index == 3
        )
    return [row_id for index, row_id in enumerate(ids) if index != 3]


async def page(client: httpx.AsyncClient, scorer: Scorer, url: str) -> tuple[int, Any]:
    response = await client.get(url, headers=scorer.headers)
    return response.status_code, response.json()


@pytest.mark.parametrize("prefix", ["/v2/stamps/", "/registry/stamps/"])
async def test_pages_walk_newest_first_and_back(
    client: httpx.AsyncClient,
    scorer: Scorer,
    seven_stamps: list[int],
    prefix: str,
    creds: dict[str, Any],
) -> None:
    newest_first = seven_stamps[::-1]
    status, first = await page(
        client, scorer, f"{prefix}{ALICE.upper().replace('0X', '0x')}?limit=3"
    )
    assert status == 200
    assert first["prev"] is None
    assert first["items"][0] == {"version": "1.0.0", "credential": creds["valid_google_alice"]}
    next_url = first["next"]
    assert next_url.startswith(f"http://scorer.test{prefix}{ALICE}?")
    assert parse_qs(urlsplit(next_url).query) == {
        "token": [encode_cursor("next", newest_first[2])],
        "limit": ["3"],
    }

    _, second = await page(client, scorer, next_url)
    _, third = await page(client, scorer, second["next"])
    assert len(second["items"]) == 3 and len(third["items"]) == 1
    assert third["next"] is None
    _, back = await page(client, scorer, third["prev"])
    assert back == second
    _, start = await page(client, scorer, back["prev"])
    assert start == first


async def test_an_address_without_stamps_has_an_empty_page(
    client: httpx.AsyncClient, scorer: Scorer
) -> None:
    assert await page(client, scorer, f"/v2/stamps/{ALICE}") == (
        200,
        {"next": None, "prev": None, "items": []},
    )


async def test_errors(client: httpx.AsyncClient, scorer: Scorer, seven_stamps: list[int]) -> None:
    assert await page(client, scorer, f"/v2/stamps/{ALICE}?limit=1001") == (
        400,
        {"detail": "Invalid limit."},
    )
    assert await page(client, scorer, "/v2/stamps/0x12") == (400, {"detail": "Invalid address."})
    for token in ("garbage!", encode_cursor("next", 1)[:-2], "eyJkIjoibmV4dCJ9"):
        assert await page(client, scorer, f"/v2/stamps/{ALICE}?token={token}") == (
            400,
            {"detail": "Invalid pagination token."},
        ), token
    assert (await page(client, scorer, f"/v2/stamps/{ALICE}?limit=-1"))[0] == 422
    response = await client.get(f"/v2/stamps/{ALICE}")
    assert (response.status_code, response.json()) == (401, {"detail": "Invalid API Key."})


async def test_metadata_is_the_apps_file(
    app_client: httpx.AsyncClient, scorer: Scorer, upstream: MetadataServer
) -> None:
    for path in ("/v2/stamps/metadata", "/registry/stamp-metadata"):
        status, body = await page(app_client, scorer, path)
        assert status == 200
        assert [platform["id"] for platform in body] == ["Google", "Github"]
        assert body[0]["icon"] == f"{upstream.url}assets/googleStampIcon.svg"
        assert body[1]["groups"][0]["stamps"][1] == {
            "name": "GithubGuru", "description": "Many commits", "hash": "0xcc",
        }  # fmt: skip
    assert upstream.fetches == 1  # kept for an hour


async def test_stamps_with_metadata(
    app_client: httpx.AsyncClient,
    scorer: Scorer,
    world: World,
    creds: dict[str, Any],
    upstream: MetadataServer,
) -> None:
    await world.stamps(ALICE, [creds["valid_google_alice"]])
    await world.stamps(ALICE, [creds["valid_twitter_alice"]])  # not in the metadata file

    status, body = await page(app_client, scorer, f"/v2/stamps/{ALICE}?include_metadata=true")

    assert status == 200
    twitter, google = body["items"]
    assert twitter["metadata"] is None
    assert google["metadata"]["platform"]["id"] == "Google"
    assert google["metadata"]["group"] == "Account Name"
    _, plain = await page(app_client, scorer, f"/v2/stamps/{ALICE}")
    assert all("metadata" not in item for item in plain["items"])


async def test_metadata_failures(
    app_client: httpx.AsyncClient,
    client: httpx.AsyncClient,
    scorer: Scorer,
    upstream: MetadataServer,
    world: World,
    creds: dict[str, Any],
) -> None:
    await world.stamps(ALICE, [creds["valid_google_alice"]])
    upstream.status = 502
    assert await page(app_client, scorer, "/v2/stamps/metadata") == (
        500,
        {"detail": "Error fetching external stamp metadata"},
    )
    assert await page(app_client, scorer, f"/v2/stamps/{ALICE}?include_metadata=1") == (
        500,
        {"detail": "Error fetching external stamp metadata for provider Google"},
    )
    # Without PASSPORT_PUBLIC_URL the metadata is not available at all.
    not_set = (503, {"detail": "PASSPORT_PUBLIC_URL is not set: stamp metadata is unavailable."})
    assert await page(client, scorer, "/v2/stamps/metadata") == not_set
    assert await page(client, scorer, f"/v2/stamps/{ALICE}?include_metadata=true") == not_set

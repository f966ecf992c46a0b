"""`GET /internal/score/v2/{scorer_id}/{address}`: internal token, any community."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from passport_scorer.app import create_app
from passport_scorer.services.container import Services
from tests.conftest import INTERNAL_TOKEN, WEIGHTS, make_settings
from tests.factories import World

ALICE = "0x0000000000000000000000000000000000a11ce0"


@pytest.fixture
async def community(world: World, fixture_credentials: dict[str, Any]) -> int:
    account = await world.account()
    creds = fixture_credentials["credentials"]
    await world.stamps(ALICE, [creds["valid_google_alice"], creds["valid_github_alice"]])
    return await world.community(account, weights=WEIGHTS)


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "wrong"},
        {"Authorization": f"Bearer {INTERNAL_TOKEN}"},
        {"X-API-Key": INTERNAL_TOKEN},
    ],
)
async def test_requires_the_exact_internal_token(
    client: httpx.AsyncClient, community: int, headers: dict[str, str]
) -> None:
    response = await client.get(f"/internal/score/v2/{community}/{ALICE}", headers=headers)
    assert (response.status_code, response.json()) == (401, {"detail": "Unauthorized"})


async def test_scores_any_community_by_id(client: httpx.AsyncClient, community: int) -> None:
    response = await client.get(
        f"/internal/score/v2/{community}/{ALICE}", headers={"Authorization": INTERNAL_TOKEN}
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["address"], body["score"], body["threshold"]) == (ALICE, "18.00000", "20.00000")
    assert list(body["stamps"]) == ["Google", "Github"]


async def test_unknown_community_is_404(client: httpx.AsyncClient, community: int) -> None:
    for scorer_id in (community + 1000, 2**70):
        response = await client.get(
            f"/internal/score/v2/{scorer_id}/{ALICE}", headers={"Authorization": INTERNAL_TOKEN}
        )
        assert (response.status_code, response.json()) == (
            404,
            {"detail": "No Community matches the given query."},
        )


async def test_invalid_address_is_400(client: httpx.AsyncClient, community: int) -> None:
    response = await client.get(
        f"/internal/score/v2/{community}/0xnothex", headers={"Authorization": INTERNAL_TOKEN}
    )
    assert (response.status_code, response.json()) == (400, {"detail": "Invalid address."})


async def test_without_a_configured_token_every_request_is_refused(
    services: Services, community: int
) -> None:
    settings = make_settings(services.settings.DATABASE_URL, CGRANTS_API_TOKEN="")
    settings = settings.model_copy(update={"CGRANTS_API_TOKEN": None})
    app = create_app(services=Services.build(settings, db=services.db))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
        for header in ("", "abc", INTERNAL_TOKEN):
            response = await client.get(
                f"/internal/score/v2/{community}/{ALICE}", headers={"Authorization": header}
            )
            assert response.status_code == 401

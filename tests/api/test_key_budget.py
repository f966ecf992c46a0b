"""Every API-key route counts against the key's one rate-limit budget, as the reference's
`registry` group does (`RATELIMIT_ENABLE=on`)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from passport_scorer.app import create_app
from passport_scorer.services.container import Services
from tests.api.test_rate_limits import set_limit
from tests.conftest import Scorer, make_settings
from tests.factories import World

ADDRESS = "0x" + "1" * 40


@pytest.fixture
async def limited_client(services: Services) -> AsyncIterator[httpx.AsyncClient]:
    settings = make_settings(services.settings.DATABASE_URL, RATELIMIT_ENABLE="on")
    app = create_app(services=Services.build(settings, db=services.db))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        yield c


async def test_the_routes_share_the_keys_budget(
    limited_client: httpx.AsyncClient, scorer: Scorer, world: World
) -> None:
    await set_limit(world, scorer.key, "5/15m")
    await world.set_key_permissions(scorer.key, historical_endpoint=True)
    community = scorer.community_id
    paths = [
        scorer.score_path(ADDRESS),
        "/registry/signing-message",
        f"/v2/stamps/{ADDRESS}",
        f"/registry/score/{community}/{ADDRESS}",
        f"/v2/stamps/{community}/score/{ADDRESS}/history?created_at=2026-01-01",
    ]
    statuses = [
        (await limited_client.get(path, headers=scorer.headers)).status_code for path in paths
    ]
    assert statuses == [200, 200, 200, 200, 404]  # the first request stored a score

    for path in (f"/registry/stamps/{ADDRESS}", "/v2/stamps/metadata", *paths):
        over = await limited_client.get(path, headers=scorer.headers)
        assert (over.status_code, over.json()) == (429, {"detail": "You have been rate limited!"})
    submit = await limited_client.post(
        "/registry/submit-passport",
        json={"address": ADDRESS, "scorer_id": community},
        headers=scorer.headers,
    )
    assert submit.status_code == 429

"""Usage analytics rows (`FF_API_ANALYTICS=on`): one per authenticated request."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import AsyncIterator

import httpx
import pytest

from passport_scorer.app import create_app
from passport_scorer.db import tables
from passport_scorer.db.engine import Database
from passport_scorer.services.analytics import AnalyticsRecorder
from passport_scorer.services.container import Services
from tests.conftest import Scorer, free_port, make_settings
from tests.factories import World

ADDRESS = "0x" + "2" * 40


@pytest.fixture
async def tracked(services: Services) -> AsyncIterator[tuple[httpx.AsyncClient, Services]]:
    settings = make_settings(
        services.settings.DATABASE_URL, FF_API_ANALYTICS="on", RATELIMIT_ENABLE="on"
    )
    tracked_services = Services.build(settings, db=services.db)
    app = create_app(services=tracked_services)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        yield c, tracked_services
    assert tracked_services.analytics is not None
    await tracked_services.analytics.close()


async def test_rows_hold_masked_headers_status_and_error(
    tracked: tuple[httpx.AsyncClient, Services], scorer: Scorer, world: World
) -> None:
    client, services = tracked
    assert services.analytics is not None
    secret_headers = {
        "x-API-key": scorer.key,
        "AUTHORIZATION": f"Token {scorer.key}",
        "Cookie": "session=secret",
        "X-Trace": "visible",
    }
    other_account = await world.account()
    foreign = await world.community(other_account, weights={})
    limited = await world.api_key(scorer.account_id)
    async with world.transaction() as conn:
        await conn.execute(
            tables.account_accountapikey.update()
            .where(tables.account_accountapikey.c.prefix == limited.partition(".")[0])
            .values(rate_limit="1/15m")
        )

    ok = await client.get(scorer.score_path(ADDRESS) + "?trace=1", headers=secret_headers)
    bad_address = await client.get(scorer.score_path("0xnope"), headers=scorer.headers)
    not_found = await client.get(scorer.score_path(ADDRESS, foreign), headers=scorer.headers)
    first = await client.get(scorer.score_path(ADDRESS), headers={"X-API-Key": limited})
    limited_out = await client.get(scorer.score_path(ADDRESS), headers={"X-API-Key": limited})
    unauthenticated = await client.get(scorer.score_path(ADDRESS), headers={"X-API-Key": "x.y"})
    assert [r.status_code for r in (ok, bad_address, not_found, first, limited_out)] == [
        200, 400, 404, 200, 429,
    ]  # fmt: skip
    assert unauthenticated.status_code == 401
    await services.analytics.flush()

    rows = await world.rows(tables.account_accountapikeyanalytics)
    assert [(row["status_code"], row["error"]) for row in rows] == [
        (200, None),
        (400, "Invalid address."),
        (404, "No scorer matches the given criteria."),
        (200, None),
        (429, "You have been rate limited!"),
    ]  # no row for the unauthenticated request
    row = rows[0]
    assert row["api_key_id"].startswith(scorer.key.partition(".")[0] + ".")
    assert row["path"] == scorer.score_path(ADDRESS)
    assert row["path_segments"] == row["path"].split("/")[1:]
    assert row["query_params"] == {"trace": "1"}
    assert row["headers"]["x-api-key"] == "***"
    assert row["headers"]["authorization"] == "***"
    assert row["headers"]["cookie"] == "***"
    assert row["headers"]["x-trace"] == "visible"
    assert scorer.key not in str(rows)
    assert row["response"] == ok.text
    assert row["response_skipped"] is False


async def test_a_failing_analytics_write_never_touches_the_response(
    services: Services, scorer: Scorer, caplog: pytest.LogCaptureFixture
) -> None:
    settings = make_settings(services.settings.DATABASE_URL, FF_API_ANALYTICS="on")
    tracked_services = Services.build(settings, db=services.db)
    broken = Database.from_settings(
        make_settings(
            f"postgresql://nobody@127.0.0.1:{free_port()}/none", DB_POOL_TIMEOUT_SECONDS="1"
        )
    )
    recorder = AnalyticsRecorder(broken)
    tracked_services = dataclasses.replace(tracked_services, analytics=recorder)
    app = create_app(services=tracked_services)
    caplog.set_level(logging.ERROR)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        response = await c.get(scorer.score_path(ADDRESS), headers=scorer.headers)
    await recorder.close()
    await broken.dispose()
    assert response.status_code == 200
    assert response.json()["address"] == ADDRESS
    assert any("analytics rows dropped" in r.getMessage() for r in caplog.records)


async def test_inline_rows_are_written_before_the_request_ends(
    services: Services, scorer: Scorer, world: World
) -> None:
    """`ANALYTICS_FLUSH_SECONDS=0` (AWS Lambda): nothing is left buffered after a request."""
    settings = make_settings(
        services.settings.DATABASE_URL, FF_API_ANALYTICS="on", ANALYTICS_FLUSH_SECONDS="0"
    )
    inline_services = Services.build(settings, db=services.db)
    app = create_app(services=inline_services)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        response = await c.get(scorer.score_path(ADDRESS), headers=scorer.headers)
        assert response.status_code == 200
        rows = await world.rows(tables.account_accountapikeyanalytics)
        assert [(row["status_code"], row["response"]) for row in rows] == [(200, response.text)]


async def test_a_request_with_nul_characters_is_still_recorded(
    tracked: tuple[httpx.AsyncClient, Services], scorer: Scorer, world: World
) -> None:
    """Postgres text and jsonb cannot hold NUL (found by `make fuzz`: rows were dropped)."""
    client, services = tracked
    assert services.analytics is not None
    response = await client.get(
        scorer.score_path("0x%00nope") + "?q=a%00b", headers={**scorer.headers, "X-N": "c"}
    )
    assert response.status_code == 400
    await services.analytics.flush()
    [row] = await world.rows(tables.account_accountapikeyanalytics)
    assert "\x00" not in row["path"] and "\ufffd" in row["path"]
    assert row["query_params"] == {"q": "a\ufffdb"}

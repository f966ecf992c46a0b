"""`GET /metrics` after real requests: counts by route template, latency, scoring outcomes,
deduplicated and skipped stamps, rate-limit refusals, analytics rows and the database pool."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import update

from passport_scorer.api.metrics import MetricsMiddleware
from passport_scorer.app import create_app
from passport_scorer.db import tables
from passport_scorer.services.container import Services
from tests.conftest import Scorer, ServerStarter, make_settings
from tests.factories import World

ALICE = "0x0000000000000000000000000000000000a11ce0"
BOB = "0x0000000000000000000000000000000000b0b000"
SCORE_ROUTE = "/v2/stamps/{scorer_id}/score/{address}"
Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def parse(text: str) -> Samples:
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


async def scrape(client: httpx.AsyncClient) -> tuple[Samples, str]:
    response = await client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    return parse(response.text), response.text


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def requests(samples: Samples, route: str, status: str, method: str = "GET") -> float:
    labels = {"route": route, "method": method, "status": status}
    return value(samples, "passport_scorer_requests_total", **labels)


async def test_requests_are_counted_by_route_template_and_timed(
    client: httpx.AsyncClient, scorer: Scorer, world: World, creds: dict[str, Any]
) -> None:
    await world.stamps(ALICE, [creds["valid_google_alice"], creds["expired_linkedin_alice"]])
    await world.stamps(BOB, [creds["valid_google_bob_same_nullifier_as_alice"]])
    before, _ = await scrape(client)

    for address in (ALICE, BOB, ALICE):
        assert (await client.get(scorer.score_path(address), headers=scorer.headers)).is_success
    assert (await client.get(scorer.score_path(ALICE), headers={"X-API-Key": "x.y"})).status_code
    assert (await client.get("/health")).status_code == 200
    assert (await client.get(f"/no/such/{ALICE}")).status_code == 404
    assert (await client.request("BREW", "/health")).status_code == 405

    after, text = await scrape(client)
    delta = {
        "ok": requests(after, SCORE_ROUTE, "200") - requests(before, SCORE_ROUTE, "200"),
        "refused": requests(after, SCORE_ROUTE, "401") - requests(before, SCORE_ROUTE, "401"),
        "health": requests(after, "/health", "200") - requests(before, "/health", "200"),
        "unmatched": requests(after, "<unmatched>", "404") - requests(before, "<unmatched>", "404"),
        "odd method": requests(after, "/health", "405", method="OTHER")
        - requests(before, "/health", "405", method="OTHER"),
    }
    assert delta == {"ok": 3, "refused": 1, "health": 1, "unmatched": 1, "odd method": 1}
    assert "BREW" not in text
    latency = "passport_scorer_request_duration_seconds_count"
    timed = value(after, latency, route=SCORE_ROUTE, method="GET") - value(
        before, latency, route=SCORE_ROUTE, method="GET"
    )
    assert timed == 4
    assert ALICE not in text and BOB not in text and scorer.key not in text

    def scorings(samples: Samples) -> tuple[float, float, float]:
        return (
            value(samples, "passport_scorer_scorings_total", outcome="done"),
            value(samples, "passport_scorer_deduplicated_stamps_total"),
            value(samples, "passport_scorer_skipped_stamps_total", reason="credential has expired"),
        )

    done, deduplicated, expired = (
        a - b for a, b in zip(scorings(after), scorings(before), strict=True)
    )
    assert (done, deduplicated, expired) == (3, 1, 2)  # Bob's Google clashes; Alice's expiry
    assert ("passport_scorer_db_connections_in_use", frozenset()) in after
    assert value(after, "passport_scorer_db_requests_waiting") == 0


async def test_stored_scoring_errors_are_counted(
    client: httpx.AsyncClient, scorer: Scorer, world: World
) -> None:
    async with world.db.transaction() as conn:  # a scorer without weights: a stored ERROR
        await conn.execute(update(tables.scorer_weighted_binaryweightedscorer).values(weights=None))
    before, _ = await scrape(client)
    body = (await client.get(scorer.score_path(ALICE), headers=scorer.headers)).json()
    assert body["error"] is not None
    after, _ = await scrape(client)
    errors = "passport_scorer_scorings_total"
    assert value(after, errors, outcome="error") - value(before, errors, outcome="error") == 1


@pytest.fixture
async def operated_client(services: Services) -> AsyncIterator[httpx.AsyncClient]:
    """Rate limits on, analytics written with each request."""
    settings = make_settings(
        services.settings.DATABASE_URL,
        RATELIMIT_ENABLE="on",
        FF_API_ANALYTICS="on",
        ANALYTICS_FLUSH_SECONDS="0",
    )
    app = create_app(services=Services.build(settings, db=services.db))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        yield c


async def test_rate_limit_refusals_and_analytics_rows_are_counted(
    operated_client: httpx.AsyncClient, scorer: Scorer, world: World
) -> None:
    async with world.db.transaction() as conn:
        await conn.execute(update(tables.account_accountapikey).values(rate_limit="2/15m"))
    before, _ = await scrape(operated_client)
    statuses = [
        (await operated_client.get(scorer.score_path(ALICE), headers=scorer.headers)).status_code
        for _ in range(3)
    ]
    assert statuses == [200, 200, 429]
    after, _ = await scrape(operated_client)
    limited = "passport_scorer_rate_limited_requests_total"
    assert value(after, limited) - value(before, limited) == 1
    assert requests(after, SCORE_ROUTE, "429") - requests(before, SCORE_ROUTE, "429") == 1
    rows = "passport_scorer_analytics_rows_total"
    written = value(after, rows, outcome="written") - value(before, rows, outcome="written")
    assert written == 3 == await world.count(tables.account_accountapikeyanalytics)


async def test_pool_gauges_read_the_pool_while_a_request_holds_a_connection(
    services: Services,
) -> None:
    db = services.db
    before = db.pool_stats()
    async with db.session():
        await db.ping()
        in_use, waiting = db.pool_stats()
    assert (in_use, waiting) == (before[0] + 1, 0)
    assert db.pool_stats() == before


def test_the_middleware_labels_by_template_not_path() -> None:
    from starlette.routing import Route

    route = Route("/v2/stamps/{scorer_id}/score/{address}", lambda _request: None)
    from passport_scorer.api.metrics import route_template

    assert route_template({"route": route}) == SCORE_ROUTE
    assert route_template({}) == "<unmatched>"
    assert MetricsMiddleware.__init__.__annotations__["pool_stats"]


async def test_serve_adds_up_every_worker_and_a_second_serve_on_its_port_is_refused(
    start_server: ServerStarter, database_url: str, scorer: Scorer
) -> None:
    base = start_server(database_url)  # two worker processes
    for _ in range(40):  # a new connection each time: both workers answer some
        async with httpx.AsyncClient(base_url=base, timeout=10) as fresh:
            response = await fresh.get(scorer.score_path(ALICE), headers=scorer.headers)
            assert response.is_success
    async with httpx.AsyncClient(base_url=base, timeout=10) as http:
        samples = parse((await http.get("/metrics")).text)
    assert requests(samples, SCORE_ROUTE, "200") == 40
    assert value(samples, "passport_scorer_scorings_total", outcome="done") == 40
    port = base.rpartition(":")[2]
    second = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "passport_scorer",
        "serve",
        "--port",
        port,
        env={**os.environ, "DATABASE_URL": database_url},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await asyncio.wait_for(second.communicate(), timeout=60)
    assert second.returncode == 2
    assert f"port {port} on 127.0.0.1 is already in use" in stderr.decode()

"""Faults and floods against a real server on Postgres, each run followed by a check that
every stored row is consistent (no ERROR for a race, no orphans, one owner per nullifier).

Bounded in time: each load runs for a few seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import pytest

from passport_scorer.db import tables
from passport_scorer.domain.api_keys import make_pbkdf2
from passport_scorer.services.api_keys import Pbkdf2Checks
from passport_scorer.services.container import Services
from tests.conftest import INTERNAL_TOKEN, Scorer, ServerStarter, make_settings
from tests.factories import World

ALICE = "0x0000000000000000000000000000000000a11ce0"
BOB = "0x0000000000000000000000000000000000b0b000"
DRIVER_TEXT = ("cannot switch", "another operation", "asyncpg", "SQLSTATE", "connection was")


async def assert_consistent(world: World) -> None:
    """Every score row is DONE; stamps, links and events agree with it."""
    scores = await world.rows(tables.registry_score)
    assert scores, "the run stored no score"
    assert {row["status"] for row in scores} == {"DONE"}, [row["error"] for row in scores]
    assert all(row["error"] is None for row in scores)
    passports = {row["id"]: row for row in await world.rows(tables.registry_passport)}
    assert {row["passport_id"] for row in scores} <= set(passports)
    for row in await world.rows(tables.registry_stamp):
        assert row["passport_id"] in passports  # no orphan stamps
    links = await world.rows(tables.registry_hashscorerlink)
    assert len({(link["hash"], link["community_id"]) for link in links}) == len(links)
    for row in scores:
        passport = passports[row["passport_id"]]
        kept = {
            stamp["provider"]
            for stamp in await world.rows(tables.registry_stamp, passport_id=passport["id"])
        }
        assert kept == {p for p, entry in row["stamps"].items() if not entry["dedup"]}


async def _load(
    base: str,
    requests: list[tuple[str, dict[str, str]]],
    *,
    connections: int,
    seconds: float,
) -> list[tuple[int, str]]:
    """`connections` clients cycling through `requests` for `seconds`: (status, body)."""
    results: list[tuple[int, str]] = []
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=connections)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def worker(offset: int) -> None:
            n = offset
            while time.monotonic() < deadline:
                path, headers = requests[n % len(requests)]
                response = await client.get(path, headers=headers)
                results.append((response.status_code, response.text))
                n += 1

        await asyncio.gather(*(worker(i) for i in range(connections)))
    return results


@pytest.fixture
def server(database_url: str, start_server: ServerStarter) -> str:
    return start_server(database_url)


@pytest.mark.postgres
async def test_one_address_under_sustained_concurrency_is_always_scored(
    server: str, scorer: Scorer, world: World, fixture_credentials: dict[str, Any]
) -> None:
    """64 connections scoring one address through both routes: every answer a 200 with
    the score, and the stored score never an ERROR."""
    creds = fixture_credentials["credentials"]
    await world.stamps(
        ALICE,
        [creds["valid_google_alice"], creds["valid_twitter_alice"], creds["valid_github_alice"]],
    )
    internal = {"Authorization": INTERNAL_TOKEN}
    requests = [
        (scorer.score_path(ALICE), scorer.headers),
        (f"/internal/score/v2/{scorer.community_id}/{ALICE}", internal),
    ]

    results = await _load(server, requests, connections=64, seconds=4)

    assert len(results) > 64
    assert {status for status, _ in results} == {200}, [r for r in results if r[0] != 200][:3]
    assert all('"error":null' in body and '"score":"24.00000"' in body for _, body in results)
    await assert_consistent(world)
    # Concurrent rescorings share scorings, so there are fewer SCU events than answers.
    assert 1 <= await world.count(tables.registry_event, action="SCU") <= len(results)
    assert await world.count(tables.registry_score) == 1


@pytest.mark.postgres
async def test_killed_connections_under_load_never_answer_500(
    database_url: str,
    server: str,
    scorer: Scorer,
    world: World,
    fixture_credentials: dict[str, Any],
) -> None:
    """The service's own connections terminated from a second session while it serves:
    503s at worst, never a 500, never driver text in a body or a stored error."""
    creds = fixture_credentials["credentials"]
    await world.stamps(ALICE, [creds["valid_google_alice"], creds["valid_twitter_alice"]])
    await world.stamps(BOB, [creds["valid_github_alice"]])
    requests = [
        (scorer.score_path(ALICE), scorer.headers),
        (scorer.score_path(BOB), scorer.headers),
    ]
    database = database_url.rsplit("/", 1)[1].split("?")[0]
    admin = await asyncpg.connect(database_url)
    killed = 0

    async def killer() -> None:
        nonlocal killed
        while True:
            await asyncio.sleep(0.2)
            killed += len(
                await admin.fetch(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = $1 AND application_name = 'passport-scorer'",
                    database,
                )
            )

    task = asyncio.create_task(killer())
    try:
        results = await _load(server, requests, connections=16, seconds=4)
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await admin.close()

    assert killed > 0
    statuses = {status for status, _ in results}
    assert statuses <= {200, 503}, statuses
    assert 200 in statuses
    for status, body in results:
        assert not any(text in body for text in DRIVER_TEXT), body
        if status == 503:
            assert body == '{"detail":"Service temporarily unavailable."}'
    # It recovered by itself: a fresh request is scored.
    async with httpx.AsyncClient(base_url=server, timeout=30) as client:
        response = await client.get(scorer.score_path(ALICE), headers=scorer.headers)
    assert response.status_code == 200
    await world.db.engine.dispose()  # the test's own pooled connections were killed too
    await assert_consistent(world)


class FrozenServer:
    """A TCP server that accepts connections and never answers (a frozen Redis)."""

    def __init__(self) -> None:
        self.connections = 0
        self._server: asyncio.Server | None = None
        self._writers: list[asyncio.StreamWriter] = []

    async def _accept(self, _reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        self._writers.append(writer)

    async def __aenter__(self) -> int:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        port: int = self._server.sockets[0].getsockname()[1]
        return port

    async def __aexit__(self, *_exc: object) -> None:
        for writer in self._writers:
            writer.close()
        assert self._server is not None
        self._server.close()


@pytest.fixture
async def limited_services(database_url: str) -> AsyncIterator[Any]:
    """Build services with rate limits on, pointed at a given Redis URL."""
    built: list[Services] = []

    def build(redis_url: str) -> Services:
        services = Services.build(
            make_settings(database_url, RATELIMIT_ENABLE="on", REDIS_URL=redis_url)
        )
        built.append(services)
        return services

    yield build
    for services in built:
        await services.close()


async def test_a_frozen_redis_is_skipped_after_one_timeout(
    limited_services: Any, world: World, fixture_credentials: dict[str, Any]
) -> None:
    """Requests pass (fail open) and, after the first timeout, do not wait on Redis again
    within the back-off: 30 requests make one attempt, not 30."""
    from passport_scorer.app import create_app

    frozen = FrozenServer()
    async with frozen as port:
        services = limited_services(f"redis://127.0.0.1:{port}/0")
        account = await world.account()
        community = await world.community(account, weights={"Google": "1"})
        key = await world.api_key(account, rate_limit="1000/15m")
        transport = httpx.ASGITransport(app=create_app(services=services))
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            statuses = [
                (
                    await client.get(
                        f"/v2/stamps/{community}/score/{ALICE}", headers={"X-API-Key": key}
                    )
                ).status_code
                for _ in range(30)
            ]
    assert statuses == [200] * 30
    assert frozen.connections == 1


async def test_a_killed_redis_lets_requests_through(limited_services: Any, world: World) -> None:
    from passport_scorer.app import create_app
    from tests.conftest import free_port

    services = limited_services(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens
    account = await world.account()
    community = await world.community(account, weights={"Google": "1"})
    key = await world.api_key(account, rate_limit="2/15m")
    transport = httpx.ASGITransport(app=create_app(services=services))
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        for _ in range(5):
            response = await client.get(
                f"/v2/stamps/{community}/score/{ALICE}", headers={"X-API-Key": key}
            )
            assert response.status_code == 200


async def test_wrong_secrets_on_a_pbkdf2_key_are_refused_without_hashing_after_five(
    services: Services, client: httpx.AsyncClient, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    from passport_scorer.domain import api_keys as domain_keys
    from passport_scorer.services import api_keys as module

    account = await world.account()
    community = await world.community(account, weights={"Google": "1"})
    key = await world.api_key(account, storage="pbkdf2", pbkdf2_iterations=20_000)
    wrong = key.partition(".")[0] + ".wrong-secret"
    hashed: list[int] = []
    in_use_while_hashing: list[int] = []
    original = domain_keys.check_pbkdf2

    def counting(candidate: str, encoded: str) -> bool:
        hashed.append(1)
        in_use_while_hashing.append(services.db.pool_stats()[0])
        return original(candidate, encoded)

    monkeypatch.setattr(module, "check_pbkdf2", counting)
    path = f"/v2/stamps/{community}/score/{ALICE}"
    statuses = [
        (await client.get(path, headers={"X-API-Key": wrong})).status_code for _ in range(8)
    ]
    assert statuses == [401] * 8
    assert len(hashed) == 5  # the last three were refused without hashing (nor a connection)
    assert in_use_while_hashing == [0] * 5  # no connection held while hashing
    # The right secret is refused too while the prefix is blocked (the window is the guard).
    assert (await client.get(path, headers={"X-API-Key": key})).status_code == 401


async def test_queued_checks_of_a_prefix_refused_meanwhile_do_not_hash(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A flood's checks wait for a slot; once the prefix is refused, the waiting ones answer
    without hashing (the flood cost 14 hashes per worker before this, not 5)."""
    from passport_scorer.domain import api_keys as domain_keys
    from passport_scorer.domain.api_keys import ApiKey
    from passport_scorer.services import api_keys as module

    hashed: list[str] = []
    original = domain_keys.check_pbkdf2

    def counting(candidate: str, encoded: str) -> bool:
        hashed.append(candidate)
        return original(candidate, encoded)

    monkeypatch.setattr(module, "check_pbkdf2", counting)
    checks = Pbkdf2Checks(services.db, slots=2, queue=16, max_failures=5, refusal_delay=0.01)
    encoded = make_pbkdf2("p.secret", "salt", iterations=50_000)
    stored = ApiKey("p." + encoded, "p", 1, encoded, None, True, None, False, None)
    results = await asyncio.gather(*(checks.matches("p.wrong", stored) for _ in range(16)))
    assert results == [False] * 16
    assert len(hashed) <= 5 + 1  # the fifth failure, and at most one more already hashing


async def test_a_full_pbkdf2_queue_answers_503(services: Services) -> None:
    from passport_scorer.domain.api_keys import ApiKey
    from passport_scorer.errors import ServiceUnavailable

    checks = Pbkdf2Checks(services.db, slots=1, queue=1, max_failures=100, refusal_delay=0.01)
    encoded = make_pbkdf2("p.secret", "salt", iterations=200_000)
    stored = ApiKey("p." + encoded, "p", 1, encoded, None, True, None, False, None)
    running = [asyncio.create_task(checks.matches("p.secret", stored)) for _ in range(2)]
    await asyncio.sleep(0)  # both admitted: one hashing, one queued
    with pytest.raises(ServiceUnavailable):
        await checks.matches("p.secret", stored)
    assert await asyncio.gather(*running) == [True, True]

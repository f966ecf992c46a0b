"""Stamp writes racing each other and rescores, against a real server and Postgres."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from typing import Any

import httpx
import pytest

from passport_scorer.db import tables
from tests.app_tokens import APP_KEYS
from tests.conftest import INTERNAL_TOKEN, WEIGHTS, Scorer, ServerStarter
from tests.factories import World

pytestmark = pytest.mark.postgres

ALICE = "0x0000000000000000000000000000000000a11ce0"
BULK = "/ceramic-cache/stamps/bulk"


@pytest.fixture
def server(database_url: str, start_server: ServerStarter, scorer: Scorer) -> str:
    """Two workers; the app's community is the scorer's (so the v2 route scores it too)."""
    return start_server(
        database_url,
        CERAMIC_CACHE_SCORER_ID=str(scorer.community_id),
        SIWE_JWT_PUBLIC_KEY=APP_KEYS.public_pem,
        SECRET_KEY=APP_KEYS.secret_key,
    )


def _items(*credentials: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"provider": c["credentialSubject"]["provider"], "stamp": c} for c in credentials]


async def _burst(base: str, requests: list[tuple[str, str, Any, dict[str, str]]]) -> list[Any]:
    limits = httpx.Limits(max_connections=len(requests))
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        return list(
            await asyncio.gather(
                *(
                    client.request(method, path, json=body, headers=headers)
                    for method, path, body, headers in requests
                )
            )
        )


async def _assert_score_matches_live_rows(world: World) -> set[str]:
    """One live row per provider, and the stored score is the sum of their weights."""
    rows = await world.rows(tables.ceramic_cache_ceramiccache, address=ALICE)
    live = [row["provider"] for row in rows if row["deleted_at"] is None]
    assert len(live) == len(set(live)), live
    [score] = await world.rows(tables.registry_score)
    assert score["status"] == "DONE", score
    expected = sum(Decimal(WEIGHTS[provider]) for provider in live)
    assert Decimal(score["evidence"]["rawScore"]) == expected, (live, score["evidence"])
    assert set(score["stamps"]) == set(live)
    passport = (await world.rows(tables.registry_passport, address=ALICE))[0]["id"]
    stored = await world.rows(tables.registry_stamp, passport_id=passport)
    assert sorted(row["provider"] for row in stored) == sorted(live)
    return set(live)


async def test_concurrent_bulk_writes_leave_one_live_row_per_provider(
    server: str, world: World, creds: dict[str, Any]
) -> None:
    google, github, twitter = (creds[f"valid_{p}_alice"] for p in ("google", "github", "twitter"))
    payloads = [_items(google, github), _items(google, twitter)] * 6
    auth = APP_KEYS.headers(ALICE)

    responses = await _burst(server, [("POST", BULK, body, auth) for body in payloads])

    assert [r.status_code for r in responses] == [201] * len(payloads), [
        r.text for r in responses if r.status_code != 201
    ]
    for response, body in zip(responses, payloads, strict=True):
        listed = {stamp["provider"] for stamp in response.json()["stamps"]}
        assert {item["provider"] for item in body} <= listed
        assert response.json()["score"]["error"] is None
    assert await _assert_score_matches_live_rows(world) == {"Google", "Github", "Twitter"}
    assert await world.count(tables.registry_event, action="SCU") == len(payloads)


async def test_bulk_writes_racing_rescores_never_lose_a_stamp(
    server: str, scorer: Scorer, world: World, creds: dict[str, Any]
) -> None:
    google, github, twitter = (creds[f"valid_{p}_alice"] for p in ("google", "github", "twitter"))
    await world.stamps(ALICE, [google])
    auth = APP_KEYS.headers(ALICE)
    internal = {"Authorization": INTERNAL_TOKEN}
    writes = [
        ("POST", BULK, _items(github), auth),
        ("PATCH", BULK, _items(twitter, google), auth),
        ("POST", BULK, _items(google, github), auth),
        ("PATCH", BULK, _items(twitter), auth),
    ]
    reads = [("GET", scorer.score_path(ALICE), None, scorer.headers)] * 8 + [
        ("GET", f"/internal/score/v2/{scorer.community_id}/{ALICE}", None, internal)
    ] * 4
    mixed = [request for pair in zip(reads, writes * 3, strict=True) for request in pair]

    responses = await _burst(server, mixed)

    statuses = [r.status_code for r in responses]
    assert all(status in (200, 201) for status in statuses), [
        (r.status_code, r.text) for r in responses if r.status_code >= 300
    ]
    assert all(r.json().get("error") is None for r in responses if "error" in r.json())
    assert await _assert_score_matches_live_rows(world) == {"Google", "Github", "Twitter"}
    # A rescore after the dust settles agrees with the stored score.
    async with httpx.AsyncClient(base_url=server) as client:
        final = (await client.get(scorer.score_path(ALICE), headers=scorer.headers)).json()
    assert final["score"] == "24.00000"

"""The Passport app's whole flow against a real server on Postgres: nonce → SIWE sign-in →
bulk POST → GET score → PATCH (one replaced, one removed) → DELETE → GET stamp, with the
answers and the rows of `ceramic_cache_ceramiccache`, `registry_score` and `registry_event`
checked after each step."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest
from eth_account import Account
from eth_account.signers.local import LocalAccount

from passport_scorer.db import tables
from passport_scorer.demo.issuer import EthereumIssuer
from tests.app_tokens import APP_KEYS, SIGN_IN_DOMAIN
from tests.conftest import WEIGHTS, Scorer, ServerStarter
from tests.factories import World
from tests.siwe_messages import signed_in_body

pytestmark = pytest.mark.postgres

BULK = "/ceramic-cache/stamps/bulk"
CACHE = tables.ceramic_cache_ceramiccache
SCORE_KEYS = [
    "address", "score", "passing_score", "last_score_timestamp", "expiration_timestamp",
    "threshold", "error", "stamps", "points_data", "possible_points_data", "linked_score",
]  # fmt: skip


@pytest.fixture
def server(database_url: str, start_server: ServerStarter, scorer: Scorer) -> str:
    settings = APP_KEYS.sign_in_settings(SIGN_IN_DOMAIN)
    return start_server(database_url, CERAMIC_CACHE_SCORER_ID=str(scorer.community_id), **settings)


async def live_rows(world: World, address: str) -> list[dict[str, Any]]:
    rows = await world.rows(CACHE, address=address)
    return [row for row in rows if row["deleted_at"] is None]


async def stored_score(world: World, address: str) -> dict[str, Any]:
    passports = await world.rows(tables.registry_passport, address=address)
    [passport] = passports
    [score] = await world.rows(tables.registry_score, passport_id=passport["id"])
    return score


async def score_events(world: World, address: str) -> int:
    return await world.count(tables.registry_event, action="SCU", address=address)


def raw_score(*providers: str) -> str:
    return f"{sum(Decimal(WEIGHTS[p]) for p in providers):.5f}"


async def test_the_app_flow(
    server: str, world: World, scorer: Scorer, issuer: EthereumIssuer
) -> None:
    user: LocalAccount = Account.create()
    address = user.address.lower()
    google, github, twitter, linkedin = [
        await issuer.issue(address, provider)
        for provider in ("Google", "Github", "Twitter", "Linkedin")
    ]
    async with httpx.AsyncClient(base_url=server, timeout=30) as http:
        # 1. A nonce, then sign in with a SIWE message signed by the user's key.
        nonce = (await http.get("/account/nonce")).json()["nonce"]
        signed = await http.post("/ceramic-cache/authenticate", json=signed_in_body(user, nonce))
        assert signed.status_code == 200, signed.text
        assert signed.json()["intercom_user_hash"] is None
        [nonce_row] = await world.rows(tables.account_nonce, nonce=nonce)
        assert nonce_row["was_used"] is True
        auth = {"Authorization": f"Bearer {signed.json()['access']}"}

        # 2. Bulk POST: three stamps stored and scored in one step.
        items = [
            {"provider": c["credentialSubject"]["provider"], "stamp": c}
            for c in (google, github, twitter)
        ]
        posted = await http.post(BULK, json=items, headers=auth)
        assert posted.status_code == 201, posted.text
        body = posted.json()
        assert list(body) == ["success", "stamps", "score"] and body["success"] is True
        rows = await live_rows(world, address)
        assert sorted(row["provider"] for row in rows) == ["Github", "Google", "Twitter"]
        assert all(
            (row["type"], row["source_app"], row["source_scorer_id"]) == (1, 1, scorer.community_id)
            and row["created_at"] is not None
            for row in rows
        )
        assert body["stamps"] == [
            {"id": r["id"], "address": address, "provider": r["provider"], "stamp": r["stamp"]}
            for r in sorted(rows, key=lambda r: r["id"])
        ]
        assert list(body["score"]) == SCORE_KEYS
        assert body["score"]["score"] == raw_score("Google", "Github", "Twitter")  # 24 >= 20
        assert body["score"]["passing_score"] is True
        score = await stored_score(world, address)
        assert (score["status"], score["score"]) == ("DONE", Decimal(1))
        assert set(score["stamps"]) == {"Google", "Github", "Twitter"}
        assert await score_events(world, address) == 1

        # 3. GET score: the stored score, not rescored (no new event).
        got = await http.get(f"/ceramic-cache/score/{user.address}", headers=auth)
        assert got.status_code == 200, got.text
        assert got.json() == body["score"]
        assert await score_events(world, address) == 1

        # 4. PATCH: Github replaced by a new stamp, Twitter removed.
        github_again = await issuer.issue(address, "Github")
        patch = [{"provider": "Github", "stamp": github_again}, {"provider": "Twitter"}]
        patched = await http.patch(BULK, json=patch, headers=auth)
        assert patched.status_code == 200, patched.text
        rows = await live_rows(world, address)
        assert sorted(row["provider"] for row in rows) == ["Github", "Google"]
        [github_row] = [row for row in rows if row["provider"] == "Github"]
        assert github_row["stamp"] == github_again
        assert patched.json()["score"]["score"] == raw_score("Google", "Github")  # 18 < 20
        assert patched.json()["score"]["passing_score"] is False
        score = await stored_score(world, address)
        assert (score["status"], score["score"]) == ("DONE", Decimal(0))
        assert set(score["stamps"]) == {"Google", "Github"}
        assert await score_events(world, address) == 2
        deleted = [row for row in await world.rows(CACHE, address=address) if row["deleted_at"]]
        assert sorted(row["provider"] for row in deleted) == ["Github", "Twitter"]

        # A POST of one more stamp, so that the DELETE leaves something behind.
        more = [{"provider": "Linkedin", "stamp": linkedin}]
        assert (await http.post(BULK, json=more, headers=auth)).status_code == 201
        assert await score_events(world, address) == 3

        # 5. DELETE Google: rescored without it.
        removed = await http.request("DELETE", BULK, json=[{"provider": "Google"}], headers=auth)
        assert removed.status_code == 200, removed.text
        assert removed.json()["score"]["score"] == raw_score("Github", "Linkedin")
        rows = await live_rows(world, address)
        assert sorted(row["provider"] for row in rows) == ["Github", "Linkedin"]
        score = await stored_score(world, address)
        assert set(score["stamps"]) == {"Github", "Linkedin"}
        assert await score_events(world, address) == 4
        again = await http.request("DELETE", BULK, json=[{"provider": "Google"}], headers=auth)
        assert (again.status_code, again.json()) == (
            404,
            {"detail": "Unable to find stamp to delete."},
        )

        # 6. GET stamp (no token): the live stamps, nothing rescored.
        listed = await http.get("/ceramic-cache/stamp", params={"address": user.address})
        assert listed.status_code == 200
        assert listed.json()["success"] is True
        assert sorted(s["provider"] for s in listed.json()["stamps"]) == ["Github", "Linkedin"]
        assert await score_events(world, address) == 4

        # The v2 route (the same community) reads the same score.
        v2 = await http.get(scorer.score_path(address), headers=scorer.headers)
        assert v2.json()["score"] == raw_score("Github", "Linkedin")
        # A second sign-in with the used nonce is refused.
        replay = await http.post("/ceramic-cache/authenticate", json=signed_in_body(user, nonce))
        assert (replay.status_code, replay.json()) == (400, {"detail": "Invalid nonce!"})

"""Human points through real scorings: what is written, once, with the score; what is shown."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import httpx
import pytest
from sqlalchemy import text

from passport_scorer.app import create_app
from passport_scorer.config import Settings
from passport_scorer.db import tables
from passport_scorer.demo.issuer import EthereumIssuer
from passport_scorer.domain.human_points import METAMASK_OG_CAP, STAMP_PROVIDER_ACTIONS
from passport_scorer.services.container import Services
from passport_scorer.services.human_points import POINTS_WRITE_FAILED
from tests.conftest import INTERNAL_TOKEN, make_settings
from tests.factories import World

ALICE = "0x0000000000000000000000000000000000a11ce0"
BOB = "0x0000000000000000000000000000000000b0b000"
ON = {"HUMAN_POINTS_ENABLED": "on", "HUMAN_POINTS_WRITE_ENABLED": "on"}
WEIGHTS = {provider: "10" for provider in [*STAMP_PROVIDER_ACTIONS, "Google", "Github"]}
# The reference's fixture `registry/fixtures/human_points_config.json`.
CONFIG = {
    "SCB": 500,
    "HKY": 100,
    "ISB": 100,
    "ISS": 200,
    "ISG": 500,
    "CSB": 100,
    "CSE": 200,
    "CST": 500,
    "PMT": 300,
    "HIM": 1000,
}


@pytest.fixture
def settings(database_url: str) -> Settings:
    return make_settings(database_url, **ON)


@dataclass(frozen=True)
class Programme:
    """A community (in the points programme unless told) and a key of its account."""

    community_id: int
    key: str

    async def score(self, client: httpx.AsyncClient, address: str) -> dict[str, Any]:
        response = await client.get(
            f"/v2/stamps/{self.community_id}/score/{address}", headers={"X-API-Key": self.key}
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body


async def programme(world: World, *, in_programme: bool = True, account: int = 0) -> Programme:
    account_id = account or await world.account()
    community_id = await world.community(
        account_id, weights=WEIGHTS, human_points_program=in_programme
    )
    return Programme(community_id, await world.api_key(account_id))


@asynccontextmanager
async def client_with(database_url: str, **settings: str) -> AsyncIterator[httpx.AsyncClient]:
    """A client of a service with these settings (on the test's database)."""
    services = Services.build(make_settings(database_url, **settings))
    transport = httpx.ASGITransport(app=create_app(services=services))
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://scorer.test") as http:
            yield http
    finally:
        await services.close()


async def points_rows(world: World, address: str = ALICE) -> list[tuple[Any, ...]]:
    rows = await world.rows(tables.registry_humanpoints, address=address)
    return [(r["action"], r["provider"], r["tx_hash"], r["chain_id"]) for r in rows]


async def qualified_in(world: World, address: str = ALICE) -> list[int]:
    rows = await world.rows(tables.registry_humanpointscommunityqualifiedusers, address=address)
    return sorted(row["community_id"] for row in rows)


def human_keys(provider: str, address: str = ALICE) -> tuple[str, str, str, int]:
    """The `HKY` row of a stamp issued with the test issuer's default nullifier."""
    return ("HKY", provider, f"v0.0.0:{provider}:{address}", 0)


# --- Off unless switched on -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "switches",
    [{}, {"HUMAN_POINTS_ENABLED": "on"}],
    ids=["off by default", "shown, not written"],
)
async def test_nothing_is_written_unless_both_switches_are_on(
    database_url: str, world: World, issuer: EthereumIssuer, switches: dict[str, str]
) -> None:
    await world.points_configs(CONFIG)
    p = await programme(world)
    await world.stamps(ALICE, [await issuer.issue(ALICE, "SelfStakingGold")])
    async with client_with(database_url, **switches) as client:
        body = await p.score(client, ALICE)
    assert body["passing_score"] is False  # 10 < 20: the address still passes nothing
    await world.stamps(ALICE, [await issuer.issue(ALICE, "Google")])
    async with client_with(database_url, **switches) as client:
        body = await p.score(client, ALICE)
    assert body["passing_score"] is True
    assert await points_rows(world) == []
    assert await qualified_in(world) == []
    if switches:
        assert body["points_data"] == {
            "total_points": 0,
            "is_eligible": False,
            "multiplier": 1,
            "breakdown": {},
        }
    else:
        assert (body["points_data"], body["possible_points_data"]) == (None, None)


# --- What is written, once ------------------------------------------------------------------------


async def test_every_action_is_written_once_across_rescoring(
    database_url: str, world: World, issuer: EthereumIssuer
) -> None:
    account = await world.account()
    p = await programme(world, account=account)
    others = [(await programme(world, account=account)).community_id for _ in range(3)]
    await world.qualified(ALICE, others)  # qualified elsewhere: this is the fourth community
    await world.address_list("MetaMaskOG2", [ALICE])
    await world.address_list("SeasonedPassportOGs", [ALICE, BOB])
    await world.address_list("TheChosenOnes", [ALICE])
    providers = sorted(STAMP_PROVIDER_ACTIONS)
    await world.stamps(ALICE, [await issuer.issue(ALICE, name) for name in providers])

    async with client_with(database_url, **ON, HUMAN_POINTS_MTA_ENABLED="on") as client:
        first = await p.score(client, ALICE)
        written = await world.rows(tables.registry_humanpoints)
        await p.score(client, ALICE)
        await p.score(client, ALICE)

    assert first["error"] is None and first["passing_score"] is True
    expected = sorted(
        [human_keys(name) for name in providers]
        + [(STAMP_PROVIDER_ACTIONS[name].value, "", "", 0) for name in providers]
        + [(code, "", "", 0) for code in ("SCB", "MM2", "SOG", "TCO")]
    )
    assert sorted(await points_rows(world)) == expected
    assert len(expected) == 24
    # Rescoring wrote nothing: the very same rows, with their first timestamps.
    assert await world.rows(tables.registry_humanpoints) == written
    assert {row["timestamp"] for row in written} == {
        datetime.fromisoformat(first["last_score_timestamp"])
    }
    assert await qualified_in(world) == sorted([*others, p.community_id])


async def test_human_keys_stay_with_the_first_nullifier_of_a_provider(
    client: httpx.AsyncClient, world: World, issuer: EthereumIssuer
) -> None:
    p = await programme(world)
    now = datetime.now(UTC)
    await world.stamps(
        ALICE, [await issuer.issue(ALICE, "Google"), await issuer.issue(ALICE, "Github")]
    )
    await p.score(client, ALICE)
    rotated = await issuer.issue(ALICE, "Google", nullifiers=["v0.0.0:rotated", "v1.0.0:rotated"])
    await world.stamps(ALICE, [rotated], type=2, updated_at=now + timedelta(minutes=1))
    body = await p.score(client, ALICE)
    assert body["stamps"]["Google"]["expiration_date"] == rotated["expirationDate"].replace(
        "Z", "+00:00"
    )
    assert sorted(await points_rows(world)) == [human_keys("Github"), human_keys("Google")]


async def test_a_deduplicated_stamp_earns_nothing(
    client: httpx.AsyncClient, world: World, issuer: EthereumIssuer
) -> None:
    p = await programme(world)
    shared = ["v0.0.0:shared-gold"]
    await world.stamps(ALICE, [await issuer.issue(ALICE, "SelfStakingGold", nullifiers=shared)])
    await world.stamps(ALICE, [await issuer.issue(ALICE, "Google")])
    await world.stamps(BOB, [await issuer.issue(BOB, "SelfStakingGold", nullifiers=shared)])
    await world.stamps(BOB, [await issuer.issue(BOB, "Google")])
    await world.stamps(BOB, [await issuer.issue(BOB, "Github")])
    await p.score(client, ALICE)
    bob = await p.score(client, BOB)
    assert bob["stamps"]["SelfStakingGold"]["dedup"] is True and bob["passing_score"] is True
    assert sorted(await points_rows(world, BOB)) == [
        human_keys("Github", BOB),
        human_keys("Google", BOB),
    ]


async def test_scoring_bonus_from_the_fourth_community(
    client: httpx.AsyncClient, world: World, issuer: EthereumIssuer
) -> None:
    account = await world.account()
    communities = [await programme(world, account=account) for _ in range(4)]
    await world.stamps(
        ALICE, [await issuer.issue(ALICE, "Google"), await issuer.issue(ALICE, "Github")]
    )
    for scored, p in enumerate(communities, start=1):
        await p.score(client, ALICE)
        await p.score(client, ALICE)
        actions = [row[0] for row in await points_rows(world)]
        assert actions.count("SCB") == (1 if scored >= 4 else 0), scored
        assert len(await qualified_in(world)) == scored


@pytest.mark.parametrize("holders", [METAMASK_OG_CAP - 1, METAMASK_OG_CAP])
async def test_metamask_og_goes_to_at_most_5000_addresses(
    database_url: str, world: World, issuer: EthereumIssuer, holders: int
) -> None:
    await world.human_points(
        [{"address": f"0x{n:040x}", "action": "MM2"} for n in range(1, holders + 1)]
    )
    await world.address_list("MetaMaskOG2", [ALICE])
    p = await programme(world)
    await world.stamps(
        ALICE, [await issuer.issue(ALICE, "Google"), await issuer.issue(ALICE, "Github")]
    )
    async with client_with(database_url, **ON) as client:
        await p.score(client, ALICE)  # the MetaMask OG switch is off: no MM2
    assert "MM2" not in [row[0] for row in await points_rows(world)]
    async with client_with(database_url, **ON, HUMAN_POINTS_MTA_ENABLED="on") as client:
        await p.score(client, ALICE)
    earned = "MM2" in [row[0] for row in await points_rows(world)]
    assert earned is (holders < METAMASK_OG_CAP)
    assert await world.count(tables.registry_humanpoints, action="MM2") == METAMASK_OG_CAP


@pytest.mark.postgres
async def test_concurrent_scorings_never_exceed_the_metamask_og_cap(
    database_url: str, world: World, issuer: EthereumIssuer
) -> None:
    contenders = [f"0x{n:040x}" for n in range(0xC0DE00, 0xC0DE00 + 4)]
    await world.human_points(
        [{"address": f"0x{n:040x}", "action": "MM2"} for n in range(1, METAMASK_OG_CAP)]
    )
    await world.address_list("MetaMaskOG2", contenders)
    p = await programme(world)
    for address in contenders:
        await world.stamps(
            address, [await issuer.issue(address, "Google"), await issuer.issue(address, "Github")]
        )
    async with client_with(database_url, **ON, HUMAN_POINTS_MTA_ENABLED="on") as client:
        bodies = await asyncio.gather(*(p.score(client, address) for address in contenders))
    assert all(body["error"] is None and body["passing_score"] for body in bodies)
    assert await world.count(tables.registry_humanpoints, action="MM2") == METAMASK_OG_CAP


async def test_list_awards_need_the_list_and_a_place_on_it(
    client: httpx.AsyncClient, world: World, issuer: EthereumIssuer
) -> None:
    p = await programme(world)
    for address in (ALICE, BOB):
        await world.stamps(
            address, [await issuer.issue(address, "Google"), await issuer.issue(address, "Github")]
        )
    await p.score(client, ALICE)  # no list exists yet: skipped, no error
    await world.address_list("TheChosenOnes", [BOB])
    await p.score(client, ALICE)
    await p.score(client, BOB)
    assert [row[0] for row in await points_rows(world)] == ["HKY", "HKY"]
    assert sorted(row[0] for row in await points_rows(world, BOB)) == ["HKY", "HKY", "TCO"]


@pytest.mark.parametrize("case", ["failing score", "not in programme", "before the start"])
async def test_no_points_without_a_passing_score_in_the_programme_once_started(
    database_url: str, world: World, issuer: EthereumIssuer, case: str
) -> None:
    p = await programme(world, in_programme=case != "not in programme")
    stamps = [await issuer.issue(ALICE, "SelfStakingGold")]
    if case != "failing score":
        stamps.append(await issuer.issue(ALICE, "Google"))
    await world.stamps(ALICE, stamps)
    start = int(time.time()) + 3600 if case == "before the start" else 0
    async with client_with(database_url, **ON, HUMAN_POINTS_START_TIMESTAMP=str(start)) as client:
        body = await p.score(client, ALICE)
    assert body["passing_score"] is (case != "failing score")
    assert await points_rows(world) == []
    assert await qualified_in(world) == []
    shown = body["points_data"] is not None
    assert shown is (case != "not in programme")


# --- One transaction with the score ---------------------------------------------------------------


async def refuse_points_rows(world: World) -> None:
    """A trigger that makes the database refuse every new points row."""
    async with world.transaction() as conn:
        if conn.dialect.name == "postgresql":
            await conn.execute(
                text(
                    "CREATE FUNCTION refuse_points() RETURNS trigger LANGUAGE plpgsql AS"
                    " $$ BEGIN RAISE EXCEPTION 'points refused'; END $$"
                )
            )
            await conn.execute(
                text(
                    "CREATE TRIGGER refuse_points BEFORE INSERT ON registry_humanpoints"
                    " FOR EACH ROW EXECUTE FUNCTION refuse_points()"
                )
            )
        else:
            await conn.execute(
                text(
                    "CREATE TRIGGER refuse_points BEFORE INSERT ON registry_humanpoints"
                    " BEGIN SELECT RAISE(ABORT, 'points refused'); END"
                )
            )


async def test_a_failed_points_write_fails_the_scoring_and_writes_nothing_else(
    client: httpx.AsyncClient,
    world: World,
    issuer: EthereumIssuer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    p = await programme(world)
    await world.stamps(
        ALICE, [await issuer.issue(ALICE, "Google"), await issuer.issue(ALICE, "Github")]
    )
    await refuse_points_rows(world)

    body = await p.score(client, ALICE)

    assert body["error"] == POINTS_WRITE_FAILED
    assert "human points write failed" in caplog.text
    assert "points refused" not in caplog.text  # no database text in logs
    assert (body["score"], body["passing_score"], body["stamps"]) == ("0.00000", False, {})
    [row] = await world.rows(tables.registry_score)
    assert (row["status"], row["error"], row["evidence"]) == ("ERROR", POINTS_WRITE_FAILED, None)
    # The score's other writes and the qualification went back with it.
    for table in (
        tables.registry_stamp,
        tables.registry_event,
        tables.registry_hashscorerlink,
        tables.registry_humanpointscommunityqualifiedusers,
        tables.registry_humanpoints,
    ):
        assert await world.count(table) == 0, table.name
    internal = await client.get(
        f"/internal/score/v2/{p.community_id}/{ALICE}", headers={"Authorization": INTERNAL_TOKEN}
    )
    assert (internal.status_code, internal.json()) == (
        500,
        {"detail": "Failed to calculate score."},
    )


# --- What score answers show ----------------------------------------------------------------------


async def test_points_data_shapes_on_the_v2_and_internal_routes(
    client: httpx.AsyncClient, world: World, issuer: EthereumIssuer
) -> None:
    await world.points_configs({**CONFIG, "MTA": 1000}, inactive=("MTA",))
    await world.points_multiplier(ALICE, 2)
    await world.human_points(
        [
            {"address": ALICE, "action": "PMT", "chain_id": 10, "tx_hash": "0xmint"},
            {"address": ALICE, "action": "HIM", "chain_id": 10, "tx_hash": "0xhuman"},
            {"address": ALICE, "action": "MTA"},  # its config is inactive: not counted
        ]
    )
    p = await programme(world)
    await world.stamps(
        ALICE, [await issuer.issue(ALICE, "Google"), await issuer.issue(ALICE, "SelfStakingBronze")]
    )

    body = await p.score(client, ALICE)

    assert list(body)[-3:] == ["points_data", "possible_points_data", "linked_score"]
    assert body["points_data"] == {
        "total_points": 600,
        "is_eligible": True,
        "multiplier": 2,
        "breakdown": {"HKY": 200, "ISB": 100, "PMT_10": 300, "PMT": 300},
    }
    assert list(body["points_data"]) == ["total_points", "is_eligible", "multiplier", "breakdown"]
    assert body["possible_points_data"] == {
        "total_points": 0,
        "is_eligible": False,
        "multiplier": 2,
        "breakdown": CONFIG,
    }
    assert list(body["possible_points_data"]["breakdown"]) == list(CONFIG)  # config order
    internal = await client.get(
        f"/internal/score/v2/{p.community_id}/{ALICE}", headers={"Authorization": INTERNAL_TOKEN}
    )
    assert internal.status_code == 200
    assert internal.json()["points_data"] == body["points_data"]
    assert internal.json()["possible_points_data"] == body["possible_points_data"]


async def test_points_are_shown_on_error_answers_and_never_outside_the_programme(
    client: httpx.AsyncClient, world: World, issuer: EthereumIssuer
) -> None:
    await world.points_configs({"HKY": 100})
    await world.human_points([{"address": ALICE, "action": "HKY", "provider": "Google"}])
    account = await world.account()
    broken = await world.community(account, weights=None, human_points_program=True)
    outside = await programme(world, in_programme=False, account=account)
    key = outside.key
    await world.stamps(
        ALICE, [await issuer.issue(ALICE, "Google"), await issuer.issue(ALICE, "Github")]
    )

    failed = await Programme(broken, key).score(client, ALICE)
    plain = await outside.score(client, ALICE)

    assert failed["error"] == "Scorer has no weights configured."
    assert failed["points_data"] == {
        "total_points": 100,
        "is_eligible": False,
        "multiplier": 1,
        "breakdown": {"HKY": 100},
    }
    assert failed["possible_points_data"]["breakdown"] == {"HKY": 100}
    assert plain["passing_score"] is True
    assert (plain["points_data"], plain["possible_points_data"]) == (None, None)
    assert await points_rows(world) == [("HKY", "Google", "", 0)]


# --- On a database Django made ----------------------------------------------------------------


@pytest.mark.postgres
async def test_points_on_a_django_made_database(
    django_database_url: str, fixture_credentials: dict[str, Any]
) -> None:
    from tests.test_django_database import KEY, _seed

    creds = fixture_credentials["credentials"]
    await _seed(
        django_database_url,
        [creds["valid_google_alice"], creds["valid_twitter_alice"], creds["valid_github_alice"]],
    )
    conn = await asyncpg.connect(django_database_url)
    try:
        await conn.execute("UPDATE account_community SET human_points_program = true WHERE id = 7")
        await conn.execute(
            "INSERT INTO registry_humanpointsconfig (action, points, active)"
            " VALUES ('HKY', 100, true), ('SCB', 500, true)"
        )
        async with client_with(django_database_url, **ON) as client:
            for _ in range(2):
                response = await client.get(
                    f"/v2/stamps/7/score/{ALICE}", headers={"X-API-Key": KEY}
                )
                assert response.status_code == 200, response.text
        rows = await conn.fetch(
            "SELECT action, provider, chain_id FROM registry_humanpoints ORDER BY provider"
        )
        qualified = await conn.fetch(
            "SELECT address, community_id FROM registry_humanpointscommunityqualifiedusers"
        )
    finally:
        await conn.close()
    assert [tuple(row) for row in rows] == [
        ("HKY", "Github", 0),
        ("HKY", "Google", 0),
        ("HKY", "Twitter", 0),
    ]
    assert [tuple(row) for row in qualified] == [(ALICE, 7)]
    assert response.json()["points_data"] == {
        "total_points": 300,
        "is_eligible": True,
        "multiplier": 1,
        "breakdown": {"HKY": 300},
    }

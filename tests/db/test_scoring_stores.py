"""The two scoring stores keep one contract: the same scenarios, run through the fused
Postgres store and the portable store (on Postgres and on SQLite), leave the same rows in
`registry_passport`, `registry_stamp`, `registry_score`, `registry_hashscorerlink` and
`registry_event`, and give the same answers."""

from __future__ import annotations

import asyncio
import dataclasses
import shutil
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from passport_scorer.db import tables
from passport_scorer.db.schema import migrate
from passport_scorer.db.scoring import ScoringStore
from passport_scorer.db.scoring.portable import PortableScoringStore
from passport_scorer.db.scoring.postgres import PostgresScoringStore
from passport_scorer.demo.issuer import EthereumIssuer
from passport_scorer.domain.api_keys import key_prefix
from passport_scorer.domain.score_view import ScoreView
from passport_scorer.services.container import Services
from passport_scorer.services.scoring import ScoringService
from tests.conftest import (
    WEIGHTS,
    create_postgres_database,
    drop_postgres_database,
    make_settings,
    postgres_url,
)
from tests.factories import World

pytestmark = pytest.mark.postgres

ALICE = "0x0000000000000000000000000000000000a11ce0"
BOB = "0x0000000000000000000000000000000000b0b000"
CAROL = "0x00000000000000000000000000000000000ca401"
NOW = datetime(2026, 6, 1, 12, 0, 0, 123456, tzinfo=UTC)
TABLES = (
    tables.registry_passport,
    tables.registry_stamp,
    tables.registry_score,
    tables.registry_hashscorerlink,
    tables.registry_event,
)


@dataclasses.dataclass
class Run:
    services: Services
    world: World
    clock: list[datetime]


async def _run(database_url: str, store: ScoringStore) -> AsyncIterator[Run]:
    built = Services.build(make_settings(database_url))
    clock = [NOW]
    scoring = ScoringService(store, built.credentials, clock=lambda: clock[0])
    services = dataclasses.replace(built, scoring=scoring)
    try:
        yield Run(services, World(services.db), clock)
    finally:
        await built.close()


@pytest.fixture
async def databases(template: str, tmp_path: Path) -> AsyncIterator[dict[str, str]]:
    """Three fresh databases: two on Postgres (one per store), one on SQLite."""
    names = [await create_postgres_database(template=template) for _ in range(2)]
    sqlite = tmp_path / "portable.sqlite3"
    await asyncio.to_thread(migrate, f"sqlite:///{sqlite}")
    yield {
        "fused on postgres": postgres_url(names[0]),
        "portable on postgres": postgres_url(names[1]),
        "portable on sqlite": f"sqlite:///{sqlite}",
    }
    for name in names:
        await drop_postgres_database(name)
    shutil.rmtree(tmp_path, ignore_errors=True)


STORES: dict[str, Callable[[], ScoringStore]] = {
    "fused on postgres": PostgresScoringStore,
    "portable on postgres": PortableScoringStore,
    "portable on sqlite": PortableScoringStore,
}


def _view(view: ScoreView) -> dict[str, Any]:
    return dataclasses.asdict(view)


SHARED = f"v0.0.0:Github:{ALICE}:shared"


async def _stamps(fixtures: dict[str, dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Signed once, so every run scores the very same credentials."""
    issuer = EthereumIssuer()
    return {
        ALICE: [
            fixtures["valid_google_alice"],
            await issuer.issue(ALICE, "Github", nullifiers=[SHARED], expires=NOW + timedelta(30)),
            await issuer.issue(ALICE, "Twitter", nullifiers=[f"v0.0.0:Twitter:{ALICE}"]),
        ],
        BOB: [
            fixtures["valid_google_bob_same_nullifier_as_alice"],
            await issuer.issue(BOB, "Github", nullifiers=[SHARED]),
            await issuer.issue(BOB, "Linkedin", nullifiers=[f"v0.0.0:Linkedin:{BOB}"]),
        ],
    }


async def _scenario(run: Run, stamps: dict[str, list[dict[str, Any]]]) -> list[Any]:
    """Every write path of the contract, in order; returns what each scoring answered."""
    world, services = run.world, run.services
    account = await world.account()
    community = await world.community(account, weights=WEIGHTS, threshold=Decimal("12"))
    key = await world.api_key(account)
    for address, credentials in stamps.items():
        await world.stamps(address, credentials)
    shared = SHARED
    answers: list[Any] = []

    async def score(address: str, *, by_key: bool = False) -> None:
        async with services.db.session() as ex:
            scoring = services.scoring
            if by_key:
                read = await scoring.read_for_key(ex, key, community, address)
                assert read.api_key is not None and read.api_key.prefix == key_prefix(key)
                view = await scoring.score_read(ex, read, address)
            else:
                view = await scoring.score_by_id(ex, community, address)
        answers.append(_view(view))

    await score(ALICE)  # new passport, score, links, stamps, SCU
    run.clock[0] = NOW + timedelta(minutes=1)
    await score(ALICE, by_key=True)  # rescore: update path, stored stamps unchanged
    run.clock[0] = NOW + timedelta(minutes=2)
    await score(BOB)  # clashes on two nullifiers: deduplicated, LDP events
    # Alice's Github link expires; Bob takes it over on his next scoring.
    async with world.transaction() as conn:
        await conn.execute(
            update(tables.registry_hashscorerlink)
            .where(tables.registry_hashscorerlink.c.hash == shared)
            .values(expires_at=NOW + timedelta(minutes=2))
        )
    run.clock[0] = NOW + timedelta(minutes=3)
    await score(BOB)
    # Alice loses a stamp: her stored stamps are replaced.
    async with world.transaction() as conn:
        await conn.execute(
            update(tables.ceramic_cache_ceramiccache)
            .where(
                tables.ceramic_cache_ceramiccache.c.address == ALICE,
                tables.ceramic_cache_ceramiccache.c.provider == "Twitter",
            )
            .values(deleted_at=NOW)
        )
    run.clock[0] = NOW + timedelta(minutes=4)
    await score(ALICE)
    await score(CAROL)  # no stamps at all
    # A failed scoring is stored as ERROR.
    async with world.transaction() as conn:
        await conn.execute(
            update(tables.account_community)
            .where(tables.account_community.c.id == community)
            .values(rule="FIFO")
        )
    run.clock[0] = NOW + timedelta(minutes=5)
    await score(ALICE)
    return answers


def _comparable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, Decimal):
        return str(value.normalize()) if value == value.to_integral() else str(value)
    if isinstance(value, dict):
        return {key: _comparable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_comparable(item) for item in value]
    return value


async def _rows(world: World) -> dict[str, list[dict[str, Any]]]:
    """Every row of the scoring tables. Left out: the ids of stamps (rewritten stamps get new
    ids, and SQLite reuses freed ones) and of events (their order among one write's events is
    not part of the contract)."""
    dump = {}
    for table in TABLES:
        rows = [_comparable(row) for row in await world.rows(table)]
        if table in (tables.registry_stamp, tables.registry_event):
            for row in rows:
                row.pop("id")
        if table is tables.registry_event:
            rows.sort(key=repr)
        dump[table.name] = rows
    return dump


async def test_both_stores_leave_the_same_rows_and_answers(
    databases: dict[str, str], fixture_credentials: dict[str, Any]
) -> None:
    stamps = await _stamps(fixture_credentials["credentials"])
    results = {}
    for name, url in databases.items():
        async for run in _run(url, STORES[name]()):
            answers = await _scenario(run, stamps)
            results[name] = (_comparable(answers), await _rows(run.world))
    reference_answers, reference_rows = results["fused on postgres"]
    # The scenario reached every path: dedup events, a takeover, an error row.
    assert any(row["action"] == "LDP" for row in reference_rows["registry_event"])
    assert [row["status"] for row in reference_rows["registry_score"]] == ["ERROR", "DONE", "DONE"]
    assert reference_answers[2]["stamps"]["Github"]["dedup"] is True
    assert reference_answers[3]["stamps"]["Github"]["dedup"] is False  # took the expired link
    for name, (answers, rows) in results.items():
        assert answers == reference_answers, name
        for table, expected in reference_rows.items():
            assert rows[table] == expected, f"{name}: {table}"

"""One request, one connection, one transaction: writes and later reads see each other
before commit; a failure rolls everything back; other connections see nothing until commit."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import httpx
import pytest
from sqlalchemy import bindparam, insert, select, update

from passport_scorer.api import errors
from passport_scorer.api.endpoint import Call, Endpoint
from passport_scorer.db import tables
from passport_scorer.db.engine import Database
from passport_scorer.errors import BadRequest
from passport_scorer.services.container import Services
from tests.factories import World

ADDRESS = "0x" + "ab" * 20
_PASSPORT = select(tables.registry_passport.c.id).where(
    tables.registry_passport.c.address == bindparam("address")
)


async def _passport_ids(world: World) -> list[Any]:
    return [row["id"] for row in await world.rows(tables.registry_passport, address=ADDRESS)]


async def test_a_write_and_a_following_read_share_the_transaction(
    db: Database, world: World, scorer: Any
) -> None:
    async with db.session() as ex, ex.transaction():
        await ex.execute(
            insert(tables.registry_passport).values(
                address=ADDRESS, community_id=scorer.community_id, requires_calculation=None
            )
        )
        # The request sees its own write...
        assert await ex.scalar(_PASSPORT, {"address": ADDRESS}) is not None
        # ...and a nested session in the same task is the same connection.
        async with db.session() as inner:
            assert inner is ex
            assert await inner.scalar(_PASSPORT, {"address": ADDRESS}) is not None
        # Another connection does not, before commit (SQLite: the writer holds the lock).
        if db.dialect == "postgresql":
            assert await _passport_ids(world) == []
    assert len(await _passport_ids(world)) == 1


async def _write_passport_and_score_then_fail(db: Database, community_id: int) -> None:
    async with db.session() as ex, ex.transaction():
        await ex.execute(
            insert(tables.registry_passport).values(
                address=ADDRESS, community_id=community_id, requires_calculation=None
            )
        )
        passport_id = await ex.scalar(_PASSPORT, {"address": ADDRESS})
        await ex.execute(
            insert(tables.registry_score).values(
                passport_id=passport_id,
                score=Decimal(1),
                status="DONE",
                last_score_timestamp=datetime.now(UTC),
                error=None,
                evidence={"rawScore": "1"},
                stamp_scores={},
                stamps={},
                expiration_date=None,
            )
        )
        raise RuntimeError("handler failed")


async def test_a_failure_rolls_back_every_write_of_the_transaction(
    db: Database, world: World, scorer: Any
) -> None:
    with pytest.raises(RuntimeError):
        await _write_passport_and_score_then_fail(db, scorer.community_id)
    assert await _passport_ids(world) == []
    assert await world.count(tables.registry_score) == 0


async def _flag_then_fail(ex: Any) -> None:
    async with ex.transaction():
        await ex.execute(
            update(tables.registry_passport)
            .where(tables.registry_passport.c.address == ADDRESS)
            .values(requires_calculation=True)
        )
        raise RuntimeError("inner step failed")


async def test_a_savepoint_rolls_back_alone(db: Database, world: World, scorer: Any) -> None:
    async with db.session() as ex, ex.transaction():
        await ex.execute(
            insert(tables.registry_passport).values(
                address=ADDRESS, community_id=scorer.community_id, requires_calculation=None
            )
        )
        with pytest.raises(RuntimeError):
            await _flag_then_fail(ex)
    rows = await world.rows(tables.registry_passport, address=ADDRESS)
    assert [row["requires_calculation"] for row in rows] == [None]


async def test_json_and_expanding_parameters_round_trip(db: Database, scorer: Any) -> None:
    async with db.session() as ex, ex.transaction():
        await ex.execute(
            insert(tables.registry_event),
            [
                {
                    "action": "SCU",
                    "address": ADDRESS,
                    "community_id": scorer.community_id,
                    "created_at": datetime.now(UTC),
                    "data": {"n": n, "nested": {"ok": True}},
                }
                for n in range(3)
            ],
        )
        events = tables.registry_event
        rows = await ex.all(
            select(events.c.data)
            .where(events.c.action.in_(bindparam("actions", expanding=True)))
            .order_by(events.c.id),
            {"actions": ["SCU", "LDP"]},
        )
    assert [row["data"] for row in rows] == [{"n": n, "nested": {"ok": True}} for n in range(3)]
    assert [row[0]["n"] for row in rows] == [0, 1, 2]


async def _write_then_fail(call: Call) -> None:
    ex = call.ex
    await ex.execute(
        insert(tables.registry_passport).values(
            address=ADDRESS, community_id=int(call.path["community"]), requires_calculation=None
        )
    )
    # The following read, in the same request, sees the uncommitted write...
    assert await ex.scalar(_PASSPORT, {"address": ADDRESS}) is not None
    # ...on the one connection this request holds, as do the service's own reads.
    assert call.services.db.pool_stats()[0] == 1
    async with call.services.db.session() as same:
        assert same is ex
    if call.request.query_params.get("fail"):
        raise BadRequest("refused after writing")


@pytest.mark.postgres
async def test_one_request_one_connection_one_transaction(
    services: Services, world: World, scorer: Any
) -> None:
    """Through a declared endpoint on Postgres: the request's write and read share one
    connection (the pool hands out exactly one), and a refusal rolls the write back."""
    from starlette.applications import Starlette

    point = Endpoint(
        "POST",
        "/probe/{community}",
        _write_then_fail,
        summary="probe",
        tag="test",
        transaction=True,
    )
    app = Starlette(routes=[point.route()])
    app.state.services = services
    errors.install(app)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://probe") as client:
        refused = await client.post(f"/probe/{scorer.community_id}?fail=1")
        assert refused.status_code == 400
        assert await _passport_ids(world) == []
        accepted = await client.post(f"/probe/{scorer.community_id}")
        assert accepted.status_code == 200
    assert len(await _passport_ids(world)) == 1
    assert services.db.pool_stats() == (0, 0)  # released

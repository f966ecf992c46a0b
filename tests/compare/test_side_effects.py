"""Rows the run left in each deployment's copy, compared per table by what identifies them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, update
from sqlalchemy.ext.asyncio import create_async_engine

from passport_scorer.compare.side_effects import SideEffects
from passport_scorer.db import tables
from passport_scorer.db.url import to_sqlalchemy_url
from tests.compare.conftest import ALICE, BOB, CAROL, Twins


async def test_changes_on_one_copy_are_reported_per_table(twins: Twins) -> None:
    community = twins.scorer.community_id
    effects = SideEffects(twins.left_db, twins.right_db)
    try:
        await effects.mark(datetime.now(UTC) - timedelta(seconds=1))
        same = await effects.compare([ALICE, BOB, CAROL])
        assert same["ok"] is True
        assert {name: t["left_rows"] for name, t in same["tables"].items()} == {
            "registry_score": 3,
            "registry_stamp": 5,  # Carol 1, Alice 3, Bob 1 (his Google stamp is deduplicated)
            "registry_hashscorerlink": 4,
            "registry_event": 0,  # nothing written since the mark
            "ceramic_cache_ceramiccache": 6,
        }

        engine = create_async_engine(to_sqlalchemy_url(twins.right_db))
        async with engine.begin() as conn:
            await conn.execute(
                update(tables.registry_hashscorerlink)
                .where(tables.registry_hashscorerlink.c.hash.like("v0.0.0:Google:%"))
                .values(address=BOB)
            )
            await conn.execute(
                insert(tables.registry_event).values(
                    action="SCU", address=ALICE, created_at=datetime.now(UTC), data={},
                    community_id=community,
                )
            )  # fmt: skip
            await conn.execute(
                update(tables.ceramic_cache_ceramiccache)
                .where(tables.ceramic_cache_ceramiccache.c.address == CAROL)
                .values(deleted_at=datetime.now(UTC))
            )
        await engine.dispose()

        report = await effects.compare([ALICE])  # Carol and Bob come in by their changes
    finally:
        await effects.close()

    tables_ = report["tables"]
    assert report["ok"] is False
    google = "v0.0.0:Google:0x0000000000000000000000000000000000a11ce0:fixture"
    assert tables_["registry_hashscorerlink"]["examples"] == [
        {"row": f"{google} community {community}", "columns": ["owner"],
         "left": {"owner": ALICE}, "right": {"owner": BOB}}
    ]  # fmt: skip
    [event] = tables_["registry_event"]["examples"]
    assert (event["row"], event["left"], event["right"]) == (
        f"SCU {ALICE} community {community}", None, {"count": 1},
    )  # fmt: skip
    [cache] = tables_["ceramic_cache_ceramiccache"]["examples"]
    assert (cache["row"], cache["right"]) == (f"{CAROL} Discord type 1", None)
    assert tables_["registry_score"]["differences"] == tables_["registry_stamp"]["differences"] == 0

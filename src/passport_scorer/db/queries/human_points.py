"""SQL for human points: `registry_humanpoints*` and the award lists (`account_addresslist*`).

Writes run inside the scoring's transaction. Every statement is built once per dialect;
the two reads are one round trip each (a `UNION ALL` of the few facts they need).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Integer,
    String,
    and_,
    bindparam,
    cast,
    exists,
    func,
    literal_column,
    null,
    select,
    true,
    union_all,
)
from sqlalchemy.sql import Executable

from passport_scorer.db.executor import Executor
from passport_scorer.db.queries.dialect import insert_for
from passport_scorer.db.tables import account_addresslist as lists
from passport_scorer.db.tables import account_addresslistmember as members
from passport_scorer.db.tables import registry_humanpoints as points
from passport_scorer.db.tables import registry_humanpointscommunityqualifiedusers as qualified
from passport_scorer.db.tables import registry_humanpointsconfig as configs
from passport_scorer.db.tables import registry_humanpointsmultiplier as multipliers
from passport_scorer.domain.human_points import (
    LIST_AWARDS,
    Action,
    Award,
    EarnedPoints,
    Holdings,
    ListAward,
    PointsSummary,
)

_ADDRESS = bindparam("address", type_=String)

# (kind, name, detail, number): the address's rows, its qualified communities, its lists.
_HELD, _QUALIFIED, _LISTED = 0, 1, 2
_HOLDINGS = union_all(
    select(
        literal_column(str(_HELD), Integer).label("kind"),
        points.c.action.label("name"),
        points.c.provider.label("detail"),
        cast(null(), Integer).label("number"),
    ).where(points.c.address == _ADDRESS),
    select(
        literal_column(str(_QUALIFIED), Integer),
        cast(null(), String),
        cast(null(), String),
        func.count(),
    ).where(qualified.c.address == _ADDRESS),
    select(
        literal_column(str(_LISTED), Integer),
        lists.c.name,
        cast(null(), String),
        cast(null(), Integer),
    )
    .select_from(members.join(lists, lists.c.id == members.c.list_id))
    .where(members.c.address == _ADDRESS, lists.c.name.in_([a.list_name for a in LIST_AWARDS])),
)

# (kind, action, chain_id, points, multiplier, position): earned points per action and
# chain (active configs only, `HIM` excluded), every active config, and eligibility.
_EARNED, _POSSIBLE, _ELIGIBLE = 0, 1, 2
_SUMMARY = union_all(
    select(
        literal_column(str(_EARNED), Integer).label("kind"),
        points.c.action.label("action"),
        points.c.chain_id.label("chain_id"),
        func.sum(configs.c.points).label("points"),
        func.max(func.coalesce(multipliers.c.multiplier, 1)).label("multiplier"),
        cast(null(), BigInteger).label("position"),
    )
    .select_from(
        points.join(
            configs, and_(configs.c.action == points.c.action, configs.c.active == true())
        ).outerjoin(multipliers, multipliers.c.address == points.c.address)
    )
    .where(points.c.address == _ADDRESS, points.c.action != Action.HUMAN_ID_MINT.value)
    .group_by(points.c.action, points.c.chain_id),
    select(
        literal_column(str(_POSSIBLE), Integer),
        configs.c.action,
        cast(null(), Integer),
        configs.c.points,
        cast(null(), Integer),
        configs.c.id,
    ).where(configs.c.active == true()),
    select(
        literal_column(str(_ELIGIBLE), Integer),
        cast(null(), String),
        cast(null(), Integer),
        cast(null(), Integer),
        cast(null(), Integer),
        cast(null(), BigInteger),
    ).where(exists().where(qualified.c.address == _ADDRESS)),
).order_by(
    literal_column("kind"),
    literal_column("position"),
    literal_column("action"),
    literal_column("chain_id"),
)

# Locks the list's row: holders of a capped award are counted and added one at a time.
_LOCK_LIST = select(lists.c.id).where(lists.c.name == bindparam("name")).with_for_update()
_HOLDERS = select(func.count()).where(points.c.action == bindparam("action"))


@dataclass(frozen=True, slots=True)
class _Statements:
    qualify: Executable
    award: Executable


_BY_DIALECT: dict[str, _Statements] = {}


def _statements(ex: Executor) -> _Statements:
    """The upserts, built once per dialect (so they are compiled once)."""
    built = _BY_DIALECT.get(ex.dialect)
    if built is None:
        qualify = (
            insert_for(ex, qualified)
            .values(address=_ADDRESS, community_id=bindparam("community_id"))
            .on_conflict_do_nothing(index_elements=["address", "community_id"])
        )
        award = (
            insert_for(ex, points)
            .values(
                address=_ADDRESS,
                action=bindparam("action"),
                timestamp=bindparam("timestamp"),
                tx_hash=bindparam("tx_hash"),
                chain_id=bindparam("chain_id"),
                provider=bindparam("provider"),
            )
            .on_conflict_do_nothing(
                index_elements=["address", "action", "chain_id", "provider", "tx_hash"]
            )
        )
        built = _BY_DIALECT[ex.dialect] = _Statements(qualify, award)
    return built


async def qualify(ex: Executor, address: str, community_id: int) -> None:
    """Record that `address` passed in `community_id` (once)."""
    await ex.execute(_statements(ex).qualify, {"address": address, "community_id": community_id})


async def holdings(ex: Executor, address: str) -> Holdings:
    rows = await ex.all(_HOLDINGS, {"address": address})
    return Holdings(
        rows=frozenset((row[1], row[2]) for row in rows if row[0] == _HELD),
        qualified_communities=sum(int(row[3]) for row in rows if row[0] == _QUALIFIED),
        lists=frozenset(row[1] for row in rows if row[0] == _LISTED),
    )


async def add(ex: Executor, address: str, awarded_at: datetime, awards: Sequence[Award]) -> None:
    """Write `awards` for `address` (a row that exists already is left as it is)."""
    if awards:
        await ex.execute(_statements(ex).award, [_award(address, awarded_at, a) for a in awards])


async def add_capped(ex: Executor, address: str, awarded_at: datetime, listed: ListAward) -> bool:
    """Write the list's award if fewer than its `cap` rows of that action exist; True if
    it was written.

    The list's row lock serialises every writer of this award, and the count is read after
    the lock is granted, so concurrent scorings never take the count past the cap.
    """
    assert listed.cap is not None
    await ex.execute(_LOCK_LIST, {"name": listed.list_name})
    if int(await ex.scalar(_HOLDERS, {"action": listed.action.value})) >= listed.cap:
        return False
    await add(ex, address, awarded_at, [Award(listed.action)])
    return True


async def summary(ex: Executor, address: str) -> PointsSummary:
    """The address's earned points, multiplier and eligibility, and every active config."""
    rows = await ex.all(_SUMMARY, {"address": address})
    earned = [EarnedPoints(row[1], int(row[2]), int(row[3])) for row in rows if row[0] == _EARNED]
    return PointsSummary(
        earned=earned,
        multiplier=next((int(row[4]) for row in rows if row[0] == _EARNED), 1),
        eligible=any(row[0] == _ELIGIBLE for row in rows),
        possible=[(row[1], int(row[3])) for row in rows if row[0] == _POSSIBLE],
    )


def _award(address: str, awarded_at: datetime, award: Award) -> dict[str, Any]:
    return {
        "address": address,
        "action": award.action.value,
        "timestamp": awarded_at,
        "tx_hash": award.tx_hash,
        "chain_id": award.chain_id,
        "provider": award.provider,
    }

"""SQL for reading `registry_event` score updates (`SCU`): a score as it stood at a time."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select

from passport_scorer.db.executor import Executor
from passport_scorer.db.tables import registry_event as events
from passport_scorer.domain.events import SCORE_UPDATED

_LATEST_AT = (
    select(events.c.data)
    .where(
        events.c.community_id == bindparam("community_id"),
        events.c.action == SCORE_UPDATED,
        events.c.address == bindparam("address"),
        events.c.created_at <= bindparam("until"),
    )
    # `score_history_index` (action, address, community_id, created_at) answers this in
    # order: the latest event is the first row read.
    .order_by(events.c.created_at.desc())
    .limit(1)
)


async def score_event_at(
    ex: Executor, community_id: int, address: str, until: datetime
) -> Mapping[str, Any] | None:
    """The data of the address's last score update in the community at or before `until`."""
    row = await ex.first(
        _LATEST_AT, {"community_id": community_id, "address": address, "until": until}
    )
    if row is None:
        return None
    data = row[0]
    return data if isinstance(data, Mapping) else {}

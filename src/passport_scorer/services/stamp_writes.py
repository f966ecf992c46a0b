"""Changing an address's cached stamps, then rescoring it: one use case per function, shared
by the app's bulk routes and the embed service's stamp route.

Each runs inside the request's transaction (the routes declare `transaction=True`): the
stamp changes and the rescore commit together or not at all. Writers of one address take
turns (`lock_address`), so concurrent submissions leave one live row per provider and a
score computed from the rows that survive.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from passport_scorer.db.executor import Executor
from passport_scorer.db.queries import ceramic_cache
from passport_scorer.domain.cache_stamps import AppStamp, Source, Submitted, new_rows
from passport_scorer.domain.communities import Community
from passport_scorer.domain.score_view import ScoreView
from passport_scorer.errors import StampNotFound
from passport_scorer.services.scoring import ScoringService


@dataclass(frozen=True, slots=True)
class StampsAndScore:
    """The address's stamps after the change, and its new score."""

    stamps: list[AppStamp]
    score: ScoreView


async def replace_stamps(
    ex: Executor,
    scoring: ScoringService,
    community: Community,
    address: str,
    items: Sequence[Submitted],
    source: Source,
) -> StampsAndScore:
    """Soft-delete the address's live rows of the items' providers, insert the items that
    carry a credential, rescore the address in `community`."""
    now = datetime.now(UTC)
    await ceramic_cache.lock_address(ex, address)
    await ceramic_cache.soft_delete(ex, address, [item.provider for item in items], now)
    await ceramic_cache.insert_rows(ex, address, new_rows(items), source, now)
    return await _rescored(ex, scoring, community, address)


async def remove_stamps(
    ex: Executor,
    scoring: ScoringService,
    community: Community,
    address: str,
    providers: Sequence[str],
) -> StampsAndScore:
    """Soft-delete the address's live rows of these providers (404 if there is none), then
    rescore the address in `community`."""
    await ceramic_cache.lock_address(ex, address)
    if not await ceramic_cache.soft_delete(ex, address, providers, datetime.now(UTC)):
        raise StampNotFound()
    return await _rescored(ex, scoring, community, address)


async def _rescored(
    ex: Executor, scoring: ScoringService, community: Community, address: str
) -> StampsAndScore:
    score = await scoring.score(ex, community, address)
    return StampsAndScore(await ceramic_cache.app_stamps(ex, address), score)

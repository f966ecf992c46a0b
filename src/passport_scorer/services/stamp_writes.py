"""Changing an address's cached stamps, then rescoring it: one use case per function, shared
by the app's bulk routes and the embed service's stamp route.

Each runs inside the request's transaction (the routes declare `transaction=True`): the
stamp changes and the rescore commit together or not at all, so a community that turns out
not to exist (`missing`, raised after the writes) leaves nothing written. Writers of one
address take turns (`lock_address`), so concurrent submissions leave one live row per
provider and a score computed from the rows that survive.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from passport_scorer.db.executor import Executor
from passport_scorer.db.queries import ceramic_cache
from passport_scorer.domain.cache_stamps import AppStamp, Source, Submitted, new_rows
from passport_scorer.domain.score_view import ScoreView
from passport_scorer.errors import ScorerError, StampNotFound
from passport_scorer.services.scoring import ScoringService


@dataclass(frozen=True, slots=True)
class StampsAndScore:
    """The address's stamps after the change, and its new score."""

    stamps: list[AppStamp]
    score: ScoreView


@dataclass(frozen=True, slots=True)
class ScoredIn:
    """The community to rescore in, and the error if it does not exist."""

    community_id: int
    missing: type[ScorerError]


async def replace_stamps(
    ex: Executor,
    scoring: ScoringService,
    target: ScoredIn,
    address: str,
    items: Sequence[Submitted],
    source: Source,
) -> StampsAndScore:
    """Soft-delete the address's live rows of the items' providers, insert the items that
    carry a credential, rescore the address."""
    now = scoring.clock()
    await ceramic_cache.lock_address(ex, address)
    await ceramic_cache.soft_delete(ex, address, [item.provider for item in items], now)
    await ceramic_cache.insert_rows(ex, address, new_rows(items), source, now)
    return await _rescored(ex, scoring, target, address)


async def remove_stamps(
    ex: Executor,
    scoring: ScoringService,
    target: ScoredIn,
    address: str,
    providers: Sequence[str],
) -> StampsAndScore:
    """Soft-delete the address's live rows of these providers (404 if there is none), then
    rescore the address."""
    await ceramic_cache.lock_address(ex, address)
    if not await ceramic_cache.soft_delete(ex, address, providers, scoring.clock()):
        raise StampNotFound()
    return await _rescored(ex, scoring, target, address)


async def _rescored(
    ex: Executor, scoring: ScoringService, target: ScoredIn, address: str
) -> StampsAndScore:
    # One read brings the community and the address's state (after the writes above).
    score = await scoring.score_by_id(ex, target.community_id, address, missing=target.missing)
    return StampsAndScore(await ceramic_cache.app_stamps(ex, address), score)

"""Human points around a scoring: what it earns, written with its score; what answers show.

Built only when `HUMAN_POINTS_ENABLED` (otherwise scoring does no points work at all). The
points a passing scoring earns (`domain/human_points.py`) are written in one transaction with
the score: both commit, or neither does. Every score answer of a community in the programme
carries the address's points.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from passport_scorer.config import Settings
from passport_scorer.db.errors import describe, is_database_error, is_retryable, is_unavailable
from passport_scorer.db.executor import Executor
from passport_scorer.db.queries import human_points as queries
from passport_scorer.db.scoring import ScoreWrite
from passport_scorer.domain.communities import Community
from passport_scorer.domain.human_points import (
    PointsPlan,
    PointsRules,
    capped_awards,
    new_awards,
    plan_points,
    points_data,
    possible_points_data,
)
from passport_scorer.domain.score_view import ScoreView
from passport_scorer.errors import ScoringFailed

log = logging.getLogger(__name__)

POINTS_WRITE_FAILED = "Failed to record human points."


@dataclass(frozen=True, slots=True)
class HumanPointsService:
    rules: PointsRules

    @classmethod
    def from_settings(cls, settings: Settings) -> HumanPointsService | None:
        """None unless `HUMAN_POINTS_ENABLED`."""
        if settings.HUMAN_POINTS_ENABLED != "on":
            return None
        return cls(
            PointsRules(
                shown=True,
                written=settings.HUMAN_POINTS_WRITE_ENABLED == "on",
                start_timestamp=settings.HUMAN_POINTS_START_TIMESTAMP,
                metamask_og=settings.HUMAN_POINTS_MTA_ENABLED == "on",
            )
        )

    def plan(self, community: Community, outcome: ScoreWrite) -> PointsPlan | None:
        """What this scoring earns, if anything."""
        return plan_points(
            self.rules,
            address=outcome.address,
            community_id=outcome.community_id,
            in_programme=community.human_points_program,
            binary_score=outcome.binary_score,
            kept=[(stamp.provider, stamp.credential_json) for stamp in outcome.kept],
            now=outcome.scored_at,
        )

    async def write_with_score(
        self, ex: Executor, write_score: Callable[[], Awaitable[bool]], plan: PointsPlan
    ) -> bool:
        """The score write and the points of `plan` in one transaction (a savepoint inside
        another): a score write that finds its data changed writes no points, and a failed
        points write takes the score write back with it."""
        async with ex.transaction():
            if not await write_score():
                return False
            try:
                await self.record(ex, plan)
            except Exception as error:
                # An outage (503) or a lost race (retried) stays what it is; anything else
                # fails the scoring, with a message and a log line free of database text.
                if is_unavailable(error) or is_retryable(error):
                    raise
                context = {"community_id": plan.community_id}
                if is_database_error(error):
                    log.error("human points write failed", extra={**context, **describe(error)})
                else:
                    log.exception("human points write failed", extra=context)
                raise ScoringFailed(POINTS_WRITE_FAILED) from error
        return True

    async def record(self, ex: Executor, plan: PointsPlan) -> None:
        """Qualify the address in the community, then write what it has not earned yet."""
        await queries.qualify(ex, plan.address, plan.community_id)
        holdings = await queries.holdings(ex, plan.address)
        await queries.add(ex, plan.address, plan.awarded_at, new_awards(plan, holdings))
        for listed in capped_awards(plan, holdings):
            await queries.add_capped(ex, plan.address, plan.awarded_at, listed)

    async def show(self, ex: Executor, community: Community, view: ScoreView) -> ScoreView:
        """`view` with the address's points, for a community in the programme."""
        if not (self.rules.shown and community.human_points_program):
            return view
        summary = await queries.summary(ex, view.address)
        return view.with_points(points_data(summary), possible_points_data(summary))

"""The Passport app's reads: its community, its score (stored unless missing or expired) and
its stamps (scored first when the address has no score yet).

The app's stamps are scored in one community, `CERAMIC_CACHE_SCORER_ID`; without it (or
without the sign-in tokens' public key) the app's routes answer 503, and `serve` says so once
at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from passport_scorer.db.executor import Executor
from passport_scorer.db.queries import ceramic_cache, stored_scores
from passport_scorer.db.queries.stored_scores import CommunityScore
from passport_scorer.domain.cache_stamps import AppStamp
from passport_scorer.domain.communities import BIGINT_MAX, BIGINT_MIN
from passport_scorer.domain.score_view import ScoreView, StoredScore, stored
from passport_scorer.errors import CeramicScorerMissing, NotConfigured
from passport_scorer.services.scoring import ScoringService


@dataclass(frozen=True, slots=True)
class CeramicScorer:
    """`CERAMIC_CACHE_SCORER_ID`: the community the app's stamps are scored in."""

    community_id: int | None = None

    def required(self) -> int:
        if self.community_id is None:
            raise NotConfigured("This route needs CERAMIC_CACHE_SCORER_ID, which is not set.")
        return self.community_id

    def chosen(self, alternate: int | None) -> int:
        """The app's community, or the one the request names instead (the reference's
        `alternate_scorer_id`; 0 means none)."""
        configured = self.required()
        return alternate or configured


def _in_range(community_id: int) -> bool:
    return BIGINT_MIN <= community_id <= BIGINT_MAX


async def _stored(ex: Executor, community_id: int, address: str) -> CommunityScore:
    """The community (404 if it does not exist) and the address's stored score in it."""
    found = None
    if _in_range(community_id):
        found = await stored_scores.community_score(ex, community_id, address)
    if found is None:
        raise CeramicScorerMissing()
    return found


def expired(score: StoredScore, now: datetime) -> bool:
    """Past its `expiration_date` (a score without one is kept, as the reference keeps it)."""
    return score.expiration_date is not None and score.expiration_date < now


async def rescore(
    ex: Executor, scoring: ScoringService, community_id: int, address: str
) -> ScoreView:
    return await scoring.score_by_id(ex, community_id, address, missing=CeramicScorerMissing)


async def app_score(
    ex: Executor, scoring: ScoringService, community_id: int, address: str
) -> ScoreView:
    """The stored score, or a fresh one when there is none or it has expired."""
    found = await _stored(ex, community_id, address)
    if found.score is None or expired(found.score, scoring.clock()):
        return await rescore(ex, scoring, community_id, address)
    view = stored(address, found.score)
    if scoring.points is None:
        return view
    return await scoring.points.show(ex, found.community, view)  # as on every score answer


async def stamps_scored_first(
    ex: Executor, scoring: ScoringService, community_id: int, address: str
) -> list[AppStamp]:
    """The address's stamps; an address never scored in the app's community is scored first,
    as the reference does on the app's first visit."""
    if (await _stored(ex, community_id, address)).score is None:
        await rescore(ex, scoring, community_id, address)
    return await ceramic_cache.app_stamps(ex, address)

"""The Passport app's reads: its community, its score (stored unless missing or expired) and
its stamps (scored first when the address has no score yet).

The app's stamps are scored in one community, `CERAMIC_CACHE_SCORER_ID`; without it (or
without the sign-in tokens' public key) the app's routes answer 503, and `serve` says so once
at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from passport_scorer.config import Settings
from passport_scorer.db.executor import Executor
from passport_scorer.db.queries import ceramic_cache, communities, stored_scores
from passport_scorer.domain.cache_stamps import AppStamp
from passport_scorer.domain.communities import BIGINT_MAX, BIGINT_MIN, Community
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


def unconfigured_settings(settings: Settings) -> list[str]:
    """The settings the app's routes need and lack (each such route answers 503)."""
    needed = {
        "CERAMIC_CACHE_SCORER_ID": settings.CERAMIC_CACHE_SCORER_ID,
        "SIWE_JWT_PUBLIC_KEY": settings.SIWE_JWT_PUBLIC_KEY,
    }
    return [name for name, value in needed.items() if value is None]


def _in_range(community_id: int) -> bool:
    return BIGINT_MIN <= community_id <= BIGINT_MAX


async def community(ex: Executor, community_id: int) -> Community:
    """The community with its scorer, or 404 (`CERAMIC_CACHE_SCORER_ID` names none)."""
    found = await communities.get_by_id(ex, community_id) if _in_range(community_id) else None
    if found is None:
        raise CeramicScorerMissing()
    return found


def needs_rescore(score: StoredScore | None, now: datetime) -> bool:
    """The reference refreshes a missing score or one past its `expiration_date` (a score
    without one is kept)."""
    return score is None or (score.expiration_date is not None and score.expiration_date < now)


async def app_score(
    ex: Executor, scoring: ScoringService, community_id: int, address: str
) -> ScoreView:
    """The stored score, or a fresh one when there is none or it has expired."""
    found = (
        await stored_scores.community_score(ex, community_id, address)
        if _in_range(community_id)
        else None
    )
    if found is None:
        raise CeramicScorerMissing()
    if needs_rescore(found.score, datetime.now(UTC)):
        return await scoring.score(ex, await community(ex, community_id), address)
    assert found.score is not None
    return stored(address, found.score)


async def rescore(
    ex: Executor, scoring: ScoringService, community_id: int, address: str
) -> ScoreView:
    return await scoring.score(ex, await community(ex, community_id), address)


async def stamps_scored_first(
    ex: Executor, scoring: ScoringService, community_id: int, address: str
) -> list[AppStamp]:
    """The address's stamps; an address never scored in the app's community is scored first,
    as the reference does on the app's first visit."""
    found = await stored_scores.community_score(ex, community_id, address)
    if found is None:
        raise CeramicScorerMissing()
    if found.score is None:
        await scoring.score(ex, await community(ex, community_id), address)
    return await ceramic_cache.app_stamps(ex, address)

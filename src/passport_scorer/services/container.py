"""Everything a request needs, built once per process."""

from __future__ import annotations

from dataclasses import dataclass

from passport_scorer.config import Settings
from passport_scorer.db.engine import Database
from passport_scorer.db.scoring import ScoringStore
from passport_scorer.db.scoring.portable import PortableScoringStore
from passport_scorer.db.scoring.postgres import PostgresScoringStore
from passport_scorer.domain.proofs import verify_with_didkit
from passport_scorer.domain.stamps import CredentialChecker
from passport_scorer.observability.skipped_stamps import SkippedStamps
from passport_scorer.services.analytics import AnalyticsRecorder
from passport_scorer.services.rate_limits import (
    InProcessLimiter,
    RateLimiter,
    RedisLimiter,
    Unlimited,
)
from passport_scorer.services.scoring import ScoringService


def scoring_store(db: Database) -> ScoringStore:
    """The fused asyncpg store on Postgres; the portable one elsewhere."""
    if db.dialect == "postgresql":
        return PostgresScoringStore(db)
    return PortableScoringStore(db)


@dataclass(frozen=True)
class Services:
    settings: Settings
    db: Database
    credentials: CredentialChecker
    scoring: ScoringService
    rate_limiter: RateLimiter
    analytics: AnalyticsRecorder | None

    @classmethod
    def build(cls, settings: Settings, db: Database | None = None) -> Services:
        db = db or Database.from_settings(settings)
        credentials = CredentialChecker(
            trusted_issuers=settings.trusted_issuers,
            multi_nullifier=settings.multi_nullifier,
            verify=verify_with_didkit,
            cache_size=settings.PROOF_CACHE_SIZE,
            report=SkippedStamps(interval=settings.SKIPPED_STAMPS_LOG_SECONDS),
        )
        scoring = ScoringService(
            store=scoring_store(db),
            credentials=credentials,
            demo_scorer_id=settings.DEMO_API_SCORER_ID,
        )
        analytics = (
            AnalyticsRecorder(db, flush_interval=settings.ANALYTICS_FLUSH_SECONDS)
            if settings.FF_API_ANALYTICS == "on"
            else None
        )
        return cls(settings, db, credentials, scoring, rate_limiter(settings), analytics)

    async def close(self) -> None:
        if self.analytics is not None:
            await self.analytics.close()
        if isinstance(self.rate_limiter, RedisLimiter):
            await self.rate_limiter.close()
        await self.db.dispose()


def rate_limiter(settings: Settings) -> RateLimiter:
    """None unless `RATELIMIT_ENABLE`; shared through Redis when `REDIS_URL` is set."""
    if settings.RATELIMIT_ENABLE != "on":
        return Unlimited()
    if settings.REDIS_URL is not None:
        return RedisLimiter(settings.REDIS_URL.get_secret_value())
    return InProcessLimiter()

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
from passport_scorer.services.rate_limits import RateLimiter, Unlimited
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

    @classmethod
    def build(cls, settings: Settings, db: Database | None = None) -> Services:
        db = db or Database.from_settings(settings)
        credentials = CredentialChecker(
            trusted_issuers=settings.trusted_issuers,
            multi_nullifier=settings.multi_nullifier,
            verify=verify_with_didkit,
            cache_size=settings.PROOF_CACHE_SIZE,
        )
        scoring = ScoringService(
            store=scoring_store(db),
            credentials=credentials,
            demo_scorer_id=settings.DEMO_API_SCORER_ID,
        )
        return cls(settings, db, credentials, scoring, Unlimited())

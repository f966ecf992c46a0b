"""The composition root: every service and adapter, built once per process from settings.

Handlers and `api/` read nothing from settings themselves: what they need (the API-key
reader with its demo aliases, the internal token, the rate limiter, the scoring service, ...)
is built here. Every adapter that holds a resource (database pools, Redis, the analytics
writer) is `Closable` and closed by `Services.close()`, in reverse order of construction.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field
from typing import Protocol

from passport_scorer.adapters.ethereum_rpc import SmartWalletVerifier
from passport_scorer.config import Settings
from passport_scorer.db.engine import Database
from passport_scorer.db.scoring import ScoringStore
from passport_scorer.db.scoring.portable import PortableScoringStore
from passport_scorer.db.scoring.postgres import PostgresScoringStore
from passport_scorer.domain.api_keys import extract_api_key
from passport_scorer.domain.app_tokens import (
    AppTokenIssuer,
    AppTokenVerifier,
    load_private_key,
    load_public_key,
)
from passport_scorer.domain.proofs import verify_with_didkit
from passport_scorer.domain.stamps import CredentialChecker
from passport_scorer.observability.skipped_stamps import SkippedStamps
from passport_scorer.services.analytics import AnalyticsRecorder
from passport_scorer.services.api_keys import Pbkdf2Checks
from passport_scorer.services.ceramic_cache import CeramicScorer
from passport_scorer.services.human_points import HumanPointsService
from passport_scorer.services.rate_limits import (
    InProcessLimiter,
    RateLimiter,
    RedisLimiter,
    Unlimited,
)
from passport_scorer.services.scoring import ScoringService
from passport_scorer.services.sign_in import SignIn
from passport_scorer.services.stamp_metadata import StampMetadataSource


def scoring_store(db: Database) -> ScoringStore:
    """The fused asyncpg store on Postgres; the portable one elsewhere."""
    if db.dialect == "postgresql":
        return PostgresScoringStore()
    return PortableScoringStore()


class Closable(Protocol):
    async def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class ApiKeyReader:
    """Where a public request's API key is (`X-API-Key`, else `Authorization`), with the
    demo aliases (`DEMO_API_KEY_ALIASES` → `DEMO_API_KEY`)."""

    demo_key: str | None = None
    demo_aliases: frozenset[str] = frozenset()

    def read(self, x_api_key: str | None, authorization: str | None) -> str | None:
        return extract_api_key(
            x_api_key, authorization, demo_key=self.demo_key, demo_aliases=self.demo_aliases
        )


@dataclass(frozen=True, slots=True)
class InternalToken:
    """`CGRANTS_API_TOKEN`; unset, nothing matches."""

    expected: bytes | None

    def matches(self, given: str) -> bool:
        return self.expected is not None and hmac.compare_digest(given.encode(), self.expected)


@dataclass(frozen=True)
class Services:
    settings: Settings
    db: Database
    credentials: CredentialChecker
    scoring: ScoringService
    rate_limiter: RateLimiter
    analytics: AnalyticsRecorder | None
    pbkdf2: Pbkdf2Checks
    api_key_reader: ApiKeyReader = field(default_factory=ApiKeyReader)
    internal_token: InternalToken = field(default_factory=lambda: InternalToken(None))
    # The Passport app's stamp metadata (None: `PASSPORT_PUBLIC_URL` is not set).
    stamp_metadata: StampMetadataSource | None = None
    # The Passport app's routes: their token check and their community (unset: 503).
    app_tokens: AppTokenVerifier | None = None
    ceramic_scorer: CeramicScorer = field(default_factory=CeramicScorer)
    # Sign-in (None: `SIWE_JWT_PRIVATE_KEY` is not set, it answers 503).
    sign_in: SignIn | None = None

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
            points=HumanPointsService.from_settings(settings),
        )
        analytics = (
            AnalyticsRecorder(db, flush_interval=settings.ANALYTICS_FLUSH_SECONDS)
            if settings.FF_API_ANALYTICS == "on"
            else None
        )
        demo_key = settings.DEMO_API_KEY
        token = settings.CGRANTS_API_TOKEN
        return cls(
            settings,
            db,
            credentials,
            scoring,
            rate_limiter(settings),
            analytics,
            Pbkdf2Checks(db),
            api_key_reader=ApiKeyReader(
                demo_key.get_secret_value() if demo_key else None, settings.DEMO_API_KEY_ALIASES
            ),
            internal_token=InternalToken(token.get_secret_value().encode() if token else None),
            stamp_metadata=(
                StampMetadataSource(settings.PASSPORT_PUBLIC_URL)
                if settings.PASSPORT_PUBLIC_URL
                else None
            ),
            app_tokens=app_token_verifier(settings),
            ceramic_scorer=CeramicScorer(settings.CERAMIC_CACHE_SCORER_ID),
            sign_in=sign_in(settings),
        )

    def closables(self) -> list[Closable]:
        """What holds resources, in the order it was built."""
        held: list[Closable] = []
        if isinstance(self.rate_limiter, RedisLimiter):
            held.append(self.rate_limiter)
        if self.analytics is not None:
            held.append(self.analytics)  # writes through the database: closed before it
        if self.stamp_metadata is not None:
            held.append(self.stamp_metadata)
        if self.sign_in is not None and isinstance(self.sign_in.smart_wallets, SmartWalletVerifier):
            held.append(self.sign_in.smart_wallets)
        return held

    async def close(self) -> None:
        for adapter in reversed(self.closables()):
            await adapter.close()
        await self.db.dispose()


def app_token_verifier(settings: Settings) -> AppTokenVerifier | None:
    """The app's token check, its public key parsed once (`SIWE_JWT_PUBLIC_KEY`, else the
    public half of `SIWE_JWT_PRIVATE_KEY`); None without either."""
    secret = settings.SECRET_KEY.get_secret_value() if settings.SECRET_KEY else None
    if settings.SIWE_JWT_PUBLIC_KEY is not None:
        return AppTokenVerifier(load_public_key(settings.SIWE_JWT_PUBLIC_KEY), secret)
    if settings.SIWE_JWT_PRIVATE_KEY is not None:
        private = load_private_key(settings.SIWE_JWT_PRIVATE_KEY.get_secret_value())
        return AppTokenVerifier(private.public_key(), secret)
    return None


def sign_in(settings: Settings) -> SignIn | None:
    """Sign-in with its token key and allowed domains, and the smart-wallet check when
    `ETHEREUM_RPC_URL` is set; None without `SIWE_JWT_PRIVATE_KEY`."""
    if settings.SIWE_JWT_PRIVATE_KEY is None:
        return None
    key = load_private_key(settings.SIWE_JWT_PRIVATE_KEY.get_secret_value())
    rpc = settings.ETHEREUM_RPC_URL
    wallets = (
        SmartWalletVerifier(rpc.get_secret_value(), timeout=settings.ETHEREUM_RPC_TIMEOUT_SECONDS)
        if rpc is not None
        else None
    )
    return SignIn(AppTokenIssuer(key), tuple(settings.SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE), wallets)


def rate_limiter(settings: Settings) -> RateLimiter:
    """None unless `RATELIMIT_ENABLE`; shared through Redis when `REDIS_URL` is set."""
    if settings.RATELIMIT_ENABLE != "on":
        return Unlimited()
    if settings.REDIS_URL is not None:
        return RedisLimiter(settings.REDIS_URL.get_secret_value())
    return InProcessLimiter()

"""Configuration: one typed settings object read from the environment.

Names follow the reference service wherever it has one (`DATABASE_URL`,
`TRUSTED_IAM_ISSUERS`, `CGRANTS_API_TOKEN`, `FF_MULTI_NULLIFIER`, ...), so an
existing deployment's environment works unchanged.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from functools import lru_cache
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
)

# The reference's defaults: two placeholder DIDs that sign nothing real, so a
# scorer with no TRUSTED_IAM_ISSUERS configured trusts no real issuer.
DEFAULT_TRUSTED_IAM_ISSUERS = [
    "did:key:GlMY_1zkc0i11O-wMBWbSiUfIkZiXzFLlAQ89pdfyBA",
    "did:ethr:0xabczyx",
]
DEFAULT_DATABASE_URL = "sqlite:///./passport_scorer.sqlite3"

Switch = Literal["on", "off"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR"]
REDIS_SCHEMES = ("redis://", "rediss://", "unix://")


class ConfigurationError(Exception):
    """A setting is missing or invalid; the message is one line for the operator."""


def _parse_switch(value: object) -> object:
    """Accept the reference's spellings of on/off flags (`on`, `true`, `1`, ...)."""
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in {"on", "true", "1", "yes"}:
            return "on"
        if lowered in {"off", "false", "0", "no", ""}:
            return "off"
    return value


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    DATABASE_URL: str = DEFAULT_DATABASE_URL
    TRUSTED_IAM_ISSUERS: list[str] = Field(
        default_factory=lambda: list(DEFAULT_TRUSTED_IAM_ISSUERS)
    )

    # Internal (`/internal/*`) routes compare the whole Authorization header with
    # this token. Unset means every internal request is refused.
    CGRANTS_API_TOKEN: SecretStr | None = None
    # The reference's Django secret: it signs the app's legacy HS256 access tokens.
    SECRET_KEY: SecretStr | None = None

    # The Passport app's routes (`/ceramic-cache/*`): the community its stamps are scored in
    # (also the embed weights' default) and the public key of the sign-in tokens (RS256; PEM,
    # or base64 of PEM). Unset, those routes answer 503.
    CERAMIC_CACHE_SCORER_ID: int | None = None
    SIWE_JWT_PUBLIC_KEY: str | None = None

    # Sign-in (`/account/nonce`, `/ceramic-cache/authenticate*`): the RSA key that signs the
    # app's access tokens (PEM, or base64 of PEM; unset: sign-in answers 503; without
    # SIWE_JWT_PUBLIC_KEY its public half verifies them), the domains a signed message may
    # name (a JSON list, compared case-insensitively; empty refuses every sign-in), and an
    # Ethereum mainnet JSON-RPC endpoint for smart-wallet signatures (ERC-6492 / ERC-1271;
    # unset: only ordinary account signatures are accepted).
    SIWE_JWT_PRIVATE_KEY: SecretStr | None = None
    SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE: list[str] = Field(default_factory=list)
    ETHEREUM_RPC_URL: SecretStr | None = None
    ETHEREUM_RPC_TIMEOUT_SECONDS: float = Field(default=5.0, gt=0, le=60)

    FF_MULTI_NULLIFIER: Switch = "off"
    FF_API_ANALYTICS: Switch = "off"
    RATELIMIT_ENABLE: Switch = "off"

    # Usage rows are written in batches at most this long after their request; 0 writes each
    # request's row before the request ends (AWS Lambda freezes a container between requests).
    ANALYTICS_FLUSH_SECONDS: float = Field(default=0.25, ge=0)

    # Rate-limit counters shared by every worker and instance; unset = counted per process.
    REDIS_URL: SecretStr | None = None

    DEMO_API_SCORER_ID: int | None = None
    DEMO_API_KEY: SecretStr | None = None
    DEMO_API_KEY_ALIASES: frozenset[str] = frozenset()

    # The Passport app's public URL: the stamp metadata routes relay its `stampMetadata.json`
    # (unset: those routes answer 503 naming this setting).
    PASSPORT_PUBLIC_URL: str | None = None

    # Connection pool per worker process.
    DB_POOL_SIZE: int = Field(default=10, ge=1, le=200)
    DB_POOL_TIMEOUT_SECONDS: float = Field(default=3.0, gt=0)
    DB_STATEMENT_TIMEOUT_SECONDS: float = Field(default=10.0, gt=0)

    # Checked credentials remembered per worker (verdicts never change for the same bytes).
    PROOF_CACHE_SIZE: int = Field(default=20_000, ge=0)

    LOG_LEVEL: LogLevel = "INFO"
    # Libraries' own loggers (database drivers, HTTP server): quiet unless asked for.
    LIBRARY_LOG_LEVEL: LogLevel = "WARNING"
    # One JSON line per request (method, route template, status, duration, request id).
    ACCESS_LOG: Switch = "on"
    # OpenTelemetry traces over OTLP/gRPC when set (needs the `otel` extra).
    OTEL_EXPORTER_OTLP_ENDPOINT: str | None = None
    # Skipped-stamp summaries (untrusted issuer) are logged at most once per issuer per interval.
    SKIPPED_STAMPS_LOG_SECONDS: float = Field(default=60.0, ge=0)

    # `passport-scorer serve` (Granian's HTTP/1 settings): the largest request head (request
    # line and headers) a connection may buffer, larger is 431; and how long a client may take
    # to send it before the connection is closed.
    HTTP_MAX_BUFFER_SIZE: int = Field(default=417_792, ge=8_192, le=16_777_216)
    HTTP_HEADER_READ_TIMEOUT_SECONDS: float = Field(default=30.0, gt=0, le=3_600)

    # --- Human points (the reference's names; `domain/human_points.py`) ---------------------
    # Points data in the score answers of communities in the programme; off: always null.
    HUMAN_POINTS_ENABLED: Switch = "off"
    # Passing scorings in the programme record the points they earn (needs the one above).
    HUMAN_POINTS_WRITE_ENABLED: Switch = "off"
    # Unix time in seconds; scorings before it earn no points.
    HUMAN_POINTS_START_TIMESTAMP: int = Field(default=0, ge=0)
    # MetaMask OG points (`MM2`) for addresses on the list `MetaMaskOG2`.
    HUMAN_POINTS_MTA_ENABLED: Switch = "off"

    @field_validator(
        "HUMAN_POINTS_ENABLED", "HUMAN_POINTS_WRITE_ENABLED", "HUMAN_POINTS_MTA_ENABLED",
        mode="before",
    )  # fmt: skip
    @classmethod
    def _points_switch(cls, value: object) -> object:
        return _parse_switch(value)

    @field_validator("HUMAN_POINTS_WRITE_ENABLED")
    @classmethod
    def _points_written_only_when_enabled(cls, value: Switch, info: ValidationInfo) -> Switch:
        if value == "on" and info.data.get("HUMAN_POINTS_ENABLED") != "on":
            raise ValueError("needs HUMAN_POINTS_ENABLED=on (human points are off without it)")
        return value

    # ----------------------------------------------------------------------------------------

    @field_validator(
        "FF_MULTI_NULLIFIER", "FF_API_ANALYTICS", "RATELIMIT_ENABLE", "ACCESS_LOG", mode="before"
    )
    @classmethod
    def _switch(cls, value: object) -> object:
        return _parse_switch(value)

    @field_validator("TRUSTED_IAM_ISSUERS")
    @classmethod
    def _issuers(cls, value: list[str]) -> list[str]:
        if any(not issuer.strip() for issuer in value):
            raise ValueError("issuers must be non-empty strings")
        return value

    @field_validator(
        "TRUSTED_IAM_ISSUERS", "DEMO_API_KEY_ALIASES", "SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE",
        mode="before",
    )  # fmt: skip
    @classmethod
    def _json_list(cls, value: object) -> object:
        if isinstance(value, str):
            try:
                value = json.loads(value) if value.strip() else []
            except json.JSONDecodeError as exc:
                raise ValueError("must be a JSON list of strings") from exc
        return value

    @field_validator("PASSPORT_PUBLIC_URL")
    @classmethod
    def _public_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL")
        return value

    @field_validator("LOG_LEVEL", "LIBRARY_LOG_LEVEL", mode="before")
    @classmethod
    def _level(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("REDIS_URL")
    @classmethod
    def _redis_url(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None:
            return None
        url = value.get_secret_value().strip()
        if not url:
            return None  # empty = unset
        if not url.startswith(REDIS_SCHEMES):
            if "://" not in url:
                raise ValueError("not a URL (expected redis://[:password@]host:port/db)")
            scheme = url.partition("://")[0]
            raise ValueError(f"scheme {scheme!r} is not redis, rediss or unix")
        return SecretStr(url)

    @field_validator("CERAMIC_CACHE_SCORER_ID", "SIWE_JWT_PUBLIC_KEY", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("SIWE_JWT_PUBLIC_KEY")
    @classmethod
    def _public_key(cls, value: str | None) -> str | None:
        from passport_scorer.domain.app_tokens import load_public_key

        if value is not None:
            load_public_key(value)  # raises ValueError with a clear message
        return value

    @field_validator("SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE")
    @classmethod
    def _domains(cls, value: list[str]) -> list[str]:
        if any(not domain.strip() or "/" in domain for domain in value):
            raise ValueError("domains must be host names (host or host:port), without a scheme")
        return [domain.strip() for domain in value]

    @field_validator("SIWE_JWT_PRIVATE_KEY", "ETHEREUM_RPC_URL", mode="before")
    @classmethod
    def _blank_secret_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("SIWE_JWT_PRIVATE_KEY")
    @classmethod
    def _private_key(cls, value: SecretStr | None, info: ValidationInfo) -> SecretStr | None:
        from passport_scorer.domain.app_tokens import load_private_key, same_public_key

        if value is None:
            return None
        key = load_private_key(value.get_secret_value())  # ValueError with a clear message
        public = info.data.get("SIWE_JWT_PUBLIC_KEY")
        if public is not None and not same_public_key(key, public):
            raise ValueError(
                "is not the private half of SIWE_JWT_PUBLIC_KEY (the tokens it signs would be "
                "refused)"
            )
        return value

    @field_validator("ETHEREUM_RPC_URL")
    @classmethod
    def _rpc_url(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL")
        return value

    @field_validator("DATABASE_URL")
    @classmethod
    def _database_url(cls, value: str) -> str:
        from passport_scorer.db.url import to_sqlalchemy_url

        to_sqlalchemy_url(value)  # raises ValueError with a clear message
        return value

    @property
    def missing_app_settings(self) -> list[str]:
        """The settings the app's routes need and lack (those routes answer 503)."""
        needed = {
            "CERAMIC_CACHE_SCORER_ID": self.CERAMIC_CACHE_SCORER_ID,
            "SIWE_JWT_PUBLIC_KEY": self.SIWE_JWT_PUBLIC_KEY or self.SIWE_JWT_PRIVATE_KEY,
        }
        return [name for name, value in needed.items() if value is None]

    @property
    def missing_sign_in_settings(self) -> list[str]:
        """The settings sign-in needs and lacks (it answers 503 without the key, and refuses
        every message without allowed domains)."""
        missing = []
        if self.SIWE_JWT_PRIVATE_KEY is None:
            missing.append("SIWE_JWT_PRIVATE_KEY")
        if not self.SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE:
            missing.append("SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE")
        return missing

    @property
    def multi_nullifier(self) -> bool:
        return self.FF_MULTI_NULLIFIER == "on"

    @property
    def trusted_issuers(self) -> frozenset[str]:
        return frozenset(self.TRUSTED_IAM_ISSUERS)

    @property
    def placeholder_issuers(self) -> bool:
        """True while TRUSTED_IAM_ISSUERS is the reference's placeholder default (which no
        real credential is signed by, so every stamp is skipped)."""
        return set(self.TRUSTED_IAM_ISSUERS) <= set(DEFAULT_TRUSTED_IAM_ISSUERS)


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read settings from the environment, turning any problem into one line."""
    source = os.environ if environ is None else environ
    values = {name: source[name] for name in Settings.model_fields if name in source}
    try:
        return Settings.model_validate(values)
    except ValidationError as exc:
        first = exc.errors()[0]
        name = ".".join(str(part) for part in first["loc"][:1]) or "settings"
        message = first["msg"].removeprefix("Value error, ")
        raise ConfigurationError(f"invalid setting {name}: {message}") from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()

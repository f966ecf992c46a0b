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

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

# The reference's defaults: two placeholder DIDs that sign nothing real, so a
# scorer with no TRUSTED_IAM_ISSUERS configured trusts no real issuer.
DEFAULT_TRUSTED_IAM_ISSUERS = [
    "did:key:GlMY_1zkc0i11O-wMBWbSiUfIkZiXzFLlAQ89pdfyBA",
    "did:ethr:0xabczyx",
]
DEFAULT_DATABASE_URL = "sqlite:///./passport_scorer.sqlite3"

Switch = Literal["on", "off"]


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
    SECRET_KEY: SecretStr | None = None

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

    # Connection pool per worker process.
    DB_POOL_SIZE: int = Field(default=10, ge=1, le=200)
    DB_POOL_TIMEOUT_SECONDS: float = Field(default=3.0, gt=0)
    DB_STATEMENT_TIMEOUT_SECONDS: float = Field(default=10.0, gt=0)

    # Checked credentials remembered per worker (verdicts never change for the same bytes).
    PROOF_CACHE_SIZE: int = Field(default=20_000, ge=0)

    LOG_LEVEL: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    # `passport-scorer serve` (Granian's HTTP/1 settings): the largest request head (request
    # line and headers) a connection may buffer, larger is 431; and how long a client may take
    # to send it before the connection is closed.
    HTTP_MAX_BUFFER_SIZE: int = Field(default=417_792, ge=8_192, le=16_777_216)
    HTTP_HEADER_READ_TIMEOUT_SECONDS: float = Field(default=30.0, gt=0, le=3_600)

    @field_validator("FF_MULTI_NULLIFIER", "FF_API_ANALYTICS", "RATELIMIT_ENABLE", mode="before")
    @classmethod
    def _switch(cls, value: object) -> object:
        return _parse_switch(value)

    @field_validator("TRUSTED_IAM_ISSUERS")
    @classmethod
    def _issuers(cls, value: list[str]) -> list[str]:
        if any(not issuer.strip() for issuer in value):
            raise ValueError("issuers must be non-empty strings")
        return value

    @field_validator("TRUSTED_IAM_ISSUERS", "DEMO_API_KEY_ALIASES", mode="before")
    @classmethod
    def _json_list(cls, value: object) -> object:
        if isinstance(value, str):
            try:
                value = json.loads(value) if value.strip() else []
            except json.JSONDecodeError as exc:
                raise ValueError("must be a JSON list of strings") from exc
        return value

    @field_validator("DATABASE_URL")
    @classmethod
    def _database_url(cls, value: str) -> str:
        from passport_scorer.db.url import to_sqlalchemy_url

        to_sqlalchemy_url(value)  # raises ValueError with a clear message
        return value

    @property
    def multi_nullifier(self) -> bool:
        return self.FF_MULTI_NULLIFIER == "on"

    @property
    def trusted_issuers(self) -> frozenset[str]:
        return frozenset(self.TRUSTED_IAM_ISSUERS)


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

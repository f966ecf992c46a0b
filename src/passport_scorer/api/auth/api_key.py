"""Public-API requests: the caller's API key (`X-API-Key`, else `Authorization`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.datastructures import Headers
from starlette.requests import Request

from passport_scorer.api.analytics import mark_api_key
from passport_scorer.db.executor import Executor
from passport_scorer.domain.api_keys import ApiKey
from passport_scorer.errors import InvalidApiKey, MissingPermission, ScorerError
from passport_scorer.services import api_keys
from passport_scorer.services.container import Services

SECURITY: list[dict[str, list[str]]] = [{"APIKeyHeader": []}, {"AuthorizationHeader": []}]


def request_api_key(services: Services, headers: Headers) -> str:
    """The key a public request presents (`X-API-Key`, else `Authorization`), or 401."""
    key = services.api_key_reader.read(headers.get("x-api-key"), headers.get("authorization"))
    if not key:
        raise InvalidApiKey()
    return key


async def admit_key(
    services: Services, request: Request, ex: Executor, key: str, stored: ApiKey | None
) -> ApiKey:
    """`key` checked against `stored` (the usable row with its prefix, None if there is none)
    and counted against its rate limit."""
    api_key = await api_keys.verify(ex, key, stored, services.pbkdf2)
    mark_api_key(request, api_key)  # from here on the request is the key's: analytics
    await services.rate_limiter.hit(api_key)
    return api_key


async def admit_scoring_key(
    services: Services, request: Request, ex: Executor, key: str, stored: ApiKey | None
) -> ApiKey:
    """`admit_key`, then the `read_scores` permission (403)."""
    api_key = await admit_key(services, request, ex, key, stored)
    api_keys.require_read_scores(api_key)
    return api_key


@dataclass(frozen=True)
class ApiKeyAuth:
    """A usable API key (401), within its rate limit (429), with `permission` (403)."""

    permission: str | None = "read_scores"
    missing: type[ScorerError] = MissingPermission
    security: list[dict[str, list[str]]] = field(default_factory=lambda: list(SECURITY))

    @property
    def statuses(self) -> tuple[int, ...]:
        """Beyond 401 and 429 (every API key's): 403 when a permission is required."""
        return (403,) if self.permission is not None else ()

    async def precheck(self, request: Request, services: Services) -> None:
        await services.pbkdf2.hold_off(request_api_key(services, request.headers))

    async def __call__(self, request: Request, services: Services, ex: Executor) -> ApiKey:
        key = request_api_key(services, request.headers)
        api_key = await admit_key(services, request, ex, key, await api_keys.find(ex, key))
        if self.permission is not None and not getattr(api_key, self.permission, False):
            raise self.missing()
        return api_key

"""Who is calling: the API key of a public request, the internal token of an internal one."""

from __future__ import annotations

import hmac

from starlette.datastructures import Headers
from starlette.requests import Request

from passport_scorer.api.analytics import mark_api_key
from passport_scorer.domain.api_keys import ApiKey, extract_api_key
from passport_scorer.errors import InvalidApiKey, InvalidInternalToken
from passport_scorer.services import api_keys
from passport_scorer.services.container import Services


def request_api_key(services: Services, headers: Headers) -> str:
    """The key a public request presents (`X-API-Key`, else `Authorization`), or 401."""
    settings = services.settings
    key = extract_api_key(
        headers.get("x-api-key"),
        headers.get("authorization"),
        demo_key=settings.DEMO_API_KEY.get_secret_value() if settings.DEMO_API_KEY else None,
        demo_aliases=settings.DEMO_API_KEY_ALIASES,
    )
    if not key:
        raise InvalidApiKey()
    return key


async def admit_scoring_key(
    services: Services, request: Request, key: str, stored: ApiKey | None
) -> ApiKey:
    """`key` checked against `stored` (the usable row with its prefix, None if there is none),
    counted against its rate limit, and allowed to read scores."""
    api_key = await api_keys.verify(services.db, key, stored)
    mark_api_key(request, api_key)  # from here on the request is the key's: analytics
    await services.rate_limiter.hit(api_key)
    api_keys.require_read_scores(api_key)
    return api_key


def require_internal_token(services: Services, headers: Headers) -> None:
    """The whole `Authorization` header must equal `CGRANTS_API_TOKEN` (constant-time)."""
    expected = services.settings.CGRANTS_API_TOKEN
    given = headers.get("authorization", "")
    if expected is None or not hmac.compare_digest(
        given.encode(), expected.get_secret_value().encode()
    ):
        raise InvalidInternalToken()

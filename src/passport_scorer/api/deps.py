"""Request dependencies, named for what they give a handler."""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader

from passport_scorer.domain.api_keys import ApiKey, extract_api_key
from passport_scorer.errors import InvalidInternalToken
from passport_scorer.services import api_keys
from passport_scorer.services.container import Services

_x_api_key = APIKeyHeader(name="X-API-Key", auto_error=False, description="Your API key")
_authorization = APIKeyHeader(
    name="Authorization",
    auto_error=False,
    scheme_name="AuthorizationHeader",
    description="`<scheme> <API key>` for public routes; the internal token for /internal routes",
)


async def get_services(request: Request) -> AsyncIterator[Services]:
    """The process's services, with one database connection held for this request."""
    services: Services = request.app.state.services
    async with services.db.session():
        yield services


ServicesDep = Annotated[Services, Depends(get_services)]


async def scoring_api_key(
    services: ServicesDep,
    x_api_key: Annotated[str | None, Depends(_x_api_key)],
    authorization: Annotated[str | None, Depends(_authorization)],
) -> ApiKey:
    """The request's API key, authenticated, allowed to read scores, within its rate limit."""
    settings = services.settings
    key = extract_api_key(
        x_api_key,
        authorization,
        demo_key=settings.DEMO_API_KEY.get_secret_value() if settings.DEMO_API_KEY else None,
        demo_aliases=frozenset(settings.DEMO_API_KEY_ALIASES),
    )
    api_key = await api_keys.authenticate(services.db, key)
    await services.rate_limiter.hit(api_key)
    api_keys.require_read_scores(api_key)
    return api_key


ScoringApiKey = Annotated[ApiKey, Depends(scoring_api_key)]


async def internal_token(
    services: ServicesDep,
    authorization: Annotated[str | None, Depends(_authorization)],
) -> None:
    """The whole `Authorization` header must equal `CGRANTS_API_TOKEN` (constant-time)."""
    expected = services.settings.CGRANTS_API_TOKEN
    given = authorization or ""
    if expected is None or not hmac.compare_digest(
        given.encode(), expected.get_secret_value().encode()
    ):
        raise InvalidInternalToken()


InternalToken = Depends(internal_token)

"""Embed requests: the partner's API key, forwarded by the embed service.

The same key rules as the public API (`X-API-Key`, else `Authorization`; revoked and expired
keys refused), no permission required, and the key's `embed_rate_limit` as its budget.
Like the reference's embed Lambda, these requests write no usage (analytics) rows.
"""

from __future__ import annotations

from starlette.requests import Request

from passport_scorer.api.auth.api_key import SECURITY, request_api_key
from passport_scorer.db.executor import Executor
from passport_scorer.domain.api_keys import ApiKey
from passport_scorer.services import api_keys
from passport_scorer.services.container import Services
from passport_scorer.services.rate_limits import EMBED


class PartnerKeyAuth:
    """A usable API key (401), within its embed rate limit (429)."""

    security = SECURITY

    async def __call__(self, request: Request, services: Services, ex: Executor) -> ApiKey:
        key = request_api_key(services, request.headers)
        api_key = await api_keys.verify(ex, key, await api_keys.find(ex, key), services.pbkdf2)
        await services.rate_limiter.hit(api_key, EMBED)
        return api_key


PARTNER_KEY = PartnerKeyAuth()

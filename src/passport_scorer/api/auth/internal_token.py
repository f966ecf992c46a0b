"""Internal-network requests: the whole `Authorization` header is the internal token."""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.requests import Request

from passport_scorer.db.executor import Executor
from passport_scorer.errors import InvalidInternalToken
from passport_scorer.services.container import Services

SECURITY: list[dict[str, list[str]]] = [{"InternalToken": []}]


def require_internal_token(services: Services, headers: Headers) -> None:
    """`Authorization` must equal `CGRANTS_API_TOKEN` (constant-time), else 401."""
    if not services.internal_token.matches(headers.get("authorization", "")):
        raise InvalidInternalToken()


class InternalTokenAuth:
    security = SECURITY

    async def precheck(self, request: Request, services: Services) -> None:
        require_internal_token(services, request.headers)  # before taking a connection

    async def __call__(self, request: Request, services: Services, ex: Executor) -> None:
        require_internal_token(services, request.headers)


INTERNAL_TOKEN = InternalTokenAuth()

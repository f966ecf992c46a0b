"""The Passport app's requests: `Authorization: Bearer <access token>` (a JWT).

Which tokens count is `domain/app_tokens.py`'s rule; the principal is the caller's address.
Where the path carries an address too, it must be the caller's (403 otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.datastructures import Headers
from starlette.requests import Request

from passport_scorer.db.executor import Executor
from passport_scorer.domain.address import normalise_address
from passport_scorer.errors import AddressMismatch, MissingAppToken, NotConfigured
from passport_scorer.services.container import Services

SECURITY: list[dict[str, list[str]]] = [{"BearerAuth": []}]


def bearer_token(headers: Headers) -> str:
    """The token of `Authorization: Bearer <token>` (scheme in any case), or 401."""
    scheme, _, token = headers.get("authorization", "").strip().partition(" ")
    if scheme.lower() != "bearer":
        raise MissingAppToken()
    return token.strip()


@dataclass(frozen=True)
class JwtAuth:
    """A valid app access token (401); with `path_address`, that path parameter must be the
    token's address (400 if it is no address, 403 if it is another one)."""

    path_address: str | None = None
    security: list[dict[str, list[str]]] = field(default_factory=lambda: list(SECURITY))

    async def __call__(self, request: Request, services: Services, ex: Executor) -> str:
        verifier = services.app_tokens
        if verifier is None:
            raise NotConfigured("This route needs SIWE_JWT_PUBLIC_KEY, which is not set.")
        address = verifier.address_of(bearer_token(request.headers))
        path = self.path_address
        if path is not None and normalise_address(request.path_params[path]) != address:
            raise AddressMismatch()
        return address


APP_TOKEN = JwtAuth()
APP_TOKEN_FOR_PATH = JwtAuth(path_address="address")

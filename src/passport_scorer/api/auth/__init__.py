"""Who is calling: one module per kind of credential.

Each kind is an `Authenticator`: endpoints declare one (`api/endpoint.py`), the endpoint
runs it before anything else, and the handler receives what it returns (the principal).
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from starlette.requests import Request

from passport_scorer.db.executor import Executor
from passport_scorer.services.container import Services


class Authenticator(Protocol):
    @property
    def security(self) -> list[dict[str, list[str]]]:
        """OpenAPI security requirements of the endpoints that use it."""

    async def __call__(self, request: Request, services: Services, ex: Executor) -> Any:
        """The principal (an API key, an address, ...), or a `ScorerError` (401/403/429)."""


@runtime_checkable
class PreChecked(Protocol):
    async def precheck(self, request: Request, services: Services) -> None:
        """Refusals that need no database, run before the request takes a connection."""


class NoAuth:
    """Anyone may call."""

    security: list[dict[str, list[str]]] = []

    async def __call__(self, request: Request, services: Services, ex: Executor) -> None:
        return None


NO_AUTH = NoAuth()

"""Dependencies for the FastAPI-declared routes, named for what they give a handler."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request

from passport_scorer.services.container import Services


def services_of(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


async def get_services(request: Request) -> AsyncIterator[Services]:
    """The process's services, with one database connection held for this request."""
    services = services_of(request)
    async with services.db.session():
        yield services


ServicesDep = Annotated[Services, Depends(get_services)]

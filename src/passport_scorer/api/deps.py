"""What a handler gets from the application."""

from __future__ import annotations

from starlette.requests import Request

from passport_scorer.services.container import Services


def services_of(request: Request) -> Services:
    """The process's services (built once at start-up)."""
    services: Services = request.app.state.services
    return services

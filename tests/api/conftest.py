"""The app's routes on a configured service: its community (`CERAMIC_CACHE_SCORER_ID`) and
its token keys (`SIWE_JWT_PUBLIC_KEY`, `SECRET_KEY`)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import httpx
import pytest

from passport_scorer.app import create_app
from passport_scorer.config import Settings
from passport_scorer.services.container import Services
from tests.app_tokens import APP_KEYS
from tests.conftest import WEIGHTS, make_settings
from tests.factories import World


def app_settings(database_url: str, community_id: int | None, **overrides: Any) -> Settings:
    values: dict[str, Any] = {**APP_KEYS.settings(), **overrides}
    if community_id is not None:
        values.setdefault("CERAMIC_CACHE_SCORER_ID", community_id)
    return make_settings(database_url, **values)


def client_for(services: Services) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=create_app(services=services))
    return httpx.AsyncClient(transport=transport, base_url="http://scorer.test")


@pytest.fixture
async def app_community(world: World) -> int:
    """The app's community: the shared test weights, threshold 20."""
    account = await world.account()
    return await world.community(account, weights=WEIGHTS, threshold=Decimal("20"))


@pytest.fixture
async def app_services(services: Services, app_community: int) -> Services:
    """The service configured for the app (sharing the test's database pool)."""
    settings = app_settings(services.settings.DATABASE_URL, app_community)
    return Services.build(settings, db=services.db)


@pytest.fixture
async def app_client(app_services: Services) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(app_services) as http:
        yield http

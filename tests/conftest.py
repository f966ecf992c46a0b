"""Shared fixtures: a fresh, migrated database per test on SQLite and (when configured) Postgres.

`TEST_DATABASE_URL` names a Postgres server (any database on it); each test
gets its own database cloned from a migrated template. With `CI=true` the
Postgres run is required: a missing `TEST_DATABASE_URL` fails the session.
"""

from __future__ import annotations

import asyncio
import copy
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from sqlalchemy.engine import make_url

from passport_scorer.app import create_app
from passport_scorer.config import Settings, load_settings
from passport_scorer.db.engine import Database
from passport_scorer.db.schema import migrate
from passport_scorer.demo.issuer import TEST_ISSUER_DID, Ed25519Issuer, EthereumIssuer
from passport_scorer.services.container import Services
from tests.factories import World

FIXTURES = Path(__file__).parent / "fixtures"
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "").strip()
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "").strip()
BACKENDS = ["sqlite", "postgres"] if TEST_DATABASE_URL else ["sqlite"]
CHROMIUM = (
    os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
)
INTERNAL_TOKEN = "internal-test-token"
_ED25519 = Ed25519Issuer()


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get("CI", "").lower() == "true":
        if not TEST_DATABASE_URL:
            raise pytest.UsageError("CI=true requires TEST_DATABASE_URL (a Postgres server)")
        if not TEST_REDIS_URL:
            raise pytest.UsageError("CI=true requires TEST_REDIS_URL (a Redis server)")


def pytest_report_header(config: pytest.Config) -> str:
    note = "" if TEST_DATABASE_URL else " (set TEST_DATABASE_URL to run the Postgres tests too)"
    redis = TEST_REDIS_URL or "none (set TEST_REDIS_URL to run the Redis tests)"
    browser = CHROMIUM or "none (install chromium to run the /docs rendering test)"
    return f"database backends: {', '.join(BACKENDS)}{note}; redis: {redis}; chromium: {browser}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `postgres` run only on the Postgres backend."""
    selected, deselected = [], []
    for item in items:
        callspec = getattr(item, "callspec", None)
        backend = callspec.params.get("backend") if callspec else None
        if (
            (item.get_closest_marker("postgres") and backend != "postgres")
            or (item.get_closest_marker("redis") and not TEST_REDIS_URL)
            or (item.get_closest_marker("chromium") and not CHROMIUM)
        ):
            deselected.append(item)
        else:
            selected.append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = selected


# --- Postgres helpers -----------------------------------------------------------------------------


def postgres_url(database: str) -> str:
    """A URL for `database` on the TEST_DATABASE_URL server."""
    url = make_url(TEST_DATABASE_URL.replace("postgres://", "postgresql://", 1))
    return url.set(drivername="postgresql", database=database).render_as_string(hide_password=False)


async def admin_execute(*statements: str) -> None:
    """Run statements on the TEST_DATABASE_URL database itself (outside any test database)."""
    conn = await asyncpg.connect(TEST_DATABASE_URL.replace("postgres://", "postgresql://", 1))
    try:
        for statement in statements:
            await conn.execute(statement)
    finally:
        await conn.close()


async def create_postgres_database(template: str | None = None) -> str:
    name = f"scorer_test_{uuid.uuid4().hex[:12]}"
    suffix = f" TEMPLATE {template}" if template else ""
    await admin_execute(f'CREATE DATABASE "{name}"{suffix}')
    return name


async def drop_postgres_database(name: str) -> None:
    await admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


# --- Databases ------------------------------------------------------------------------------------


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    backend_name: str = request.param
    return backend_name


@pytest.fixture(scope="session")
async def template(backend: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    """A migrated database to copy: a SQLite file path, or a Postgres database name."""
    if backend == "sqlite":
        path = tmp_path_factory.mktemp("template") / "template.sqlite3"
        await asyncio.to_thread(migrate, f"sqlite:///{path}")
        yield str(path)
        return
    name = await create_postgres_database()
    await asyncio.to_thread(migrate, postgres_url(name))
    yield name
    await drop_postgres_database(name)


@pytest.fixture
async def database_url(backend: str, template: str, tmp_path: Path) -> AsyncIterator[str]:
    """A fresh migrated database for this test."""
    if backend == "sqlite":
        path = tmp_path / "scorer.sqlite3"
        shutil.copyfile(template, path)
        yield f"sqlite:///{path}"
        return
    name = await create_postgres_database(template=template)
    yield postgres_url(name)
    await drop_postgres_database(name)


@pytest.fixture
async def django_database_url(backend: str) -> AsyncIterator[str]:
    """An empty Postgres database with the reference's Django-made schema (never migrated)."""
    assert backend == "postgres", "mark tests using django_database_url with @pytest.mark.postgres"
    name = await create_postgres_database()
    url = postgres_url(name)
    conn = await asyncpg.connect(url)
    try:
        await conn.execute((FIXTURES / "django_schema.sql").read_text())
        # Every Django-managed database has this table; `migrate` must refuse to touch it.
        await conn.execute(
            "CREATE TABLE django_migrations (id bigint GENERATED BY DEFAULT AS IDENTITY"
            " PRIMARY KEY,"
            " app varchar(255) NOT NULL, name varchar(255) NOT NULL, applied timestamptz NOT NULL)"
        )
    finally:
        await conn.close()
    yield url
    await drop_postgres_database(name)


# --- Application ----------------------------------------------------------------------------------


def make_settings(database_url: str, **overrides: Any) -> Settings:
    environ = {
        "DATABASE_URL": database_url,
        "TRUSTED_IAM_ISSUERS": json.dumps([TEST_ISSUER_DID, _ED25519.did]),
        "CGRANTS_API_TOKEN": INTERNAL_TOKEN,
        "DB_POOL_SIZE": "5",
    }
    environ.update({key: str(value) for key, value in overrides.items()})
    return load_settings(environ)


@pytest.fixture
def settings(database_url: str) -> Settings:
    return make_settings(database_url)


@pytest.fixture
async def services(settings: Settings) -> AsyncIterator[Services]:
    built = Services.build(settings)
    yield built
    await built.close()


@pytest.fixture
async def client(services: Services) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(services=services)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://scorer.test") as http:
        yield http


@pytest.fixture
async def world(services: Services) -> World:
    return World(services.db)


@pytest.fixture
def db(services: Services) -> Database:
    return services.db


# --- Credentials ----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def issuer() -> EthereumIssuer:
    return EthereumIssuer()


@pytest.fixture(scope="session")
def ed25519_issuer() -> Ed25519Issuer:
    return _ED25519


@pytest.fixture(scope="session")
def fixture_credentials() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "credentials.json").read_text())
    return data


# --- A ready scorer -------------------------------------------------------------------------------

WEIGHTS = {"Google": "10.0", "Twitter": "6.0", "Github": "8.0", "Linkedin": "4.0", "Discord": "3.5"}


@dataclass(frozen=True)
class Scorer:
    account_id: int
    community_id: int
    key: str

    def score_path(self, address: str, scorer_id: int | str | None = None) -> str:
        return f"/v2/stamps/{self.community_id if scorer_id is None else scorer_id}/score/{address}"

    @property
    def headers(self) -> dict[str, str]:
        return {"X-API-Key": self.key}


@pytest.fixture
async def scorer(world: World) -> Scorer:
    account_id = await world.account()
    community_id = await world.community(account_id, weights=WEIGHTS, threshold=Decimal("20"))
    key = await world.api_key(account_id)
    return Scorer(account_id, community_id, key)


# --- A real server --------------------------------------------------------------------------------

ServerStarter = Callable[..., str]


def serve(
    database_url: str, *, workers: int = 2, **environment: str
) -> tuple[subprocess.Popen[bytes], str]:
    """Starts `passport-scorer serve` on a database; returns the process and its URL once
    `/health` answers."""
    settings = make_settings(database_url)
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "TRUSTED_IAM_ISSUERS": json.dumps(settings.TRUSTED_IAM_ISSUERS),
        "CGRANTS_API_TOKEN": INTERNAL_TOKEN,
        "DB_POOL_SIZE": "10",
        "LOG_LEVEL": os.environ.get("TEST_SERVER_LOG_LEVEL", "WARNING"),
        **environment,
    }
    command = [sys.executable, "-m", "passport_scorer", "serve", "--port", str(port)]
    process = subprocess.Popen([*command, "--workers", str(workers)], env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                return process, base
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            raise RuntimeError("server did not start")
        time.sleep(0.1)


@pytest.fixture
def start_server() -> Iterator[ServerStarter]:
    """Starts `passport-scorer serve` (two workers by default) on a database; returns its URL."""
    processes: list[subprocess.Popen[bytes]] = []

    def start(database_url: str, *, workers: int = 2, **environment: str) -> str:
        process, base = serve(database_url, workers=workers, **environment)
        processes.append(process)
        return base

    yield start
    for process in processes:
        process.terminate()
        try:
            process.wait(timeout=30)  # workers finish their requests first; slow when loaded
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


async def score(client: httpx.AsyncClient, scorer: Scorer, address: str) -> dict[str, Any]:
    """The v2 score body for `address` (asserting a 200)."""
    response = await client.get(scorer.score_path(address), headers=scorer.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.fixture
def creds(fixture_credentials: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """A private copy of the signed fixture credentials (tests may alter them)."""
    return copy.deepcopy(fixture_credentials["credentials"])

"""`GET /health`: up while the database answers, 503 while it does not, and back again."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import make_url

from passport_scorer.app import create_app
from passport_scorer.db.schema import migrate
from passport_scorer.services.container import Services
from tests.conftest import (
    Scorer,
    create_postgres_database,
    drop_postgres_database,
    make_settings,
    postgres_url,
)


async def test_health_checks_the_database(client: httpx.AsyncClient) -> None:
    response = await client.get("/health")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


async def test_health_reports_a_database_without_our_tables(backend: str, tmp_path: Path) -> None:
    name = None
    if backend == "sqlite":
        path = tmp_path / "empty.sqlite3"
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE unrelated (id INTEGER)")
        url = f"sqlite:///{path}"
    else:
        name = await create_postgres_database()
        url = postgres_url(name)
    services = Services.build(make_settings(url))
    try:
        transport = httpx.ASGITransport(app=create_app(services=services))
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            response = await client.get("/health")
        assert response.status_code == 503
        assert response.json() == {
            "detail": "Database schema incomplete (missing tables: account_account, "
            "account_accountapikey, account_accountapikeyanalytics and 56 more); "
            "run `passport-scorer migrate`."
        }
        await asyncio.to_thread(migrate, url)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            assert (await client.get("/health")).status_code == 200
    finally:
        await services.close()
        if name is not None:
            await drop_postgres_database(name)


class TcpProxy:
    """A loopback proxy to the database that can be cut and restored (a real outage)."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.server: asyncio.Server | None = None
        self.port = 0
        self._pipes: set[asyncio.Task[None]] = set()
        self._writers: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        self.server = await asyncio.start_server(self._accept, "127.0.0.1", self.port)
        self.port = self.server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        assert self.server is not None
        self.server.close()
        for writer in list(self._writers):
            writer.close()
        for task in list(self._pipes):
            task.cancel()
        await self.server.wait_closed()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return
        self._writers |= {writer, up_writer}
        for source, sink in ((reader, up_writer), (up_reader, writer)):
            task = asyncio.create_task(self._pipe(source, sink))
            self._pipes.add(task)
            task.add_done_callback(self._pipes.discard)

    @staticmethod
    async def _pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
        with contextlib.suppress(Exception):
            while data := await source.read(65536):
                sink.write(data)
                await sink.drain()
        with contextlib.suppress(Exception):
            sink.close()


@pytest.fixture
async def proxied_client(
    database_url: str, scorer: Scorer
) -> AsyncIterator[tuple[httpx.AsyncClient, TcpProxy]]:
    url = make_url(database_url)
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    await proxy.start()
    proxied = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    settings = make_settings(proxied, DB_POOL_TIMEOUT_SECONDS="1", DB_STATEMENT_TIMEOUT_SECONDS="2")
    services = Services.build(settings)
    app = create_app(services=services)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
        yield client, proxy
    await services.db.dispose()
    with contextlib.suppress(Exception):
        await proxy.stop()


@pytest.mark.postgres
async def test_database_outage_is_503_and_recovers(
    proxied_client: tuple[httpx.AsyncClient, TcpProxy], scorer: Scorer
) -> None:
    client, proxy = proxied_client
    path = scorer.score_path("0x" + "1" * 40)
    assert (await client.get("/health")).status_code == 200
    assert (await client.get(path, headers=scorer.headers)).status_code == 200

    await proxy.stop()
    for url in ("/health", path, path):
        response = await client.get(url, headers=scorer.headers)
        assert (response.status_code, response.json()) == (
            503,
            {"detail": "Service temporarily unavailable."},
        )

    await proxy.start()  # same port: the database is back
    statuses = [(await client.get("/health")).status_code for _ in range(3)]
    assert statuses[-1] == 200
    assert (await client.get(path, headers=scorer.headers)).status_code == 200

"""Database failures are described by their real cause, from real connection attempts."""

from __future__ import annotations

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from passport_scorer.db.diagnose import describe_database_error
from tests.conftest import TEST_DATABASE_URL, free_port, postgres_url


async def _connect_error(url: str) -> BaseException:
    try:
        conn = await asyncpg.connect(url.replace("postgres://", "postgresql://"), timeout=5)
    except Exception as error:
        return error
    await conn.close()
    raise AssertionError(f"{url} connected")


async def test_nothing_listening_asks_whether_the_server_runs() -> None:
    url = f"postgresql://scorer:secret-pw@127.0.0.1:{free_port()}/passport"
    line = describe_database_error(await _connect_error(url), url)
    assert "Connect call failed" in line
    assert f"nothing listens at 127.0.0.1:{make_url(url).port}: is the database server" in line
    assert "secret-pw" not in line


async def test_an_unresolvable_host_is_named() -> None:
    url = "postgresql://scorer:pw@no-such-host.invalid:5432/passport"
    line = describe_database_error(await _connect_error(url), url)
    assert "the host 'no-such-host.invalid' in DATABASE_URL does not resolve" in line
    assert "is it running" not in line


@pytest.mark.postgres
@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_an_unknown_role_or_database_is_named(backend: str) -> None:
    del backend
    server = make_url(TEST_DATABASE_URL.replace("postgres://", "postgresql://", 1))
    no_role = server.set(username="no_such_role").render_as_string(hide_password=False)
    line = describe_database_error(await _connect_error(no_role), no_role)
    assert 'role "no_such_role" does not exist' in line
    assert "check the user name in DATABASE_URL" in line

    no_database = postgres_url("no_such_database")
    line = describe_database_error(await _connect_error(no_database), no_database)
    assert 'database "no_such_database" does not exist' in line
    assert "create that database, or fix its name in DATABASE_URL" in line
    assert "is it running" not in line

"""`serve`, `check`, `migrate` and `demo` refuse what would go wrong later, in one line each.

Every case runs the real command in a subprocess, against real databases and a real Redis.
"""

from __future__ import annotations

import os
import shlex
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import orjson
import pytest

from passport_scorer.db.schema import migrate
from passport_scorer.demo.issuer import TEST_ISSUER_DID
from passport_scorer.demo.seed import PASSING_ADDRESS
from tests.conftest import TEST_REDIS_URL, free_port
from tests.test_cli import run

TRUST_DEMO = {"TRUSTED_IAM_ISSUERS": f'["{TEST_ISSUER_DID}"]'}


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    [line] = result.stderr.strip().splitlines()
    assert "Traceback" not in result.stderr
    return line


@pytest.fixture(scope="module")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("startup") / "template.sqlite3"
    migrate(f"sqlite:///{path}")
    return path


@pytest.fixture
def migrated(sqlite_template: Path, tmp_path: Path) -> dict[str, str]:
    """Settings naming a fresh migrated SQLite database."""
    path = tmp_path / "scorer.sqlite3"
    shutil.copyfile(sqlite_template, path)
    return {"DATABASE_URL": f"sqlite:///{path}", **TRUST_DEMO}


@pytest.fixture
def busy_port() -> Iterator[int]:
    """A port another server listens on, bound the way Granian binds (SO_REUSEPORT)."""
    with socket.socket() as server:
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield server.getsockname()[1]


def test_serve_refuses_a_port_another_process_listens_on(
    migrated: dict[str, str], busy_port: int
) -> None:
    line = one_line(run("serve", "--port", str(busy_port), env=migrated))
    assert line == (
        f"passport-scorer: port {busy_port} on 127.0.0.1 is already in use by another process "
        "(stop it or choose another --port)"
    )


def test_serve_and_check_on_a_new_sqlite_path_refuse_without_creating_it(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    env = {"DATABASE_URL": f"sqlite:///{path}"}
    line = one_line(run("serve", "--port", str(free_port()), env=env))
    assert "missing tables: account_account, account_accountapikey" in line
    assert "and 55 more: run `passport-scorer migrate` to create the schema" in line
    assert run("check", env=env).returncode == 1
    assert not path.exists()
    for command in (("keys", "list", "--account", "1"), ("demo",)):
        assert "the SQLite file does not exist" in one_line(run(*command, env=env))
    assert not path.exists()


@pytest.mark.postgres
async def test_serve_refuses_an_empty_postgres_database(backend: str) -> None:
    from tests.conftest import create_postgres_database, drop_postgres_database, postgres_url

    del backend
    name = await create_postgres_database()
    try:
        env = {"DATABASE_URL": postgres_url(name)}
        line = one_line(run("serve", "--port", str(free_port()), env=env))
        assert f"/{name}: missing tables: account_account" in line
        assert "run `passport-scorer migrate`" in line
        migrated = run("migrate", env=env)
        assert migrated.returncode == 0, migrated.stderr
        assert f"created 60 tables on postgresql+asyncpg://postgres@127.0.0.1:5432/{name}" in (
            migrated.stdout
        )
        assert "created the SQLite file" not in migrated.stdout
    finally:
        await drop_postgres_database(name)


def test_migrate_says_what_it_created(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    env = {"DATABASE_URL": f"sqlite:///{path}"}
    first = run("migrate", env=env)
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[:2] == [
        f"created the SQLite file {path}",
        f"created 60 tables on sqlite+aiosqlite:///{path}",
    ]
    again = run("migrate", env=env)
    assert again.stdout.splitlines() == [f"schema is up to date on sqlite+aiosqlite:///{path}"]


def test_migrate_on_an_unreachable_database_is_one_line() -> None:
    port = free_port()
    env = {"DATABASE_URL": f"postgresql://scorer:pw-secret@127.0.0.1:{port}/passport"}
    line = one_line(run("migrate", env=env))
    assert f"nothing listens at 127.0.0.1:{port}: is the database server running?" in line
    assert "pw-secret" not in line


def test_demo_refuses_a_django_managed_database_unless_forced(migrated: dict[str, str]) -> None:
    path = migrated["DATABASE_URL"].removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE django_migrations (id INTEGER PRIMARY KEY, app TEXT)")
    line = one_line(run("demo", env=migrated))
    assert "managed by Django (it has django_migrations)" in line and "--force" in line
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM account_community").fetchone() == (0,)
    forced = run("demo", "--force", env=migrated)
    assert forced.returncode == 0, forced.stderr
    assert "API key:" in forced.stdout


def test_an_invalid_redis_url_scheme_stops_every_command(migrated: dict[str, str]) -> None:
    env = {**migrated, "REDIS_URL": "http://:secret-pw@127.0.0.1:6379/0"}
    for command in (("serve", "--port", str(free_port())), ("check",)):
        line = one_line(run(*command, env=env))
        assert line == (
            "passport-scorer: invalid setting REDIS_URL: scheme 'http' is not redis, rediss or unix"
        )


def test_an_unreachable_redis_stops_serve_and_check(migrated: dict[str, str]) -> None:
    port = free_port()
    env = {**migrated, "REDIS_URL": f"redis://127.0.0.1:{port}/0"}
    for command in (("serve", "--port", str(free_port())), ("check",)):
        line = one_line(run(*command, env=env))
        assert line.startswith(
            f"passport-scorer: REDIS_URL: cannot reach Redis at 127.0.0.1:{port}"
        )


@pytest.mark.redis
def test_a_wrong_redis_password_is_named_as_such(migrated: dict[str, str]) -> None:
    server = TEST_REDIS_URL.removeprefix("redis://").rpartition("@")[2]
    env = {**migrated, "REDIS_URL": f"redis://nobody:secret-pw@{server}"}
    host_port = server.partition("/")[0]
    for command in (("serve", "--port", str(free_port())), ("check",)):
        line = one_line(run(*command, env=env))
        assert line.startswith(
            f"passport-scorer: REDIS_URL: Redis at {host_port} refused the user name or password"
        )
        assert "secret-pw" not in line and "closed" not in line
    ok = run("check", env={**migrated, "REDIS_URL": TEST_REDIS_URL})
    assert ok.returncode == 0 and "ok: Redis (REDIS_URL) answers" in ok.stdout


def _wait_until_up(base: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        assert process.poll() is None and time.monotonic() < deadline, "server did not start"
        time.sleep(0.1)


def test_placeholder_issuers_warn_at_start_up_and_skipped_stamps_say_why(
    migrated: dict[str, str], tmp_path: Path
) -> None:
    """TRUSTED_IAM_ISSUERS unset: a warning at start-up, one INFO line per untrusted issuer
    (with a count) per interval, a DEBUG reason per stamp, and no driver internals."""
    env = {"DATABASE_URL": migrated["DATABASE_URL"]}
    port = free_port()
    environ = {k: v for k, v in os.environ.items() if k != "TRUSTED_IAM_ISSUERS"}
    demo = run("demo", "--base-url", f"http://127.0.0.1:{port}", env=env)
    assert f"the demo issuer {TEST_ISSUER_DID} is not in TRUSTED_IAM_ISSUERS" in demo.stdout
    [curl] = [line for line in demo.stdout.splitlines() if line.startswith("curl ")]
    words = shlex.split(curl)
    header, url = words[words.index("-H") + 1], words[-1]
    name, _, key = header.partition(": ")

    log_path = tmp_path / "serve.log"
    with log_path.open("w") as log_file:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "passport_scorer",
                "serve",
                "--port",
                str(port),
                "--workers",
                "1",
            ],
            env={**environ, **env, "LOG_LEVEL": "DEBUG"},
            stderr=log_file,
            text=True,
        )
        try:
            _wait_until_up(f"http://127.0.0.1:{port}", server)
            for _ in range(2):
                response = httpx.get(url, headers={name: key}, timeout=10)
                assert response.status_code == 200 and response.json()["score"] == "0.00000"
        finally:
            server.terminate()
            server.wait(timeout=10)
    lines = [orjson.loads(line) for line in log_path.read_text().splitlines() if line.strip()]
    warnings = [line["message"] for line in lines if line["level"] == "WARNING"]
    # The placeholder issuers, and the app's routes and sign-in lacking their settings here.
    assert len(warnings) == 3
    assert warnings[0].startswith("TRUSTED_IAM_ISSUERS is the placeholder default")
    assert warnings[1].startswith("the app's routes (/ceramic-cache/*) answer 503")
    assert warnings[2] == (
        "sign-in (/ceramic-cache/authenticate) answers 503: SIWE_JWT_PRIVATE_KEY, "
        "SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE not set"
    )
    [summary] = [line for line in lines if line["message"].startswith("stamps skipped")]
    assert summary["level"] == "INFO"
    assert (summary["issuer"], summary["count"]) == (TEST_ISSUER_DID, 3)
    reasons = [line for line in lines if line["message"] == "stamp skipped"]
    assert len(reasons) == 6  # three stamps, scored twice
    assert {(r["level"], r["reason"], r["issuer"]) for r in reasons} == {
        ("DEBUG", "issuer is not trusted", TEST_ISSUER_DID)
    }
    assert {line["logger"].partition(".")[0] for line in lines} == {"passport_scorer"}
    assert PASSING_ADDRESS not in log_path.read_text() and key not in log_path.read_text()

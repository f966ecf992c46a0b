"""A seeded `passport-scorer serve` to fuzz: its database, demo data and credentials."""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import httpx
from sqlalchemy.engine import make_url

from passport_scorer.config import load_settings
from passport_scorer.db.engine import Database
from passport_scorer.db.schema import migrate
from passport_scorer.demo.issuer import TEST_ISSUER_DID
from passport_scorer.demo.seed import DemoData, seed_demo


@dataclass(frozen=True)
class Server:
    base_url: str
    demo: DemoData
    internal_token: str
    process: subprocess.Popen[bytes]
    log: Path

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def error_lines(self) -> list[str]:
        """The server's ERROR and CRITICAL log lines (an unhandled error logs one)."""
        found = []
        for line in self.log.read_text(errors="replace").splitlines():
            try:
                level = json.loads(line).get("level")
            except (json.JSONDecodeError, AttributeError):
                level = "ERROR" if "Traceback" in line else None
            if level in ("ERROR", "CRITICAL"):
                found.append(line)
        return found


async def _recreate_postgres(url: str) -> None:
    parsed = make_url(url.replace("postgres://", "postgresql://", 1))
    admin = parsed.set(drivername="postgresql", database="postgres")
    conn = await asyncpg.connect(admin.render_as_string(hide_password=False))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{parsed.database}"')
    finally:
        await conn.close()


async def _seed(url: str) -> DemoData:
    db = Database.from_settings(load_settings({"DATABASE_URL": url}))
    try:
        return await seed_demo(db)
    finally:
        await db.dispose()


def prepare_database(url: str) -> DemoData:
    """A fresh, migrated database holding the demo community, key and stamps."""
    if url.startswith(("postgres://", "postgresql://")):
        asyncio.run(_recreate_postgres(url))
    migrate(url)
    return asyncio.run(_seed(url))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start(url: str, demo: DemoData, folder: Path, workers: int) -> Server:
    """`passport-scorer serve` on a free loopback port, every optional feature on."""
    port = _free_port()
    token = secrets.token_urlsafe(24)
    log = folder / "server.log"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "TRUSTED_IAM_ISSUERS": json.dumps([TEST_ISSUER_DID]),
        "CGRANTS_API_TOKEN": token,
        "RATELIMIT_ENABLE": "on",
        "FF_API_ANALYTICS": "on",
        "DEMO_API_SCORER_ID": str(demo.scorer_id),
        "LOG_LEVEL": "WARNING",
        **json.loads(os.environ.get("FUZZ_SERVER_ENV") or "{}"),
    }
    command = [sys.executable, "-m", "passport_scorer", "serve", "--port", str(port)]
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*command, "--workers", str(workers)], env=env, stdout=output, stderr=output
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                return Server(base, demo, token, process, log)
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"fuzz: the server did not start (see {log})")

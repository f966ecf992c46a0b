"""The database floor: the exact SQL one scoring request issues, replayed by pgbench.

Statements are captured from real requests (through the app, in-process) with SQLAlchemy's
cursor events, rendered with literal values, and written as one pgbench script per address, so
pgbench rotates over addresses as the HTTP load does.
"""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import tempfile
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import event
from sqlalchemy.engine import make_url

from passport_scorer.app import create_app
from passport_scorer.config import Settings
from passport_scorer.services.container import Services

from .load import percentile


def _literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return _literal(value.isoformat())
    if isinstance(value, list | tuple):
        return "ARRAY[" + ", ".join(_literal(item) for item in value) + "]"
    if isinstance(value, dict):
        value = json.dumps(value)
    # An E'' string with ':' escaped, so pgbench never mistakes text for a `:variable`.
    text = str(value).replace("\\", "\\\\").replace("'", "''").replace(":", "\\x3a")
    return "E'" + text + "'"


# The optimistic write only succeeds while the score row is still the version it read; replayed
# as captured it would write nothing after its first run. The floor compares the row with
# itself instead, so every replay does the full write, as every real request does.
_VERSION_CHECK = re.compile(r"(last_score_timestamp|status) IS NOT DISTINCT FROM \$(\d+)")


def _render(statement: str, parameters: Sequence[Any]) -> str:
    statement = _VERSION_CHECK.sub(r"\1 IS NOT DISTINCT FROM \1", statement)

    def replace(match: re.Match[str]) -> str:
        return _literal(parameters[int(match.group(1)) - 1])

    return re.sub(r"\$(\d+)", replace, statement)


async def capture_scripts(
    settings: Settings, paths: list[str], headers: dict[str, str]
) -> list[list[str]]:
    """For each path, the SQL statements one request issues, BEGIN/COMMIT included."""
    services = Services.build(settings)
    engine = services.db.engine.sync_engine
    current: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _statement(_c: Any, _cur: Any, statement: str, params: Any, _ctx: Any, many: bool) -> None:
        for one in params if many else [params]:
            current.append(_render(statement, one or ()).strip().rstrip(";") + ";")

    # Statements sent through asyncpg directly (the fused scoring SQL, BEGIN and COMMIT).
    def _logged(record: Any) -> None:
        current.append(_render(record.query, record.args or ()).strip().rstrip(";") + ";")

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.driver_connection.add_query_logger(_logged)

    scripts: list[list[str]] = []
    app = create_app(services=services)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://b") as c:
        for path in paths:
            current.clear()
            response = await c.get(path, headers=headers)
            response.raise_for_status()
            scripts.append(list(current))
    await services.db.dispose()
    return scripts


WARM_UP_SECONDS = 5  # every client prepares every script's statements first; not measured


def run_pgbench(
    database_url: str, scripts: list[list[str]], *, clients: int, seconds: float
) -> dict[str, Any]:
    url = make_url(database_url.replace("postgres://", "postgresql://", 1))
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for index, statements in enumerate(scripts):
            script = Path(folder) / f"score{index}.sql"
            script.write_text("\n".join(statements) + "\n")
            files += ["-f", f"{script}@1"]
        command = [
            "pgbench", "-n", "-M", "prepared", "-c", str(clients), "-j", "2",
            "-T", str(int(seconds) + WARM_UP_SECONDS),
            "-h", url.host or "127.0.0.1", "-p", str(url.port or 5432),
            "-U", url.username or "postgres", "-l", "--log-prefix", f"{folder}/log",
            *files, url.database or "postgres",
        ]  # fmt: skip
        env = {"PGPASSWORD": url.password or ""}
        subprocess.run(command, capture_output=True, text=True, check=True, cwd=folder, env=env)
        # Log lines: client, transaction, latency (us), script, epoch seconds, microseconds.
        entries = [
            (int(fields[4]) + int(fields[5]) / 1e6, int(fields[2]) / 1000)
            for log in Path(folder).glob("log*")
            for fields in (line.split() for line in log.read_text().splitlines())
            if len(fields) >= 6
        ]
    start = min(done for done, _ in entries) + WARM_UP_SECONDS
    measured = [(done, latency) for done, latency in entries if done >= start]
    window = max(done for done, _ in measured) - start
    latencies = sorted(latency for _, latency in measured)
    return {
        "connections": clients,
        "transactions": len(latencies),
        "rps": len(latencies) / window,
        "p50_ms": percentile(latencies, 0.50),
        "p95_ms": percentile(latencies, 0.95),
        "p99_ms": percentile(latencies, 0.99),
        "commands_per_request": round(sum(map(len, scripts)) / len(scripts), 1),
    }


def capture(settings: Settings, paths: list[str], headers: dict[str, str]) -> list[list[str]]:
    return asyncio.run(capture_scripts(settings, paths, headers))

"""The database floor: the exact SQL a scoring request issues, replayed by pgbench.

One warm request is captured (every statement the service sends to asyncpg, with its
arguments). pgbench then replays those statements, prepared, with the address turned into a
pgbench variable that rotates over the data set as the HTTP load does; the score row written
is that address's own. The optimistic write's version check compares the row with itself, so
every replay writes the score and its event as a real request does.
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

import asyncpg
import httpx
from sqlalchemy.engine import make_url

from passport_scorer.app import create_app
from passport_scorer.config import Settings
from passport_scorer.services.container import Services

from .load import percentile

WARM_UP_SECONDS = 5  # pgbench clients prepare their statements first; not measured
_VERSION_CHECK = re.compile(r"(last_score_timestamp|status) IS NOT DISTINCT FROM \$(\d+)")
_SCORE_TARGET = 10  # $10 of the fused write: the score row's id


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
        return "ARRAY[" + ", ".join(_literal(item) for item in value) + "]::text[]"
    if isinstance(value, dict):
        value = json.dumps(value)
    # An E'' string with ':' escaped, so pgbench never mistakes text for a `:variable`.
    text = str(value).replace("\\", "\\\\").replace("'", "''").replace(":", "\\x3a")
    return "E'" + text + "'"


def render(query: str, args: Sequence[Any], replace: dict[int, str]) -> str:
    """`query` with its `$n` parameters as literals, or as the SQL given in `replace`."""
    query = _VERSION_CHECK.sub(r"\1 IS NOT DISTINCT FROM \1", query)

    def parameter(match: re.Match[str]) -> str:
        index = int(match.group(1))
        return replace.get(index) or _literal(args[index - 1])

    return re.sub(r"\$(\d+)", parameter, query).strip().rstrip(";") + ";"


async def capture_request(
    settings: Settings, path: str, headers: dict[str, str]
) -> list[tuple[str, tuple[Any, ...]]]:
    """Every (query, arguments) the service sends to asyncpg for one request."""
    services = Services.build(settings)
    logged: list[tuple[str, tuple[Any, ...]]] = []
    assert services.db.driver_pool is not None, "the floor is measured on Postgres"
    services.db.driver_pool.add_query_logger(
        lambda record: logged.append((record.query, tuple(record.args or ())))
    )

    app = create_app(services=services)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://b") as c:
        for _ in range(2):  # the second request is the steady state being measured
            logged.clear()
            (await c.get(path, headers=headers)).raise_for_status()
    await services.db.dispose()
    if not logged:
        raise RuntimeError("no statement was captured")
    return logged


async def score_ids(database_url: str, addresses: list[str], community_id: int) -> list[int]:
    conn = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        rows = await conn.fetch(
            "SELECT p.address, s.id FROM registry_passport p"
            " JOIN registry_score s ON s.passport_id = p.id"
            " WHERE p.community_id = $1 AND p.address = ANY($2::text[])",
            community_id,
            addresses,
        )
    finally:
        await conn.close()
    found = {row["address"]: row["id"] for row in rows}
    return [found[address] for address in addresses]


def pgbench_script(
    logged: list[tuple[str, tuple[Any, ...]]],
    *,
    captured_address: str,
    address_sql: str,
    score_id_sql: str,
) -> str:
    """The captured statements with the address (and the score row) driven by `:i`."""
    lines = ["\\set i random(0, :count - 1)"]
    for query, args in logged:
        replace = {i + 1: address_sql for i, arg in enumerate(args) if arg == captured_address}
        if "UPDATE registry_score" in query:
            replace[_SCORE_TARGET] = score_id_sql
        lines.append(render(query, args, replace))
    return "\n".join(lines) + "\n"


def run_pgbench(
    database_url: str, script: str, count: int, *, clients: int, seconds: float
) -> dict[str, Any]:
    url = make_url(database_url.replace("postgres://", "postgresql://", 1))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "score.sql"
        path.write_text(script)
        command = [
            "pgbench", "-n", "-M", "prepared", "-c", str(clients), "-j", "2",
            "-T", str(int(seconds) + WARM_UP_SECONDS), "-D", f"count={count}",
            "-h", url.host or "127.0.0.1", "-p", str(url.port or 5432),
            "-U", url.username or "postgres", "-l", "--log-prefix", f"{folder}/log",
            "-f", str(path), url.database or "postgres",
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
    }


def capture(
    settings: Settings, path: str, headers: dict[str, str]
) -> list[tuple[str, tuple[Any, ...]]]:
    return asyncio.run(capture_request(settings, path, headers))

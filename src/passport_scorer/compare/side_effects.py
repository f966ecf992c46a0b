"""The rows a run left in each deployment's own copy of the data, compared table by table.

Scope: the addresses the requests name plus every address whose score, cached stamps or
events changed during the run (on either side); events are those written after the run
began (ids past each side's mark). Per table, rows are keyed by what identifies them across
copies (address, community, provider, hash, action), never by row id. Read-only queries.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from passport_scorer.compare.database import DATABASE_ERRORS, chunks, failure, read_only_engine
from passport_scorer.db.tables import (
    ceramic_cache_ceramiccache as cache,
)
from passport_scorer.db.tables import (
    registry_event as events,
)
from passport_scorer.db.tables import (
    registry_hashscorerlink as links,
)
from passport_scorer.db.tables import (
    registry_passport as passports,
)
from passport_scorer.db.tables import (
    registry_score as scores,
)
from passport_scorer.db.tables import (
    registry_stamp as stamps,
)

TABLES = (
    "registry_score",
    "registry_stamp",
    "registry_hashscorerlink",
    "registry_event",
    "ceramic_cache_ceramiccache",
)
MAX_VALUE_CHARS = 300
Rows = dict[str, dict[str, Any]]  # row identity → compared columns


class SideEffects:
    """`mark()` before the replay, `compare()` after it."""

    def __init__(self, left_url: str, right_url: str) -> None:
        self._urls = {"--left-db": left_url, "--right-db": right_url}
        self._engines = {
            option: read_only_engine(url, option) for option, url in self._urls.items()
        }
        self._marks: dict[str, int] = {}
        self._since: datetime | None = None

    async def mark(self, since: datetime) -> None:
        """Remember where each side's event log ends, and when the run starts."""
        self._since = since
        for option, engine in self._engines.items():
            async with self._connect(option, engine) as conn:
                last = (await conn.execute(select(func.max(events.c.id)))).scalar_one()
            self._marks[option] = int(last or 0)

    async def compare(self, addresses: Iterable[str], *, examples: int = 3) -> dict[str, Any]:
        if self._since is None:
            raise RuntimeError("mark() comes before compare()")
        scope = {address.lower() for address in addresses}
        for option, engine in self._engines.items():
            async with self._connect(option, engine) as conn:
                scope |= await _active_addresses(conn, self._since, self._marks[option])
        hashes: set[tuple[int, str]] = set()
        for option, engine in self._engines.items():
            async with self._connect(option, engine) as conn:
                hashes |= await _owned_hashes(conn, scope)
        sides = []
        for option, engine in self._engines.items():
            async with self._connect(option, engine) as conn:
                sides.append(await _snapshot(conn, scope, hashes, self._marks[option]))
        left, right = sides
        tables = {table: _compare(left[table], right[table], examples) for table in TABLES}
        return {
            "addresses": len(scope),
            "ok": all(result["differences"] == 0 for result in tables.values()),
            "tables": tables,
        }

    async def close(self) -> None:
        for engine in self._engines.values():
            await engine.dispose()

    @asynccontextmanager
    async def _connect(self, option: str, engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
        """A connection whose failures become one line naming the option."""
        try:
            async with engine.connect() as conn:
                yield conn
        except DATABASE_ERRORS as error:
            raise failure(option, self._urls[option], error) from None


async def _active_addresses(conn: AsyncConnection, since: datetime, mark: int) -> set[str]:
    statements = [
        select(passports.c.address)
        .join(scores, scores.c.passport_id == passports.c.id)
        .where(scores.c.last_score_timestamp >= since),
        select(events.c.address).where(events.c.id > mark),
        select(cache.c.address).where(cache.c.updated_at >= since),
        select(cache.c.address).where(cache.c.deleted_at >= since),
    ]
    found: set[str] = set()
    for statement in statements:
        found |= {str(a).lower() for a in (await conn.execute(statement.distinct())).scalars() if a}
    return found


async def _owned_hashes(conn: AsyncConnection, scope: set[str]) -> set[tuple[int, str]]:
    found: set[tuple[int, str]] = set()
    for batch in chunks(scope):
        statement = select(links.c.community_id, links.c.hash).where(links.c.address.in_(batch))
        found |= {(int(c), str(h)) for c, h in await conn.execute(statement)}
    return found


async def _snapshot(
    conn: AsyncConnection, scope: set[str], hashes: set[tuple[int, str]], mark: int
) -> dict[str, Rows]:
    result: dict[str, Rows] = {table: {} for table in TABLES}
    for batch in chunks(scope):
        score_rows = select(
            passports.c.address,
            passports.c.community_id,
            scores.c.status,
            scores.c.score,
            scores.c.error,
            scores.c.expiration_date,
            scores.c.evidence,
            scores.c.stamps,
            scores.c.stamp_scores,
        ).join(scores, scores.c.passport_id == passports.c.id)
        for row in await conn.execute(score_rows.where(passports.c.address.in_(batch))):
            address, community, *values = row
            result["registry_score"][f"{address} community {community}"] = {
                "status": values[0],
                "score": _value(values[1]),
                "error": values[2],
                "expiration_date": _value(values[3]),
                "evidence": _value(values[4]),
                "stamps": _value(values[5]),
                "stamp_scores": _value(values[6]),
            }
        stamp_rows = select(
            passports.c.address, passports.c.community_id, stamps.c.provider, stamps.c.credential
        ).join(stamps, stamps.c.passport_id == passports.c.id)
        for address, community, provider, credential in await conn.execute(
            stamp_rows.where(passports.c.address.in_(batch))
        ):
            entry = result["registry_stamp"].setdefault(
                f"{address} community {community} {provider}", {"credentials": []}
            )
            entry["credentials"] = sorted([*entry["credentials"], _digest(credential)])
        cache_rows = select(
            cache.c.address,
            cache.c.provider,
            cache.c.type,
            cache.c.stamp,
            cache.c.proof_value,
            cache.c.source_app,
            cache.c.source_scorer_id,
            cache.c.compose_db_save_status,
        ).where(cache.c.deleted_at.is_(None), cache.c.address.in_(batch))
        for address, provider, kind, stamp, *values in await conn.execute(cache_rows):
            result["ceramic_cache_ceramiccache"][f"{address} {provider} type {kind}"] = {
                "stamp": _digest(stamp),
                "proof_value": values[0],
                "source_app": values[1],
                "source_scorer_id": values[2],
                "compose_db_save_status": values[3],
            }
    for batch in chunks(hashes):
        owners = select(links.c.community_id, links.c.hash, links.c.address).where(
            links.c.hash.in_(sorted({h for _, h in batch}))
        )
        wanted = set(batch)
        for community, hash_, owner in await conn.execute(owners):
            if (int(community), str(hash_)) in wanted:
                result["registry_hashscorerlink"][f"{hash_} community {community}"] = {
                    "owner": owner
                }
    counts = (
        select(events.c.action, events.c.address, events.c.community_id, func.count())
        .where(events.c.id > mark)
        .group_by(events.c.action, events.c.address, events.c.community_id)
    )
    for action, address, community, count in await conn.execute(counts):
        result["registry_event"][f"{action} {address} community {community}"] = {
            "count": int(count)
        }
    return result


def _value(value: Any) -> Any:
    """A column value as comparable, readable JSON (times ISO, decimals to 9 places)."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.9f}"
    if isinstance(value, (dict, list)):
        text = json.dumps(value, sort_keys=True, separators=(",", ":"))
        return text if len(text) <= MAX_VALUE_CHARS else f"sha256:{_digest(value)}"
    return value


def _digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _compare(left: Rows, right: Rows, examples: int) -> dict[str, Any]:
    differing = []
    for row in sorted(left.keys() | right.keys()):
        a, b = left.get(row), right.get(row)
        if a == b:
            continue
        columns = sorted(
            name
            for name in (a or {}).keys() | (b or {}).keys()
            if (a or {}).get(name) != (b or {}).get(name)
        )
        differing.append({"row": row, "columns": columns, "left": a, "right": b})
    return {
        "left_rows": len(left),
        "right_rows": len(right),
        "differences": len(differing),
        "examples": differing[:examples],
    }

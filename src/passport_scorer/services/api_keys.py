"""Authenticating a public-API request by its API key."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime

from passport_scorer.db.engine import Database
from passport_scorer.db.executor import Executor
from passport_scorer.db.queries import api_keys as api_key_queries
from passport_scorer.db.queries import communities as community_queries
from passport_scorer.domain.api_keys import (
    ApiKey,
    KeyCheck,
    check_fast,
    check_pbkdf2,
    generate_key,
    key_prefix,
    make_pbkdf2,
    random_text,
    sha256_hash,
)
from passport_scorer.domain.rate_limits import parse_rate
from passport_scorer.errors import CommunityNotFound, InvalidApiKey, MissingPermission

# PBKDF2 (600,000 rounds) costs about a CPU-second; only unmigrated keys need it,
# and at most this many checks run at once per process.
_PBKDF2_SLOTS = asyncio.Semaphore(2)


async def find(ex: Executor, key: str) -> ApiKey | None:
    """The usable (not revoked, not expired) stored key with `key`'s prefix."""
    return await api_key_queries.find_usable_key(ex, key_prefix(key), datetime.now(UTC))


async def authenticate(ex: Executor, key: str | None) -> ApiKey:
    """The stored key for `key`, or InvalidApiKey. Migrates PBKDF2 keys to sha256 on success."""
    if not key:
        raise InvalidApiKey()
    return await verify(ex, key, await find(ex, key))


async def verify(ex: Executor, key: str | None, stored: ApiKey | None) -> ApiKey:
    """`stored` (the usable key with `key`'s prefix) if `key` matches it, else InvalidApiKey."""
    if not key or stored is None:
        raise InvalidApiKey()
    verdict = check_fast(key, stored)
    if verdict is KeyCheck.NEEDS_PBKDF2:
        async with _PBKDF2_SLOTS:
            valid = await asyncio.to_thread(check_pbkdf2, key, stored.hashed_key)
        if not valid:
            raise InvalidApiKey()
        await api_key_queries.store_sha256_hash(ex, stored.id, sha256_hash(key))
    elif verdict is KeyCheck.INVALID:
        raise InvalidApiKey()
    return stored


def require_read_scores(key: ApiKey) -> None:
    if not key.read_scores:
        raise MissingPermission()


@dataclass(frozen=True)
class CreatedKey:
    key: str  # shown once; only its hashes are stored
    prefix: str
    account_id: int
    community_id: int


async def create_key(
    db: Database, *, community_id: int, name: str, rate_limit: str | None
) -> CreatedKey:
    """A key for the account that owns `community_id`, stored as the reference stores keys.

    `hashed_key` holds Django's PBKDF2 hash (so the reference accepts the key) and
    `hashed_key_sha256` the fast-path hash (so this service never needs PBKDF2 for it).
    """
    if rate_limit and parse_rate(rate_limit) is None:
        raise ValueError(f"rate limit {rate_limit!r} is not like 125/15m")
    async with db.session() as ex:
        community = await community_queries.get_by_id(ex, community_id)
    if community is None:
        raise CommunityNotFound()
    prefix, key = generate_key()
    hashed = await asyncio.to_thread(make_pbkdf2, key, random_text(22))
    async with db.transaction() as ex:
        await api_key_queries.upsert_key(
            ex,
            account_id=community.account_id,
            prefix=prefix,
            name=name[:50],
            hashed_key=hashed,
            hashed_key_sha256=sha256_hash(key),
            rate_limit=rate_limit,
            now=datetime.now(UTC),
        )
    return CreatedKey(key, prefix, community.account_id, community_id)

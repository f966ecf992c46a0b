"""Authenticating a public-API request by its API key."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from passport_scorer.db.engine import Database
from passport_scorer.db.queries import api_keys as api_key_queries
from passport_scorer.domain.api_keys import (
    ApiKey,
    KeyCheck,
    check_fast,
    check_pbkdf2,
    key_prefix,
    sha256_hash,
)
from passport_scorer.errors import InvalidApiKey, MissingPermission

# PBKDF2 (600,000 rounds) costs about a CPU-second; only unmigrated keys need it,
# and at most this many checks run at once per process.
_PBKDF2_SLOTS = asyncio.Semaphore(2)


async def find(db: Database, key: str) -> ApiKey | None:
    """The usable (not revoked, not expired) stored key with `key`'s prefix."""
    return await api_key_queries.find_usable_key(db, key_prefix(key), datetime.now(UTC))


async def authenticate(db: Database, key: str | None) -> ApiKey:
    """The stored key for `key`, or InvalidApiKey. Migrates PBKDF2 keys to sha256 on success."""
    if not key:
        raise InvalidApiKey()
    return await verify(db, key, await find(db, key))


async def verify(db: Database, key: str | None, stored: ApiKey | None) -> ApiKey:
    """`stored` (the usable key with `key`'s prefix) if `key` matches it, else InvalidApiKey."""
    if not key or stored is None:
        raise InvalidApiKey()
    verdict = check_fast(key, stored)
    if verdict is KeyCheck.NEEDS_PBKDF2:
        async with _PBKDF2_SLOTS:
            valid = await asyncio.to_thread(check_pbkdf2, key, stored.hashed_key)
        if not valid:
            raise InvalidApiKey()
        async with db.transaction() as conn:
            await api_key_queries.store_sha256_hash(conn, stored.id, sha256_hash(key))
    elif verdict is KeyCheck.INVALID:
        raise InvalidApiKey()
    return stored


def require_read_scores(key: ApiKey) -> None:
    if not key.read_scores:
        raise MissingPermission()

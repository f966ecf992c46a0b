"""Authenticating a public-API request by its API key."""

from __future__ import annotations

import asyncio
import logging
import time
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
from passport_scorer.errors import (
    CommunityNotFound,
    InvalidApiKey,
    MissingPermission,
    ServiceUnavailable,
)

log = logging.getLogger(__name__)


class Pbkdf2Checks:
    """The slow check of keys that only have a Django PBKDF2 hash (600,000 rounds: about a
    quarter of a CPU-second), guarded against key-guessing floods.

    * At most `slots` checks run at once (in threads) and at most `queue` wait; beyond that
      the request answers 503 after `refusal_delay` seconds instead of queueing.
    * While a check waits or runs, the request's database connection is back in the pool.
    * A prefix with `max_failures` failed checks within `window` seconds is refused without
      hashing until the window ends (logged once per window).
    * A refused prefix is answered after `refusal_delay` seconds, before any database work
      and holding no connection, so a flood of guesses costs neither CPU nor connections.
    Counts are per process. A key is checked this way once: success stores its sha256 hash.
    """

    def __init__(
        self,
        db: Database,
        *,
        slots: int = 2,
        queue: int = 8,
        max_failures: int = 5,
        window: float = 900.0,
        refusal_delay: float = 1.0,
    ) -> None:
        self._refusal_delay = refusal_delay
        self._db = db
        self._slots = asyncio.Semaphore(slots)
        self._capacity = slots + queue
        self._pending = 0
        self._max_failures = max_failures
        self._window = window
        self._failures: dict[str, tuple[int, float]] = {}  # prefix → (count, window start)

    def _refused(self, prefix: str, now: float) -> bool:
        count, start = self._failures.get(prefix, (0, now))
        if now - start >= self._window:
            self._failures.pop(prefix, None)
            return False
        return count >= self._max_failures

    def _failed(self, prefix: str, now: float) -> None:
        count, start = self._failures.get(prefix, (0, now))
        if now - start >= self._window:
            count, start = 0, now
        self._failures[prefix] = (count + 1, start)
        if count + 1 == self._max_failures:
            log.warning(
                "API key prefix refused after repeated wrong secrets",
                extra={"prefix": prefix, "failures": count + 1, "seconds": self._window},
            )
        if len(self._failures) > 10_000:
            self._failures = {p: v for p, v in self._failures.items() if now - v[1] < self._window}

    async def hold_off(self, key: str) -> None:
        """InvalidApiKey, after `refusal_delay`, for a key whose prefix is refused."""
        if self._failures and self._refused(key_prefix(key), time.monotonic()):
            await asyncio.sleep(self._refusal_delay)
            raise InvalidApiKey()

    async def matches(self, key: str, stored: ApiKey) -> bool:
        now = time.monotonic()
        if self._refused(stored.prefix, now):
            return False
        async with self._db.released():
            if self._pending >= self._capacity:
                # Full: answered after the same delay (no connection held), so a flood cannot
                # turn into a tight loop of fast refusals.
                await asyncio.sleep(self._refusal_delay)
                raise ServiceUnavailable()
            self._pending += 1
            try:
                async with self._slots:
                    if self._refused(stored.prefix, time.monotonic()):
                        # Refused while this check waited for a slot: no hashing, and not
                        # one more failure (a flood's queued checks would all hash).
                        return False
                    valid = await asyncio.to_thread(check_pbkdf2, key, stored.hashed_key)
            finally:
                self._pending -= 1
        if not valid:
            self._failed(stored.prefix, time.monotonic())
        return valid


async def find(ex: Executor, key: str) -> ApiKey | None:
    """The usable (not revoked, not expired) stored key with `key`'s prefix."""
    return await api_key_queries.find_usable_key(ex, key_prefix(key), datetime.now(UTC))


async def verify(
    ex: Executor, key: str | None, stored: ApiKey | None, slow: Pbkdf2Checks
) -> ApiKey:
    """`stored` (the usable key with `key`'s prefix) if `key` matches it, else InvalidApiKey.
    A key verified by its PBKDF2 hash gets its sha256 hash stored in the same request."""
    if not key or stored is None:
        raise InvalidApiKey()
    verdict = check_fast(key, stored)
    if verdict is KeyCheck.NEEDS_PBKDF2:
        if not await slow.matches(key, stored):
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

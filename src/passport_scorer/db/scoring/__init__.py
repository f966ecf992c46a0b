"""Storage for one scoring: read everything it needs, then write its outcome at once.

Two implementations with the same contract: `postgres.PostgresScoringStore` (asyncpg, one
fused read and usually one fused write statement) and `portable.PortableScoringStore`
(SQLAlchemy Core statements, any dialect; used for SQLite). `tests/db/test_scoring_stores.py`
runs the same scenarios through both and compares every row they leave.

Concurrency contract: `read` takes no locks. `write` succeeds only if the address's score
row is still the version that was read (every scoring rewrites that row, so an unchanged
version means nobody scored the address in between) and every planned nullifier claim is
still possible; otherwise nothing is written and it returns False. `locked` runs
read-plan-write while holding the passport row lock, for retries under contention.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Protocol

from passport_scorer.db.executor import Executor
from passport_scorer.domain.api_keys import ApiKey
from passport_scorer.domain.communities import Community
from passport_scorer.domain.dedup import HashLink
from passport_scorer.domain.stamps import CachedStamp


@dataclass(slots=True)
class ScoreVersion:
    """Identity and version of the address's passport and score rows as read."""

    passport_id: int | None = None
    score_id: int | None = None
    last_score_timestamp: datetime | None = None
    status: str | None = None


@dataclass(slots=True)
class AddressState:
    """Everything about one address in one community that a scoring reads."""

    stamps: list[CachedStamp]
    links: dict[str, HashLink]  # every link named by the stamps' hash/nullifiers
    version: ScoreVersion
    stored_stamps: str | None  # fingerprint of the passport's `registry_stamp` rows


@dataclass(slots=True)
class KeptStamp:
    provider: str
    credential_json: str  # the cache row's JSON text
    signature: str  # the credential's identity (see `credential_identity`)


@dataclass(slots=True)
class ScoreWrite:
    """The outcome of one successful scoring, to be written atomically."""

    community_id: int
    address: str
    scored_at: datetime
    version: ScoreVersion
    stored_stamps: str | None  # fingerprint read with the version
    link_creates: list[HashLink]
    link_claims: list[HashLink]
    dedup_events: list[dict[str, Any]]
    kept: list[KeptStamp]
    binary_score: Decimal
    evidence: dict[str, Any]
    stamp_scores: dict[str, Any]
    stamps: dict[str, Any]
    expiration_date: datetime | None
    # `SCU` payload; its `pk` and `fields.passport` are filled in with the written ids.
    score_updated: dict[str, Any] = field(default_factory=dict)


class LockedScoring(Protocol):
    async def read_state(self) -> AddressState: ...

    async def write(self, outcome: ScoreWrite) -> bool: ...


@dataclass(slots=True)
class KeyedRead:
    """An API key's row and, when it owns the scorer, the community and the address's state."""

    api_key: ApiKey | None  # the usable key with the request key's prefix
    community: Community | None
    state: AddressState | None
    # The key's stored sha256 hash matched the presented key's; only then were the
    # community and state read (a PBKDF2-only key is read again once verified).
    key_matched: bool = False


class ScoringStore(Protocol):
    """Every method runs on the request's executor (its one connection)."""

    async def read_for_key(
        self,
        ex: Executor,
        prefix: str,
        key_hash: str,
        scorer_id: int | None,
        address: str,
        now: datetime,
    ) -> KeyedRead:
        """The key (by prefix, if usable at `now`) and, when its stored sha256 hash is
        `key_hash`, its account's community for `scorer_id` (`external_scorer_id` first,
        then id) and the address's state, in one read."""

    async def community_by_id(
        self, ex: Executor, community_id: int, address: str
    ) -> tuple[Community, AddressState] | None:
        """The community with this id and the address's state in it, in one read."""

    async def read_state(self, ex: Executor, community_id: int, address: str) -> AddressState:
        """The address's state in a community already known."""

    async def write(self, ex: Executor, outcome: ScoreWrite) -> bool:
        """Write if nothing changed since the read; False (and nothing written) otherwise."""

    def locked(
        self, ex: Executor, community_id: int, address: str
    ) -> AbstractAsyncContextManager[LockedScoring]:
        """A transaction holding the passport row lock (the passport is created if missing)."""

    async def save_error(
        self, ex: Executor, community_id: int, address: str, message: str
    ) -> None: ...


def stamps_fingerprint(pairs: Sequence[tuple[str, str]]) -> str:
    """Identity of an ordered list of (provider, credential signature) pairs."""
    digest = hashlib.md5(usedforsecurity=False)
    for provider, identity in pairs:
        digest.update(f"{provider}:{identity},".encode())
    return digest.hexdigest()

"""The scoring store on any database (SQLite by default), one Core statement at a time.

Same contract as the Postgres store. On SQLite every write transaction takes the database
write lock up front (`BEGIN IMMEDIATE`), so writes never interleave.
"""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime

import orjson

from passport_scorer.db.executor import Executor
from passport_scorer.db.queries import api_keys, ceramic_cache, communities, hash_links, registry
from passport_scorer.db.scoring import (
    AddressState,
    KeyedRead,
    LockedScoring,
    ScoreWrite,
    stamps_fingerprint,
)
from passport_scorer.domain.api_keys import stored_sha256
from passport_scorer.domain.communities import Community
from passport_scorer.domain.events import LIFO_DEDUPLICATION, SCORE_UPDATED
from passport_scorer.domain.stamps import credential_signature


class _Rollback(Exception):
    pass


def _named_hashes(credential_json: str) -> set[str]:
    """Every string a stamp names as its `hash` or in its `nullifiers` (a superset)."""
    try:
        subject = orjson.loads(credential_json).get("credentialSubject") or {}
        names = {subject["hash"]} if isinstance(subject.get("hash"), str) else set()
        nullifiers = subject.get("nullifiers")
        if isinstance(nullifiers, list):
            names |= {n for n in nullifiers if isinstance(n, str)}
        return names
    except (orjson.JSONDecodeError, AttributeError):
        return set()


async def read_state(ex: Executor, community_id: int, address: str) -> AddressState:
    rows = await ceramic_cache.live_stamps(ex, address)
    names = sorted(set().union(*(_named_hashes(row.credential_json) for row in rows)))
    links = await hash_links.links_for(ex, community_id, names)
    version = await registry.score_version(ex, address, community_id)
    stored = None
    if version.passport_id is not None:
        stored_rows = await registry.stored_stamps(ex, version.passport_id)
        stored = stamps_fingerprint(
            [(provider, credential_signature(orjson.loads(text))) for provider, text in stored_rows]
        )
    return AddressState(rows, links, version, stored)


def _score_fields(outcome: ScoreWrite) -> dict[str, object]:
    return {
        "score": outcome.binary_score,
        "status": "DONE",
        "last_score_timestamp": outcome.scored_at,
        "error": None,
        "evidence": outcome.evidence,
        "stamp_scores": outcome.stamp_scores,
        "stamps_json": outcome.stamps,
        "expiration_date": outcome.expiration_date,
    }


async def _write_score(ex: Executor, outcome: ScoreWrite) -> tuple[int, int] | None:
    """(score id, passport id) if the score row was still the version read, else None."""
    version = outcome.version
    fields = _score_fields(outcome)
    if version.score_id is not None and version.passport_id is not None:
        score_id = await registry.update_score_if_current(ex, version, **fields)
        return None if score_id is None else (score_id, version.passport_id)
    passport_id = version.passport_id
    if passport_id is None:
        passport_id = await registry.create_passport(ex, outcome.address, outcome.community_id)
        if passport_id is None:
            return None
    score_id = await registry.create_score(ex, passport_id, **fields)
    return None if score_id is None else (score_id, passport_id)


async def write_outcome(ex: Executor, outcome: ScoreWrite) -> bool:
    """All writes of one scoring on `ex`; False as soon as a check fails (caller rolls back)."""
    written = await _write_score(ex, outcome)
    if written is None:
        return False
    score_id, passport_id = written
    community_id, address = outcome.community_id, outcome.address
    created = await hash_links.create_links(ex, community_id, outcome.link_creates)
    claimed = await hash_links.claim_links(
        ex, community_id, address, outcome.link_claims, outcome.scored_at
    )
    if created != len(outcome.link_creates) or claimed != len(outcome.link_claims):
        return False
    await registry.add_events(
        ex,
        LIFO_DEDUPLICATION,
        address=address,
        community_id=community_id,
        created_at=outcome.scored_at,
        payloads=outcome.dedup_events,
    )
    identities = [(stamp.provider, stamp.signature) for stamp in outcome.kept]
    if outcome.stored_stamps != stamps_fingerprint(identities):
        kept = [(stamp.provider, orjson.loads(stamp.credential_json)) for stamp in outcome.kept]
        await registry.replace_stamps(ex, passport_id, kept)
    event = copy.deepcopy(outcome.score_updated)
    event["pk"] = score_id
    event["fields"]["passport"] = passport_id
    await registry.add_events(
        ex,
        SCORE_UPDATED,
        address=address,
        community_id=community_id,
        created_at=outcome.scored_at,
        payloads=[event],
    )
    return True


async def save_error_score(ex: Executor, community_id: int, address: str, message: str) -> None:
    """The reference keeps a failed scoring as status ERROR with the message."""
    passport_id = await registry.upsert_passport(ex, address, community_id)
    await registry.save_score(
        ex,
        passport_id,
        score=None,
        status="ERROR",
        last_score_timestamp=None,
        error=message,
        evidence=None,
        stamp_scores=None,
        stamps_json=None,
        expiration_date=None,
    )


class PortableScoringStore:
    """Statement by statement on the request's executor."""

    async def read_for_key(
        self,
        ex: Executor,
        prefix: str,
        key_hash: str,
        scorer_id: int | None,
        address: str,
        now: datetime,
    ) -> KeyedRead:
        api_key = await api_keys.find_usable_key(ex, prefix, now)
        matched = api_key is not None and stored_sha256(api_key) == key_hash
        if api_key is None or not matched or scorer_id is None:
            return KeyedRead(api_key, None, None, matched)
        community = await communities.find_for_account(ex, scorer_id, api_key.account_id)
        if community is None:
            return KeyedRead(api_key, None, None, matched)
        state = await read_state(ex, community.id, address)
        return KeyedRead(api_key, community, state, matched)

    async def community_by_id(
        self, ex: Executor, community_id: int, address: str
    ) -> tuple[Community, AddressState] | None:
        community = await communities.get_by_id(ex, community_id)
        if community is None:
            return None
        return community, await read_state(ex, community.id, address)

    async def read_state(self, ex: Executor, community_id: int, address: str) -> AddressState:
        return await read_state(ex, community_id, address)

    async def write(self, ex: Executor, outcome: ScoreWrite) -> bool:
        try:
            async with ex.transaction():
                if not await write_outcome(ex, outcome):
                    raise _Rollback()
        except _Rollback:
            return False
        return True

    @asynccontextmanager
    async def locked(
        self, ex: Executor, community_id: int, address: str
    ) -> AsyncIterator[LockedScoring]:
        async with ex.transaction():
            passport_id = await registry.upsert_passport(ex, address, community_id)
            await registry.lock_score(ex, passport_id)
            yield _Locked(ex, community_id, address)

    async def save_error(self, ex: Executor, community_id: int, address: str, message: str) -> None:
        async with ex.transaction():
            await save_error_score(ex, community_id, address, message)


class _Locked:
    def __init__(self, ex: Executor, community_id: int, address: str) -> None:
        self._ex = ex
        self._community_id = community_id
        self._address = address

    async def read_state(self) -> AddressState:
        return await read_state(self._ex, self._community_id, self._address)

    async def write(self, outcome: ScoreWrite) -> bool:
        return await write_outcome(self._ex, outcome)

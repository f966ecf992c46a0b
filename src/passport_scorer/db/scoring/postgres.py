"""The scoring store on Postgres: one fused read, one fused write, through asyncpg.

The read returns the community with its scorer, the address's live stamps, every link those
stamps name, the passport/score version and a fingerprint of the stored stamps, in one round
trip. The write is one statement of data-modifying CTEs, each conditioned on the score row
still being the version that was read; it runs alone (atomic by itself) unless it claims
nullifiers, in which case it runs in a transaction so a lost claim can be rolled back.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

import orjson

from passport_scorer.db.executor import Executor, PostgresExecutor
from passport_scorer.db.queries.communities import community_from_row
from passport_scorer.db.scoring import (
    AddressState,
    KeyedRead,
    LockedScoring,
    ScoreVersion,
    ScoreWrite,
    stamps_fingerprint,
)
from passport_scorer.db.scoring.portable import save_error_score
from passport_scorer.domain.api_keys import ApiKey
from passport_scorer.domain.communities import Community
from passport_scorer.domain.dedup import HashLink
from passport_scorer.domain.stamps import CachedStamp

# $1 = address; the community CTE comes first and binds further parameters.
_STATE = """
stamps AS (
    -- Each stamp value is decompressed once for its text and once for its subject.
    SELECT cc.id, cc.provider, cc.stamp::text AS stamp_text,
           cc.stamp -> 'credentialSubject' AS subject, cc.updated_at
      FROM ceramic_cache_ceramiccache cc
     WHERE EXISTS (SELECT 1 FROM community)  -- no key or no scorer: read nothing more
       AND cc.address = $1 AND cc.deleted_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM ceramic_cache_revocation r WHERE r.ceramic_cache_id = cc.id)
),
named AS (
    SELECT subject ->> 'hash' AS hash FROM stamps
    UNION
    SELECT jsonb_array_elements_text(subject -> 'nullifiers') FROM stamps
     WHERE jsonb_typeof(subject -> 'nullifiers') = 'array'
),
links AS (
    -- One probe of the (hash, community) unique index per named hash, whatever the statistics.
    SELECT l.hash, l.address, l.expires_at
      FROM named
      JOIN LATERAL (
          SELECT hash, address, expires_at FROM registry_hashscorerlink
           WHERE hash = named.hash AND community_id = (SELECT id FROM community)
           LIMIT 1  -- unique anyway; keeps the planner from turning the probes into a join
      ) l ON true
),
passport AS (
    SELECT p.id, s.id AS score_id, s.last_score_timestamp, s.status
      FROM registry_passport p LEFT JOIN registry_score s ON s.passport_id = p.id
     WHERE p.address = $1 AND p.community_id = (SELECT id FROM community)
)
"""

_STATE_COLUMNS = """
    (SELECT array_agg(id ORDER BY id) FROM stamps) AS stamp_ids,
    (SELECT array_agg(provider ORDER BY id) FROM stamps) AS stamp_providers,
    (SELECT array_agg(stamp_text ORDER BY id) FROM stamps) AS stamp_texts,
    (SELECT array_agg(updated_at ORDER BY id) FROM stamps) AS stamp_updated,
    (SELECT array_agg(hash ORDER BY hash) FROM links) AS link_hashes,
    (SELECT array_agg(address ORDER BY hash) FROM links) AS link_addresses,
    (SELECT array_agg(expires_at ORDER BY hash) FROM links) AS link_expiries,
    (SELECT id FROM passport) AS passport_id,
    (SELECT score_id FROM passport) AS score_id,
    (SELECT last_score_timestamp FROM passport) AS last_score_timestamp,
    (SELECT status FROM passport) AS score_status,
    (SELECT md5(coalesce(string_agg(
                rs.provider || ':'
                || coalesce(rs.credential -> 'proof' ->> 'proofValue',
                            rs.credential -> 'proof' ->> 'jws', '')
                || ',', '' ORDER BY rs.id), ''))
       FROM registry_stamp rs WHERE rs.passport_id = (SELECT id FROM passport)) AS stored_stamps
"""

_COMMUNITY_COLUMNS = """
    c.id, c.account_id, c.rule, c.human_points_program, s.id AS scorer_id, s.type AS scorer_type,
    b.weights::text AS binary_weights, b.threshold AS binary_threshold,
    w.weights::text AS weighted_weights, w.threshold AS weighted_threshold
  FROM account_community c
  LEFT JOIN scorer_weighted_scorer s ON s.id = c.scorer_id
  LEFT JOIN scorer_weighted_binaryweightedscorer b ON b.scorer_ptr_id = s.id
  LEFT JOIN scorer_weighted_weightedscorer w ON w.scorer_ptr_id = s.id
"""

# $2 = key prefix, $3 = scorer id as text (external id), $4 = scorer id, $5 = now,
# $6 = the presented key's sha256 hash. Only a key whose stored sha256 hash matches reads
# further, so a wrong secret costs what an unknown prefix costs (no per-address work); a key
# with only a PBKDF2 hash is verified by the caller, then read again.
READ_FOR_KEY = f"""
WITH api_key AS (
  SELECT id, prefix, account_id, hashed_key, hashed_key_sha256, read_scores, rate_limit,
         revoked, expiry_date,
         coalesce(hashed_key_sha256,
                  CASE WHEN left(hashed_key, 7) = 'sha256$' THEN hashed_key END) = $6 AS matched
    FROM account_accountapikey
   WHERE prefix = $2 AND NOT revoked AND (expiry_date IS NULL OR expiry_date > $5)
),
community AS (
  SELECT {_COMMUNITY_COLUMNS}
   WHERE c.account_id = (SELECT account_id FROM api_key WHERE matched)
     AND (c.external_scorer_id = $3 OR c.id = $4)
   ORDER BY CASE WHEN c.external_scorer_id = $3 THEN 0 ELSE 1 END
   LIMIT 1
), {_STATE}
SELECT k.id AS key_id, k.prefix AS key_prefix, k.account_id AS key_account_id, k.hashed_key,
       k.hashed_key_sha256, k.read_scores, k.rate_limit, k.revoked, k.expiry_date,
       coalesce(k.matched, false) AS key_matched, community.*, {_STATE_COLUMNS}
  FROM (SELECT 1) AS one LEFT JOIN api_key k ON true LEFT JOIN community ON true
"""

# $2 = community id.
READ_BY_ID = f"""
WITH community AS (SELECT {_COMMUNITY_COLUMNS} WHERE c.id = $2), {_STATE}
SELECT community.*, {_STATE_COLUMNS} FROM community
"""

# $1 = address, $2 = community id (inside the locked transaction: a fresh snapshot).
READ_STATE = f"""
WITH community AS (SELECT $2::bigint AS id), {_STATE}
SELECT {_STATE_COLUMNS}
"""

# The score row too: optimistic writers update it, so holding it means no writer can change
# the version between the locked read and the locked write (they wait, then retry locked).
LOCK_SCORE = "SELECT id FROM registry_score WHERE passport_id = $1 FOR UPDATE"

LOCK_PASSPORT = """
INSERT INTO registry_passport (address, community_id, requires_calculation)
VALUES ($1, $2, NULL)
ON CONFLICT (address, community_id)
DO UPDATE SET requires_calculation = registry_passport.requires_calculation  -- locks, keeps keys
RETURNING id
"""

# Score row first: it is the version check and the per-address serialisation point.
_SCORE_UPDATE = """
score AS (
    UPDATE registry_score
       SET score = $5, status = 'DONE', last_score_timestamp = $3, error = NULL,
           evidence = $6::jsonb, stamp_scores = $7::jsonb, stamps = $8::jsonb,
           expiration_date = $9
     WHERE id = $10 AND last_score_timestamp IS NOT DISTINCT FROM $11
       AND status IS NOT DISTINCT FROM $12
    RETURNING id, passport_id
)"""

_SCORE_INSERT = """
score AS (
    INSERT INTO registry_score (passport_id, score, status, last_score_timestamp, error,
                                evidence, stamp_scores, stamps, expiration_date)
    VALUES ($10, $5, 'DONE', $3, NULL, $6::jsonb, $7::jsonb, $8::jsonb, $9)
    ON CONFLICT (passport_id) DO NOTHING
    RETURNING id, passport_id
)"""

_PASSPORT_AND_SCORE_INSERT = """
passport AS (
    INSERT INTO registry_passport (address, community_id, requires_calculation)
    VALUES ($1, $2, NULL)
    ON CONFLICT (address, community_id) DO NOTHING
    RETURNING id
),
score AS (
    INSERT INTO registry_score (passport_id, score, status, last_score_timestamp, error,
                                evidence, stamp_scores, stamps, expiration_date)
    SELECT id, $5, 'DONE', $3, NULL, $6::jsonb, $7::jsonb, $8::jsonb, $9 FROM passport
    RETURNING id, passport_id
)"""

_LINKS_AND_EVENTS = """
created AS (
    INSERT INTO registry_hashscorerlink (hash, address, expires_at, community_id)
    SELECT h, a, e, $2 FROM unnest($13::text[], $14::text[], $15::timestamptz[]) AS t(h, a, e)
     WHERE EXISTS (SELECT 1 FROM score)
     ORDER BY h
    ON CONFLICT (hash, community_id) DO NOTHING
    RETURNING hash
),
claimed AS (
    UPDATE registry_hashscorerlink l SET address = $1, expires_at = t.e
      FROM unnest($16::text[], $17::timestamptz[]) AS t(h, e)
     WHERE l.community_id = $2 AND l.hash = t.h AND (l.address = $1 OR l.expires_at <= $4)
       AND EXISTS (SELECT 1 FROM score)
    RETURNING l.hash
),
dedup_events AS (
    INSERT INTO registry_event (action, address, created_at, data, community_id)
    SELECT 'LDP', $1, $3, d::jsonb, $2 FROM unnest($18::text[]) WITH ORDINALITY AS t(d, n)
     WHERE EXISTS (SELECT 1 FROM score)
     ORDER BY n
),
score_event AS (
    INSERT INTO registry_event (action, address, created_at, data, community_id)
    SELECT 'SCU', $1, $3,
           jsonb_set(jsonb_set($19::jsonb, '{pk}', to_jsonb(score.id)),
                     '{fields,passport}', to_jsonb(score.passport_id)),
           $2
      FROM score
)"""

_REPLACE_STAMPS = """,
removed AS (
    DELETE FROM registry_stamp WHERE passport_id = (SELECT passport_id FROM score)
),
added AS (
    INSERT INTO registry_stamp (passport_id, provider, credential)
    SELECT (SELECT passport_id FROM score), p, c::jsonb
      FROM unnest($20::text[], $21::text[]) WITH ORDINALITY AS t(p, c, n)
     WHERE EXISTS (SELECT 1 FROM score)
     ORDER BY n
)"""

_RESULT = """
SELECT (SELECT count(*) FROM score) AS scored,
       (SELECT count(*) FROM created) AS created,
       (SELECT count(*) FROM claimed) AS claimed
"""


# Every variant declares every parameter's type, whether or not it uses it.
_PARAMETER_TYPES = """
parameter_types AS (SELECT $10::bigint, $11::timestamptz, $12::text)"""


def write_statement(kind: str, replace_stamps: bool) -> str:
    """The fused write for a score row that exists (`update`), or not (`insert`, `new`)."""
    head = {"update": _SCORE_UPDATE, "insert": _SCORE_INSERT, "new": _PASSPORT_AND_SCORE_INSERT}
    body = head[kind] + "," + _LINKS_AND_EVENTS + (_REPLACE_STAMPS if replace_stamps else "")
    return "WITH" + _PARAMETER_TYPES + "," + body + _RESULT


_WRITES = {
    (kind, replace): write_statement(kind, replace)
    for kind in ("update", "insert", "new")
    for replace in (False, True)
}


def _json(value: Any) -> str:
    return orjson.dumps(value).decode()


def _community(row: Any) -> Community:
    community = community_from_row(row)
    assert community is not None
    return community


def _state(row: Any) -> AddressState:
    stamps = [
        CachedStamp(*fields)
        for fields in zip(
            row["stamp_ids"] or (),
            row["stamp_providers"] or (),
            row["stamp_texts"] or (),
            row["stamp_updated"] or (),
            strict=True,
        )
    ]
    links = {
        h: HashLink(h, a, e)
        for h, a, e in zip(
            row["link_hashes"] or (),
            row["link_addresses"] or (),
            row["link_expiries"] or (),
            strict=True,
        )
    }
    version = ScoreVersion(
        row["passport_id"], row["score_id"], row["last_score_timestamp"], row["score_status"]
    )
    return AddressState(stamps, links, version, row["stored_stamps"])


def _write_arguments(outcome: ScoreWrite, score_target: int | None) -> list[Any]:
    version = outcome.version
    return [
        outcome.address,  # $1
        outcome.community_id,  # $2
        outcome.scored_at,  # $3
        outcome.scored_at,  # $4 "now" for expired links
        outcome.binary_score,  # $5
        _json(outcome.evidence),  # $6
        _json(outcome.stamp_scores),  # $7
        _json(outcome.stamps),  # $8
        outcome.expiration_date,  # $9
        score_target,  # $10 score id (update) or passport id (insert)
        version.last_score_timestamp,  # $11
        version.status,  # $12
        [link.hash for link in outcome.link_creates],  # $13
        [link.address for link in outcome.link_creates],  # $14
        [link.expires_at for link in outcome.link_creates],  # $15
        [link.hash for link in outcome.link_claims],  # $16
        [link.expires_at for link in outcome.link_claims],  # $17
        [_json(event) for event in outcome.dedup_events],  # $18
        _json(outcome.score_updated),  # $19
    ]


def _connection(ex: Executor) -> Any:
    """The asyncpg connection under the request's executor."""
    assert isinstance(ex, PostgresExecutor), "the fused store runs on Postgres executors"
    return ex.connection


class PostgresScoringStore:
    async def read_for_key(
        self,
        ex: Executor,
        prefix: str,
        key_hash: str,
        scorer_id: int | None,
        address: str,
        now: datetime,
    ) -> KeyedRead:
        external = None if scorer_id is None else str(scorer_id)
        row = await _connection(ex).fetchrow(
            READ_FOR_KEY, address, prefix, external, scorer_id, now, key_hash
        )
        api_key = None
        if row["key_id"] is not None:
            api_key = ApiKey(
                row["key_id"], row["key_prefix"], row["key_account_id"], row["hashed_key"],
                row["hashed_key_sha256"], row["read_scores"], row["rate_limit"], row["revoked"],
                row["expiry_date"],
            )  # fmt: skip
        if row["id"] is None:
            return KeyedRead(api_key, None, None, row["key_matched"])
        return KeyedRead(api_key, _community(row), _state(row), row["key_matched"])

    async def community_by_id(
        self, ex: Executor, community_id: int, address: str
    ) -> tuple[Community, AddressState] | None:
        row = await _connection(ex).fetchrow(READ_BY_ID, address, community_id)
        return None if row is None else (_community(row), _state(row))

    async def read_state(self, ex: Executor, community_id: int, address: str) -> AddressState:
        return _state(await _connection(ex).fetchrow(READ_STATE, address, community_id))

    async def write(self, ex: Executor, outcome: ScoreWrite) -> bool:
        conn = _connection(ex)
        if not (outcome.link_creates or outcome.link_claims) and not conn.is_in_transaction():
            return await _write(conn, outcome)  # one statement: atomic on its own
        # Claims can be lost (rolled back); inside a request's transaction, a savepoint.
        try:
            async with conn.transaction():
                if not await _write(conn, outcome):
                    raise _Rollback()
        except _Rollback:
            return False
        return True

    @asynccontextmanager
    async def locked(
        self, ex: Executor, community_id: int, address: str
    ) -> AsyncIterator[LockedScoring]:
        conn = _connection(ex)
        async with conn.transaction():
            passport_id = await conn.fetchval(LOCK_PASSPORT, address, community_id)
            await conn.execute(LOCK_SCORE, passport_id)
            yield _Locked(conn, community_id, address, passport_id)

    async def save_error(self, ex: Executor, community_id: int, address: str, message: str) -> None:
        async with ex.transaction():
            await save_error_score(ex, community_id, address, message)


class _Rollback(Exception):
    pass


async def _write(conn: Any, outcome: ScoreWrite) -> bool:
    version = outcome.version
    if version.score_id is not None:
        kind, target = "update", version.score_id
    elif version.passport_id is not None:
        kind, target = "insert", version.passport_id
    else:
        kind, target = "new", None
    arguments = _write_arguments(outcome, target)
    fingerprint = stamps_fingerprint([(k.provider, k.signature) for k in outcome.kept])
    replace_stamps = outcome.stored_stamps != fingerprint  # skip a rewrite that changes nothing
    if replace_stamps:
        arguments += [[k.provider for k in outcome.kept], [k.credential_json for k in outcome.kept]]
    row = await conn.fetchrow(_WRITES[(kind, replace_stamps)], *arguments)
    return bool(
        row["scored"] == 1
        and row["created"] == len(outcome.link_creates)
        and row["claimed"] == len(outcome.link_claims)
    )


class _Locked:
    def __init__(self, conn: Any, community_id: int, address: str, passport_id: int) -> None:
        self._conn = conn
        self._community_id = community_id
        self._address = address
        self._passport_id = passport_id

    async def read_state(self) -> AddressState:
        row = await self._conn.fetchrow(READ_STATE, self._address, self._community_id)
        return _state(row)

    async def write(self, outcome: ScoreWrite) -> bool:
        return await _write(self._conn, outcome)

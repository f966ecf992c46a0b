"""Which stamps count: loading rules and the validity checks for one credential.

A stamp counts iff its issuer is trusted, its `expirationDate` parses (with a
time zone) and lies in the future, its subject is the scored address, it has
a provider and `hash` or non-empty `nullifiers`, and its proof verifies.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

import orjson

# `registry_hashscorerlink.hash` is varchar(100): a longer nullifier cannot be recorded.
MAX_NULLIFIER_LENGTH = 100


@dataclass(frozen=True, slots=True)
class CachedStamp:
    """A live `ceramic_cache_ceramiccache` row of the scored address."""

    row_id: int
    provider: str  # the row's `provider` column
    credential_json: str
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Stamp:
    """A stamp that passed every check."""

    provider: str  # the cache row's provider: weights and `registry_stamp` use it
    subject_provider: str  # `credentialSubject.provider`: deduplication reports use it
    credential: dict[str, Any]
    credential_json: str  # the cache row's JSON text
    nullifiers: tuple[str, ...]  # after the FF_MULTI_NULLIFIER filter
    expires_at: datetime
    expiration_text: str  # `expirationDate` exactly as issued


class ProofChecker(Protocol):
    async def verify(self, credential_json: str) -> bool: ...


def latest_per_provider(rows: Iterable[CachedStamp]) -> list[CachedStamp]:
    """One row per provider, the latest updated (first seen on a tie), in first-seen order."""
    chosen: dict[str, CachedStamp] = {}
    for row in rows:
        current = chosen.get(row.provider)
        if current is None or row.updated_at > current.updated_at:
            chosen[row.provider] = row
    return list(chosen.values())


def parse_expiration(value: object) -> datetime | None:
    """`expirationDate` as an aware datetime; None when missing, malformed or without a zone."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def nullifiers_of(subject: dict[str, Any], *, multi_nullifier: bool) -> tuple[str, ...]:
    """The legacy `hash` alone if present, else `nullifiers`; only `v0…` ones unless multi."""
    if subject.get("hash"):
        values: list[Any] = [subject["hash"]]
    else:
        values = list(subject.get("nullifiers") or [])
    if not multi_nullifier:
        values = [value for value in values if isinstance(value, str) and value.startswith("v0")]
    return tuple(values)


def check_claims(
    row: CachedStamp,
    *,
    did: str,
    trusted_issuers: frozenset[str],
    now: datetime,
    multi_nullifier: bool,
) -> Stamp | None:
    """Every check except the proof; None if the stamp does not count."""
    try:
        credential = orjson.loads(row.credential_json)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(credential, dict) or credential.get("issuer") not in trusted_issuers:
        return None
    expires_at = parse_expiration(credential.get("expirationDate"))
    if expires_at is None or expires_at < now:
        return None
    subject = credential.get("credentialSubject")
    if not isinstance(subject, dict):
        return None
    subject_id = subject.get("id")
    provider = subject.get("provider")
    if not isinstance(subject_id, str) or subject_id.lower() != did:
        return None
    if not isinstance(provider, str) or not provider:
        return None
    if not _has_nullifiers(subject):
        return None
    nullifiers = nullifiers_of(subject, multi_nullifier=multi_nullifier)
    if any(not isinstance(n, str) or len(n) > MAX_NULLIFIER_LENGTH for n in nullifiers):
        return None
    return Stamp(
        provider=row.provider,
        subject_provider=provider,
        credential=credential,
        credential_json=row.credential_json,
        nullifiers=nullifiers,
        expires_at=expires_at,
        expiration_text=credential["expirationDate"],
    )


def _has_nullifiers(subject: dict[str, Any]) -> bool:
    legacy = subject.get("hash")
    if legacy:
        return isinstance(legacy, str)
    nullifiers = subject.get("nullifiers")
    return (
        isinstance(nullifiers, list)
        and bool(nullifiers)
        and all(isinstance(n, str) and n for n in nullifiers)
    )


async def valid_stamps(
    rows: Sequence[CachedStamp],
    *,
    did: str,
    trusted_issuers: frozenset[str],
    now: datetime,
    multi_nullifier: bool,
    proofs: ProofChecker,
) -> list[Stamp]:
    """The stamps that count, in row order; proofs are verified concurrently."""
    candidates: list[tuple[CachedStamp, Stamp]] = []
    for row in latest_per_provider(rows):
        stamp = check_claims(
            row,
            did=did,
            trusted_issuers=trusted_issuers,
            now=now,
            multi_nullifier=multi_nullifier,
        )
        if stamp is not None:
            candidates.append((row, stamp))
    if not candidates:
        return []
    verdicts = await asyncio.gather(*(proofs.verify(row.credential_json) for row, _ in candidates))
    return [stamp for (_, stamp), ok in zip(candidates, verdicts, strict=True) if ok]

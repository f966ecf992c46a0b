"""Which stamps count: the checks on one credential, and choosing the address's stamps.

A stamp counts iff its issuer is trusted, its `expirationDate` parses (with a time zone)
and lies in the future, its subject is the scored address, it has a provider and `hash`
or non-empty `nullifiers`, and its proof verifies. Everything but the subject and the
expiry depends only on the credential's bytes, so `CredentialChecker` decides it once per
credential (proof included) and caches the verdict; subject and expiry are checked on
every scoring.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

import orjson

# `registry_hashscorerlink.hash` is varchar(100): a longer nullifier cannot be recorded.
MAX_NULLIFIER_LENGTH = 100


@dataclass(slots=True)
class CachedStamp:
    """A live `ceramic_cache_ceramiccache` row of the scored address."""

    row_id: int
    provider: str  # the row's `provider` column
    credential_json: str
    updated_at: datetime


@dataclass(slots=True)
class Claims:
    """What a trusted, verified credential asserts (independent of who is being scored)."""

    subject_id: str  # `credentialSubject.id`, lower-cased
    provider: str  # `credentialSubject.provider`
    nullifiers: tuple[str, ...]  # after the FF_MULTI_NULLIFIER filter
    expires_at: datetime
    expiration_text: str  # `expirationDate` exactly as issued
    signature: str  # `proof.proofValue` (EIP-712) or `proof.jws` (Ed25519): the identity
    issuer: str = ""


@dataclass(slots=True)
class Stamp:
    """A stamp that counts for the scored address."""

    provider: str  # the cache row's provider: weights and `registry_stamp` use it
    credential_json: str
    claims: Claims

    @property
    def subject_provider(self) -> str:
        return self.claims.provider

    @property
    def nullifiers(self) -> tuple[str, ...]:
        return self.claims.nullifiers

    @property
    def expires_at(self) -> datetime:
        return self.claims.expires_at

    @property
    def expiration_text(self) -> str:
        return self.claims.expiration_text


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


def credential_signature(credential: dict[str, Any]) -> str:
    """A signed credential's identity: its `proofValue` (EIP-712) or `jws` (Ed25519)."""
    proof = credential.get("proof")
    if isinstance(proof, dict):
        value = proof.get("proofValue") or proof.get("jws")
        if isinstance(value, str):
            return value
    return ""


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why a credential does not count, whoever is scored (and its issuer, when it names one)."""

    reason: str
    issuer: str | None = None


# Reasons a stamp is skipped (logged at DEBUG, counted in the metrics by reason).
UNTRUSTED_ISSUER = "issuer is not trusted"
NOT_JSON = "credential is not a JSON object"
BAD_EXPIRATION = "expirationDate is missing, malformed or has no time zone"
NO_SUBJECT = "credentialSubject, its id or its provider is missing"
NO_NULLIFIERS = "credentialSubject has no hash or nullifiers"
LONG_NULLIFIER = "a nullifier is longer than 100 characters"
BAD_PROOF = "proof does not verify"
OTHER_SUBJECT = "credential is issued to another address"
EXPIRED = "credential has expired"


def examine_claims(
    credential_json: str, *, trusted_issuers: frozenset[str], multi_nullifier: bool
) -> Claims | Rejection:
    """The credential's claims if every check that does not need the proof passes, else why
    not."""
    try:
        credential = orjson.loads(credential_json)
    except orjson.JSONDecodeError:
        return Rejection(NOT_JSON)
    if not isinstance(credential, dict):
        return Rejection(NOT_JSON)
    issuer = credential.get("issuer")
    if not isinstance(issuer, str) or issuer not in trusted_issuers:
        return Rejection(UNTRUSTED_ISSUER, issuer if isinstance(issuer, str) else None)
    expires_at = parse_expiration(credential.get("expirationDate"))
    if expires_at is None:
        return Rejection(BAD_EXPIRATION, issuer)
    subject = credential.get("credentialSubject")
    if not isinstance(subject, dict):
        return Rejection(NO_SUBJECT, issuer)
    subject_id = subject.get("id")
    provider = subject.get("provider")
    if not isinstance(subject_id, str) or not isinstance(provider, str) or not provider:
        return Rejection(NO_SUBJECT, issuer)
    if not _has_nullifiers(subject):
        return Rejection(NO_NULLIFIERS, issuer)
    nullifiers = nullifiers_of(subject, multi_nullifier=multi_nullifier)
    if any(not isinstance(n, str) or len(n) > MAX_NULLIFIER_LENGTH for n in nullifiers):
        return Rejection(LONG_NULLIFIER, issuer)
    return Claims(
        subject_id=subject_id.lower(),
        provider=provider,
        nullifiers=nullifiers,
        expires_at=expires_at,
        expiration_text=credential["expirationDate"],
        signature=credential_signature(credential),
        issuer=issuer,
    )


def read_claims(
    credential_json: str, *, trusted_issuers: frozenset[str], multi_nullifier: bool
) -> Claims | None:
    """The credential's claims if every check that does not need the proof passes."""
    claims = examine_claims(
        credential_json, trusted_issuers=trusted_issuers, multi_nullifier=multi_nullifier
    )
    return claims if isinstance(claims, Claims) else None


@dataclass(frozen=True, slots=True)
class Skipped:
    """A stamp of the scored address that does not count, and why."""

    provider: str
    reason: str
    issuer: str | None


class SkipReport(Protocol):
    """Told, once per scoring, of every stamp that does not count."""

    def __call__(self, skipped: Sequence[Skipped]) -> None: ...


ProofVerify = Callable[[str], Awaitable[bool]]
_UNSEEN = object()


class CredentialChecker:
    """`read_claims` plus proof verification, remembered per credential (a bounded LRU).

    The verdict depends only on the credential's bytes and this process's settings, so it
    is cached by a digest of those bytes; a changed byte is a different credential.
    `report`, when given, hears of every stamp a scoring skips, and why.
    """

    def __init__(
        self,
        *,
        trusted_issuers: frozenset[str],
        multi_nullifier: bool,
        verify: ProofVerify,
        cache_size: int = 20_000,
        report: SkipReport | None = None,
    ) -> None:
        self._trusted_issuers = trusted_issuers
        self._multi_nullifier = multi_nullifier
        self._verify = verify
        self._cache: OrderedDict[bytes, Claims | Rejection] = OrderedDict()
        self._cache_size = cache_size
        self.report = report
        self.hits = 0
        self.misses = 0

    @staticmethod
    def _key(credential_json: str) -> bytes:
        return hashlib.blake2b(credential_json.encode(), digest_size=20).digest()

    def cached(self, credential_json: str) -> object:
        """The remembered verdict (`Claims` or `Rejection`), or `_UNSEEN`."""
        key = self._key(credential_json)
        verdict = self._cache.get(key, _UNSEEN)
        if verdict is not _UNSEEN:
            self.hits += 1
            self._cache.move_to_end(key)
        return verdict

    async def verdict(self, credential_json: str) -> Claims | Rejection:
        """The credential's claims once its proof verifies, else why it does not count."""
        remembered = self.cached(credential_json)
        if remembered is not _UNSEEN:
            return remembered  # type: ignore[return-value]
        self.misses += 1
        verdict = examine_claims(
            credential_json,
            trusted_issuers=self._trusted_issuers,
            multi_nullifier=self._multi_nullifier,
        )
        if isinstance(verdict, Claims) and not await self._verify(credential_json):
            verdict = Rejection(BAD_PROOF, verdict.issuer)
        if self._cache_size:
            self._cache[self._key(credential_json)] = verdict
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return verdict

    async def check(self, credential_json: str) -> Claims | None:
        verdict = await self.verdict(credential_json)
        return verdict if isinstance(verdict, Claims) else None


async def valid_stamps(
    rows: Sequence[CachedStamp], *, did: str, now: datetime, checker: CredentialChecker
) -> list[Stamp]:
    """The stamps that count for `did` at `now`, in row order (new proofs checked concurrently)."""
    chosen = latest_per_provider(rows)
    verdicts: list[Any] = [checker.cached(row.credential_json) for row in chosen]
    unseen = [i for i, verdict in enumerate(verdicts) if verdict is _UNSEEN]
    if unseen:
        checked = await asyncio.gather(
            *(checker.verdict(chosen[i].credential_json) for i in unseen)
        )
        for i, verdict in zip(unseen, checked, strict=True):
            verdicts[i] = verdict
    kept = []
    skipped = []
    for row, verdict in zip(chosen, verdicts, strict=True):
        if isinstance(verdict, Claims):
            if verdict.subject_id == did and verdict.expires_at >= now:
                kept.append(Stamp(row.provider, row.credential_json, verdict))
                continue
            verdict = Rejection(
                OTHER_SUBJECT if verdict.subject_id != did else EXPIRED, verdict.issuer
            )
        skipped.append(Skipped(row.provider, verdict.reason, verdict.issuer))
    if skipped and checker.report is not None:
        checker.report(skipped)
    return kept

"""Stamps submitted for caching (by the Passport app or the embed service), as cache rows.

A submission names providers: every live cache row of the address for those providers is
replaced (soft-deleted, whatever its `type`), and each item that carries a credential becomes
a new row. Rows are written as the reference writes them (`type` 1, status `pending`,
`proof_value` and dates from the credential); what the columns cannot hold is refused up
front, so a submission is written whole or not at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson

# `ceramic_cache_ceramiccache.source_app`
PASSPORT_APP = 1
EMBED_APP = 2
# The reference's `MAX_BULK_CACHE_SIZE`.
MAX_ITEMS = 100
# `provider` and `proof_value` are varchar(256).
MAX_TEXT_LENGTH = 256


@dataclass(frozen=True, slots=True)
class Submitted:
    provider: str
    credential: dict[str, Any] | None  # None: the provider's stamp is only removed


@dataclass(frozen=True, slots=True)
class Source:
    """Who wrote a row (`source_app`) and for which community (`source_scorer_id`)."""

    app: int
    scorer_id: int | None


@dataclass(frozen=True, slots=True)
class NewRow:
    provider: str
    credential: dict[str, Any]
    proof_value: str
    issuance_date: datetime | None
    expiration_date: datetime | None


def duplicates(providers: Iterable[str]) -> list[str]:
    """Providers named more than once (one live row per provider: they cannot all be kept)."""
    return sorted(provider for provider, count in Counter(providers).items() if count > 1)


def text_problem(text: str) -> str | None:
    if len(text) > MAX_TEXT_LENGTH:
        return f"longer than {MAX_TEXT_LENGTH} characters"
    if "\x00" in text:
        return "contains a NUL character"
    return None


def proof_value(credential: dict[str, Any]) -> str | None:
    """The credential's `proof.proofValue` (EIP-712), else `proof.jws` (Ed25519)."""
    proof = credential.get("proof")
    if not isinstance(proof, dict):
        return None
    value = proof.get("proofValue", proof.get("jws"))
    return value if isinstance(value, str) else None


def credential_problem(credential: dict[str, Any]) -> str | None:
    """Why the credential cannot be cached, or None."""
    value = proof_value(credential)
    if value is None:
        return "the stamp has no proof.proofValue"
    if problem := text_problem(value):
        return f"proof.proofValue is {problem}"
    if b"\\u0000" in orjson.dumps(credential):
        return "the stamp contains a NUL character"  # JSON columns cannot store it
    return None


def stamp_date(value: object) -> datetime | None:
    """An ISO 8601 date with a time zone, in UTC; anything else is stored as NULL."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
        return parsed.astimezone(UTC) if parsed.tzinfo is not None else None
    except (ValueError, OverflowError):
        return None


def new_rows(items: Sequence[Submitted]) -> list[NewRow]:
    """The rows to insert: one per item that carries a (checked) credential."""
    rows = []
    for item in items:
        if item.credential is None:
            continue
        value = proof_value(item.credential)
        assert value is not None, "credentials are checked on the way in"
        rows.append(
            NewRow(
                item.provider,
                item.credential,
                value,
                stamp_date(item.credential.get("issuanceDate")),
                stamp_date(item.credential.get("expirationDate")),
            )
        )
    return rows


@dataclass(frozen=True, slots=True)
class AppStamp:
    """A live, unrevoked cache row as the app's routes show it (`CachedStampResponse`)."""

    id: int
    address: str
    provider: str
    credential_json: str  # the stored JSON, verbatim

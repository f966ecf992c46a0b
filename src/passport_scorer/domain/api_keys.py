"""API keys: how a request names its key, and how a stored key is checked.

Keys are `<prefix>.<secret>`; the stored hashes cover the whole string. The
fast path is `hashed_key_sha256` (`sha256$<hex>`); older rows carry a Django
PBKDF2 hash in `hashed_key`, which is checked once and then migrated.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import string
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

SHA256_PREFIX = "sha256$"
PBKDF2_PREFIX = "pbkdf2_sha256$"


@dataclass(frozen=True, slots=True)
class ApiKey:
    id: str
    prefix: str
    account_id: int
    hashed_key: str
    hashed_key_sha256: str | None
    read_scores: bool
    rate_limit: str | None
    revoked: bool
    expiry_date: datetime | None
    # Read where a route needs them (the v2 score route's fused read leaves the defaults).
    submit_passports: bool = False
    historical_endpoint: bool = False
    embed_rate_limit: str | None = None


class KeyCheck(Enum):
    VALID = "valid"
    INVALID = "invalid"
    NEEDS_PBKDF2 = "needs_pbkdf2"


def extract_api_key(
    x_api_key: str | None,
    authorization: str | None,
    *,
    demo_key: str | None = None,
    demo_aliases: frozenset[str] = frozenset(),
) -> str | None:
    """`X-API-Key`, else the second token of `Authorization` (any scheme)."""
    key = x_api_key or ""
    if key and demo_key and key in demo_aliases:
        key = demo_key
    if key:
        return key
    parts = (authorization or "").split()
    if len(parts) >= 2:
        return parts[1]
    return None


def key_prefix(key: str) -> str:
    return key.partition(".")[0]


def sha256_hash(key: str) -> str:
    return SHA256_PREFIX + hashlib.sha256(key.encode()).hexdigest()


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


def stored_sha256(stored: ApiKey) -> str | None:
    """The stored hash the fast path compares with (`hashed_key_sha256`, else a `sha256$`
    `hashed_key`); None when only PBKDF2 can verify the key."""
    if stored.hashed_key_sha256:
        return stored.hashed_key_sha256
    if stored.hashed_key.startswith(SHA256_PREFIX):
        return stored.hashed_key
    return None


def check_fast(key: str, stored: ApiKey) -> KeyCheck:
    """Check without PBKDF2; says so when the slow check is needed."""
    if stored.hashed_key_sha256:
        # A stored sha256 value is authoritative: no fallback on mismatch.
        return (
            KeyCheck.VALID
            if _same(sha256_hash(key), stored.hashed_key_sha256)
            else KeyCheck.INVALID
        )
    if stored.hashed_key.startswith(SHA256_PREFIX):
        return KeyCheck.VALID if _same(sha256_hash(key), stored.hashed_key) else KeyCheck.INVALID
    if stored.hashed_key.startswith(PBKDF2_PREFIX):
        return KeyCheck.NEEDS_PBKDF2
    return KeyCheck.INVALID


def check_pbkdf2(key: str, encoded: str) -> bool:
    """Django's `pbkdf2_sha256$<iterations>$<salt>$<base64 hash>` check (CPU-bound)."""
    try:
        algorithm, iterations_text, salt, expected = encoded.split("$", 3)
        iterations = int(iterations_text)
    except ValueError:
        return False
    if algorithm != "pbkdf2_sha256" or iterations < 1:
        return False
    derived = hashlib.pbkdf2_hmac("sha256", key.encode(), salt.encode(), iterations, 32)
    return _same(base64.b64encode(derived).decode("ascii").strip(), expected)


_ALPHABET = string.ascii_letters + string.digits
PBKDF2_ITERATIONS = 600_000  # Django 4.2's default, as the reference hashes its keys


def random_text(length: int) -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


def generate_key() -> tuple[str, str]:
    """A new `(prefix, key)`: 8 + 32 random letters and digits, as djangorestframework-api-key."""
    prefix = random_text(8)
    return prefix, f"{prefix}.{random_text(32)}"


def make_pbkdf2(key: str, salt: str, iterations: int = PBKDF2_ITERATIONS) -> str:
    """Django's `make_password` output for `key` (used to create keys the reference accepts)."""
    derived = hashlib.pbkdf2_hmac("sha256", key.encode(), salt.encode(), iterations, 32)
    return f"pbkdf2_sha256${iterations}${salt}${base64.b64encode(derived).decode('ascii')}"

"""The Passport app's access tokens: which JWTs the `/ceramic-cache/*` routes accept.

As the reference accepts them, in this order:

1. an RS256 token signed with the sign-in key (verified with `SIWE_JWT_PUBLIC_KEY`) whose
   issuer is `passport-scorer`;
2. a legacy HS256 access token signed with `SECRET_KEY`, with `token_type` "access", a
   `jti` and an `exp`.

`exp`, `nbf` and `iat` are checked without leeway. Each step fixes its algorithm instead of
taking it from the token's header, so `alg: none`, any other algorithm, or the RSA public key
used as an HMAC secret fails both. The caller is the address at the end of the `did` claim
(`did:pkh:eip155:1:0x…`), lower-cased.

A token's signature and claims never change, so a token that was accepted is remembered
(by its text, a bounded number of them) and only its expiry is checked again: the app sends
the same token for days, and verifying it costs more than the rest of a stored-score read.
"""

from __future__ import annotations

import base64
import binascii
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    PublicFormat,
    load_pem_private_key,
    load_pem_public_key,
)

from passport_scorer.domain.address import is_address
from passport_scorer.errors import InvalidAppToken

ISSUER = "passport-scorer"
ACCESS = "access"
REMEMBERED_TOKENS = 10_000
TOKEN_LIFETIME = timedelta(days=7)


def pem_bytes(value: str) -> bytes:
    """A key setting's PEM: the text itself when it holds `-----BEGIN`, else base64 of it."""
    text = value.strip()
    if "-----BEGIN" in text:
        return text.encode()
    try:
        return base64.b64decode(text)
    except (binascii.Error, ValueError):
        return b""


def load_public_key(value: str) -> RSAPublicKey:
    """The RSA public key in `value` (PEM, or base64 of PEM), or ValueError."""
    try:
        key = load_pem_public_key(pem_bytes(value))
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, RSAPublicKey):
        raise ValueError("must be an RSA public key in PEM (or base64 of PEM)")
    return key


def load_private_key(value: str) -> RSAPrivateKey:
    """The RSA private key in `value` (PEM, or base64 of PEM, unencrypted), or ValueError."""
    try:
        key = load_pem_private_key(pem_bytes(value), password=None)
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, RSAPrivateKey):
        raise ValueError("must be an unencrypted RSA private key in PEM (or base64 of PEM)")
    return key


def same_public_key(private_key: RSAPrivateKey, public_value: str) -> bool:
    """Whether `public_value` (PEM or base64 of PEM) is the public half of `private_key`."""
    try:
        public = load_public_key(public_value)
    except ValueError:
        return False
    encoded = (Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return private_key.public_key().public_bytes(*encoded) == public.public_bytes(*encoded)


def did_of(address: str) -> str:
    """The `did` claim of a sign-in token: always chain 1, the address lower-cased."""
    return f"did:pkh:eip155:1:{address.lower()}"


@dataclass(frozen=True, slots=True)
class AppTokenIssuer:
    """Signs the app's access tokens after a sign-in: RS256 with the sign-in key, the
    reference's claims (`did`, `iat`, `exp` 7 days later, a uuid4 `jti`, `iss`
    `passport-scorer`, `token_type` "access")."""

    private_key: RSAPrivateKey

    def issue(self, address: str, now: datetime) -> str:
        claims = {
            "did": did_of(address),
            "iat": now,
            "exp": now + TOKEN_LIFETIME,
            "jti": str(uuid.uuid4()),
            "iss": ISSUER,
            "token_type": ACCESS,
        }
        return jwt.encode(claims, self.private_key, algorithm="RS256")


def address_of_did(did: object) -> str | None:
    """The address a `did` claim names (its last `:` segment, lower-cased), if it is one."""
    if not isinstance(did, str):
        return None
    address = did.rsplit(":", 1)[-1].lower()
    return address if is_address(address) else None


@dataclass(frozen=True, slots=True)
class AppTokenVerifier:
    """Checks an app access token; `address_of` returns the caller's address or raises
    `InvalidAppToken` (401)."""

    public_key: RSAPublicKey
    secret_key: str | None = None
    remember: int = REMEMBERED_TOKENS
    # token → (address, exp or None), most recently used last
    _accepted: OrderedDict[str, tuple[str, int | None]] = field(
        default_factory=OrderedDict, compare=False, repr=False
    )

    def address_of(self, token: str) -> str:
        known = self._accepted.get(token)
        if known is not None:
            if known[1] is None or known[1] > time.time():
                self._accepted.move_to_end(token)
                return known[0]
            del self._accepted[token]
            raise InvalidAppToken()
        claims = self._siwe_claims(token) or self._legacy_claims(token)
        address = None if claims is None else address_of_did(claims.get("did"))
        if claims is None or address is None:
            raise InvalidAppToken()
        if self.remember > 0:
            expires = int(claims["exp"]) if "exp" in claims else None
            self._accepted[token] = (address, expires)
            if len(self._accepted) > self.remember:
                self._accepted.popitem(last=False)
        return address

    def _siwe_claims(self, token: str) -> dict[str, Any] | None:
        try:
            claims: dict[str, Any] = jwt.decode(
                token, self.public_key, algorithms=["RS256"], issuer=ISSUER
            )
        except jwt.PyJWTError:
            return None
        return claims

    def _legacy_claims(self, token: str) -> dict[str, Any] | None:
        """ninja_jwt's `AccessToken` rules: HS256, `exp` required, a `jti`, type "access"."""
        if not self.secret_key:
            return None
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                self.secret_key,
                algorithms=["HS256"],
                options={"require": ["exp"], "verify_aud": False},
            )
        except jwt.PyJWTError:
            return None
        if "jti" not in claims or claims.get("token_type") != ACCESS:
            return None
        return claims

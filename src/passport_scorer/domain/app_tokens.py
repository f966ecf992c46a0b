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
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from passport_scorer.domain.address import is_address
from passport_scorer.errors import InvalidAppToken

ISSUER = "passport-scorer"
ACCESS = "access"


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

    def address_of(self, token: str) -> str:
        claims = self._siwe_claims(token) or self._legacy_claims(token)
        address = None if claims is None else address_of_did(claims.get("did"))
        if address is None:
            raise InvalidAppToken()
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

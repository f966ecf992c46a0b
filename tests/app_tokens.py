"""Real app access tokens for tests: a generated RSA key pair (the sign-in key) and a legacy
HS256 secret, signing tokens shaped as the reference issues them."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from dataclasses import dataclass
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

SIGN_IN_DOMAIN = "app.passport.xyz"


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@dataclass(frozen=True)
class AppKeys:
    private_key: rsa.RSAPrivateKey
    public_pem: str
    secret_key: str

    @classmethod
    def generate(cls) -> AppKeys:
        private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        public_pem = (
            private_key.public_key()
            .public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
            .decode()
        )
        return cls(private_key, public_pem, "legacy-django-secret-key-" + "x" * 40)

    @property
    def private_pem(self) -> str:
        return self.private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode()

    def sign_in_settings(self, *domains: str) -> dict[str, str]:
        """Sign-in configured: the private key, and the domains a message may name."""
        allowed = json.dumps(list(domains or [SIGN_IN_DOMAIN]))
        return {
            **self.settings(),
            "SIWE_JWT_PRIVATE_KEY": self.private_pem,
            "SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE": allowed,
        }

    @property
    def public_b64(self) -> str:
        return base64.b64encode(self.public_pem.encode()).decode()

    def settings(self) -> dict[str, str]:
        return {"SIWE_JWT_PUBLIC_KEY": self.public_pem, "SECRET_KEY": self.secret_key}

    def siwe_claims(self, address: str, **overrides: Any) -> dict[str, Any]:
        """The claims of the reference's sign-in token (7 days)."""
        now = int(time.time())
        claims: dict[str, Any] = {
            "did": f"did:pkh:eip155:1:{address.lower()}",
            "iat": now,
            "exp": now + 7 * 24 * 3600,
            "jti": str(uuid.uuid4()),
            "iss": "passport-scorer",
            "token_type": "access",
        }
        claims.update(overrides)
        return {name: value for name, value in claims.items() if value is not None}

    def siwe(self, address: str, **overrides: Any) -> str:
        """An RS256 sign-in token; a claim overridden with None is left out."""
        return jwt.encode(self.siwe_claims(address, **overrides), self.private_key, "RS256")

    def legacy(self, address: str, **overrides: Any) -> str:
        """An HS256 ninja_jwt access token signed with `SECRET_KEY`."""
        now = int(time.time())
        claims: dict[str, Any] = {
            "token_type": "access",
            "exp": now + 24 * 3600,
            "iat": now,
            "jti": uuid.uuid4().hex,
            "did": f"did:pkh:eip155:1:{address.lower()}",
        }
        claims.update(overrides)
        claims = {name: value for name, value in claims.items() if value is not None}
        return jwt.encode(claims, self.secret_key, "HS256")

    def hs256_with_public_key(self, address: str) -> str:
        """The key-confusion attack: HS256 with the RSA public key's PEM as the HMAC secret
        (PyJWT refuses to sign that, so it is signed by hand)."""
        header = _b64url(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
        payload = _b64url(json.dumps(self.siwe_claims(address)).encode())
        signing_input = f"{header}.{payload}".encode()
        digest = hmac.new(self.public_pem.encode(), signing_input, hashlib.sha256).digest()
        return f"{header}.{payload}.{_b64url(digest)}"

    def unsigned(self, address: str) -> str:
        """`alg: none`: no signature at all."""
        header = _b64url(json.dumps({"alg": "none", "typ": "JWT"}).encode())
        payload = _b64url(json.dumps(self.siwe_claims(address)).encode())
        return f"{header}.{payload}."

    def headers(self, address: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.siwe(address)}"}


APP_KEYS = AppKeys.generate()

"""Signing Passport-style stamps with didkit, for the demo and the tests.

`TEST_ISSUER_SECRET` is the reference's public test key
(`did:ethr:0x018d103c154748e8d5a1d7658185125175457f84`): anyone can sign with
it, so it must never be in a production `TRUSTED_IAM_ISSUERS`.
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import didkit
from cryptography.hazmat.primitives.asymmetric import ec

TEST_ISSUER_SECRET = "123456789abcdef01122334455667788aabbccddeeff00112233445566778899"
TEST_ISSUER_DID = "did:ethr:0x018d103c154748e8d5a1d7658185125175457f84"

_SUBJECT_CONTEXT = {
    "nullifiers": {"@container": "@list", "@type": "https://schema.org/Text"},
    "provider": "https://schema.org/Text",
}

# The EIP-712 type layout of Passport stamps (as carried in their proofs).
EIP712_DOMAIN: dict[str, Any] = {
    "domain": {"name": "VerifiableCredential"},
    "primaryType": "Document",
    "types": {
        "@context": [
            {"name": "nullifiers", "type": "NullifiersContext"},
            {"name": "provider", "type": "string"},
        ],
        "CredentialSubject": [
            {"name": "@context", "type": "@context"},
            {"name": "nullifiers", "type": "string[]"},
            {"name": "id", "type": "string"},
            {"name": "provider", "type": "string"},
        ],
        "Document": [
            {"name": "@context", "type": "string[]"},
            {"name": "credentialSubject", "type": "CredentialSubject"},
            {"name": "expirationDate", "type": "string"},
            {"name": "issuanceDate", "type": "string"},
            {"name": "issuer", "type": "string"},
            {"name": "proof", "type": "Proof"},
            {"name": "type", "type": "string[]"},
        ],
        "EIP712Domain": [{"name": "name", "type": "string"}],
        "NullifiersContext": [
            {"name": "@container", "type": "string"},
            {"name": "@type", "type": "string"},
        ],
        "Proof": [
            {"name": "@context", "type": "string"},
            {"name": "created", "type": "string"},
            {"name": "proofPurpose", "type": "string"},
            {"name": "type", "type": "string"},
            {"name": "verificationMethod", "type": "string"},
        ],
    },
}


def _b64url(number: int) -> str:
    return base64.urlsafe_b64encode(number.to_bytes(32, "big")).rstrip(b"=").decode()


def secp256k1_jwk(secret_hex: str) -> str:
    secret = int(secret_hex, 16)
    public = ec.derive_private_key(secret, ec.SECP256K1()).public_key().public_numbers()
    return json.dumps(
        {
            "kty": "EC",
            "crv": "secp256k1",
            "x": _b64url(public.x),
            "y": _b64url(public.y),
            "d": _b64url(secret),
        }
    )


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class EthereumIssuer:
    """Signs `EthereumEip712Signature2021` stamps as a `did:ethr` issuer (current IAM stamps)."""

    def __init__(self, secret_hex: str = TEST_ISSUER_SECRET) -> None:
        self._jwk = secp256k1_jwk(secret_hex)
        self.did = didkit.key_to_did("ethr", self._jwk)

    async def issue(
        self,
        address: str,
        provider: str,
        *,
        nullifiers: list[str] | None = None,
        expires: datetime | str | None = None,
        issued: datetime | None = None,
        subject_id: str | None = None,
    ) -> dict[str, Any]:
        now = datetime.now(UTC)
        expiration = (
            expires if isinstance(expires, str) else _iso(expires or now + timedelta(days=90))
        )
        credential = {
            "@context": [
                "https://www.w3.org/2018/credentials/v1",
                "https://w3id.org/vc/status-list/2021/v1",
            ],
            "type": ["VerifiableCredential"],
            "issuer": self.did,
            "issuanceDate": _iso(issued or now),
            "expirationDate": expiration,
            "credentialSubject": {
                "@context": _SUBJECT_CONTEXT,
                "id": subject_id or f"did:pkh:eip155:1:{address.lower()}",
                "provider": provider,
                "nullifiers": (
                    [f"v0.0.0:{provider}:{address.lower()}"] if nullifiers is None else nullifiers
                ),
            },
        }
        method = await didkit.key_to_verification_method("ethr", self._jwk)
        options = {
            "proofPurpose": "assertionMethod",
            "verificationMethod": method,
            "type": "EthereumEip712Signature2021",
            "eip712Domain": EIP712_DOMAIN,
        }
        signed: dict[str, Any] = json.loads(
            await didkit.issue_credential(json.dumps(credential), json.dumps(options), self._jwk)
        )
        return signed


class Ed25519Issuer:
    """Signs `Ed25519Signature2018` stamps as a `did:key` issuer (legacy stamps)."""

    def __init__(self, jwk: str | None = None) -> None:
        self._jwk = jwk or didkit.generate_ed25519_key()
        self.did = didkit.key_to_did("key", self._jwk)

    async def issue(
        self,
        address: str,
        provider: str,
        *,
        hash: str | None = None,
        nullifiers: list[str] | None = None,
        expires: datetime | None = None,
    ) -> dict[str, Any]:
        now = datetime.now(UTC)
        subject: dict[str, Any] = {
            "id": f"did:pkh:eip155:1:{address.lower()}",
            "provider": provider,
        }
        if hash is not None:
            subject["@context"] = [
                {"hash": "https://schema.org/Text", "provider": "https://schema.org/Text"}
            ]
            subject["hash"] = hash
        else:
            subject["@context"] = [
                {
                    "nullifiers": {"@id": "https://schema.org/Text", "@container": "@list"},
                    "provider": "https://schema.org/Text",
                }
            ]
            subject["nullifiers"] = nullifiers or [f"v0.0.0:{provider}:{address.lower()}"]
        credential = {
            "@context": ["https://www.w3.org/2018/credentials/v1"],
            "type": ["VerifiableCredential"],
            "issuer": self.did,
            "issuanceDate": _iso(now),
            "expirationDate": _iso(expires or now + timedelta(days=90)),
            "credentialSubject": subject,
        }
        method = await didkit.key_to_verification_method("key", self._jwk)
        options = {"proofPurpose": "assertionMethod", "verificationMethod": method}
        signed: dict[str, Any] = json.loads(
            await didkit.issue_credential(json.dumps(credential), json.dumps(options), self._jwk)
        )
        return signed

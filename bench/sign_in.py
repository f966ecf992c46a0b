"""The sign-in cases: `GET /account/nonce`, and `POST /ceramic-cache/authenticate` with a
SIWE message signed by a real key (each with its own nonce, stored beforehand: a nonce is
used once, and the load tool replays fixed requests). Every sampled answer's token is
verified with the server's public key and must name the signer."""

from __future__ import annotations

import json
import secrets
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from eth_account import Account
from eth_account.messages import encode_defunct
from siwe import SiweMessage

NONCE = "/account/nonce"
AUTHENTICATE = "/ceramic-cache/authenticate"
DOMAIN = "app.passport.xyz"
SIGN_INS = 4000  # one nonce each


def private_pem(key: rsa.RSAPrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


async def request_files(url: str, folder: Path, count: int = SIGN_INS) -> dict[str, Path]:
    """`nonce` (GET) and `sign_in` (`count` POSTs, each with a nonce stored here)."""
    now = datetime.now(UTC)
    accounts = [Account.create() for _ in range(16)]
    nonces = [secrets.token_hex(30) for _ in range(count)]
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        await conn.executemany(
            "INSERT INTO account_nonce (nonce, created_on, expires_on, was_used)"
            " VALUES ($1, $2, $3, false)",
            [(nonce, now, now + timedelta(hours=1)) for nonce in nonces],
        )
    finally:
        await conn.close()
    sign_ins: list[dict[str, Any]] = []
    for i, nonce in enumerate(nonces):
        account = accounts[i % len(accounts)]
        fields = {
            "domain": DOMAIN,
            "address": account.address,
            "statement": "Sign in to Human Passport",
            "uri": f"https://{DOMAIN}",
            "version": "1",
            "chainId": 1,
            "nonce": nonce,
            "issuedAt": _iso(now),
            "expirationTime": _iso(now + timedelta(hours=1)),
        }
        text = SiweMessage(
            domain=DOMAIN, address=account.address, statement=fields["statement"],
            uri=fields["uri"], version="1", chain_id=1, nonce=nonce,
            issued_at=fields["issuedAt"], expiration_time=fields["expirationTime"],
        ).prepare_message()  # fmt: skip
        signature = "0x" + account.sign_message(encode_defunct(text=text)).signature.hex()
        body = json.dumps({"message": fields, "signature": signature})
        sign_ins.append({"path": AUTHENTICATE, "method": "POST", "body": body})
    files = {"nonce": folder / "nonce.json", "sign_in": folder / "sign_in.json"}
    files["nonce"].write_text(json.dumps([{"path": NONCE}]))
    files["sign_in"].write_text(json.dumps(sign_ins))
    return files


def verify(result: dict[str, Any], public_pem: str) -> int:
    """Every sampled answer: a nonce, or a token of the right signer."""
    checked = 0
    for path, status, body in result.pop("samples"):
        if status != 200:
            raise SystemExit(f"bench: {path} answered {status}: {body[:300]}")
        data = json.loads(body)
        if "nonce" in data:
            if len(data["nonce"]) != 60:
                raise SystemExit(f"bench: bad nonce {data}")
        else:
            claims = jwt.decode(
                data["access"], public_pem, algorithms=["RS256"], issuer="passport-scorer"
            )
            if not claims["did"].startswith("did:pkh:eip155:1:0x"):
                raise SystemExit(f"bench: bad token claims {claims}")
        checked += 1
    return checked


# Targets (reported, not enforced): 16 connections, on a 2-core machine.
NONCE_TARGET_RPS = 1500
SIGN_IN_TARGET_RPS = 250


def targets(runs: dict[str, dict[str, Any]]) -> dict[str, tuple[str, str, bool]]:
    nonce, signed = runs["nonce"]["c16"], runs["sign_in"]["c16"]
    return {
        "GET /account/nonce, 16 connections": (
            f"{nonce['rps']:.0f} req/s",
            f">= {NONCE_TARGET_RPS}",
            nonce["rps"] >= NONCE_TARGET_RPS,
        ),
        "sign-in (SIWE authenticate), 16 connections": (
            f"{signed['rps']:.0f} req/s",
            f">= {SIGN_IN_TARGET_RPS}",
            signed["rps"] >= SIGN_IN_TARGET_RPS,
        ),
    }

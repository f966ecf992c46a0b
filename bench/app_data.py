"""The app's cases: bulk POST of 5 stamps with its rescore, and the app's score read (stored,
and expired so that it rescores), against a server configured for the app's routes.

Runs after the score-route cases (and their database floor), on the same data: the app's
community is the benchmark community, each address presents a sign-in token (RS256, signed
here with a generated key), and the bulk POSTs re-submit an address's own 5 stamps (its rows
are replaced and it is rescored; the credentials' proofs were checked before, so the
workers' proof cache answers, as it does for a returning user).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import asyncpg
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from . import dataset

BULK = "/ceramic-cache/stamps/bulk"
# Targets (reported, not enforced): 16 connections.
BULK_TARGET_RPS = 400
STORED_TARGET_RPS = 2000


def signing_key() -> tuple[rsa.RSAPrivateKey, str]:
    """A fresh sign-in key pair: the private key, and the public key's PEM for the server."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return key, public.decode()


def token(key: rsa.RSAPrivateKey, address: str) -> str:
    now = int(time.time())
    claims = {
        "did": f"did:pkh:eip155:1:{address}",
        "iat": now,
        "exp": now + 7 * 24 * 3600,
        "jti": f"bench-{address}",
        "iss": "passport-scorer",
        "token_type": "access",
    }
    return jwt.encode(claims, key, "RS256")


async def five_stamp_bodies(url: str, addresses: list[str]) -> dict[str, str]:
    """Address → bulk POST body (its 5 live stamps), for the addresses that hold 5."""
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        rows = await conn.fetch(
            "SELECT address, provider, stamp::text AS stamp FROM ceramic_cache_ceramiccache"
            " WHERE address = ANY($1::text[]) AND deleted_at IS NULL ORDER BY id",
            addresses,
        )
    finally:
        await conn.close()
    items: dict[str, list[str]] = {}
    for row in rows:
        provider = json.dumps(row["provider"])
        items.setdefault(row["address"], []).append(
            f'{{"provider":{provider},"stamp":{row["stamp"]}}}'
        )
    return {address: f"[{','.join(i)}]" for address, i in items.items() if len(i) == 5}


async def expire_scores(url: str, community_id: int) -> int:
    """Every stored score of the community expired a day ago; how many."""
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        status = await conn.execute(
            "UPDATE registry_score s SET expiration_date = now() - interval '1 day'"
            " FROM registry_passport p WHERE p.id = s.passport_id AND p.community_id = $1"
            " AND s.expiration_date IS NOT NULL",
            community_id,
        )
        return int(status.rsplit(" ", 1)[-1])
    finally:
        await conn.close()


async def score_events(url: str) -> int:
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        count: int = await conn.fetchval("SELECT count(*) FROM registry_event WHERE action = 'SCU'")
        return count
    finally:
        await conn.close()


def request_files(
    folder: Path, key: rsa.RSAPrivateKey, data: dataset.Dataset, bodies: dict[str, str]
) -> dict[str, Path]:
    tokens = {address: token(key, address) for address in data.addresses}

    def auth(address: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {tokens[address]}"}

    cases: dict[str, list[dict[str, Any]]] = {
        "bulk_post_5": [
            {"path": BULK, "headers": auth(a), "method": "POST", "body": b, "status": 201}
            for a, b in bodies.items()
        ],
        "score_stored": [
            {"path": f"/ceramic-cache/score/{a}", "headers": auth(a)} for a in data.addresses
        ],
        "rescore": [
            {"path": f"/ceramic-cache/score/{a}", "headers": auth(a), "method": "POST"}
            for a in data.addresses
        ],
    }
    files = {}
    for name, requests in cases.items():
        files[name] = folder / f"{name}.json"
        files[name].write_text(json.dumps(requests))
    return files


def verify(result: dict[str, Any], expected: dict[str, tuple[str, bool]], status: int) -> int:
    """Checks sampled bodies (a score, or stamps with a score) against the expected scores."""
    checked = 0
    for path, got, body in result.pop("samples"):
        if got != status:
            raise SystemExit(f"bench: {path} answered {got}: {body[:300]}")
        data = json.loads(body)
        score = data.get("score") if isinstance(data.get("score"), dict) else data
        want = expected[score["address"]]
        if (score["score"], score["passing_score"]) != want or score["error"] is not None:
            raise SystemExit(f"bench: wrong score for {score['address']}: {score} (want {want})")
        checked += 1
    return checked


def targets(runs: dict[str, dict[str, Any]]) -> dict[str, tuple[str, str, bool]]:
    bulk, stored = runs["bulk_post_5"]["c16"], runs["score_stored"]["c16"]
    return {
        "app bulk POST (5 stamps), 16 connections": (
            f"{bulk['rps']:.0f} req/s",
            f">= {BULK_TARGET_RPS}",
            bulk["rps"] >= BULK_TARGET_RPS,
        ),
        "app GET score (stored), 16 connections": (
            f"{stored['rps']:.0f} req/s",
            f">= {STORED_TARGET_RPS}",
            stored["rps"] >= STORED_TARGET_RPS,
        ),
        "app cases, errors": (
            str(sum(run["errors"] for runs_ in runs.values() for run in runs_.values())),
            "0",
            all(run["errors"] == 0 for runs_ in runs.values() for run in runs_.values()),
        ),
    }

"""The benchmark's data set: 1,000 addresses with 3–5 signed stamps, some sharing nullifiers.

Address `i` holds `3 + i % 3` stamps. Every tenth address (i % 10 == 1) presents its first stamp
with the nullifier of address `i - 1`'s first stamp, so once the addresses have been scored in
order, that stamp is deduplicated. Expected scores follow from the weights.
"""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import insert

from passport_scorer.db import tables
from passport_scorer.db.engine import Database
from passport_scorer.db.queries import accounts, api_keys, communities
from passport_scorer.demo.issuer import EthereumIssuer
from passport_scorer.domain.api_keys import make_pbkdf2, sha256_hash
from passport_scorer.domain.scoring import format_5dp

# Weights in the style of production scorers: strings with up to three decimals.
WEIGHTS = {
    "Google": "0.525",
    "Ens": "2.2",
    "Discord": "0.516",
    "Github": "7.25",
    "Linkedin": "1.531",
    "Twitter": "0.248",
    "BrightID": "3.112",
    "Coinbase": "8.9",
    "HolonymGovIdProvider": "11.5",
    "CivicUniquenessPass": "6.4",
    "SelfStakingBronze": "1.25",
    "SelfStakingSilver": "2.5",
    "SnapshotProposalsProvider": "0.75",
    "ETHDaysActive#50": "4.1",
    "GuildAdmin": "0.69",
    "Lens": "0.93",
    "NFT": "1.032",
    "ZkSyncEra": "2.408",
    "TrustaLabs": "0.5",
    "Outdid": "9.0",
}
THRESHOLD = Decimal("20")
PROVIDERS = list(WEIGHTS)
_ALPHABET = string.ascii_letters + string.digits


@dataclass
class Dataset:
    api_key: str
    community_id: int
    addresses: list[str]
    empty_addresses: list[str]
    expected: dict[str, tuple[str, bool]] = field(default_factory=dict)  # score, passing
    # A wrong secret for a key stored with only Django's PBKDF2 hash (the flood case).
    pbkdf2_wrong_key: str = ""


ADDRESS_BASE = 0xBE0000000000


def address(i: int) -> str:
    return f"0x{ADDRESS_BASE + i:040x}"


def address_sql(variable: str) -> str:
    """`address(i)` as SQL, for i held in a pgbench variable."""
    return f"('0x' || lpad(to_hex({ADDRESS_BASE} + :{variable}), 40, '0'))"


def empty_address(i: int) -> str:
    return f"0x{0xE70000000000 + i:040x}"


def plan(count: int) -> list[list[tuple[str, str]]]:
    """Per address: (provider, nullifier) of each stamp."""
    stamps: list[list[tuple[str, str]]] = []
    for i in range(count):
        providers: list[str] = []
        j = 0
        while len(providers) < 3 + i % 3:
            candidate = PROVIDERS[(i * 7 + j * 3) % len(PROVIDERS)]
            j += 1
            if candidate not in providers:
                providers.append(candidate)
        own = [(p, f"v0.0.0:{p}:{address(i)}") for p in providers]
        if i % 10 == 1:
            shared_provider, shared_nullifier = stamps[i - 1][0]
            own = [(shared_provider, shared_nullifier)] + [
                s for s in own if s[0] != shared_provider
            ]
        stamps.append(own)
    return stamps


def expected_scores(stamp_plan: list[list[tuple[str, str]]]) -> dict[str, tuple[str, bool]]:
    """Scores after all addresses were scored once in index order."""
    owners: dict[str, str] = {}
    expected: dict[str, tuple[str, bool]] = {}
    for i, stamps in enumerate(stamp_plan):
        total = Decimal(0)
        for provider, nullifier in stamps:
            if owners.setdefault(nullifier, address(i)) == address(i):
                total += Decimal(WEIGHTS[provider])
        expected[address(i)] = (format_5dp(total), total >= THRESHOLD)
    return expected


async def build(db: Database, count: int = 1000) -> Dataset:
    issuer = EthereumIssuer()
    now = datetime.now(UTC)
    stamp_plan = plan(count)
    rows: list[dict[str, Any]] = []
    for i, stamps in enumerate(stamp_plan):
        for provider, nullifier in stamps:
            credential = await issuer.issue(
                address(i), provider, nullifiers=[nullifier], expires=now + timedelta(days=90)
            )
            rows.append(
                {
                    "address": address(i),
                    "provider": provider,
                    "stamp": credential,
                    "created_at": now,
                    "updated_at": now,
                    "deleted_at": None,
                    "type": 1,
                    "proof_value": credential["proof"]["proofValue"],
                    "compose_db_save_status": "",
                    "compose_db_stream_id": "",
                    "issuance_date": now,
                    "expiration_date": now + timedelta(days=90),
                    "source_app": 1,
                    "source_scorer_id": None,
                }
            )
    key = "benchkey." + "".join(secrets.choice(_ALPHABET) for _ in range(32))
    async with db.transaction() as ex:
        account_id = await accounts.ensure_account(
            ex, username="bench", address="0x" + "be" * 20, now=now
        )
        community_id = await communities.ensure_binary_community(
            ex,
            account_id=account_id,
            name="Benchmark community",
            weights=WEIGHTS,
            threshold=THRESHOLD,
            now=now,
        )
        await api_keys.upsert_key(
            ex,
            account_id=account_id,
            prefix="benchkey",
            name="bench",
            hashed_key=sha256_hash(key),
            hashed_key_sha256=sha256_hash(key),
            rate_limit="",
            now=now,
        )
        # An unmigrated key, as the reference stores keys (PBKDF2, 600,000 rounds, no sha256).
        await api_keys.upsert_key(
            ex,
            account_id=account_id,
            prefix="oldkey00",
            name="unmigrated",
            hashed_key=make_pbkdf2("oldkey00.right-secret", "benchsalt"),
            hashed_key_sha256=None,
            rate_limit="",
            now=now,
        )
        await ex.execute(insert(tables.ceramic_cache_ceramiccache), rows)
    return Dataset(
        pbkdf2_wrong_key="oldkey00.a-wrong-secret",
        api_key=key,
        community_id=community_id,
        addresses=[address(i) for i in range(count)],
        empty_addresses=[empty_address(i) for i in range(count)],
        expected=expected_scores(stamp_plan),
    )

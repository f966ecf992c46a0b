"""The check-bans case: a ban table like a live one, and one request per benchmark address.

4,000 bans of other addresses fill the table (every lookup compares addresses lower-cased,
so their number matters). Of the benchmark's addresses, every 20th has an account ban (stored
checksum-style, in upper case), every 20th from the 5th a single-stamp ban on its first
provider, and every 20th from the 10th an account ban that has expired. Each request carries
the address's stamps (3 to 5 credential subjects); hashes name the address, so a sampled
answer can be checked against its expected verdicts.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert

from passport_scorer.db import tables
from passport_scorer.db.engine import Database

from . import dataset

PATH = "/internal/check-bans"
OTHER_BANS = 4000
Verdicts = list[tuple[bool, str | None]]


def _ban(
    type: str, address: str, provider: str = "", end: datetime | None = None
) -> dict[str, Any]:
    return {
        "type": type,
        "provider": provider,
        "hash": "",
        "address": address,
        "end_time": end,
        "reason": "bench",
        "created_at": datetime.now(UTC),
        "last_run_revoke_matching": None,
        "ban_list_id": None,
    }


def _hash(address: str, provider: str) -> str:
    return f"{address}:{provider}"


async def seed(db: Database, count: int) -> tuple[list[dict[str, Any]], dict[str, Verdicts]]:
    """Writes the bans; returns the request bodies and each address's expected verdicts."""
    now = datetime.now(UTC)
    stamp_plan = dataset.plan(count)
    rows = [_ban("account", f"0x{0xBA0000000000 + i:040x}") for i in range(OTHER_BANS)]
    bodies: list[dict[str, Any]] = []
    expected: dict[str, Verdicts] = {}
    for i, stamps in enumerate(stamp_plan):
        address = dataset.address(i)
        providers = [provider for provider, _ in stamps]
        verdicts: Verdicts = [(False, None)] * len(providers)
        if i % 20 == 0:
            rows.append(_ban("account", "0x" + address[2:].upper()))
            verdicts = [(True, "account")] * len(providers)
        elif i % 20 == 5:
            rows.append(_ban("single_stamp", address, provider=providers[0]))
            verdicts[0] = (True, "single_stamp")
        elif i % 20 == 10:
            rows.append(_ban("account", address, end=now - timedelta(days=1)))
        subjects = [
            {
                "credentialSubject": {
                    "hash": _hash(address, provider),
                    "provider": provider,
                    "id": f"did:pkh:eip155:1:{address}",
                }
            }
            for provider in providers
        ]
        bodies.append({"body": json.dumps(subjects)})
        expected[address] = verdicts
    async with db.transaction() as ex:
        await ex.execute(insert(tables.ceramic_cache_ban), rows)
    return bodies, expected


def verify(body: str, expected: dict[str, Verdicts]) -> None:
    results = json.loads(body)
    address = results[0]["hash"].split(":")[0]
    found = [(r["is_banned"], r["ban_type"]) for r in results]
    if found != expected[address]:
        raise SystemExit(f"bench: wrong bans for {address}: {found} (expected {expected[address]})")

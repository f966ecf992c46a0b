"""Two deployments, each on its own copy of one seeded database, as a rollout check sees them."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.engine import make_url

from passport_scorer.app import create_app
from passport_scorer.demo.issuer import EthereumIssuer
from passport_scorer.services.container import Services
from tests.conftest import (
    WEIGHTS,
    Scorer,
    create_postgres_database,
    drop_postgres_database,
    make_settings,
    postgres_url,
)
from tests.factories import World

ALICE = "0x0000000000000000000000000000000000a11ce0"
BOB = "0x0000000000000000000000000000000000b0b000"
CAROL = "0x00000000000000000000000000000000000ca201"


@dataclass(frozen=True)
class Twins:
    """One seeded database and its copy; `scorer` is the same in both."""

    left_db: str
    right_db: str
    scorer: Scorer


async def seed(database_url: str, creds: dict[str, Any], issuer: EthereumIssuer) -> Scorer:
    """A community, a key and stamps whose deduplication depends on `FF_MULTI_NULLIFIER`
    (Carol's only nullifier is `v1…`, Bob's Discord stamp shares it), scored once in order."""
    services = Services.build(make_settings(database_url))
    try:
        world = World(services.db)
        account_id = await world.account()
        community_id = await world.community(account_id, weights=WEIGHTS, threshold=Decimal(20))
        scorer = Scorer(account_id, community_id, await world.api_key(account_id))
        carol_stamp = await issuer.issue(CAROL, "Discord", nullifiers=["v1.0.0:Discord:other"])
        await world.stamps(CAROL, [carol_stamp])
        await world.stamps(
            ALICE,
            [
                creds["valid_google_alice"],
                creds["valid_twitter_alice"],
                creds["valid_github_alice"],
            ],
        )
        await world.stamps(
            BOB,
            [creds["valid_google_bob_same_nullifier_as_alice"], creds["valid_multi_nullifier_bob"]],
        )
        transport = httpx.ASGITransport(app=create_app(services=services))
        async with httpx.AsyncClient(transport=transport, base_url="http://scorer.test") as client:
            for address in (CAROL, ALICE, BOB):
                response = await client.get(scorer.score_path(address), headers=scorer.headers)
                assert response.status_code == 200, response.text
    finally:
        await services.close()
    return scorer


@pytest.fixture
async def twins(
    backend: str,
    database_url: str,
    tmp_path: Path,
    creds: dict[str, Any],
    issuer: EthereumIssuer,
) -> AsyncIterator[Twins]:
    scorer = await seed(database_url, creds, issuer)
    if backend == "sqlite":
        copy = tmp_path / "copy.sqlite3"
        shutil.copyfile(make_url(database_url).database or "", copy)
        yield Twins(database_url, f"sqlite:///{copy}", scorer)
        return
    name = await create_postgres_database(template=make_url(database_url).database)
    try:
        yield Twins(database_url, postgres_url(name), scorer)
    finally:
        await drop_postgres_database(name)


async def run_compare(*args: str) -> subprocess.CompletedProcess[str]:
    """`passport-scorer compare ...` as an operator runs it."""
    return await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "passport_scorer", "compare", *args],
        env={key: value for key, value in os.environ.items() if not key.startswith("DATABASE")},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

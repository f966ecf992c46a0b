"""Requests sampled from a database: the key's recent scores, in the order they were taken."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import create_async_engine

from passport_scorer.compare.database import read_only_engine
from passport_scorer.compare.errors import CompareInputError
from passport_scorer.compare.sample import sample_requests, write_requests
from passport_scorer.db import tables
from passport_scorer.db.url import to_sqlalchemy_url
from passport_scorer.demo.issuer import EthereumIssuer
from tests.compare.conftest import ALICE, BOB, CAROL, seed
from tests.conftest import Scorer

KEY_HEADER = {"X-API-Key": "${API_KEY}"}


@pytest.fixture
async def seeded(database_url: str, creds: dict[str, Any], issuer: EthereumIssuer) -> Scorer:
    return await seed(database_url, creds, issuer)


async def test_recent_scores_in_score_order_then_error_cases(
    database_url: str, seeded: Scorer
) -> None:
    community = seeded.community_id
    lines = await sample_requests(database_url, seeded.key, internal=True)

    assert lines == [
        *(
            line
            for address in (CAROL, ALICE, BOB)
            for line in (
                {"method": "GET", "path": f"/v2/stamps/{community}/score/{address}",
                 "headers": KEY_HEADER},
                {"method": "GET", "path": f"/internal/score/v2/{community}/{address}",
                 "headers": {"Authorization": "${INTERNAL_TOKEN}"}},
            )
        ),
        {"method": "GET", "path": f"/v2/stamps/{community}/score/0xnot-an-address",
         "headers": KEY_HEADER},
        {"method": "GET", "path": f"/v2/stamps/0/score/{BOB}", "headers": KEY_HEADER},
        {"method": "GET", "path": f"/v2/stamps/{community}/score/{BOB}"},
    ]  # fmt: skip
    newest = await sample_requests(database_url, seeded.key, limit=2)
    assert [line["path"] for line in newest[:2]] == [
        f"/v2/stamps/{community}/score/{ALICE}",
        f"/v2/stamps/{community}/score/{BOB}",
    ]


async def test_the_key_must_be_a_usable_key_of_the_database(
    database_url: str, seeded: Scorer
) -> None:
    prefix, secret = seeded.key.split(".")
    for key in (f"{prefix}.{secret[::-1]}", f"zzzzzzzz.{secret}"):
        with pytest.raises(CompareInputError, match="not a key of this database"):
            await sample_requests(database_url, key)
    with pytest.raises(CompareInputError, match="no scores in the last 0:00:00"):
        await sample_requests(database_url, seeded.key, since=timedelta(0))

    engine = create_async_engine(to_sqlalchemy_url(database_url))
    async with engine.begin() as conn:
        await conn.execute(
            update(tables.account_accountapikey)
            .where(tables.account_accountapikey.c.prefix == prefix)
            .values(revoked=True)
        )
    await engine.dispose()
    with pytest.raises(CompareInputError, match="revoked or expired"):
        await sample_requests(database_url, seeded.key)


async def test_sampling_connections_cannot_write(database_url: str) -> None:
    engine = read_only_engine(database_url, "--sample-from-db")
    try:
        async with engine.connect() as conn:
            statement = insert(tables.registry_event).values(
                action="SCU", address="0x1", created_at=datetime.now(UTC), data={}
            )
            with pytest.raises(DBAPIError, match=r"(?i)read.?only"):
                await conn.execute(statement)
    finally:
        await engine.dispose()


async def test_unusable_databases_and_files_are_one_line(tmp_path: Path) -> None:
    with pytest.raises(CompareInputError, match="no SQLite database at"):
        read_only_engine(f"sqlite:///{tmp_path / 'absent.sqlite3'}", "--left-db")
    with pytest.raises(
        CompareInputError, match=r"--sample-from-db postgresql\+asyncpg://u:\*\*\*@"
    ):
        await sample_requests("postgres://u:hunter22@127.0.0.1:1/db", "a.b")
    path = tmp_path / "requests.jsonl"
    write_requests(path, [{"method": "GET", "path": "/health"}])
    assert path.read_text() == '{"method": "GET", "path": "/health"}\n'
    with pytest.raises(CompareInputError, match="exists"):
        write_requests(path, [])

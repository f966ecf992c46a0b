"""Keys created here are stored as the reference stores them, and revocation is immediate."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from passport_scorer.db import tables
from passport_scorer.domain.api_keys import check_pbkdf2, sha256_hash
from passport_scorer.services.api_keys import create_key
from passport_scorer.services.container import Services
from tests.conftest import Scorer

ADDRESS = "0x" + "4" * 40


async def test_created_key_is_stored_in_the_references_format_and_works(
    client: httpx.AsyncClient, services: Services, scorer: Scorer
) -> None:
    created = await create_key(
        services.db, community_id=scorer.community_id, name="partner", rate_limit="350/15m"
    )
    async with services.db.session() as ex:
        found = await ex.first(
            select(tables.account_accountapikey).where(
                tables.account_accountapikey.c.prefix == created.prefix
            )
        )
    assert found is not None
    columns = [column.name for column in tables.account_accountapikey.columns]
    row = dict(zip(columns, found, strict=True))
    assert row["id"] == f"{created.prefix}.{row['hashed_key']}"
    assert row["hashed_key"].startswith("pbkdf2_sha256$600000$")
    assert check_pbkdf2(created.key, row["hashed_key"])  # Django's check_password accepts it
    assert row["hashed_key_sha256"] == sha256_hash(created.key)
    assert (row["account_id"], row["rate_limit"], row["read_scores"]) == (
        scorer.account_id,
        "350/15m",
        True,
    )
    assert created.key not in str(dict(row))
    response = await client.get(
        f"/v2/stamps/{scorer.community_id}/score/{ADDRESS}", headers={"X-API-Key": created.key}
    )
    assert response.status_code == 200


async def test_a_revoked_key_stops_working_at_once(
    client: httpx.AsyncClient, services: Services, scorer: Scorer
) -> None:
    from passport_scorer.db.queries.api_keys import revoke

    path = f"/v2/stamps/{scorer.community_id}/score/{ADDRESS}"
    assert (await client.get(path, headers=scorer.headers)).status_code == 200
    async with services.db.transaction() as ex:
        assert await revoke(ex, scorer.key.partition(".")[0])
    assert (await client.get(path, headers=scorer.headers)).status_code == 401

"""Pointed at a database Django created (never migrated), the service scores as the reference."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import asyncpg
import httpx
import pytest

from passport_scorer.app import create_app
from passport_scorer.domain.api_keys import make_pbkdf2, sha256_hash
from passport_scorer.services.container import Services
from tests.conftest import make_settings

pytestmark = pytest.mark.postgres

ALICE = "0x0000000000000000000000000000000000a11ce0"
KEY = "Xk3pQ9aZ.Wf2LmN8rT5vB1cD4eF7gH0jK6sU9yA3q"

# Rows as Django's ORM writes them: every NOT NULL column supplied, explicit ids, then setval.
FIXTURE_SQL = """
INSERT INTO auth_user (id, password, is_superuser, username, first_name, last_name, email,
                       is_staff, is_active, date_joined)
  VALUES (4, '!', false, 'partner', '', '', 'partner@example.com', false, true, now());
INSERT INTO account_account (id, address, user_id)
  VALUES (5, '0x1111111111111111111111111111111111111111', 4);
INSERT INTO scorer_weighted_scorer (id, type, exclude_from_weight_updates)
  VALUES (3, 'WEIGHTED_BINARY', false), (7, 'WEIGHTED_BINARY', false);
INSERT INTO scorer_weighted_binaryweightedscorer (scorer_ptr_id, weights, threshold)
  VALUES (3, '{"Google": 10.5, "Twitter": "6.25", "Github": 8}', 20),
         (7, '{"Google": 1000}', 1);  -- community 7's id is this scorer's id: a trap
INSERT INTO account_community (id, name, description, account_id, scorer_id, created_at, rule,
                               use_case, deleted_at, external_scorer_id, human_points_program)
  VALUES (7, 'Partner community', 'My community', 5, 3, now(), 'LIFO', 'sybil_protection',
          NULL, NULL, false);
INSERT INTO account_accountapikey (id, prefix, hashed_key, created, name, revoked, expiry_date,
    account_id, rate_limit, create_scorers, read_scores, submit_passports, analysis_rate_limit,
    historical_endpoint, embed_rate_limit, hashed_key_sha256)
  VALUES ($1, $2, $3, now(), 'partner key', false, NULL, 5, '125/15m', false, true, true,
          '15/15m', false, '125/15m', NULL);
SELECT setval(pg_get_serial_sequence(t, 'id'), 10)
  FROM unnest(ARRAY['auth_user', 'account_account', 'scorer_weighted_scorer',
                    'account_community']) AS t;
"""

CACHE_ROW_SQL = """
INSERT INTO ceramic_cache_ceramiccache (address, provider, stamp, created_at, updated_at, type,
    deleted_at, compose_db_save_status, compose_db_stream_id, proof_value, issuance_date,
    expiration_date, source_app, source_scorer_id)
  VALUES ($1, $2, $3::jsonb, now(), now(), 1, NULL, '', '', $4, NULL, NULL, 1, NULL)
"""


async def _seed(url: str, credentials: list[dict[str, Any]]) -> None:
    hashed = make_pbkdf2(KEY, "l0ngRandomSaltValue123", 600_000)
    conn = await asyncpg.connect(url)
    try:
        statements = FIXTURE_SQL.strip().split(";\n")
        for statement in statements:
            if "$1" in statement:
                await conn.execute(statement, f"{KEY[:8]}.{hashed}"[:150], KEY[:8], hashed)
            elif statement.strip():
                await conn.execute(statement)
        for credential in credentials:
            await conn.execute(
                CACHE_ROW_SQL,
                ALICE,
                credential["credentialSubject"]["provider"],
                json.dumps(credential),
                credential["proof"]["proofValue"],
            )
    finally:
        await conn.close()


async def test_scores_against_a_django_made_database(
    django_database_url: str, fixture_credentials: dict[str, Any]
) -> None:
    creds = fixture_credentials["credentials"]
    await _seed(
        django_database_url,
        [creds["valid_google_alice"], creds["valid_twitter_alice"], creds["valid_github_alice"]],
    )
    services = Services.build(make_settings(django_database_url))
    app = create_app(services=services)
    try:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://t"
        ) as client:
            response = await client.get(f"/v2/stamps/7/score/{ALICE}", headers={"X-API-Key": KEY})
            again = await client.get(f"/v2/stamps/7/score/{ALICE}", headers={"X-API-Key": KEY})
    finally:
        await services.db.dispose()

    assert response.status_code == 200, response.text
    body = response.json()
    # Weights come through account_community.scorer_id (3), not scorer 7.
    assert (body["score"], body["passing_score"], body["threshold"]) == (
        "24.75000",
        True,
        "20.00000",
    )
    assert {p: s["score"] for p, s in body["stamps"].items()} == {
        "Google": "10.50000",
        "Twitter": "6.25000",
        "Github": "8.00000",
    }
    assert again.json()["stamps"] == body["stamps"]

    conn = await asyncpg.connect(django_database_url)
    try:
        migrated = await conn.fetchval(
            "SELECT hashed_key_sha256 FROM account_accountapikey WHERE prefix = $1", KEY[:8]
        )
        score_row = await conn.fetchrow(
            "SELECT s.id, s.score, s.status, s.evidence, s.stamp_scores, s.passport_id"
            " FROM registry_score s JOIN registry_passport p ON p.id = s.passport_id"
            " WHERE p.address = $1 AND p.community_id = 7",
            ALICE,
        )
        events = await conn.fetch(
            "SELECT action, data, community_id FROM registry_event WHERE address = $1 ORDER BY id",
            ALICE,
        )
        links = await conn.fetchval("SELECT count(*) FROM registry_hashscorerlink")
    finally:
        await conn.close()

    assert migrated == sha256_hash(KEY)
    assert score_row["score"] == 1
    assert score_row["status"] == "DONE"
    assert json.loads(score_row["evidence"])["rawScore"] == "24.75"
    assert json.loads(score_row["stamp_scores"]) == {"Google": 10.5, "Twitter": 6.25, "Github": 8.0}
    assert [event["action"] for event in events] == ["SCU", "SCU"]
    scu = json.loads(events[-1]["data"])
    assert isinstance(scu, dict)
    assert (scu["model"], scu["pk"], scu["fields"]["passport"]) == (
        "registry.score",
        score_row["id"],
        score_row["passport_id"],
    )
    assert links == 3
    assert datetime.fromisoformat(body["last_score_timestamp"]).tzinfo == UTC

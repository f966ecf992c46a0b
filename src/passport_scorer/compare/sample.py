"""A realistic requests file from a live database: the addresses scored most recently in the
communities of one API key's account, in the order they were scored, plus a few error cases.

The key is checked against the database (so the file works) and written as `${API_KEY}`;
the internal token, when internal requests are wanted, as `${INTERNAL_TOKEN}`.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from passport_scorer.compare.database import DATABASE_ERRORS, failure, read_only_engine
from passport_scorer.compare.errors import CompareInputError
from passport_scorer.db.tables import account_accountapikey as keys
from passport_scorer.db.tables import account_community as communities
from passport_scorer.db.tables import registry_passport as passports
from passport_scorer.db.tables import registry_score as scores
from passport_scorer.domain.api_keys import ApiKey, KeyCheck, check_fast, check_pbkdf2, key_prefix

API_KEY_VAR, INTERNAL_TOKEN_VAR = "API_KEY", "INTERNAL_TOKEN"
OPTION = "--sample-from-db"


async def sample_requests(
    database_url: str,
    api_key: str,
    *,
    limit: int = 100,
    since: timedelta = timedelta(days=7),
    internal: bool = False,
) -> list[dict[str, Any]]:
    """Request lines (as the requests file holds them), oldest score first."""
    engine = read_only_engine(database_url, OPTION)
    try:
        async with engine.connect() as conn:
            row = (
                await conn.execute(
                    select(
                        keys.c.id,
                        keys.c.prefix,
                        keys.c.account_id,
                        keys.c.hashed_key,
                        keys.c.hashed_key_sha256,
                        keys.c.read_scores,
                        keys.c.rate_limit,
                        keys.c.revoked,
                        keys.c.expiry_date,
                    ).where(keys.c.prefix == key_prefix(api_key))
                )
            ).first()
            key = _checked_key(None if row is None else ApiKey(*row), api_key)
            recent = (
                select(passports.c.address, passports.c.community_id)
                .join(scores, scores.c.passport_id == passports.c.id)
                .join(communities, communities.c.id == passports.c.community_id)
                .where(
                    communities.c.account_id == key.account_id,
                    communities.c.deleted_at.is_(None),
                    scores.c.last_score_timestamp >= datetime.now(UTC) - since,
                )
                .order_by(scores.c.last_score_timestamp.desc(), scores.c.id.desc())
                .limit(limit)
            )
            rows = list(await conn.execute(recent))
    except DATABASE_ERRORS as error:
        raise failure(OPTION, database_url, error) from None
    finally:
        await engine.dispose()
    if not rows:
        raise CompareInputError(
            f"{OPTION}: no scores in the last {since} in the communities of the key's account"
        )
    lines = []
    for address, community in reversed(rows):
        lines.append(_public(f"/v2/stamps/{community}/score/{address}"))
        if internal:
            lines.append(
                {
                    "method": "GET",
                    "path": f"/internal/score/v2/{community}/{address}",
                    "headers": {"Authorization": f"${{{INTERNAL_TOKEN_VAR}}}"},
                }
            )
    first_community, first_address = rows[0][1], rows[0][0]
    lines += [
        _public(f"/v2/stamps/{first_community}/score/0xnot-an-address"),  # 400
        _public(f"/v2/stamps/0/score/{first_address}"),  # 404: no such scorer
        {"method": "GET", "path": f"/v2/stamps/{first_community}/score/{first_address}"},  # 401
    ]
    return lines


def write_requests(path: Path, lines: list[dict[str, Any]]) -> None:
    """Write a new requests file (never over an existing one)."""
    try:
        with path.open("x", encoding="utf-8") as out:
            out.writelines(json.dumps(line) + "\n" for line in lines)
    except FileExistsError:
        raise CompareInputError(
            f"--requests {path} exists; sampling writes a new file (remove it or name another)"
        ) from None
    except OSError as error:
        raise CompareInputError(f"--requests {path}: {error.strerror}") from None


def _public(path: str) -> dict[str, Any]:
    return {"method": "GET", "path": path, "headers": {"X-API-Key": f"${{{API_KEY_VAR}}}"}}


def _checked_key(stored: ApiKey | None, api_key: str) -> ApiKey:
    verdict = KeyCheck.INVALID if stored is None else check_fast(api_key, stored)
    if stored is None or not (
        verdict is KeyCheck.VALID
        or (verdict is KeyCheck.NEEDS_PBKDF2 and check_pbkdf2(api_key, stored.hashed_key))
    ):
        raise CompareInputError(f"{OPTION}: the API key is not a key of this database")
    if stored.revoked or (
        stored.expiry_date is not None and stored.expiry_date <= datetime.now(UTC)
    ):
        raise CompareInputError(f"{OPTION}: the API key is revoked or expired")
    if not stored.read_scores:
        raise CompareInputError(f"{OPTION}: the API key lacks the read_scores permission")
    return stored

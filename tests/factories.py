"""Test data written with plain inserts, as the reference's Django app would have written it."""

from __future__ import annotations

import secrets
import string
from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from passport_scorer.db import tables
from passport_scorer.db.engine import Database
from passport_scorer.domain.api_keys import make_pbkdf2, sha256_hash

_ALPHABET = string.ascii_letters + string.digits


def _random(length: int) -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


class World:
    """Builds accounts, communities, keys and cached stamps in a test database.

    It writes and reads through its own SQLAlchemy engine (its own connections), never
    through the service's executors: the rows are what another writer would have left.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self._engine = db.engine
        self._users = 0

    def transaction(self) -> AbstractAsyncContextManager[AsyncConnection]:
        return self._engine.begin()

    def _read(self) -> AbstractAsyncContextManager[AsyncConnection]:
        return self._engine.connect()

    async def account(self) -> int:
        self._users += 1
        now = datetime.now(UTC)
        async with self.transaction() as conn:
            user_id = (
                await conn.execute(
                    insert(tables.auth_user)
                    .values(
                        password="!",
                        is_superuser=False,
                        username=f"user{self._users}-{_random(6)}",
                        first_name="",
                        last_name="",
                        email="",
                        is_staff=False,
                        is_active=True,
                        date_joined=now,
                    )
                    .returning(tables.auth_user.c.id)
                )
            ).scalar_one()
            return int(
                (
                    await conn.execute(
                        insert(tables.account_account)
                        .values(address="0x" + secrets.token_hex(20), user_id=user_id)
                        .returning(tables.account_account.c.id)
                    )
                ).scalar_one()
            )

    async def community(
        self,
        account_id: int,
        *,
        weights: dict[str, Any] | None,
        threshold: Decimal | str = Decimal("20"),
        kind: str = "WEIGHTED_BINARY",
        rule: str = "LIFO",
        external_scorer_id: str | None = None,
        human_points_program: bool = False,
    ) -> int:
        """A community whose scorer id differs from its own id (a decoy scorer comes first)."""
        child = {
            "WEIGHTED_BINARY": tables.scorer_weighted_binaryweightedscorer,
            "WEIGHTED": tables.scorer_weighted_weightedscorer,
        }[kind]
        async with self.transaction() as conn:
            await self._scorer(conn, kind, child, {"Google": "999"}, Decimal("0"))
            scorer_id = await self._scorer(conn, kind, child, weights, Decimal(threshold))
            return int(
                (
                    await conn.execute(
                        insert(tables.account_community)
                        .values(
                            name=f"community-{_random(8)}",
                            description="test",
                            account_id=account_id,
                            scorer_id=scorer_id,
                            created_at=datetime.now(UTC),
                            rule=rule,
                            use_case="sybil_protection",
                            deleted_at=None,
                            external_scorer_id=external_scorer_id,
                            human_points_program=human_points_program,
                        )
                        .returning(tables.account_community.c.id)
                    )
                ).scalar_one()
            )

    async def _scorer(
        self,
        conn: AsyncConnection,
        kind: str,
        child: Any,
        weights: dict[str, Any] | None,
        threshold: Decimal,
    ) -> int:
        scorer_id = (
            await conn.execute(
                insert(tables.scorer_weighted_scorer)
                .values(type=kind, exclude_from_weight_updates=False)
                .returning(tables.scorer_weighted_scorer.c.id)
            )
        ).scalar_one()
        await conn.execute(
            insert(child).values(scorer_ptr_id=scorer_id, weights=weights, threshold=threshold)
        )
        return int(scorer_id)

    async def api_key(
        self,
        account_id: int,
        *,
        storage: str = "sha256_column",
        read_scores: bool = True,
        revoked: bool = False,
        expiry_date: datetime | None = None,
        pbkdf2_iterations: int = 1_000,
        rate_limit: str | None = "125/15m",
    ) -> str:
        """A new key; `storage`: sha256_column, sha256_hashed_key or pbkdf2."""
        prefix = _random(8)
        key = f"{prefix}.{_random(32)}"
        hashed_key = {
            "sha256_column": make_pbkdf2(key, _random(22), pbkdf2_iterations),
            "sha256_hashed_key": sha256_hash(key),
            "pbkdf2": make_pbkdf2(key, _random(22), pbkdf2_iterations),
        }[storage]
        async with self.transaction() as conn:
            await conn.execute(
                insert(tables.account_accountapikey).values(
                    id=f"{prefix}.{hashed_key}"[:150],
                    prefix=prefix,
                    hashed_key=hashed_key,
                    created=datetime.now(UTC),
                    name="test key",
                    revoked=revoked,
                    expiry_date=expiry_date,
                    account_id=account_id,
                    rate_limit=rate_limit,
                    create_scorers=False,
                    read_scores=read_scores,
                    submit_passports=True,
                    analysis_rate_limit="15/15m",
                    historical_endpoint=False,
                    embed_rate_limit="125/15m",
                    hashed_key_sha256=sha256_hash(key) if storage == "sha256_column" else None,
                )
            )
        return key

    async def stamps(
        self,
        address: str,
        credentials: list[dict[str, Any]],
        *,
        provider: str | None = None,
        deleted: bool = False,
        revoked: bool = False,
        updated_at: datetime | None = None,
        type: int = 1,
    ) -> list[int]:
        """Cache rows for `address`, one per credential (provider: the credential's by default)."""
        now = datetime.now(UTC)
        ids = []
        async with self.transaction() as conn:
            for credential in credentials:
                row_id = (
                    await conn.execute(
                        insert(tables.ceramic_cache_ceramiccache)
                        .values(
                            address=address,
                            provider=provider or credential["credentialSubject"]["provider"],
                            stamp=credential,
                            created_at=now,
                            updated_at=updated_at or now,
                            deleted_at=now if deleted else None,
                            type=type,
                            proof_value=str(credential.get("proof", {}).get("proofValue", "x")),
                            compose_db_save_status="",
                            compose_db_stream_id="",
                            issuance_date=None,
                            expiration_date=None,
                            source_app=1,
                            source_scorer_id=None,
                        )
                        .returning(tables.ceramic_cache_ceramiccache.c.id)
                    )
                ).scalar_one()
                ids.append(int(row_id))
                if revoked:
                    await conn.execute(
                        insert(tables.ceramic_cache_revocation).values(
                            proof_value="x", ceramic_cache_id=row_id, revocation_list_id=None
                        )
                    )
        return ids

    async def points_configs(
        self, points: dict[str, int], *, inactive: tuple[str, ...] = ()
    ) -> None:
        """`registry_humanpointsconfig` rows: action → points (active unless listed)."""
        async with self.transaction() as conn:
            await conn.execute(
                insert(tables.registry_humanpointsconfig),
                [
                    {"action": action, "points": value, "active": action not in inactive}
                    for action, value in points.items()
                ],
            )

    async def address_list(self, name: str, addresses: list[str]) -> int:
        """An `account_addresslist` with these members."""
        async with self.transaction() as conn:
            list_id = (
                await conn.execute(
                    insert(tables.account_addresslist)
                    .values(name=name)
                    .returning(tables.account_addresslist.c.id)
                )
            ).scalar_one()
            if addresses:
                await conn.execute(
                    insert(tables.account_addresslistmember),
                    [{"address": address, "list_id": list_id} for address in addresses],
                )
        return int(list_id)

    async def human_points(self, rows: list[dict[str, Any]]) -> None:
        """`registry_humanpoints` rows (`address` and `action`; the rest as Django defaults)."""
        defaults = {"tx_hash": "", "chain_id": 0, "provider": "", "timestamp": datetime.now(UTC)}
        async with self.transaction() as conn:
            await conn.execute(
                insert(tables.registry_humanpoints), [{**defaults, **row} for row in rows]
            )

    async def points_multiplier(self, address: str, multiplier: int) -> None:
        async with self.transaction() as conn:
            await conn.execute(
                insert(tables.registry_humanpointsmultiplier).values(
                    address=address, multiplier=multiplier
                )
            )

    async def qualified(self, address: str, community_ids: list[int]) -> None:
        """`registry_humanpointscommunityqualifiedusers` rows."""
        async with self.transaction() as conn:
            await conn.execute(
                insert(tables.registry_humanpointscommunityqualifiedusers),
                [{"address": address, "community_id": c} for c in community_ids],
            )

    async def rows(self, table: Any, **where: Any) -> list[dict[str, Any]]:
        statement = select(table).order_by(*table.primary_key.columns)
        for column, value in where.items():
            statement = statement.where(table.c[column] == value)
        async with self._read() as conn:
            return [dict(row._mapping) for row in await conn.execute(statement)]

    async def count(self, table: Any, **where: Any) -> int:
        statement = select(func.count()).select_from(table)
        for column, value in where.items():
            statement = statement.where(table.c[column] == value)
        async with self._read() as conn:
            return int((await conn.execute(statement)).scalar_one())

"""SQL the operator's commands read: accounts, communities with their scorers, a key's state."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from passport_scorer.db.executor import Executor
from passport_scorer.db.tables import account_account
from passport_scorer.db.tables import account_accountapikey as keys
from passport_scorer.db.tables import account_community as communities
from passport_scorer.db.tables import scorer_weighted_binaryweightedscorer as binary_scorers
from passport_scorer.db.tables import scorer_weighted_scorer as scorers
from passport_scorer.db.tables import scorer_weighted_weightedscorer as weighted_scorers


@dataclass(frozen=True, slots=True)
class CommunityRow:
    id: int
    account_id: int
    name: str
    external_scorer_id: str | None
    scorer_type: str | None  # `scorer_weighted_scorer.type`; None without a scorer row
    threshold: Decimal | None  # from the child table the type names; None without it


async def account_exists(ex: Executor, account_id: int) -> bool:
    statement = select(account_account.c.id).where(account_account.c.id == account_id)
    return await ex.first(statement) is not None


async def list_communities(ex: Executor, account_id: int | None = None) -> list[CommunityRow]:
    """Live (not deleted) communities, by id; one account's when `account_id` is given."""
    statement = (
        select(
            communities.c.id,
            communities.c.account_id,
            communities.c.name,
            communities.c.external_scorer_id,
            scorers.c.type,
            binary_scorers.c.threshold.label("binary_threshold"),
            weighted_scorers.c.threshold.label("weighted_threshold"),
        )
        .select_from(communities)
        .outerjoin(scorers, scorers.c.id == communities.c.scorer_id)
        .outerjoin(binary_scorers, binary_scorers.c.scorer_ptr_id == scorers.c.id)
        .outerjoin(weighted_scorers, weighted_scorers.c.scorer_ptr_id == scorers.c.id)
        .where(communities.c.deleted_at.is_(None))
        .order_by(communities.c.id)
    )
    if account_id is not None:
        statement = statement.where(communities.c.account_id == account_id)
    rows = []
    for row in await ex.all(statement):
        kind = row["type"]
        chosen = {
            "WEIGHTED_BINARY": row["binary_threshold"],
            "WEIGHTED": row["weighted_threshold"],
        }
        rows.append(
            CommunityRow(
                row["id"],
                row["account_id"],
                row["name"],
                row["external_scorer_id"],
                kind,
                chosen.get(kind or ""),
            )
        )
    return rows


async def key_revoked(ex: Executor, prefix: str) -> bool | None:
    """Whether the key with this prefix is revoked; None if there is none."""
    row = await ex.first(select(keys.c.revoked).where(keys.c.prefix == prefix))
    return None if row is None else bool(row[0])

"""SQL for `account_community` and its scorer (`scorer_weighted_*`)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Text, bindparam, case, cast, insert, select, update

from passport_scorer.db.executor import Executor, Record
from passport_scorer.db.tables import account_community as communities
from passport_scorer.db.tables import scorer_weighted_binaryweightedscorer as binary_scorers
from passport_scorer.db.tables import scorer_weighted_scorer as scorers
from passport_scorer.db.tables import scorer_weighted_weightedscorer as weighted_scorers
from passport_scorer.domain.communities import BIGINT_MAX, Community, ScorerConfig

# The scorer is reached through `account_community.scorer_id` (never by
# assuming scorer id = community id); Django reads the child table named by
# `scorer_weighted_scorer.type`, so both are joined and `_community` picks.
_COMMUNITY_WITH_SCORER = (
    select(
        communities.c.id,
        communities.c.account_id,
        communities.c.rule,
        communities.c.human_points_program,
        scorers.c.id.label("scorer_id"),
        scorers.c.type.label("scorer_type"),
        cast(binary_scorers.c.weights, Text).label("binary_weights"),
        binary_scorers.c.threshold.label("binary_threshold"),
        cast(weighted_scorers.c.weights, Text).label("weighted_weights"),
        weighted_scorers.c.threshold.label("weighted_threshold"),
    )
    .select_from(communities)
    .outerjoin(scorers, scorers.c.id == communities.c.scorer_id)
    .outerjoin(binary_scorers, binary_scorers.c.scorer_ptr_id == scorers.c.id)
    .outerjoin(weighted_scorers, weighted_scorers.c.scorer_ptr_id == scorers.c.id)
)


def community_from_row(values: Record | None) -> Community | None:
    """A community row with its scorer columns (`_COMMUNITY_WITH_SCORER`'s, or the fused
    read's of the same names) as a `Community`."""
    if values is None:
        return None
    kind = values["scorer_type"]
    child = {"WEIGHTED_BINARY": "binary", "WEIGHTED": "weighted"}.get(kind or "")
    scorer = None
    if child is not None and values[f"{child}_threshold"] is not None:
        scorer = ScorerConfig(
            id=values["scorer_id"],
            kind=kind,
            weights_json=values[f"{child}_weights"],
            threshold=values[f"{child}_threshold"],
        )
    return Community(
        id=values["id"],
        account_id=values["account_id"],
        rule=values["rule"],
        human_points_program=values["human_points_program"],
        scorer=scorer,
    )


async def find_for_account(ex: Executor, scorer_id: int, account_id: int) -> Community | None:
    """The account's community whose `external_scorer_id`, else `id`, is `scorer_id`."""
    external = str(scorer_id)
    statement = (
        _COMMUNITY_WITH_SCORER.where(
            communities.c.account_id == account_id,
            (communities.c.external_scorer_id == external) | (communities.c.id == scorer_id),
        )
        .order_by(case((communities.c.external_scorer_id == external, 0), else_=1))
        .limit(1)
    )
    return community_from_row(await ex.first(statement))


_BY_ID = _COMMUNITY_WITH_SCORER.where(communities.c.id == bindparam("community_id"))


async def get_by_id(ex: Executor, community_id: int) -> Community | None:
    return community_from_row(await ex.first(_BY_ID, {"community_id": community_id}))


async def ensure_binary_community(
    ex: Executor,
    *,
    account_id: int,
    name: str,
    weights: dict[str, str],
    threshold: Decimal,
    now: datetime,
) -> int:
    """The account's live community `name` with a binary weighted scorer set to these rules."""
    community_id = await ex.scalar(
        select(communities.c.id).where(
            communities.c.account_id == account_id,
            communities.c.name == name,
            communities.c.deleted_at.is_(None),
        )
    )
    if community_id is None:
        scorer_id = await ex.scalar(
            insert(scorers)
            .values(type="WEIGHTED_BINARY", exclude_from_weight_updates=False)
            .returning(scorers.c.id)
        )
        await ex.execute(
            insert(binary_scorers).values(
                scorer_ptr_id=scorer_id, weights=weights, threshold=threshold
            )
        )
        community_id = await ex.scalar(
            insert(communities)
            .values(
                name=name,
                description="Demo community",
                account_id=account_id,
                scorer_id=scorer_id,
                created_at=now,
                rule="LIFO",
                use_case="sybil_protection",
                deleted_at=None,
                external_scorer_id=None,
                human_points_program=False,
            )
            .returning(communities.c.id)
        )
    else:
        scorer_id = await ex.scalar(
            select(communities.c.scorer_id).where(communities.c.id == community_id)
        )
        await ex.execute(
            update(scorers).where(scorers.c.id == scorer_id).values(type="WEIGHTED_BINARY")
        )
        await ex.execute(
            update(binary_scorers)
            .where(binary_scorers.c.scorer_ptr_id == scorer_id)
            .values(weights=weights, threshold=threshold)
        )
    return int(community_id)


async def find_for_account_by_text(
    ex: Executor, scorer_id: str, account_id: int
) -> Community | None:
    """As `find_for_account`, for a scorer id given as text (v1 bodies): the account's community
    whose `external_scorer_id` is that text, else whose `id` is that number."""
    matches = communities.c.external_scorer_id == scorer_id
    if scorer_id.isascii() and scorer_id.isdigit() and int(scorer_id) <= BIGINT_MAX:
        matches = matches | (communities.c.id == int(scorer_id))
    statement = (
        _COMMUNITY_WITH_SCORER.where(communities.c.account_id == account_id, matches)
        .order_by(case((communities.c.external_scorer_id == scorer_id, 0), else_=1))
        .limit(1)
    )
    return community_from_row(await ex.first(statement))

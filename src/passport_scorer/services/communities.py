"""Finding the community a request scores against."""

from __future__ import annotations

from passport_scorer.db.engine import Database
from passport_scorer.db.queries import communities as community_queries
from passport_scorer.domain.api_keys import ApiKey
from passport_scorer.domain.communities import BIGINT_MAX, BIGINT_MIN, Community, resolve_scorer_id
from passport_scorer.errors import CommunityNotFound, ScorerNotFound


async def scorer_for_key(
    db: Database, api_key: ApiKey, scorer_id: int, *, demo_scorer_id: int | None
) -> Community:
    """The key's account's community for `scorer_id` (external id first), or ScorerNotFound."""
    resolved = resolve_scorer_id(scorer_id, demo_scorer_id)
    if resolved is None:
        raise ScorerNotFound()
    async with db.read() as conn:
        community = await community_queries.find_for_account(conn, resolved, api_key.account_id)
    if community is None:
        raise ScorerNotFound()
    return community


async def community_by_id(db: Database, community_id: int) -> Community:
    """Any community by id (internal routes), or CommunityNotFound."""
    if not BIGINT_MIN <= community_id <= BIGINT_MAX:
        raise CommunityNotFound()
    async with db.read() as conn:
        community = await community_queries.get_by_id(conn, community_id)
    if community is None:
        raise CommunityNotFound()
    return community

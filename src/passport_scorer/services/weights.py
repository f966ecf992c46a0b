"""A community's scorer weights as stored: one reader for the app's and the embed service's
weights routes."""

from __future__ import annotations

from passport_scorer.db.executor import Executor
from passport_scorer.db.queries import communities
from passport_scorer.domain.communities import resolve_scorer_id


async def stored_weights(ex: Executor, community_id: int) -> str | None:
    """The weights JSON of the community's scorer (found through `account_community.scorer_id`
    and the scorer's type), verbatim; None when there is no such community or no weights."""
    if resolve_scorer_id(community_id, None) is None:
        return None
    community = await communities.get_by_id(ex, community_id)
    if community is None or community.scorer is None:
        return None
    return community.scorer.weights_json

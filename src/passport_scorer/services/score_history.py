"""A score as it stood at a given time (`/v2/stamps/{scorer_id}/score/{address}/history`)."""

from __future__ import annotations

from passport_scorer.db.executor import Executor
from passport_scorer.db.queries import communities, score_events
from passport_scorer.domain.address import normalise_address
from passport_scorer.domain.api_keys import ApiKey
from passport_scorer.domain.communities import resolve_scorer_id
from passport_scorer.domain.score_history import HistoricalScore, historical_score, parse_moment
from passport_scorer.errors import CommunityNotFound, CreatedAtRequired, ScoreDoesNotExist


async def score_at(
    ex: Executor,
    api_key: ApiKey,
    scorer_id: int,
    address: str,
    created_at: str,
    *,
    demo_scorer_id: int | None,
) -> HistoricalScore:
    """The last score update at or before `created_at` of the address in one of the key's
    communities (by id; negative ids are the demo scorer)."""
    if not created_at:
        raise CreatedAtRequired()
    community_id = resolve_scorer_id(scorer_id, demo_scorer_id)
    community = None if community_id is None else await communities.get_by_id(ex, community_id)
    if community is None or community.account_id != api_key.account_id:
        raise CommunityNotFound()
    lowered = normalise_address(address)
    missing = ScoreDoesNotExist(lowered, f"No Score Found for {lowered} at {created_at}")
    until = parse_moment(created_at)
    if until is None:
        raise missing  # no score exists at a time that is not one
    data = await score_events.score_event_at(ex, community.id, lowered, until)
    if data is None:
        raise missing
    return historical_score(lowered, data)

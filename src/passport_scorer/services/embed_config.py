"""What the embed widget needs to draw a community: its weights and its stamp sections."""

from __future__ import annotations

from dataclasses import dataclass

from passport_scorer.db.executor import Executor
from passport_scorer.db.queries import communities, embed_sections
from passport_scorer.domain.communities import resolve_scorer_id
from passport_scorer.domain.scoring import parse_weights
from passport_scorer.domain.stamp_sections import StampSection, stamp_sections
from passport_scorer.errors import InvalidScorerConfiguration, InvalidScorerId, ScoringFailed


@dataclass(frozen=True, slots=True)
class EmbedConfig:
    weights: dict[str, float]  # the reference shows them as floats on this route
    stamp_sections: list[StampSection]


async def embed_config(ex: Executor, community_id: int) -> EmbedConfig:
    """The community's scorer weights (400 for an unknown community, 500 when its scorer
    cannot be read) and its customization's sections (none without a customization)."""
    if resolve_scorer_id(community_id, None) is None:  # no demo mapping here
        raise InvalidScorerId()
    community = await communities.get_by_id(ex, community_id)
    if community is None:
        raise InvalidScorerId()
    if community.scorer is None:
        raise InvalidScorerConfiguration()
    try:
        weights = parse_weights(community.scorer.weights_json)
    except ScoringFailed:
        raise InvalidScorerConfiguration() from None
    sections = stamp_sections(
        await embed_sections.section_orders_of(ex, community_id),
        await embed_sections.placed_platforms_of(ex, community_id),
    )
    return EmbedConfig({provider: float(w) for provider, w in weights.items()}, sections)

"""SQL for a customization's embed stamp sections (`account_embed*`, `registry_platformmetadata`).

A community's customization is the `account_customization` row whose `scorer_id` is the
community's id.
"""

from __future__ import annotations

from sqlalchemy import bindparam, select

from passport_scorer.db.executor import Executor
from passport_scorer.db.tables import account_customization as customizations
from passport_scorer.db.tables import account_embedsectionheader as headers
from passport_scorer.db.tables import account_embedsectionorder as section_orders
from passport_scorer.db.tables import account_embedstampplatform as placements
from passport_scorer.db.tables import registry_platformmetadata as platforms
from passport_scorer.domain.stamp_sections import PlacedPlatform, SectionOrder

_SECTIONS = (
    select(section_orders.c.section_id, headers.c.name, section_orders.c.order)
    .select_from(
        section_orders.join(headers, headers.c.id == section_orders.c.section_id).join(
            customizations, customizations.c.id == section_orders.c.customization_id
        )
    )
    .where(customizations.c.scorer_id == bindparam("community_id"))
    .order_by(section_orders.c.order, section_orders.c.id)
)

_PLATFORMS = (
    select(placements.c.section_id, platforms.c.platform_id, placements.c.order)
    .select_from(
        placements.join(platforms, platforms.c.id == placements.c.platform_id).join(
            customizations, customizations.c.id == placements.c.customization_id
        )
    )
    .where(customizations.c.scorer_id == bindparam("community_id"))
    .order_by(placements.c.order, placements.c.id)
)


async def section_orders_of(ex: Executor, community_id: int) -> list[SectionOrder]:
    rows = await ex.all(_SECTIONS, {"community_id": community_id})
    return [SectionOrder(*row) for row in rows]


async def placed_platforms_of(ex: Executor, community_id: int) -> list[PlacedPlatform]:
    rows = await ex.all(_PLATFORMS, {"community_id": community_id})
    return [PlacedPlatform(*row) for row in rows]

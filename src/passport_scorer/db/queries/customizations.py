"""SQL for partner customizations: `account_customization` with its allow lists, custom
credentials and chains, the dashboards and campaigns every dashboard shows, stamp metadata,
the default weight configuration and custom credential rulesets."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, select

from passport_scorer.db.executor import Executor
from passport_scorer.db.tables import account_addresslist as address_lists
from passport_scorer.db.tables import account_allowlist as allow_lists
from passport_scorer.db.tables import account_community as communities
from passport_scorer.db.tables import account_customcredential as credentials
from passport_scorer.db.tables import account_customcredentialruleset as rulesets
from passport_scorer.db.tables import account_customization as customizations
from passport_scorer.db.tables import account_customplatform as platforms
from passport_scorer.db.tables import account_featuredcampaign as campaigns
from passport_scorer.db.tables import account_includedchainid as chain_ids
from passport_scorer.db.tables import registry_stampmetadata as stamp_metadata
from passport_scorer.db.tables import registry_weightconfiguration as weight_configs
from passport_scorer.db.tables import registry_weightconfigurationitem as weight_items
from passport_scorer.db.tables import scorer_weighted_binaryweightedscorer as binary_scorers
from passport_scorer.db.tables import scorer_weighted_weightedscorer as weighted_scorers
from passport_scorer.domain.customizations import (
    CustomCredentialRow,
    CustomizationRow,
    Dashboard,
    DefaultRules,
    Discovery,
    FeaturedCampaign,
)

_c = customizations.c
_BY_PATH = (
    select(
        _c.id,
        _c.path,
        _c.partner_name,
        _c.use_custom_dashboard_panel,
        _c.custom_dashboard_panel_title,
        _c.customization_background_1,
        _c.customization_background_2,
        _c.customization_background_3,
        _c.customization_foreground_1,
        _c.customization_foreground_2,
        _c.scorer_panel_title,
        _c.scorer_panel_text,
        _c.logo_image,
        _c.logo_caption,
        _c.logo_background,
        _c.body_main_text,
        _c.body_sub_text,
        _c.body_action_text,
        _c.body_action_url,
        _c.button_action_type,
        _c.body_display_info_tooltip,
        _c.body_info_tooltip_text,
        _c.show_explanation_panel,
        communities.c.id,
        weighted_scorers.c.weights,
        weighted_scorers.c.scorer_ptr_id.is_not(None),
        binary_scorers.c.weights,
        binary_scorers.c.threshold,
        binary_scorers.c.scorer_ptr_id.is_not(None),
    )
    .select_from(customizations)
    .join(communities, communities.c.id == _c.scorer_id)
    .outerjoin(weighted_scorers, weighted_scorers.c.scorer_ptr_id == communities.c.scorer_id)
    .outerjoin(binary_scorers, binary_scorers.c.scorer_ptr_id == communities.c.scorer_id)
    .where(_c.path == bindparam("path"))
)
_ALLOW_LIST_WEIGHTS = (
    select(address_lists.c.name, allow_lists.c.weight)
    .join(address_lists, address_lists.c.id == allow_lists.c.address_list_id)
    .where(allow_lists.c.customization_id == bindparam("customization_id"))
    .order_by(allow_lists.c.id)
)
_CREDENTIALS = (
    select(
        platforms.c.name,
        platforms.c.platform_type,
        platforms.c.icon_url,
        platforms.c.display_name,
        platforms.c.description,
        platforms.c.banner_heading,
        platforms.c.banner_content,
        platforms.c.banner_cta_text,
        platforms.c.banner_cta_url,
        platforms.c.is_evm,
        rulesets.c.provider_id,
        credentials.c.display_name,
        credentials.c.description,
        credentials.c.weight,
    )
    .join(platforms, platforms.c.id == credentials.c.platform_id)
    .join(rulesets, rulesets.c.id == credentials.c.ruleset_id)
    .where(credentials.c.customization_id == bindparam("customization_id"))
    .order_by(credentials.c.id)
)
_CHAIN_IDS = (
    select(chain_ids.c.chain_id)
    .where(chain_ids.c.customization_id == bindparam("customization_id"))
    .order_by(chain_ids.c.id)
)
_TOP_NAV = (
    select(_c.path, _c.partner_name, _c.nav_logo, _c.show_in_top_nav)
    .where(_c.show_in_top_nav.is_(True))
    .order_by(_c.nav_order, _c.partner_name, _c.id)
)
_CAMPAIGNS = (
    select(
        campaigns.c.partner_name,
        campaigns.c.partner_logo,
        campaigns.c.image_tag,
        campaigns.c.header_text,
        campaigns.c.body_text,
        campaigns.c.destination_url,
    )
    .where(campaigns.c.is_active.is_(True))
    .order_by(campaigns.c.display_order, campaigns.c.id)
)
_STAMP_METADATA = select(stamp_metadata.c.provider, stamp_metadata.c.is_beta).order_by(
    stamp_metadata.c.provider
)
_ACTIVE_CONFIG = (
    select(weight_configs.c.id, weight_configs.c.threshold)
    .where(weight_configs.c.active.is_(True))
    .order_by(weight_configs.c.id)
    .limit(1)
)
_CONFIG_WEIGHTS = (
    select(weight_items.c.provider, weight_items.c.weight)
    .where(weight_items.c.weight_configuration_id == bindparam("config_id"))
    .order_by(weight_items.c.provider)
)
_RULESET = select(rulesets.c.definition).where(rulesets.c.provider_id == bindparam("provider_id"))


async def customization_by_path(ex: Executor, path: str) -> CustomizationRow | None:
    row = await ex.first(_BY_PATH, {"path": path})
    return None if row is None else CustomizationRow(*row)


async def allow_list_weights(ex: Executor, customization_id: int) -> list[tuple[str, Decimal]]:
    rows = await ex.all(_ALLOW_LIST_WEIGHTS, {"customization_id": customization_id})
    return [(row[0], row[1]) for row in rows]


async def custom_credentials(
    ex: Executor, customization_id: int
) -> list[tuple[CustomCredentialRow, Decimal]]:
    """Each custom credential of the customization (with its platform) and its weight."""
    rows = await ex.all(_CREDENTIALS, {"customization_id": customization_id})
    return [(CustomCredentialRow(*tuple(row)[:13]), row[13]) for row in rows]


async def included_chain_ids(ex: Executor, customization_id: int) -> list[str]:
    rows = await ex.all(_CHAIN_IDS, {"customization_id": customization_id})
    return [row[0] for row in rows]


async def discovery(ex: Executor) -> Discovery:
    """Top-navigation dashboards, active campaigns and every stamp's metadata."""
    dashboards = [Dashboard(*row) for row in await ex.all(_TOP_NAV)]
    featured = [FeaturedCampaign(*row) for row in await ex.all(_CAMPAIGNS)]
    metadata = {row[0]: bool(row[1]) for row in await ex.all(_STAMP_METADATA)}
    return Discovery(dashboards, featured, metadata)


async def default_rules(ex: Executor) -> DefaultRules:
    """The active weight configuration's weights and threshold."""
    config = await ex.first(_ACTIVE_CONFIG)
    if config is None:
        return DefaultRules(None, None)
    rows = await ex.all(_CONFIG_WEIGHTS, {"config_id": config[0]})
    return DefaultRules({row[0]: float(row[1]) for row in rows}, float(config[1]))


async def credential_ruleset(ex: Executor, provider_id: str) -> Any | None:
    """The definition (JSON) of the custom credential ruleset with this provider id."""
    row = await ex.first(_RULESET, {"provider_id": provider_id})
    return None if row is None else row[0]

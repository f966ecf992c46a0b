"""A partner dashboard's customization (`/account/customization/{path}`), as the app reads it.

The scorer shown is the customization's community's: a weighted scorer's weights with the
default threshold, or a binary scorer's weights and threshold; either way extended with the
customization's own weights (`AllowList#<list>` and each custom credential's provider id, as
4-decimal strings). Weights keep their stored JSON form.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

FOUR_PLACES = Decimal("0.0001")
FIVE_PLACES = Decimal("0.00001")
DEFAULT_THRESHOLD = 20  # the reference's fallback when no weight configuration is active


@dataclass(frozen=True, slots=True)
class CustomizationRow:
    """The `account_customization` columns the answer shows, and its scorer's rules."""

    id: int
    path: str
    partner_name: str
    use_custom_dashboard_panel: bool
    custom_dashboard_panel_title: str | None
    customization_background_1: str | None
    customization_background_2: str | None
    customization_background_3: str | None
    customization_foreground_1: str | None
    customization_foreground_2: str | None
    scorer_panel_title: str | None
    scorer_panel_text: str | None
    logo_image: str | None
    logo_caption: str | None
    logo_background: str | None
    body_main_text: str | None
    body_sub_text: str | None
    body_action_text: str | None
    body_action_url: str | None
    button_action_type: str
    body_display_info_tooltip: bool
    body_info_tooltip_text: str | None
    show_explanation_panel: bool
    community_id: int
    weighted_weights: Any  # the weighted child's weights JSON (None: no such child)
    has_weighted: bool
    binary_weights: Any
    binary_threshold: Decimal | None
    has_binary: bool


@dataclass(frozen=True, slots=True)
class CustomCredentialRow:
    platform_name: str
    platform_type: str
    icon_url: str | None
    platform_display_name: str | None
    platform_description: str | None
    banner_heading: str | None
    banner_content: str | None
    banner_cta_text: str | None
    banner_cta_url: str | None
    is_evm: bool
    provider_id: str
    display_name: str
    description: str | None


@dataclass(frozen=True, slots=True)
class Dashboard:
    path: str
    partner_name: str
    nav_logo: str | None
    show_in_top_nav: bool


@dataclass(frozen=True, slots=True)
class FeaturedCampaign:
    partner_name: str
    partner_logo: str
    image_tag: str
    header_text: str
    body_text: str
    destination_url: str


@dataclass(frozen=True, slots=True)
class DefaultRules:
    """The active weight configuration (None: there is none)."""

    weights: dict[str, float] | None
    threshold: float | None


@dataclass(frozen=True, slots=True)
class Discovery:
    """What every dashboard page shows: top-navigation dashboards, campaigns, stamp metadata."""

    dashboards: Sequence[Dashboard]
    campaigns: Sequence[FeaturedCampaign]
    stamp_metadata: Mapping[str, bool]  # provider → is beta


def discovery_json(found: Discovery) -> dict[str, Any]:
    """`GET /account/customization`."""
    return {
        "partnerDashboards": [_dashboard(d, d.show_in_top_nav) for d in found.dashboards],
        "featuredCampaigns": [_campaign(c) for c in found.campaigns],
        "stampMetadata": _stamp_metadata(found.stamp_metadata),
    }


def customization_json(
    row: CustomizationRow,
    *,
    allow_list_weights: Sequence[tuple[str, Decimal]],
    credential_weights: Sequence[tuple[str, Decimal]],
    chain_ids: Sequence[str],
    custom_credentials: Sequence[CustomCredentialRow],
    defaults: DefaultRules,
    found: Discovery,
) -> dict[str, Any]:
    """`GET /account/customization/{path}`: keys in the reference's order."""
    weights, threshold = _scorer_rules(row, defaults)
    for name, weight in allow_list_weights:
        weights[f"AllowList#{name}"] = f"{weight.quantize(FOUR_PLACES):f}"
    for provider_id, weight in credential_weights:
        weights[provider_id] = f"{weight.quantize(FOUR_PLACES):f}"
    return {
        "key": row.path,
        "partnerName": row.partner_name,
        "useCustomDashboardPanel": row.use_custom_dashboard_panel,
        "customizationTheme": {
            "colors": {
                "customizationBackground1": row.customization_background_1,
                "customizationBackground2": row.customization_background_2,
                "customizationForeground1": row.customization_foreground_1,
                "customizationForeground2": row.customization_foreground_2,
                "customizationBackground3": row.customization_background_3,
            }
        },
        "scorerPanel": {"title": row.scorer_panel_title, "text": row.scorer_panel_text},
        "dashboardPanel": {
            "customDashboardPanelTitle": row.custom_dashboard_panel_title,
            "logo": {
                "image": row.logo_image,
                "caption": row.logo_caption,
                "background": row.logo_background,
            },
            "body": {
                "mainText": row.body_main_text,
                "subText": row.body_sub_text,
                "action": {
                    "text": row.body_action_text,
                    "url": row.body_action_url,
                    "type": row.button_action_type,
                },
                "displayInfoTooltip": {
                    "shouldDisplay": row.body_display_info_tooltip,
                    "text": row.body_info_tooltip_text,
                },
            },
        },
        "scorer": {"weights": weights, "id": row.community_id, "threshold": threshold},
        "includedChainIds": list(chain_ids),
        "showExplanationPanel": row.show_explanation_panel,
        "customStamps": custom_stamps_json(custom_credentials),
        # Dashboards listed here are the top-navigation ones, so the flag is always true.
        "partnerDashboards": [_dashboard(d, True) for d in found.dashboards],
        "featuredCampaigns": [_campaign(c) for c in found.campaigns],
        "stampMetadata": _stamp_metadata(found.stamp_metadata),
    }


def _scorer_rules(row: CustomizationRow, defaults: DefaultRules) -> tuple[dict[str, Any], Any]:
    """The scorer's weights (a fresh dict) and threshold: a weighted scorer's weights with the
    default threshold, else a binary scorer's weights and threshold, else the defaults."""
    default_threshold: Any = (
        defaults.threshold if defaults.threshold is not None else DEFAULT_THRESHOLD
    )
    if row.has_weighted:
        return dict(_weights(row.weighted_weights)), default_threshold
    if row.has_binary and row.binary_threshold is not None:
        return dict(_weights(row.binary_weights)), f"{row.binary_threshold.quantize(FIVE_PLACES):f}"
    return dict(defaults.weights or {}), default_threshold


def _weights(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def custom_stamps_json(credentials: Sequence[CustomCredentialRow]) -> dict[str, Any]:
    """Custom credentials grouped by platform (platforms in order of first appearance)."""
    stamps: dict[str, Any] = {}
    for credential in credentials:
        platform = stamps.setdefault(
            credential.platform_name,
            {
                "platformType": credential.platform_type,
                "iconUrl": credential.icon_url,
                "displayName": credential.platform_display_name,
                "description": credential.platform_description,
                "banner": {
                    "heading": credential.banner_heading,
                    "content": credential.banner_content,
                    "cta": {"text": credential.banner_cta_text, "url": credential.banner_cta_url},
                },
                "isEVM": credential.is_evm,
                "credentials": [],
            },
        )
        platform["credentials"].append(
            {
                "providerId": credential.provider_id,
                "displayName": credential.display_name,
                "description": credential.description,
            }
        )
    return stamps


def _dashboard(dashboard: Dashboard, shown: bool) -> dict[str, Any]:
    return {
        "id": dashboard.path,
        "name": dashboard.partner_name,
        "logo": dashboard.nav_logo,
        "showInTopNav": shown,
    }


def _campaign(campaign: FeaturedCampaign) -> dict[str, Any]:
    return {
        "id": campaign.image_tag,
        "header": campaign.header_text,
        "subheader": campaign.body_text,
        "destinationUrl": campaign.destination_url,
        "imageTag": campaign.image_tag,
        "partnerName": campaign.partner_name,
        "partnerLogo": campaign.partner_logo,
    }


def _stamp_metadata(metadata: Mapping[str, bool]) -> dict[str, Any]:
    return {provider: {"isBeta": is_beta} for provider, is_beta in metadata.items()}

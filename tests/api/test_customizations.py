"""`/account/customization/*`: partner dashboards as the Passport app reads them."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import httpx
import pytest

from passport_scorer.db import tables
from tests.factories import World

THEME = {
    "customization_background_1": "#aaff66",
    "customization_background_2": "#000000",
    "customization_foreground_1": "#ffffff",
    "customization_foreground_2": "#111111",
    "customization_background_3": "#222222",
}


async def community(world: World, kind: str, weights: dict[str, Any] | None) -> int:
    account = await world.account()
    return await world.community(account, weights=weights, threshold=Decimal("15"), kind=kind)


async def full_customization(world: World, community_id: int) -> int:
    customization = await world.customization(
        community_id, "partner", partner_name="Partner One", use_custom_dashboard_panel=True,
        custom_dashboard_panel_title="Welcome", scorer_panel_title="Score", scorer_panel_text="Txt",
        logo_image="<svg/>", logo_caption="cap", logo_background="DOTS", body_main_text="main",
        body_sub_text="sub", body_action_text="Go", body_action_url="https://example.org",
        body_display_info_tooltip=True, body_info_tooltip_text="tip", show_in_top_nav=True,
        nav_order=2, nav_logo="<svg id='nav'/>", **THEME,
    )  # fmt: skip
    for name, weight in (("VIPs", "10.5"), ("OGs", "2")):
        list_id = await world.insert(tables.account_addresslist, name=name)
        await world.insert(
            tables.account_allowlist,
            address_list_id=list_id,
            customization_id=customization,
            weight=Decimal(weight),
        )
    platform = await world.insert(
        tables.account_customplatform, platform_type="DEVEL", name="DeveloperList",
        display_name="Developers", icon_url="./assets/dev.svg", description="Devs",
        banner_heading="Hi", banner_content="Prove it", banner_cta_text="Docs",
        banner_cta_url="https://docs", is_evm=False,
    )  # fmt: skip
    for provider_id, weight in (
        ("DeveloperList#Core#1a2b3c4d", "5"),
        ("DeveloperList#Ops#9f", "1"),
    ):
        ruleset = await world.insert(
            tables.account_customcredentialruleset, credential_type="DEVEL",
            definition={"name": provider_id.split("#")[1], "condition": {}}, name="x",
            provider_id=provider_id,
        )  # fmt: skip
        await world.insert(
            tables.account_customcredential, weight=Decimal(weight),
            display_name=f"{provider_id} name", description=None,
            customization_id=customization, platform_id=platform, ruleset_id=ruleset,
        )  # fmt: skip
    for chain in ("0x1", "0xa"):
        await world.insert(
            tables.account_includedchainid, chain_id=chain, customization_id=customization
        )
    return customization


async def get(client: httpx.AsyncClient, path: str) -> tuple[int, Any]:
    response = await client.get(path)
    return response.status_code, response.json()


async def test_a_binary_scorers_customization(client: httpx.AsyncClient, world: World) -> None:
    scored = await community(world, "WEIGHTED_BINARY", {"Google": 10, "Github": "8.5"})
    await full_customization(world, scored)
    await world.insert(
        tables.account_featuredcampaign, partner_name="P", partner_logo="<svg/>",
        image_tag="spring", header_text="Spring", body_text="Body",
        destination_url="https://p.example", is_active=True, display_order=1,
    )  # fmt: skip
    await world.insert(
        tables.account_featuredcampaign, partner_name="Q", partner_logo="", image_tag="old",
        header_text="Old", body_text="B", destination_url="https://q", is_active=False,
        display_order=0,
    )  # fmt: skip
    await world.insert(tables.registry_stampmetadata, provider="Zk", is_beta=True)
    await world.insert(tables.registry_stampmetadata, provider="Google", is_beta=False)

    status, body = await get(client, "/account/customization/partner/")

    assert status == 200
    assert body == {
        "key": "partner",
        "partnerName": "Partner One",
        "useCustomDashboardPanel": True,
        "customizationTheme": {"colors": {
            "customizationBackground1": "#aaff66", "customizationBackground2": "#000000",
            "customizationForeground1": "#ffffff", "customizationForeground2": "#111111",
            "customizationBackground3": "#222222"}},
        "scorerPanel": {"title": "Score", "text": "Txt"},
        "dashboardPanel": {
            "customDashboardPanelTitle": "Welcome",
            "logo": {"image": "<svg/>", "caption": "cap", "background": "DOTS"},
            "body": {
                "mainText": "main", "subText": "sub",
                "action": {"text": "Go", "url": "https://example.org", "type": "Simple Link"},
                "displayInfoTooltip": {"shouldDisplay": True, "text": "tip"},
            },
        },
        "scorer": {
            "weights": {"Google": 10, "Github": "8.5", "AllowList#VIPs": "10.5000",
                        "AllowList#OGs": "2.0000", "DeveloperList#Core#1a2b3c4d": "5.0000",
                        "DeveloperList#Ops#9f": "1.0000"},
            "id": scored,
            "threshold": "15.00000",
        },
        "includedChainIds": ["0x1", "0xa"],
        "showExplanationPanel": True,
        "customStamps": {"DeveloperList": {
            "platformType": "DEVEL", "iconUrl": "./assets/dev.svg", "displayName": "Developers",
            "description": "Devs",
            "banner": {"heading": "Hi", "content": "Prove it",
                       "cta": {"text": "Docs", "url": "https://docs"}},
            "isEVM": False,
            "credentials": [
                {"providerId": "DeveloperList#Core#1a2b3c4d",
                 "displayName": "DeveloperList#Core#1a2b3c4d name", "description": None},
                {"providerId": "DeveloperList#Ops#9f",
                 "displayName": "DeveloperList#Ops#9f name", "description": None},
            ],
        }},
        "partnerDashboards": [
            {"id": "partner", "name": "Partner One", "logo": "<svg id='nav'/>",
             "showInTopNav": True},
        ],
        "featuredCampaigns": [
            {"id": "spring", "header": "Spring", "subheader": "Body",
             "destinationUrl": "https://p.example", "imageTag": "spring", "partnerName": "P",
             "partnerLogo": "<svg/>"},
        ],
        "stampMetadata": {"Google": {"isBeta": False}, "Zk": {"isBeta": True}},
    }  # fmt: skip
    assert list(body) == [
        "key", "partnerName", "useCustomDashboardPanel", "customizationTheme", "scorerPanel",
        "dashboardPanel", "scorer", "includedChainIds", "showExplanationPanel", "customStamps",
        "partnerDashboards", "featuredCampaigns", "stampMetadata",
    ]  # fmt: skip
    assert await get(client, "/account/customization/partner") == (status, body)


@pytest.mark.parametrize(("active", "threshold"), [(True, 25.5), (False, 20)])
async def test_a_weighted_scorer_shows_the_default_threshold(
    client: httpx.AsyncClient, world: World, active: bool, threshold: float
) -> None:
    scored = await community(world, "WEIGHTED", {"Google": 1.5})
    await world.customization(scored, "weighted")
    now = datetime.now(UTC)
    await world.insert(
        tables.registry_weightconfiguration, version="v1", active=active, created_at=now,
        updated_at=now, threshold=25.5, description=None, csv_source=None,
    )  # fmt: skip

    status, body = await get(client, "/account/customization/weighted")

    assert status == 200
    assert body["scorer"] == {"weights": {"Google": 1.5}, "id": scored, "threshold": threshold}
    assert (body["customStamps"], body["includedChainIds"], body["partnerDashboards"]) == (
        {},
        [],
        [],
    )


async def test_dashboards_for_the_navigation(client: httpx.AsyncClient, world: World) -> None:
    for path, order, shown in (
        ("b", 1, True),
        ("a", 1, True),
        ("first", 0, True),
        ("no", 0, False),
    ):
        scored = await community(world, "WEIGHTED_BINARY", {})
        await world.customization(
            scored, path, partner_name=path.upper(), nav_order=order, show_in_top_nav=shown
        )

    status, body = await get(client, "/account/customization")

    assert status == 200
    assert [d["id"] for d in body["partnerDashboards"]] == ["first", "a", "b"]
    assert body["partnerDashboards"][0] == {
        "id": "first", "name": "FIRST", "logo": None, "showInTopNav": True,
    }  # fmt: skip
    assert (body["featuredCampaigns"], body["stampMetadata"]) == ([], {})


async def test_unknown_dashboard_is_404(client: httpx.AsyncClient) -> None:
    for path in ("/account/customization/nobody/", "/account/customization/nobody"):
        assert await get(client, path) == (404, {"detail": "Customization not found"})


async def test_credential_definition(client: httpx.AsyncClient, world: World) -> None:
    definition = {"name": "Core", "condition": {"AND": [{"repo": "x"}]}}
    await world.insert(
        tables.account_customcredentialruleset, credential_type="DEVEL", definition=definition,
        name="Core", provider_id="DeveloperList#Core#1a2b3c4d",
    )  # fmt: skip

    for encoded in ("DeveloperList%23Core%231a2b3c4d", "DeveloperList%2523Core%25231a2b3c4d"):
        assert await get(client, f"/account/customization/credential/{encoded}") == (
            200,
            {"ruleset": definition},
        )
    assert await get(client, "/account/customization/credential/Nope%23x") == (
        404,
        {"detail": "Not Found"},
    )


async def test_app_facing_cors(client: httpx.AsyncClient) -> None:
    preflight = await client.options("/account/customization/partner/")
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    missing = await client.get("/account/customization/nobody")
    assert missing.headers["access-control-allow-origin"] == "*"

"""Partner dashboards read by the Passport app (`/account/customization/*`; no auth)."""

from __future__ import annotations

from typing import Any

from passport_scorer.api.endpoint import Call, endpoint
from passport_scorer.api.schemas import (
    CredentialRulesetSchema,
    CustomizationSchema,
    DashboardsSchema,
)
from passport_scorer.services import customizations

TAG = "customization"


@endpoint(
    "GET",
    "/account/customization/credential/{provider_id}",
    response=CredentialRulesetSchema,
    errors=(404, 503),
    summary="A custom credential's ruleset",
    tag=TAG,
    cors=True,
)
async def get_credential_definition(call: Call) -> dict[str, Any]:
    return await customizations.credential_definition(call.ex, call.path["provider_id"])


@endpoint(
    "GET",
    "/account/customization",
    response=DashboardsSchema,
    errors=(503,),
    summary="The dashboards shown in the app's navigation, featured campaigns, stamp metadata",
    tag=TAG,
    cors=True,
)
async def get_dashboards(call: Call) -> dict[str, Any]:
    return await customizations.dashboards(call.ex)


@endpoint(
    "GET",
    "/account/customization/{dashboard_path}/",
    response=CustomizationSchema,
    errors=(404, 503),
    summary="A partner dashboard's customization (the reference's path, with its `/`)",
    tag=TAG,
    cors=True,
)
async def get_customization(call: Call) -> dict[str, Any]:
    return await customizations.customization(call.ex, call.path["dashboard_path"])


@endpoint(
    "GET",
    "/account/customization/{dashboard_path}",
    response=CustomizationSchema,
    errors=(404, 503),
    summary="A partner dashboard's customization",
    tag=TAG,
    cors=True,
)
async def get_customization_no_slash(call: Call) -> dict[str, Any]:
    return await customizations.customization(call.ex, call.path["dashboard_path"])


ENDPOINTS = [
    get_credential_definition,
    get_dashboards,
    get_customization,
    get_customization_no_slash,
]

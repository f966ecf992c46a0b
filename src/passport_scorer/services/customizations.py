"""Partner dashboards (`/account/customization/*`): one dashboard's customization, the
dashboards every page lists, and custom credential rulesets."""

from __future__ import annotations

from typing import Any

from passport_scorer.db.executor import Executor
from passport_scorer.db.queries import customizations as queries
from passport_scorer.domain.customizations import (
    DefaultRules,
    customization_json,
    discovery_json,
)
from passport_scorer.errors import CustomizationNotFound, NotFound


async def customization(ex: Executor, path: str) -> dict[str, Any]:
    row = await queries.customization_by_path(ex, path)
    if row is None:
        raise CustomizationNotFound()
    credentials = await queries.custom_credentials(ex, row.id)
    # The default rules matter only to a scorer that is not binary.
    defaults = DefaultRules(None, None) if row.has_binary and not row.has_weighted else None
    return customization_json(
        row,
        allow_list_weights=await queries.allow_list_weights(ex, row.id),
        credential_weights=[(c.provider_id, weight) for c, weight in credentials],
        chain_ids=await queries.included_chain_ids(ex, row.id),
        custom_credentials=[c for c, _ in credentials],
        defaults=defaults or await queries.default_rules(ex),
        found=await queries.discovery(ex),
    )


async def dashboards(ex: Executor) -> dict[str, Any]:
    return discovery_json(await queries.discovery(ex))


async def credential_definition(ex: Executor, provider_id: str) -> dict[str, Any]:
    """`{"ruleset": <definition>}`; a doubly-encoded `#` (`%23`) is read as `#`."""
    definition = await queries.credential_ruleset(ex, provider_id.replace("%23", "#"))
    if definition is None:
        raise NotFound()
    return {"ruleset": definition}

"""SQL for `account_customcredentialruleset` (custom stamps' rule definitions)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, select

from passport_scorer.db.executor import Executor
from passport_scorer.db.tables import account_customcredentialruleset as rulesets

_DEFINITION = select(rulesets.c.definition).where(
    rulesets.c.provider_id == bindparam("provider_id")
)


async def ruleset_definition(ex: Executor, provider_id: str) -> tuple[bool, Any]:
    """(found, the stored definition JSON) of the ruleset for `provider_id`."""
    row = await ex.first(_DEFINITION, {"provider_id": provider_id})
    return (False, None) if row is None else (True, row[0])

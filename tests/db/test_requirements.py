"""Every table belongs to a route family, and a family needs what its tables point at."""

from __future__ import annotations

import re

from passport_scorer.db.requirements import (
    ROUTE_FAMILIES,
    SCORE_ROUTES,
    families_needing,
    tables_needed_by,
)
from passport_scorer.db.tables import metadata
from tests.conftest import FIXTURES


def test_families_name_only_our_tables() -> None:
    for family, tables in ROUTE_FAMILIES.items():
        assert tables <= set(metadata.tables), family


def test_every_table_is_needed_by_some_family() -> None:
    orphans = {name for name in metadata.tables if not families_needing(name)}
    assert orphans == set()


def test_a_family_needs_the_tables_its_foreign_keys_point_at() -> None:
    assert tables_needed_by("internal bans") == {"ceramic_cache_ban", "ceramic_cache_banlist"}
    assert {"account_account", "auth_user"} <= tables_needed_by(SCORE_ROUTES)
    assert "registry_stampmetadata" in tables_needed_by("customization")  # via weight items
    for family in ROUTE_FAMILIES:
        needed = tables_needed_by(family)
        for name in needed:
            assert {fk.column.table.name for fk in metadata.tables[name].foreign_keys} <= needed


def test_the_score_routes_need_only_the_tables_of_the_score_routes_schema() -> None:
    ddl = (FIXTURES / "django_schema.sql").read_text()
    score_routes_schema = set(re.findall(r"^CREATE TABLE public\.(\w+) \(", ddl, re.MULTILINE))
    assert tables_needed_by(SCORE_ROUTES) <= score_routes_schema


def test_families_needing_a_table_in_declaration_order() -> None:
    assert families_needing("ceramic_cache_ban") == ("internal bans",)
    assert families_needing("account_nonce") == ("sign-in", "v1 registry", "terms of service")
    assert families_needing("registry_score")[0] == SCORE_ROUTES

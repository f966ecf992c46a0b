"""The rest of the public API is served by both implementations: a rule weighting it passes
the coverage check (and the one live-only registry route is named if it is weighted too)."""

from __future__ import annotations

import dataclasses

from passport_scorer.rollout.inventory import LIVE_ENDPOINTS, serves
from passport_scorer.rollout.model import Listener, RuleSpec
from passport_scorer.rollout.plan import build_plan
from passport_scorer.rollout.table import PUBLIC, RULES, V2_SCORE_GROUP
from tests.rollout.test_validate import SCORER, errors, settings

SHARED = [
    "GET /v2/stamps/{scorer_id}/score/{address}/history",
    "GET /v2/stamps/metadata",
    "GET /v2/stamps/{address}",
    "POST /registry/submit-passport",
    "GET /registry/score/{scorer_id}/{address}",
    "GET /registry/score/{scorer_id}",
    "GET /registry/signing-message",
    "GET /registry/stamps/{address}",
    "GET /registry/stamp-metadata",
    "GET /registry/gtc-stake/{address}/{round_id}",
    "GET /account/customization",
    "GET /account/customization/{dashboard_path}/",
    "GET /account/customization/credential/{provider_id}",
    "GET /ceramic-cache/stake/gtc",
    "GET /ceramic-cache/tos/accepted/{tos_type}/{address}",
    "GET /ceramic-cache/tos/message-to-sign/{tos_type}/{address}",
    "POST /ceramic-cache/tos/signed-message/{tos_type}/{address}",
]


def weighted(*names: str, extra: tuple[RuleSpec, ...] = ()) -> list[RuleSpec]:
    rules = [dataclasses.replace(r, group=V2_SCORE_GROUP) if r.name in names else r for r in RULES]
    return [*rules, *extra]


def test_the_live_inventory_lists_them_and_this_scorer_serves_them() -> None:
    live = LIVE_ENDPOINTS[Listener.PUBLIC]
    for pair in SHARED:
        method, path = pair.split(" ", 1)
        endpoint = next(e for e in live if (e.method, e.path) == (method, path))
        assert serves(SCORER, endpoint), pair


def test_weighting_history_and_the_v2_catch_all_passes() -> None:
    plan = build_plan(settings(), weighted("v2-stamps-score-history", "v2-catchall"))
    assert errors(plan) == []


def test_weighting_the_registry_names_the_one_live_only_route() -> None:
    plan = build_plan(settings(), weighted("registry-api", "submit-passport"))
    assert errors(plan) == [
        "error: registry-api: sends POST /registry/feature/scorer/generic to this scorer, "
        "which does not serve it"
    ]


def test_a_future_rule_for_the_app_extras_passes() -> None:
    app_extras = RuleSpec(
        "app-extras", PUBLIC, 5002,
        ("/account/customization*", "/ceramic-cache/tos/*", "/ceramic-cache/stake/gtc"),
        live_target="registry-api", group=V2_SCORE_GROUP,
    )  # fmt: skip
    assert errors(build_plan(settings(), weighted(extra=(app_extras,)))) == []

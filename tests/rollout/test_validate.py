"""Every shipped stack validates; each seeded defect fails with a precise message."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from passport_scorer.app import routes
from passport_scorer.rollout.inventory import LIVE_ENDPOINTS, Endpoint, scorer_endpoints, serves
from passport_scorer.rollout.model import AlarmSpec, Listener, Plan, RuleSpec, Target
from passport_scorer.rollout.plan import build_plan
from passport_scorer.rollout.settings import RolloutSettings, load_settings
from passport_scorer.rollout.table import RETIRED_PRIORITIES, RULES
from passport_scorer.rollout.validate import Problem, glob_covers, rule_matches, validate

INFRA = Path(__file__).parents[2] / "infra"
SCORER = scorer_endpoints(routes())
STACKS = ("staging", "review", "production")


def settings(percent: int = 25, **changes: Any) -> RolloutSettings:
    live = load_settings(INFRA, "staging").live_target_groups
    return dataclasses.replace(RolloutSettings("test", percent, live_target_groups=live), **changes)


def errors(plan: Plan, live: dict[str, str] | None = None) -> list[str]:
    problems = validate(
        plan,
        scorer=SCORER,
        live_target_groups=live if live is not None else settings().live_target_groups,
    )
    return [str(p) for p in problems]


def with_rule(name: str, **changes: Any) -> list[RuleSpec]:
    return [dataclasses.replace(r, **changes) if r.name == name else r for r in RULES]


@pytest.mark.parametrize("stack", STACKS)
def test_every_shipped_stack_is_valid(stack: str) -> None:
    shipped = load_settings(INFRA, stack)
    assert errors(build_plan(shipped), shipped.live_target_groups) == []
    problems = validate(
        build_plan(shipped),
        scorer=SCORER,
        live_target_groups=shipped.live_target_groups,
        environment=shipped.environment,
    )
    assert problems == []


def test_the_app_groups_get_traffic_only_with_their_settings() -> None:
    app = {"CERAMIC_CACHE_SCORER_ID": "335", "SIWE_JWT_PUBLIC_KEY": "…"}

    def group_errors(groups: dict[str, int], environment: dict[str, str]) -> list[str]:
        plan = build_plan(settings(25, groups=groups))
        return [
            str(p)
            for p in validate(
                plan,
                scorer=SCORER,
                live_target_groups=settings().live_target_groups,
                environment=environment,
            )
        ]

    assert group_errors({}, {}) == [
        "error: the ceramic-cache group gets 25 % of its traffic here, but the function's "
        "environment lacks CERAMIC_CACHE_SCORER_ID, SIWE_JWT_PUBLIC_KEY (its routes would "
        "answer 503)",
        "error: the embed group gets 25 % of its traffic here, but the function's environment "
        "lacks CERAMIC_CACHE_SCORER_ID (its routes would answer 503)",
        "error: the sign-in group gets 25 % of its traffic here, but the function's environment "
        "lacks SIWE_JWT_PRIVATE_KEY, SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE (its routes would "
        "answer 503)",
    ]
    assert group_errors({"sign-in": 0}, {"CERAMIC_CACHE_SCORER_ID": "335"}) == [
        "error: the ceramic-cache group gets 25 % of its traffic here, but the function's "
        "environment lacks SIWE_JWT_PUBLIC_KEY (its routes would answer 503)",
    ]
    assert group_errors({"sign-in": 0}, app) == []
    sign_in = {"SIWE_JWT_PRIVATE_KEY": "(secret)", "SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE": "[]"}
    assert group_errors({}, {**app, **sign_in}) == []
    assert group_errors({"ceramic-cache": 0, "embed": 0, "sign-in": 0}, {}) == []


def test_the_real_table_is_valid_at_every_share() -> None:
    for percent in (0, 5, 25, 100):
        assert errors(build_plan(settings(percent))) == []


def test_duplicate_priority() -> None:
    plan = build_plan(settings(), with_rule("ceramic-cache-weights", priority=1036))
    assert errors(plan) == [
        "error: ceramic-cache-weights: priority 1036 on the public listener is already used by "
        "ceramic-cache-score-get"
    ]


def test_priority_out_of_range_and_retired() -> None:
    plan = build_plan(settings(), with_rule("v2-models-score", priority=2023))
    assert errors(plan) == [
        "error: v2-models-score: priority 2023 is retired (old rules may hold it)"
    ]
    plan = build_plan(settings(), with_rule("v2-models-score", priority=60_000))
    assert "error: v2-models-score: priority 60000 is outside 1-50000" in errors(plan)


@pytest.mark.parametrize(
    ("targets", "message"),
    [
        ((Target("v2-stamp-score", 40), Target("scorer-public", 50)), "sum to 90, not 100"),
        ((Target("v2-stamp-score", 1100), Target("scorer-public", -1000)), "within 0-999"),
        ((Target("v2-stamp-score", 0), Target("scorer-public", 0)), "every weight is 0"),
    ],
)
def test_bad_weights(targets: tuple[Target, ...], message: str) -> None:
    plan = build_plan(settings())
    rules = tuple(
        dataclasses.replace(r, targets=targets) if r.spec.name == "v2-stamps-score" else r
        for r in plan.rules
    )
    found = errors(dataclasses.replace(plan, rules=rules))
    assert any(e.startswith("error: v2-stamps-score: ") and message in e for e in found), found


@pytest.mark.parametrize("seconds", [0, 604_801])
def test_stickiness_out_of_bounds(seconds: int) -> None:
    plan = build_plan(settings(stickiness_seconds=seconds))
    assert f"error: v2-stamps-score: stickiness {seconds} s is outside 1-604800 s" in errors(plan)


def test_target_group_on_two_load_balancers() -> None:
    plan = build_plan(settings(), with_rule("embed-get-score", live_target="v2-stamp-score"))
    assert (
        "error: target group v2-stamp-score is used on two load balancers (internal and public)"
        in errors(plan)
    )


def test_one_target_group_arn_under_two_keys_on_two_load_balancers() -> None:
    # The live code's fallback: the internal rules forwarding to the public ALB's target group.
    live = dict(settings().live_target_groups)
    live["internal-api"] = live["registry-api"]
    assert errors(build_plan(settings()), live) == [
        "error: target group internal-api = registry-api is used on two load balancers "
        "(internal and public)"
    ]


def test_live_target_group_without_arn() -> None:
    live = dict(settings().live_target_groups)
    del live["cc-weights"]
    assert errors(build_plan(settings()), live) == [
        "error: live target group cc-weights has no ARN in liveTargetGroups"
    ]


def test_rule_shadowed_by_an_earlier_less_specific_one() -> None:
    # The score rule placed before the history rule swallows every history request.
    plan = build_plan(settings(), with_rule("v2-stamps-score-history", priority=2113))
    assert errors(plan) == [
        "error: v2-stamps-score-history: never reached: v2-stamps-score (priority 2112) "
        "matches every request it would",
        # (The weighted score rule then sends history requests here too: this scorer serves them.)
    ]


def without(name: str) -> list[RuleSpec]:
    return [r for r in RULES if r.name != name]


def test_the_weighted_catch_all_reaches_only_routes_this_scorer_serves() -> None:
    """Every internal endpoint the catch-all receives is served here, at any share."""
    catch_all = next(r for r in RULES if r.name == "internal-catch-all")
    assert catch_all.group == "internal"
    internal = sorted(
        (r for r in RULES if r.listener is Listener.INTERNAL), key=lambda r: r.priority
    )

    def first_rule(endpoint: Endpoint) -> RuleSpec:
        return next(r for r in internal if rule_matches(r, endpoint, None))

    reached = {e for e in LIVE_ENDPOINTS[Listener.INTERNAL] if first_rule(e) is catch_all}
    assert {f"{e.method} {e.path}" for e in reached} >= {
        "POST /internal/check-bans",
        "GET /internal/embed/config",
        "GET /internal/cgrants/contributor_statistics",
    }
    assert all(serves(SCORER, endpoint) for endpoint in reached)
    for percent in (5, 100):
        assert errors(build_plan(settings(percent))) == []


def test_batch_model_scoring_has_a_live_only_rule_before_the_catch_all() -> None:
    """The live system's defect: its weighted /internal/* sent routes the scorer lacks."""
    batch = next(r for r in RULES if r.name == "internal-batch-model-scoring")
    catch_all = next(r for r in RULES if r.name == "internal-catch-all")
    assert (batch.listener, batch.group) == (Listener.INTERNAL, None)
    assert batch.priority < catch_all.priority
    assert batch.priority not in RETIRED_PRIORITIES[Listener.INTERNAL]
    # Without it, validation names both batch routes the catch-all would send here.
    assert errors(build_plan(settings(100), without("internal-batch-model-scoring"))) == [
        "error: internal-catch-all: sends POST /internal/batch-model-scoring to this scorer, "
        "which does not serve it",
        "error: internal-catch-all: sends GET /internal/batch-model-scoring/{job_id} to this "
        "scorer, which does not serve it",
    ]


def test_the_embed_service_routes_are_one_group() -> None:
    embed = {r.name: r.group for r in RULES if r.name.startswith("embed-")}
    assert embed == dict.fromkeys(
        ("embed-add-stamps", "embed-validate-key", "embed-get-score", "embed-weights"), "embed"
    )
    for percent in (0, 100):
        plan = build_plan(settings(percent))
        assert errors(plan) == []
        shares = {r.spec.name: r.targets[-1] for r in plan.rules if r.spec.name in embed}
        assert {t.key for t in shares.values()} == {"scorer-internal"}
        assert {t.weight for t in shares.values()} == {percent}


def test_coverage_holds_at_zero_percent() -> None:
    plan = build_plan(settings(0), without("internal-batch-model-scoring"))
    assert errors(plan) == []


def test_missing_alarm_and_alarm_on_the_wrong_load_balancer() -> None:
    plan = build_plan(settings())
    alarms = tuple(a for a in plan.alarms if a.name != "test-scorer-public-5xx-rate")
    alarms += (AlarmSpec("wrong-lb", "scorer-public", Listener.INTERNAL, "5xx-rate"),)
    assert errors(dataclasses.replace(plan, alarms=alarms)) == [
        "error: alarm wrong-lb watches the internal load balancer, but scorer-public is not "
        "attached to it",
        "error: target group scorer-public gets traffic on the public load balancer but has "
        "no 5xx-rate alarm there",
    ]


def test_target_group_name_too_long() -> None:
    plan = build_plan(settings(stack="production-europe-west"))
    assert any("longer than 32 characters" in e for e in errors(plan))


def test_glob_cover() -> None:
    assert glob_covers("/v2/stamps/*/score/*", "/v2/stamps/*/score/*/history")
    assert not glob_covers("/v2/stamps/*/score/*/history", "/v2/stamps/*/score/*")
    assert not glob_covers("/ceramic-cache/score/0x*", "/ceramic-cache/score/*")
    assert glob_covers("/internal/*", "/internal/embed/score/*/*")


def test_endpoint_samples_match_their_globs() -> None:
    endpoint = Endpoint("GET", "/ceramic-cache/score/{address}")
    assert endpoint.sample_path().startswith("/ceramic-cache/score/0x")


def test_problem_text() -> None:
    assert str(Problem("r", "m")) == "error: r: m"

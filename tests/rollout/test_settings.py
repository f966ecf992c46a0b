from __future__ import annotations

from pathlib import Path

import pytest

from passport_scorer.rollout.plan import build_plan
from passport_scorer.rollout.settings import (
    RolloutConfigError,
    load_settings,
    parse_settings,
    placeholder_warnings,
    stack_config,
)

INFRA = Path(__file__).parents[2] / "infra"


def test_shipped_shares_staging_review_full_production_none() -> None:
    assert load_settings(INFRA, "staging").percent == 100
    assert load_settings(INFRA, "review").percent == 100
    assert load_settings(INFRA, "production").percent == 0


def test_group_overrides_and_stickiness() -> None:
    settings = parse_settings(
        "canary",
        {
            "passport-scorer:rollout": {
                "percent": 5,
                "groups": {"internal-score": 0},
                "stickinessSeconds": 60,
            }
        },
    )
    plan = build_plan(settings)
    assert plan.percents == {
        "ceramic-cache": 5,
        "embed": 5,
        "internal": 5,
        "internal-score": 0,
        "sign-in": 5,
        "v2-score": 5,
    }
    [v2] = [r for r in plan.rules if r.spec.name == "v2-stamps-score"]
    assert [(t.key, t.weight) for t in v2.targets] == [("v2-stamp-score", 95), ("scorer-public", 5)]
    assert v2.stickiness_seconds == 60


def test_a_group_above_percent_is_refused_but_zero_rolls_everything_back() -> None:
    def shares(percent: int) -> dict[str, int]:
        rollout = {"percent": percent, "groups": {"v2-score": 25, "internal-score": 5}}
        percents = build_plan(parse_settings("s", {"passport-scorer:rollout": rollout})).percents
        return {group: percents[group] for group in ("internal-score", "v2-score")}

    assert shares(50) == {"internal-score": 5, "v2-score": 25}
    assert shares(25) == {"internal-score": 5, "v2-score": 25}
    assert shares(0) == {"internal-score": 0, "v2-score": 0}  # one-step rollback
    with pytest.raises(RolloutConfigError) as caught:
        shares(10)
    assert str(caught.value) == (
        "stack s: rollout.groups.v2-score is 25, above rollout.percent 10: "
        "lower the group or raise percent"
    )


def test_every_problem_is_reported_at_once() -> None:
    config = {
        "passport-scorer:rollout": {"percent": 5, "groups": {"everything": 1, "v2-score": 101}},
        "passport-scorer:liveTargetGroups": {"a": "not-an-arn", "b": "nor-this"},
        "passport-scorer:environment": {"FF_MULTI_NULIFIER": "on", "DB_POOL_SIZE": "0"},
    }
    with pytest.raises(RolloutConfigError) as caught:
        parse_settings("s", config)
    assert caught.value.problems == [
        "stack s: unknown rollout group 'everything' "
        "(ceramic-cache, v2-score, sign-in, embed, internal-score, internal)",
        "stack s: rollout.groups.v2-score must be a whole number from 0 to 100, not 101",
        "stack s: liveTargetGroups.a is not a target group ARN: 'not-an-arn'",
        "stack s: liveTargetGroups.b is not a target group ARN: 'nor-this'",
        "stack s: environment.FF_MULTI_NULIFIER is not a service setting",
        "stack s: environment: invalid setting DB_POOL_SIZE: "
        "Input should be greater than or equal to 1",
    ]


def test_example_arns_of_the_shipped_stacks_are_warned_about() -> None:
    config = stack_config(INFRA, "staging")
    warnings = placeholder_warnings("staging", config)
    assert any("passport-scorer:liveTargetGroups holds example ARNs" in w for w in warnings)
    assert all(w.startswith("warning: stack staging: ") for w in warnings)
    assert (
        "warning: stack staging: environment.SIWE_JWT_PUBLIC_KEY is the example key: set the "
        "public half of the live sign-in key (else every app token is refused)"
    ) in warnings
    real = {"passport-scorer:publicListenerArn": config["passport-scorer:publicListenerArn"]}
    real = {k: v.replace(":111111111111:", ":123456789012:") for k, v in real.items()}
    assert placeholder_warnings("staging", real) == []


def test_an_unknown_stack_lists_the_stacks_there() -> None:
    with pytest.raises(
        RolloutConfigError, match=r"\(stacks in .*infra: production, review, staging\)"
    ):
        load_settings(INFRA, "prod")


def test_service_environment_is_checked_as_the_service_reads_it() -> None:
    settings = parse_settings(
        "s",
        {
            "passport-scorer:rollout": {"percent": 0},
            "passport-scorer:environment": {"FF_API_ANALYTICS": "on", "DB_POOL_SIZE": 4},
        },
    )
    assert settings.environment == {"FF_API_ANALYTICS": "on", "DB_POOL_SIZE": "4"}


# The app groups held at 0: they would need the app's settings (a problem of their own).
ROLLOUT = {"passport-scorer:rollout": {"percent": 5, "groups": {"ceramic-cache": 0, "embed": 0}}}


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({}, "stack s: passport-scorer:rollout is missing (set rollout.percent explicitly)"),
        ({"passport-scorer:rollout": {}}, "stack s: passport-scorer:rollout.percent is missing"),
        (
            {"passport-scorer:rollout": {"percent": 101}},
            "stack s: rollout.percent must be a whole number from 0 to 100, not 101",
        ),
        (
            {"passport-scorer:rollout": {"percent": "5"}},
            "stack s: rollout.percent must be a whole number from 0 to 100, not '5'",
        ),
        (
            {"passport-scorer:rollout": {"percent": 0, "groups": {"everything": 1}}},
            "stack s: unknown rollout group 'everything' "
            "(ceramic-cache, v2-score, sign-in, embed, internal-score, internal)",
        ),
        (
            {**ROLLOUT, "passport-scorer:liveTargetGroups": {"internal-api": "not-an-arn"}},
            "stack s: liveTargetGroups.internal-api is not a target group ARN: 'not-an-arn'",
        ),
        (
            {**ROLLOUT, "passport-scorer:environment": {"FF_MULTI_NULIFIER": "on"}},
            "stack s: environment.FF_MULTI_NULIFIER is not a service setting",
        ),
        (
            {**ROLLOUT, "passport-scorer:environment": {"DATABASE_URL": "postgres://x/y"}},
            "stack s: environment.DATABASE_URL comes from the stack's own configuration",
        ),
        (
            {**ROLLOUT, "passport-scorer:environment": {"SECRET_KEY": "plain"}},
            "stack s: environment.SECRET_KEY comes from the stack's own configuration",
        ),
        (
            {**ROLLOUT, "passport-scorer:environment": {"SIWE_JWT_PUBLIC_KEY": "nope"}},
            "stack s: environment: invalid setting SIWE_JWT_PUBLIC_KEY: "
            "must be an RSA public key in PEM (or base64 of PEM)",
        ),
        (
            {**ROLLOUT, "passport-scorer:environment": {"DB_POOL_SIZE": "0"}},
            "stack s: environment: invalid setting DB_POOL_SIZE: "
            "Input should be greater than or equal to 1",
        ),
    ],
)
def test_invalid_settings_fail_with_one_line(config: dict[str, object], message: str) -> None:
    with pytest.raises(RolloutConfigError) as caught:
        parse_settings("s", config)
    assert str(caught.value) == message


def test_missing_stack_file(tmp_path: Path) -> None:
    with pytest.raises(RolloutConfigError, match=r"Pulumi\.nowhere\.yaml does not exist"):
        load_settings(tmp_path, "nowhere")


def test_a_stack_file_without_a_config_mapping(tmp_path: Path) -> None:
    (tmp_path / "Pulumi.listed.yaml").write_text("- percent: 5\n")
    with pytest.raises(RolloutConfigError, match=r"Pulumi\.listed\.yaml has no config mapping"):
        load_settings(tmp_path, "listed")


def test_the_stack_secrets_count_as_the_settings_they_set() -> None:
    config = {
        "passport-scorer:rollout": {"percent": 5},
        "passport-scorer:siweJwtPrivateKey": {"secure": "v1:abc"},
        "passport-scorer:environment": {"SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE": '["app.x"]'},
    }
    settings = parse_settings("s", config)
    assert settings.secret_settings == {"SIWE_JWT_PRIVATE_KEY"}
    assert settings.function_settings == {
        "SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE": '["app.x"]',
        "SIWE_JWT_PRIVATE_KEY": "(secret)",
    }
    with pytest.raises(RolloutConfigError, match="SIWE_JWT_PRIVATE_KEY comes from the stack"):
        parse_settings(
            "s",
            {**config, "passport-scorer:environment": {"SIWE_JWT_PRIVATE_KEY": "pem"}},
        )

"""The whole program: config → plan → validation (stop on any error) → resources → outputs."""

from __future__ import annotations

from typing import Any

import pulumi

from passport_scorer.app import routes
from passport_scorer.rollout.inventory import scorer_endpoints
from passport_scorer.rollout.model import Listener, Plan, scorer_target
from passport_scorer.rollout.plan import build_plan
from passport_scorer.rollout.validate import validate
from scorer_infra.alarms import target_group_alarm
from scorer_infra.config import InfraConfig, read_config
from scorer_infra.lambdas import scorer_function
from scorer_infra.rules import listener_rule
from scorer_infra.target_groups import lambda_target_group


class RoutingInvalid(Exception):
    pass


def _arn_suffix(arn: str) -> str:
    """`targetgroup/<name>/<id>`, the CloudWatch dimension value, from a target group ARN."""
    return arn.split(":", 5)[-1]


def checked_plan(config: InfraConfig) -> Plan:
    plan = build_plan(config.rollout)
    problems = validate(
        plan,
        scorer=scorer_endpoints(routes()),
        live_target_groups=config.rollout.live_target_groups,
        environment=config.rollout.function_settings,
    )
    if problems:
        raise RoutingInvalid("; ".join(str(problem) for problem in problems))
    return plan


def deploy(stack: str | None = None) -> dict[str, Any]:
    stack = stack or pulumi.get_stack()
    config = read_config(stack)
    plan = checked_plan(config)

    function = scorer_function("passport-scorer", config)
    scorer_groups = {
        scorer_target(listener): lambda_target_group(
            scorer_target(listener),
            plan.scorer_target_group_names[scorer_target(listener)],
            function,
        )
        for listener in Listener
    }
    arns: dict[str, pulumi.Input[str]] = dict(config.rollout.live_target_groups)
    suffixes: dict[str, pulumi.Input[str]] = {
        key: _arn_suffix(arn) for key, arn in config.rollout.live_target_groups.items()
    }
    for key, built in scorer_groups.items():
        arns[key] = built.group.arn
        suffixes[key] = built.group.arn_suffix

    for rule in plan.rules:
        if rule.spec.managed:
            listener_rule(rule, config.listener_arns[rule.spec.listener], arns)
    for alarm in plan.alarms:
        target_group_alarm(
            alarm,
            suffixes[alarm.target_group],
            config.load_balancer_arn_suffixes[alarm.listener],
            config.alarm_topic_arn,
        )

    weights = {
        rule.spec.name: {target.key: target.weight for target in rule.targets}
        for rule in plan.rules
        if rule.spec.managed and len(rule.targets) > 1
    }
    outputs: dict[str, Any] = {
        "effectiveWeights": weights,
        "shares": plan.percents,
        "stickinessSeconds": config.rollout.stickiness_seconds,
        "functionName": function.name,
        "scorerTargetGroups": {key: built.group.arn for key, built in scorer_groups.items()},
    }
    for name, value in outputs.items():
        pulumi.export(name, value)
    return outputs

"""One listener rule from one planned rule: a plain rule is a weighted rule with one target."""

from __future__ import annotations

from collections.abc import Mapping

import pulumi
import pulumi_aws as aws

from passport_scorer.rollout.model import PlannedRule


def _conditions(rule: PlannedRule) -> list[aws.lb.ListenerRuleConditionArgs]:
    spec = rule.spec
    conditions = [
        aws.lb.ListenerRuleConditionArgs(
            path_pattern=aws.lb.ListenerRuleConditionPathPatternArgs(values=list(spec.paths))
        )
    ]
    if spec.methods:
        conditions.append(
            aws.lb.ListenerRuleConditionArgs(
                http_request_method=aws.lb.ListenerRuleConditionHttpRequestMethodArgs(
                    values=list(spec.methods)
                )
            )
        )
    if spec.hosts:
        conditions.append(
            aws.lb.ListenerRuleConditionArgs(
                host_header=aws.lb.ListenerRuleConditionHostHeaderArgs(values=list(spec.hosts))
            )
        )
    return conditions


def _action(
    rule: PlannedRule, target_group_arns: Mapping[str, pulumi.Input[str]]
) -> aws.lb.ListenerRuleActionArgs:
    fixed = rule.spec.fixed_response
    if fixed is not None:
        return aws.lb.ListenerRuleActionArgs(
            type="fixed-response",
            fixed_response=aws.lb.ListenerRuleActionFixedResponseArgs(
                content_type=fixed.content_type,
                message_body=fixed.body,
                status_code=str(fixed.status),
            ),
        )
    stickiness = None
    if rule.stickiness_seconds is not None:
        stickiness = aws.lb.ListenerRuleActionForwardStickinessArgs(
            enabled=True, duration=rule.stickiness_seconds
        )
    return aws.lb.ListenerRuleActionArgs(
        type="forward",
        forward=aws.lb.ListenerRuleActionForwardArgs(
            target_groups=[
                aws.lb.ListenerRuleActionForwardTargetGroupArgs(
                    arn=target_group_arns[target.key], weight=target.weight
                )
                for target in rule.targets
            ],
            stickiness=stickiness,
        ),
    )


def listener_rule(
    rule: PlannedRule,
    listener_arn: pulumi.Input[str],
    target_group_arns: Mapping[str, pulumi.Input[str]],
) -> aws.lb.ListenerRule:
    return aws.lb.ListenerRule(
        rule.spec.name,  # stable logical name: renaming needs an alias, never a new priority
        listener_arn=listener_arn,
        priority=rule.spec.priority,
        actions=[_action(rule, target_group_arns)],
        conditions=_conditions(rule),
    )

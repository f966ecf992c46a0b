"""A Lambda target group for one load balancer, with its invoke permission and attachment.

A target group serves one load balancer only, so the scorer gets one per listener.
"""

from __future__ import annotations

from dataclasses import dataclass

import pulumi
import pulumi_aws as aws


@dataclass(frozen=True)
class LambdaTargetGroup:
    group: aws.lb.TargetGroup
    permission: aws.lambda_.Permission
    attachment: aws.lb.TargetGroupAttachment


def lambda_target_group(key: str, name: str, function: aws.lambda_.Function) -> LambdaTargetGroup:
    group = aws.lb.TargetGroup(
        key,
        name=name,  # explicit: auto-naming adds 8 characters to a 32-character limit
        target_type="lambda",
        lambda_multi_value_headers_enabled=True,
    )
    permission = aws.lambda_.Permission(
        f"{key}-invoke",
        action="lambda:InvokeFunction",
        function=function.name,
        principal="elasticloadbalancing.amazonaws.com",
        source_arn=group.arn,
    )
    attachment = aws.lb.TargetGroupAttachment(
        f"{key}-attachment",
        target_group_arn=group.arn,
        target_id=function.arn,
        opts=pulumi.ResourceOptions(depends_on=[permission]),
    )
    return LambdaTargetGroup(group, permission, attachment)

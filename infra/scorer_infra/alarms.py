"""CloudWatch alarms per target group, on the load balancer that target group is attached to."""

from __future__ import annotations

import pulumi
import pulumi_aws as aws

from passport_scorer.rollout.model import AlarmSpec

NAMESPACE = "AWS/ApplicationELB"
PERIOD = 300
RATE_THRESHOLDS = {"5xx-rate": 5.0, "4xx-rate": 50.0}  # percent of requests
RESPONSE_TIME_THRESHOLD = 1.0  # seconds, average


def _metric(
    query_id: str, name: str, stat: str, dimensions: dict[str, pulumi.Input[str]]
) -> aws.cloudwatch.MetricAlarmMetricQueryArgs:
    return aws.cloudwatch.MetricAlarmMetricQueryArgs(
        id=query_id,
        metric=aws.cloudwatch.MetricAlarmMetricQueryMetricArgs(
            metric_name=name, namespace=NAMESPACE, period=PERIOD, stat=stat, dimensions=dimensions
        ),
        return_data=False,
    )


def target_group_alarm(
    spec: AlarmSpec,
    target_group_arn_suffix: pulumi.Input[str],
    load_balancer_arn_suffix: str,
    topic_arn: str | None,
) -> aws.cloudwatch.MetricAlarm:
    dimensions: dict[str, pulumi.Input[str]] = {
        "TargetGroup": target_group_arn_suffix,
        "LoadBalancer": load_balancer_arn_suffix,
    }
    actions = [topic_arn] if topic_arn else []
    latency = spec.metric == "response-time"
    errors = (
        "HTTPCode_Target_5XX_Count" if spec.metric == "5xx-rate" else "HTTPCode_Target_4XX_Count"
    )
    rate_queries = [
        _metric("errors", errors, "Sum", dimensions),
        _metric("requests", "RequestCount", "Sum", dimensions),
        aws.cloudwatch.MetricAlarmMetricQueryArgs(
            id="rate", expression="100 * errors / requests", label=f"{spec.metric} (%)",
            return_data=True,
        ),
    ]  # fmt: skip
    return aws.cloudwatch.MetricAlarm(
        spec.name,
        name=spec.name,
        comparison_operator="GreaterThanThreshold",
        evaluation_periods=2,
        datapoints_to_alarm=2,
        treat_missing_data="notBreaching",
        alarm_actions=actions,
        ok_actions=actions,
        threshold=RESPONSE_TIME_THRESHOLD if latency else RATE_THRESHOLDS[spec.metric],
        # Response time is one metric; the rates are metric math over two.
        metric_name="TargetResponseTime" if latency else None,
        namespace=NAMESPACE if latency else None,
        statistic="Average" if latency else None,
        period=PERIOD if latency else None,
        dimensions=dimensions if latency else None,
        metric_queries=None if latency else rate_queries,
    )

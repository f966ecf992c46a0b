"""The effective routing of one stack: every rule's targets and weights, and its alarms."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from passport_scorer.rollout.model import (
    AlarmSpec,
    Listener,
    Plan,
    PlannedRule,
    RuleSpec,
    Target,
    scorer_target,
)
from passport_scorer.rollout.settings import RolloutSettings
from passport_scorer.rollout.table import RULES

ALARM_METRICS = ("5xx-rate", "4xx-rate", "response-time")


def scorer_target_group_name(stack: str, listener: Listener) -> str:
    return f"pscorer-{stack}-{listener.value}"


def planned_rule(spec: RuleSpec, settings: RolloutSettings) -> PlannedRule:
    if spec.fixed_response is not None or spec.live_target is None:
        return PlannedRule(spec, (), None)
    if spec.group is None:
        return PlannedRule(spec, (Target(spec.live_target, 100),), None)
    share = settings.percent_for(spec.group)
    targets = (Target(spec.live_target, 100 - share), Target(scorer_target(spec.listener), share))
    return PlannedRule(spec, targets, settings.stickiness_seconds)


def build_plan(settings: RolloutSettings, rules: Sequence[RuleSpec] = RULES) -> Plan:
    planned = tuple(planned_rule(spec, settings) for spec in rules)
    listeners: dict[str, set[Listener]] = defaultdict(set)
    receiving: dict[str, set[Listener]] = defaultdict(set)
    for rule in planned:
        for target in rule.targets:
            listeners[target.key].add(rule.spec.listener)
            if target.weight > 0 and rule.spec.managed:
                receiving[target.key].add(rule.spec.listener)
    alarms = tuple(
        AlarmSpec(f"{settings.stack}-{key}-{metric}", key, listener, metric)
        for key in sorted(receiving)
        for listener in sorted(receiving[key], key=lambda item: item.value)
        for metric in ALARM_METRICS
    )
    groups = sorted({spec.group for spec in rules if spec.group is not None})
    return Plan(
        stack=settings.stack,
        rules=planned,
        target_groups={key: frozenset(value) for key, value in listeners.items()},
        scorer_target_group_names={
            scorer_target(listener): scorer_target_group_name(settings.stack, listener)
            for listener in Listener
        },
        alarms=alarms,
        percents={group: settings.percent_for(group) for group in groups},
    )

"""The shapes of routing data."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Listener(StrEnum):
    """A load balancer's listener; each listener belongs to one load balancer."""

    PUBLIC = "public"  # HTTPS listener of the public ALB
    INTERNAL = "internal"  # HTTP listener of the private (internal) ALB


@dataclass(frozen=True)
class FixedResponse:
    status: int
    body: str
    content_type: str = "application/json"


@dataclass(frozen=True)
class RuleSpec:
    """One listener rule, as data. Conditions are ANDed; ALB globs (`*` matches `/` too)."""

    name: str
    listener: Listener
    priority: int
    paths: tuple[str, ...]
    methods: tuple[str, ...] = ()  # empty: any method
    hosts: tuple[str, ...] = ()  # empty: any host
    live_target: str | None = None  # key of the live service's target group
    # The rollout group of a rule this scorer serves too (the rule is weighted by the group's
    # share); None: only the live service serves it.
    group: str | None = None
    fixed_response: FixedResponse | None = None
    managed: bool = True  # False: another stack owns the rule (kept for the checks)


@dataclass(frozen=True)
class Target:
    """A target group in a plan: the scorer's (`scorer-<listener>`) or a live one by key."""

    key: str
    weight: int


@dataclass(frozen=True)
class PlannedRule:
    spec: RuleSpec
    targets: tuple[Target, ...]
    stickiness_seconds: int | None  # None: no stickiness (single target)


@dataclass(frozen=True)
class AlarmSpec:
    name: str
    target_group: str
    listener: Listener  # the load balancer whose metrics it watches
    metric: str  # "5xx-rate", "4xx-rate" or "response-time"


@dataclass(frozen=True)
class Plan:
    stack: str
    rules: tuple[PlannedRule, ...]
    # Target group key → the listeners (load balancers) its rules use; exactly one is valid.
    target_groups: dict[str, frozenset[Listener]] = field(default_factory=dict)
    # This scorer's target groups: key → physical name (AWS allows 32 characters).
    scorer_target_group_names: dict[str, str] = field(default_factory=dict)
    alarms: tuple[AlarmSpec, ...] = ()
    percents: dict[str, int] = field(default_factory=dict)  # rollout group → % to the scorer


def scorer_target(listener: Listener) -> str:
    """This scorer has one target group per load balancer (a TG serves one LB only)."""
    return f"scorer-{listener.value}"

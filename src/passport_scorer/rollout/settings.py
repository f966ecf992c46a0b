"""Per-stack rollout settings, read from the Pulumi stack file (`infra/Pulumi.<stack>.yaml`).

    passport-scorer:rollout:
      percent: 25                  # share of weighted traffic sent to this scorer (required)
      groups: {internal-score: 5}  # optional: hold a route group below `percent`
      stickinessSeconds: 300       # optional; default 300
    passport-scorer:liveTargetGroups:
      v2-stamp-score: arn:aws:elasticloadbalancing:...   # one ARN per live target group key
    passport-scorer:environment:   # service settings for the function (see the README)
      FF_MULTI_NULLIFIER: "off"

A group's share never exceeds `percent`, so `percent: 0` sends everything back to the live
service in one step. Nothing is defaulted silently: a missing or invalid setting stops with
one line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from passport_scorer.config import ConfigurationError, Settings
from passport_scorer.config import load_settings as load_service_settings
from passport_scorer.rollout.table import GROUP_SETTINGS, GROUPS

NAMESPACE = "passport-scorer"
DEFAULT_STICKINESS_SECONDS = 300
MAX_STICKINESS_SECONDS = 604_800  # AWS: 1 second to 7 days
TARGET_GROUP_ARN = re.compile(
    r"arn:aws[\w-]*:elasticloadbalancing:[\w-]+:\d{12}:targetgroup/[\w-]{1,32}/[0-9a-f]+"
)
# Service settings the stack sets from its own (secret or structured) configuration.
STACK_OWNED_SETTINGS = frozenset(
    {"DATABASE_URL", "CGRANTS_API_TOKEN", "TRUSTED_IAM_ISSUERS", "SECRET_KEY"}
)


class RolloutConfigError(Exception):
    """The stack's rollout settings are missing or invalid (one line for the operator)."""


@dataclass(frozen=True)
class RolloutSettings:
    stack: str
    percent: int
    groups: dict[str, int] = field(default_factory=dict)
    stickiness_seconds: int = DEFAULT_STICKINESS_SECONDS
    live_target_groups: dict[str, str] = field(default_factory=dict)  # key → ARN
    environment: dict[str, str] = field(default_factory=dict)  # service settings

    def percent_for(self, group: str) -> int:
        """The group's share: its own if set, never more than `percent`."""
        return min(self.groups.get(group, self.percent), self.percent)


def _percent(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise RolloutConfigError(f"{where} must be a whole number from 0 to 100, not {value!r}")
    return value


def parse_settings(stack: str, config: Mapping[str, Any]) -> RolloutSettings:
    """Settings from a stack's `config:` mapping (keys `passport-scorer:<name>`)."""
    rollout = config.get(f"{NAMESPACE}:rollout")
    if not isinstance(rollout, Mapping):
        raise RolloutConfigError(
            f"stack {stack}: {NAMESPACE}:rollout is missing (set rollout.percent explicitly)"
        )
    if "percent" not in rollout:
        raise RolloutConfigError(f"stack {stack}: {NAMESPACE}:rollout.percent is missing")
    percent = _percent(rollout["percent"], f"stack {stack}: rollout.percent")
    groups_raw = rollout.get("groups") or {}
    if not isinstance(groups_raw, Mapping):
        raise RolloutConfigError(f"stack {stack}: rollout.groups must be a mapping")
    groups = {}
    for group, value in groups_raw.items():
        if group not in GROUPS:
            known = ", ".join(GROUPS)
            raise RolloutConfigError(f"stack {stack}: unknown rollout group {group!r} ({known})")
        groups[str(group)] = _percent(value, f"stack {stack}: rollout.groups.{group}")
    stickiness = rollout.get("stickinessSeconds", DEFAULT_STICKINESS_SECONDS)
    if isinstance(stickiness, bool) or not isinstance(stickiness, int):
        raise RolloutConfigError(f"stack {stack}: rollout.stickinessSeconds must be an integer")
    settings = RolloutSettings(
        stack,
        percent,
        groups,
        stickiness,
        _live_target_groups(stack, config.get(f"{NAMESPACE}:liveTargetGroups") or {}),
        _environment(stack, config.get(f"{NAMESPACE}:environment") or {}),
    )
    _check_group_settings(settings)
    return settings


def _check_group_settings(settings: RolloutSettings) -> None:
    """A group that gets traffic has the service settings its routes need (else: 503s)."""
    for group, needed in GROUP_SETTINGS.items():
        missing = [name for name in needed if name not in settings.environment]
        if missing and settings.percent_for(group) > 0:
            raise RolloutConfigError(
                f"stack {settings.stack}: rollout sends {group} traffic here "
                f"({settings.percent_for(group)} %), but environment lacks "
                f"{', '.join(missing)} (its routes would answer 503)"
            )


def _live_target_groups(stack: str, live: Any) -> dict[str, str]:
    if not isinstance(live, Mapping):
        raise RolloutConfigError(
            f"stack {stack}: {NAMESPACE}:liveTargetGroups must map keys to ARNs"
        )
    for key, arn in live.items():
        if not isinstance(arn, str) or not TARGET_GROUP_ARN.fullmatch(arn):
            raise RolloutConfigError(
                f"stack {stack}: liveTargetGroups.{key} is not a target group ARN: {arn!r}"
            )
    return {str(key): arn for key, arn in live.items()}


def _environment(stack: str, environment: Any) -> dict[str, str]:
    """The function's service settings: known names, valid values (checked as the service
    would read them), and none of the ones the stack sets itself."""
    if not isinstance(environment, Mapping):
        raise RolloutConfigError(f"stack {stack}: {NAMESPACE}:environment must be a mapping")
    values: dict[str, str] = {}
    for name, value in environment.items():
        if name not in Settings.model_fields:
            raise RolloutConfigError(f"stack {stack}: environment.{name} is not a service setting")
        if name in STACK_OWNED_SETTINGS:
            raise RolloutConfigError(
                f"stack {stack}: environment.{name} comes from the stack's own configuration"
            )
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise RolloutConfigError(f"stack {stack}: environment.{name} must be a string")
        values[str(name)] = str(value)
    try:
        load_service_settings(values)
    except ConfigurationError as error:
        raise RolloutConfigError(f"stack {stack}: environment: {error}") from None
    return values


def stack_config(config_dir: Path, stack: str) -> dict[str, Any]:
    path = config_dir / f"Pulumi.{stack}.yaml"
    if not path.is_file():
        raise RolloutConfigError(f"stack {stack}: {path} does not exist")
    try:
        document = yaml.safe_load(path.read_text()) or {}
    except yaml.YAMLError as error:
        raise RolloutConfigError(f"stack {stack}: {path} is not valid YAML ({error})") from None
    config = document.get("config") if isinstance(document, dict) else None
    if not isinstance(config, dict):
        raise RolloutConfigError(f"stack {stack}: {path} has no config mapping")
    return config


def load_settings(config_dir: Path, stack: str) -> RolloutSettings:
    return parse_settings(stack, stack_config(config_dir, stack))

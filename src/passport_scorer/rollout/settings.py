"""Per-stack rollout settings, read from the Pulumi stack file (`infra/Pulumi.<stack>.yaml`).

    passport-scorer:rollout:
      percent: 5              # share of weighted traffic sent to this scorer (required)
      groups: {v2-score: 25}  # optional per-group overrides
      stickinessSeconds: 300  # optional; default 300
    passport-scorer:liveTargetGroups:
      v2-stamp-score: arn:aws:elasticloadbalancing:...   # one ARN per live target group key

Nothing is defaulted silently: a missing or invalid percentage stops with one line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from passport_scorer.rollout.table import GROUPS

NAMESPACE = "passport-scorer"
DEFAULT_STICKINESS_SECONDS = 300
MAX_STICKINESS_SECONDS = 604_800  # AWS: 1 second to 7 days


class RolloutConfigError(Exception):
    """The stack's rollout settings are missing or invalid (one line for the operator)."""


@dataclass(frozen=True)
class RolloutSettings:
    stack: str
    percent: int
    groups: dict[str, int] = field(default_factory=dict)
    stickiness_seconds: int = DEFAULT_STICKINESS_SECONDS
    live_target_groups: dict[str, str] = field(default_factory=dict)  # key → ARN

    def percent_for(self, group: str | None) -> int:
        return self.groups.get(group or "", self.percent)


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
    live = config.get(f"{NAMESPACE}:liveTargetGroups") or {}
    if not isinstance(live, Mapping) or not all(isinstance(v, str) for v in live.values()):
        raise RolloutConfigError(
            f"stack {stack}: {NAMESPACE}:liveTargetGroups must map keys to ARNs"
        )
    return RolloutSettings(stack, percent, groups, stickiness, {str(k): v for k, v in live.items()})


def stack_config(config_dir: Path, stack: str) -> dict[str, Any]:
    path = config_dir / f"Pulumi.{stack}.yaml"
    if not path.is_file():
        raise RolloutConfigError(f"stack {stack}: {path} does not exist")
    try:
        document = yaml.safe_load(path.read_text()) or {}
    except yaml.YAMLError as error:
        raise RolloutConfigError(f"stack {stack}: {path} is not valid YAML ({error})") from None
    config = document.get("config") or {}
    if not isinstance(config, dict):
        raise RolloutConfigError(f"stack {stack}: {path} has no config mapping")
    return config


def load_settings(config_dir: Path, stack: str) -> RolloutSettings:
    return parse_settings(stack, stack_config(config_dir, stack))

"""Per-stack rollout settings, read from the Pulumi stack file (`infra/Pulumi.<stack>.yaml`).

    passport-scorer:rollout:
      percent: 25                  # share of weighted traffic sent to this scorer (required)
      groups: {internal-score: 5}  # optional: hold a route group below `percent`
      stickinessSeconds: 300       # optional; default 300
    passport-scorer:liveTargetGroups:
      v2-stamp-score: arn:aws:elasticloadbalancing:...   # one ARN per live target group key
    passport-scorer:environment:   # service settings for the function (see the README)
      FF_MULTI_NULLIFIER: "off"

A group's share above `percent` is refused, and `percent: 0` sends everything back to the
live service in one step (whatever the groups say). Nothing is defaulted silently: every
missing or invalid setting is reported, one line each.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import yaml

from passport_scorer.config import ConfigurationError, Settings
from passport_scorer.config import load_settings as load_service_settings
from passport_scorer.rollout.table import GROUPS

NAMESPACE = "passport-scorer"
DEFAULT_STICKINESS_SECONDS = 300
MAX_STICKINESS_SECONDS = 604_800  # AWS: 1 second to 7 days
TARGET_GROUP_ARN = re.compile(
    r"arn:aws[\w-]*:elasticloadbalancing:[\w-]+:\d{12}:targetgroup/[\w-]{1,32}/[0-9a-f]+"
)
# Service settings the stack sets from its own (secret or structured) configuration.
STACK_OWNED_SETTINGS = frozenset(
    {
        "DATABASE_URL",
        "CGRANTS_API_TOKEN",
        "TRUSTED_IAM_ISSUERS",
        "SECRET_KEY",
        "SIWE_JWT_PRIVATE_KEY",
        "ETHEREUM_RPC_URL",
    }
)
# The optional stack secrets (`pulumi config set --secret <name> ...`) → the setting each sets.
OPTIONAL_SECRETS = {
    "secretKey": "SECRET_KEY",
    "siweJwtPrivateKey": "SIWE_JWT_PRIVATE_KEY",
    "ethereumRpcUrl": "ETHEREUM_RPC_URL",
}
T = TypeVar("T")


class RolloutConfigError(Exception):
    """The stack's rollout settings are missing or invalid: every problem, one line each."""

    def __init__(self, problems: str | list[str]) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class RolloutSettings:
    stack: str
    percent: int
    groups: dict[str, int] = field(default_factory=dict)
    stickiness_seconds: int = DEFAULT_STICKINESS_SECONDS
    live_target_groups: dict[str, str] = field(default_factory=dict)  # key → ARN
    environment: dict[str, str] = field(default_factory=dict)  # service settings
    # The settings that the stack's optional secrets set (names only; values stay secret).
    secret_settings: frozenset[str] = frozenset()

    @property
    def function_settings(self) -> dict[str, str]:
        """The names of every setting the function gets from this stack (the secrets'
        values are not known here and are given as `(secret)`)."""
        return {**self.environment, **{name: "(secret)" for name in self.secret_settings}}

    def percent_for(self, group: str) -> int:
        """The group's share: its own if set (never above `percent`, which validation
        enforces; with `percent` 0 every group is rolled back)."""
        return min(self.groups.get(group, self.percent), self.percent)


def _percent(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise RolloutConfigError(f"{where} must be a whole number from 0 to 100, not {value!r}")
    return value


def parse_settings(stack: str, config: Mapping[str, Any]) -> RolloutSettings:
    """Settings from a stack's `config:` mapping (keys `passport-scorer:<name>`); every
    problem is reported at once."""
    problems: list[str] = []
    rollout = config.get(f"{NAMESPACE}:rollout")
    percent: int | None = None
    if not isinstance(rollout, Mapping):
        problems.append(
            f"stack {stack}: {NAMESPACE}:rollout is missing (set rollout.percent explicitly)"
        )
        rollout = {}
    elif "percent" not in rollout:
        problems.append(f"stack {stack}: {NAMESPACE}:rollout.percent is missing")
    else:
        percent = _collect(
            problems, lambda: _percent(rollout["percent"], f"stack {stack}: rollout.percent")
        )
    groups = _groups(stack, rollout.get("groups") or {}, percent, problems)
    stickiness = rollout.get("stickinessSeconds", DEFAULT_STICKINESS_SECONDS)
    if isinstance(stickiness, bool) or not isinstance(stickiness, int):
        problems.append(f"stack {stack}: rollout.stickinessSeconds must be an integer")
        stickiness = DEFAULT_STICKINESS_SECONDS
    live = _live_target_groups(stack, config.get(f"{NAMESPACE}:liveTargetGroups") or {}, problems)
    environment = _collect(
        problems, lambda: _environment(stack, config.get(f"{NAMESPACE}:environment") or {})
    )
    if problems or percent is None:
        raise RolloutConfigError(problems)
    secrets = frozenset(
        setting for key, setting in OPTIONAL_SECRETS.items() if f"{NAMESPACE}:{key}" in config
    )
    return RolloutSettings(stack, percent, groups, stickiness, live, environment or {}, secrets)


def _collect(problems: list[str], parse: Callable[[], T]) -> T | None:
    try:
        return parse()
    except RolloutConfigError as error:
        problems.extend(error.problems)
        return None


def _groups(
    stack: str, groups_raw: Any, percent: int | None, problems: list[str]
) -> dict[str, int]:
    """Per-group shares: known groups, 0–100, and (unless everything is rolled back with
    `percent` 0) not above `percent`: a share above it is refused, never silently lowered."""
    if not isinstance(groups_raw, Mapping):
        problems.append(f"stack {stack}: rollout.groups must be a mapping")
        return {}
    groups = {}
    for group, value in groups_raw.items():
        if group not in GROUPS:
            known = ", ".join(GROUPS)
            problems.append(f"stack {stack}: unknown rollout group {group!r} ({known})")
            continue
        share = _collect(
            problems, partial(_percent, value, f"stack {stack}: rollout.groups.{group}")
        )
        if share is None:
            continue
        if percent and share > percent:
            problems.append(
                f"stack {stack}: rollout.groups.{group} is {share}, above rollout.percent "
                f"{percent}: lower the group or raise percent"
            )
        groups[str(group)] = share
    return groups


def _live_target_groups(stack: str, live: Any, problems: list[str]) -> dict[str, str]:
    if not isinstance(live, Mapping):
        problems.append(f"stack {stack}: {NAMESPACE}:liveTargetGroups must map keys to ARNs")
        return {}
    for key, arn in live.items():
        if not isinstance(arn, str) or not TARGET_GROUP_ARN.fullmatch(arn):
            problems.append(
                f"stack {stack}: liveTargetGroups.{key} is not a target group ARN: {arn!r}"
            )
    return {str(key): arn for key, arn in live.items() if isinstance(arn, str)}


def _environment(stack: str, environment: Any) -> dict[str, str]:
    """The function's service settings: known names, valid values (checked as the service
    would read them), and none of the ones the stack sets itself."""
    if not isinstance(environment, Mapping):
        raise RolloutConfigError(f"stack {stack}: {NAMESPACE}:environment must be a mapping")
    problems: list[str] = []
    values: dict[str, str] = {}
    for name, value in environment.items():
        if name not in Settings.model_fields:
            problems.append(f"stack {stack}: environment.{name} is not a service setting")
        elif name in STACK_OWNED_SETTINGS:
            problems.append(
                f"stack {stack}: environment.{name} comes from the stack's own configuration"
            )
        elif isinstance(value, bool) or not isinstance(value, str | int | float):
            problems.append(f"stack {stack}: environment.{name} must be a string")
        else:
            values[str(name)] = str(value)
    try:
        load_service_settings(values)
    except ConfigurationError as error:
        problems.append(f"stack {stack}: environment: {error}")
    if problems:
        raise RolloutConfigError(problems)
    return values


# Account ids of the example ARNs in the shipped stack files: never a live stack's.
PLACEHOLDER_ACCOUNTS = frozenset({"000000000000", "111111111111", "222222222222", "333333333333"})
_ARN_ACCOUNT = re.compile(r"arn:aws[\w-]*:[\w-]+:[\w-]*:(\d{12}):")


# sha256 of the shipped stack files' example SIWE_JWT_PUBLIC_KEY (nobody holds its private half).
PLACEHOLDER_PUBLIC_KEY_SHA256 = "f7eff861172b0130c832118634079fe624406c5e6936bdedeebe0ca5dd3afc65"


def placeholder_warnings(stack: str, config: Mapping[str, Any]) -> list[str]:
    """Settings that still hold the shipped files' example ARNs (placeholder account ids) or
    their example sign-in public key."""
    warnings = []
    environment = config.get(f"{NAMESPACE}:environment")
    key = environment.get("SIWE_JWT_PUBLIC_KEY") if isinstance(environment, Mapping) else None
    if isinstance(key, str):
        digest = hashlib.sha256(key.strip().encode()).hexdigest()
        if digest == PLACEHOLDER_PUBLIC_KEY_SHA256:
            warnings.append(
                f"warning: stack {stack}: environment.SIWE_JWT_PUBLIC_KEY is the example key: "
                "set the public half of the live sign-in key (else every app token is refused)"
            )
    for key, value in config.items():
        texts = _strings(value)
        accounts = sorted({m for text in texts for m in _ARN_ACCOUNT.findall(text)})
        placeholders = [account for account in accounts if account in PLACEHOLDER_ACCOUNTS]
        if placeholders:
            warnings.append(
                f"warning: stack {stack}: {key} holds example ARNs (account "
                f"{', '.join(placeholders)}): replace them with the live stack's values"
            )
    return warnings


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def stacks_in(config_dir: Path) -> list[str]:
    return sorted(
        path.name.removeprefix("Pulumi.").removesuffix(".yaml")
        for path in config_dir.glob("Pulumi.*.yaml")
    )


def stack_config(config_dir: Path, stack: str) -> dict[str, Any]:
    path = config_dir / f"Pulumi.{stack}.yaml"
    if not path.is_file():
        known = ", ".join(stacks_in(config_dir)) or "none"
        raise RolloutConfigError(
            f"stack {stack}: {path} does not exist (stacks in {config_dir.resolve()}: {known})"
        )
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

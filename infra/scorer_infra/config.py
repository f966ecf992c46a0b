"""The stack's inputs, read once from Pulumi config; a missing one stops with one line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pulumi

from passport_scorer.rollout.model import Listener
from passport_scorer.rollout.settings import (
    NAMESPACE,
    OPTIONAL_SECRETS,
    RolloutSettings,
    parse_settings,
)


class InfraConfigError(Exception):
    pass


@dataclass(frozen=True)
class InfraConfig:
    rollout: RolloutSettings
    listener_arns: dict[Listener, str]
    load_balancer_arn_suffixes: dict[Listener, str]
    artifact: str
    database_url: pulumi.Output[str]
    internal_token: pulumi.Output[str]
    # The reference's Django secret (optional): it signs the app's legacy HS256 tokens.
    secret_key: pulumi.Output[str] | None
    sign_in_key: pulumi.Output[str] | None  # SIWE_JWT_PRIVATE_KEY: signs the app's tokens
    ethereum_rpc_url: pulumi.Output[str] | None  # smart-wallet sign-in (may hold a key)
    trusted_issuers: list[str]
    subnet_ids: list[str]
    security_group_ids: list[str]
    alarm_topic_arn: str | None


def _required(config: pulumi.Config, key: str) -> str:
    value = config.get(key)
    if not value:
        raise InfraConfigError(f"{NAMESPACE}:{key} is missing from the stack's configuration")
    return value


def _required_secret(config: pulumi.Config, key: str, meaning: str) -> pulumi.Output[str]:
    value = config.get_secret(key)
    if value is None:
        raise InfraConfigError(
            f"{NAMESPACE}:{key} is missing ({meaning}; pulumi config set --secret {key} ...)"
        )
    return value


def _ids(config: pulumi.Config, key: str) -> list[str]:
    ids = config.get_object(key)
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) and i for i in ids):
        raise InfraConfigError(
            f"{NAMESPACE}:{key} must list the function's VPC placement (it reaches the database)"
        )
    return ids


def _issuers(config: pulumi.Config) -> list[str]:
    issuers = config.get_object("trustedIamIssuers")
    if not isinstance(issuers, list) or not issuers or not all(isinstance(i, str) for i in issuers):
        raise InfraConfigError(
            f"{NAMESPACE}:trustedIamIssuers must list the IAM issuer DIDs whose stamps count"
        )
    return issuers


def read_config(stack: str) -> InfraConfig:
    config = pulumi.Config(NAMESPACE)
    raw: dict[str, Any] = {
        f"{NAMESPACE}:rollout": config.get_object("rollout"),
        f"{NAMESPACE}:liveTargetGroups": config.get_object("liveTargetGroups"),
        f"{NAMESPACE}:environment": config.get_object("environment"),
        # Which optional secrets are set (their values stay outputs).
        **{
            f"{NAMESPACE}:{key}": True
            for key in OPTIONAL_SECRETS
            if config.get_secret(key) is not None
        },
    }
    return InfraConfig(
        rollout=parse_settings(stack, raw),
        listener_arns={
            Listener.PUBLIC: _required(config, "publicListenerArn"),
            Listener.INTERNAL: _required(config, "internalListenerArn"),
        },
        load_balancer_arn_suffixes={
            Listener.PUBLIC: _required(config, "publicLoadBalancerArnSuffix"),
            Listener.INTERNAL: _required(config, "internalLoadBalancerArnSuffix"),
        },
        artifact=_required(config, "artifact"),
        database_url=_required_secret(config, "databaseUrl", "the Passport database"),
        # Required: the internal score route is weighted, and without the token this scorer
        # refuses every internal request.
        internal_token=_required_secret(
            config, "cgrantsApiToken", "the internal routes' Authorization token"
        ),
        secret_key=config.get_secret("secretKey"),
        sign_in_key=config.get_secret("siweJwtPrivateKey"),
        ethereum_rpc_url=config.get_secret("ethereumRpcUrl"),
        trusted_issuers=_issuers(config),
        subnet_ids=_ids(config, "subnetIds"),
        security_group_ids=_ids(config, "securityGroupIds"),
        alarm_topic_arn=config.get("alarmTopicArn"),
    )

"""Every planned rule becomes exactly one listener rule; every scorer target group is wired."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pulumi
import pytest
import yaml

from passport_scorer.rollout.model import Listener
from passport_scorer.rollout.plan import build_plan
from passport_scorer.rollout.settings import load_settings
from tests.infra.conftest import INFRA

DATABASE_URL = "postgres://scorer:secret@db.internal:5432/passport"
INTERNAL_TOKEN = "internal-token"
ISSUERS = ["did:ethr:0x0000000000000000000000000000000000000001"]
# How Pulumi's wire format marks a secret value.
SECRET_SIGNATURE_KEY = "4dabf18193072939515e22adb298388d"
SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270"
TARGET_GROUP_ARN = (
    "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/{}/0123456789abcdef"
)


@dataclass
class RecordingMocks(pulumi.runtime.Mocks):
    """Records every resource the program registers (wire-format, camelCase inputs)."""

    registered: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        inputs = dict(args.inputs)
        self.registered.append((args.typ, args.name, inputs))
        outputs = dict(inputs)
        if args.typ == "aws:lb/targetGroup:TargetGroup":
            suffix = f"targetgroup/{inputs['name']}/0123456789abcdef"
            outputs["arn"] = f"arn:aws:elasticloadbalancing:us-west-2:123456789012:{suffix}"
            outputs["arnSuffix"] = suffix
        elif args.typ == "aws:lambda/function:Function":
            outputs["arn"] = f"arn:aws:lambda:us-west-2:123456789012:function:{args.name}"
            outputs["name"] = args.name
        elif args.typ == "aws:iam/role:Role":
            outputs["arn"] = f"arn:aws:iam::123456789012:role/{args.name}"
            outputs["name"] = args.name
        return f"{args.name}-id", outputs

    def call(
        self, args: pulumi.runtime.MockCallArgs
    ) -> tuple[dict[Any, Any], list[tuple[str, str]] | None]:
        return {}, None

    def of_type(self, typ: str) -> dict[str, dict[str, Any]]:
        found = [(name, inputs) for t, name, inputs in self.registered if t == typ]
        names = [name for name, _ in found]
        assert len(names) == len(set(names)), f"duplicate logical names among {typ}"
        return dict(found)


def stack_config(stack: str) -> dict[str, Any]:
    document = yaml.safe_load((INFRA / f"Pulumi.{stack}.yaml").read_text())
    config: dict[str, Any] = document["config"]
    return config


def run_program(
    stack: str, config: dict[str, Any] | None = None, *, drop: str | None = None
) -> tuple[RecordingMocks, dict[str, Any]]:
    from scorer_infra.program import deploy

    mocks = RecordingMocks()
    values = config if config is not None else stack_config(stack)
    values = {
        "passport-scorer:databaseUrl": DATABASE_URL,
        "passport-scorer:cgrantsApiToken": INTERNAL_TOKEN,
        "passport-scorer:trustedIamIssuers": ISSUERS,
        **values,
    }
    values.pop(drop or "", None)
    outputs: dict[str, Any] = {}

    @pulumi.runtime.test  # type: ignore[untyped-decorator]  # waits for every registration
    def program() -> pulumi.Output[Any]:
        outputs.update(deploy(stack))
        return pulumi.Output.from_input(outputs["functionName"])

    def run() -> None:  # Pulumi keeps mocks and config per context: set them in the thread
        pulumi.runtime.set_mocks(mocks, project="passport-scorer", stack=stack, preview=False)
        pulumi.runtime.set_all_config(
            {k: v if isinstance(v, str) else json.dumps(v) for k, v in values.items()},
            secret_keys=[
                "passport-scorer:databaseUrl",
                "passport-scorer:cgrantsApiToken",
                "passport-scorer:secretKey",
            ],
        )
        program()

    _in_own_thread(run)
    return mocks, outputs


def _in_own_thread(run: Callable[[], None]) -> None:
    """Pulumi's test runner drives the thread's event loop: keep it away from pytest's."""
    failure: list[BaseException] = []

    def target() -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            run()
        except BaseException as error:
            failure.append(error)
        finally:
            loop.close()

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if failure:
        raise failure[0]


def condition_values(inputs: dict[str, Any]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for condition in inputs["conditions"]:
        for kind, value in condition.items():
            found[kind] = value["values"]
    return found


@pytest.mark.parametrize(("stack", "share"), [("staging", 100), ("production", 0)])
def test_every_rule_becomes_exactly_one_listener_rule(stack: str, share: int) -> None:
    mocks, outputs = run_program(stack)
    settings = load_settings(INFRA, stack)
    plan = build_plan(settings)
    rules = mocks.of_type("aws:lb/listenerRule:ListenerRule")
    groups = mocks.of_type("aws:lb/targetGroup:TargetGroup")
    scorer_arn = {
        key: TARGET_GROUP_ARN.format(name) for key, name in plan.scorer_target_group_names.items()
    }
    listeners = {
        Listener.PUBLIC: stack_config(stack)["passport-scorer:publicListenerArn"],
        Listener.INTERNAL: stack_config(stack)["passport-scorer:internalListenerArn"],
    }
    managed = [rule for rule in plan.rules if rule.spec.managed]
    assert sorted(rules) == sorted(rule.spec.name for rule in managed)
    for rule in managed:
        inputs = rules[rule.spec.name]
        assert inputs["priority"] == rule.spec.priority
        assert inputs["listenerArn"] == listeners[rule.spec.listener]
        conditions = condition_values(inputs)
        assert conditions["pathPattern"] == list(rule.spec.paths)
        assert conditions.get("httpRequestMethod", []) == list(rule.spec.methods)
        assert conditions.get("hostHeader", []) == list(rule.spec.hosts)
        [action] = inputs["actions"]
        if rule.spec.fixed_response is not None:
            assert action["type"] == "fixed-response"
            assert action["fixedResponse"]["statusCode"] == "400"
            continue
        assert action["type"] == "forward"
        expected = [
            {
                "arn": scorer_arn.get(t.key) or settings.live_target_groups[t.key],
                "weight": t.weight,
            }
            for t in rule.targets
        ]
        assert action["forward"]["targetGroups"] == expected
        if len(rule.targets) > 1:
            assert action["forward"]["stickiness"] == {"enabled": True, "duration": 300}
            group_share = settings.percent_for(rule.spec.group) if rule.spec.group else 0
            assert group_share == (0 if rule.spec.group == "sign-in" else share)
            assert [t["weight"] for t in expected] == [100 - group_share, group_share]
        else:
            assert "stickiness" not in action["forward"]

    assert sorted(groups) == ["scorer-internal", "scorer-public"]
    assert {g["name"] for g in groups.values()} == {
        f"pscorer-{stack}-public",
        f"pscorer-{stack}-internal",
    }
    assert outputs["effectiveWeights"]["v2-stamps-score"] == {
        "v2-stamp-score": 100 - share,
        "scorer-public": share,
    }
    assert outputs["shares"] == {
        **dict.fromkeys(
            ("ceramic-cache", "embed", "internal", "internal-score", "v2-score"), share
        ),
        "sign-in": 0,  # held back in the shipped stack files until the token key is set
    }


def test_each_target_group_has_its_permission_and_attachment() -> None:
    mocks, _ = run_program("production")
    permissions = mocks.of_type("aws:lambda/permission:Permission")
    attachments = mocks.of_type("aws:lb/targetGroupAttachment:TargetGroupAttachment")
    function_arn = "arn:aws:lambda:us-west-2:123456789012:function:passport-scorer"
    for key, name in (("scorer-public", "public"), ("scorer-internal", "internal")):
        arn = TARGET_GROUP_ARN.format(f"pscorer-production-{name}")
        assert permissions[f"{key}-invoke"] == {
            "action": "lambda:InvokeFunction",
            "function": "passport-scorer",
            "principal": "elasticloadbalancing.amazonaws.com",
            "sourceArn": arn,
        }
        assert attachments[f"{key}-attachment"] == {"targetGroupArn": arn, "targetId": function_arn}
    [function] = mocks.of_type("aws:lambda/function:Function").values()
    assert function["architectures"] == ["arm64"]
    assert function["handler"] == "passport_scorer.aws.handler.handler"
    # The environment travels as a Pulumi secret (it holds the database URL).
    environment = function["environment"]
    assert environment[SECRET_SIGNATURE_KEY] == SECRET_SIGNATURE
    variables = environment["value"]["variables"]
    assert variables["DATABASE_URL"] == DATABASE_URL
    assert variables["CGRANTS_API_TOKEN"] == INTERNAL_TOKEN
    assert json.loads(variables["TRUSTED_IAM_ISSUERS"]) == ISSUERS
    # The stack's service settings, and rows written before a frozen container's reply.
    assert (variables["FF_MULTI_NULLIFIER"], variables["FF_API_ANALYTICS"]) == ("off", "on")
    assert variables["ANALYTICS_FLUSH_SECONDS"] == "0"
    assert variables["CERAMIC_CACHE_SCORER_ID"] == "335"
    assert "SECRET_KEY" not in variables  # optional: only with the stack's secretKey
    config = stack_config("production")
    assert function["vpcConfig"] == {
        "subnetIds": config["passport-scorer:subnetIds"],
        "securityGroupIds": config["passport-scorer:securityGroupIds"],
    }


def test_the_legacy_token_secret_reaches_the_function_as_a_secret() -> None:
    config = {**stack_config("staging"), "passport-scorer:secretKey": "django-secret"}
    mocks, _ = run_program("staging", config)
    [function] = mocks.of_type("aws:lambda/function:Function").values()
    assert function["environment"][SECRET_SIGNATURE_KEY] == SECRET_SIGNATURE
    assert function["environment"]["value"]["variables"]["SECRET_KEY"] == "django-secret"


def test_sign_in_gets_traffic_once_the_stack_holds_its_key() -> None:
    config = stack_config("staging")
    rollout = {k: v for k, v in config["passport-scorer:rollout"].items() if k != "groups"}
    config = {**config, "passport-scorer:rollout": rollout}
    from scorer_infra.program import RoutingInvalid

    with pytest.raises(RoutingInvalid, match=r"the sign-in group gets 100 %.*SIWE_JWT_PRIVATE_KEY"):
        run_program("staging", config)

    keyed = {
        **config,
        "passport-scorer:siweJwtPrivateKey": "-----BEGIN PRIVATE KEY-----...",
        "passport-scorer:ethereumRpcUrl": "https://mainnet.example/v3/key",
    }
    mocks, outputs = run_program("staging", keyed)
    assert outputs["shares"]["sign-in"] == 100
    [function] = mocks.of_type("aws:lambda/function:Function").values()
    assert function["environment"][SECRET_SIGNATURE_KEY] == SECRET_SIGNATURE
    variables = function["environment"]["value"]["variables"]
    assert variables["SIWE_JWT_PRIVATE_KEY"] == "-----BEGIN PRIVATE KEY-----..."
    assert variables["ETHEREUM_RPC_URL"] == "https://mainnet.example/v3/key"
    assert json.loads(variables["SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE"]) == [
        "app.passport.xyz",
        "stake.passport.xyz",
    ]


def test_alarms_watch_each_receiving_target_group_on_its_own_load_balancer() -> None:
    mocks, _ = run_program("staging")
    alarms = mocks.of_type("aws:cloudwatch/metricAlarm:MetricAlarm")
    plan = build_plan(load_settings(INFRA, "staging"))
    assert sorted(alarms) == sorted(alarm.name for alarm in plan.alarms)
    config = stack_config("staging")
    for alarm in plan.alarms:
        inputs = alarms[alarm.name]
        lb = config[f"passport-scorer:{alarm.listener.value}LoadBalancerArnSuffix"]
        if alarm.metric == "response-time":
            dimensions = inputs["dimensions"]
        else:
            dimensions = inputs["metricQueries"][0]["metric"]["dimensions"]
        assert dimensions["LoadBalancer"] == lb
    assert "staging-scorer-internal-5xx-rate" in alarms


def test_invalid_routing_stops_before_any_resource() -> None:
    from scorer_infra.program import RoutingInvalid

    config = stack_config("production")
    live = dict(config["passport-scorer:liveTargetGroups"])
    del live["v2-stamp-score"]
    with pytest.raises(RoutingInvalid, match="live target group v2-stamp-score has no ARN"):
        run_program("production", {**config, "passport-scorer:liveTargetGroups": live})


def test_a_group_without_its_settings_stops_before_any_resource() -> None:
    from scorer_infra.program import RoutingInvalid

    config = stack_config("staging")
    environment = dict(config["passport-scorer:environment"])
    del environment["SIWE_JWT_PUBLIC_KEY"]
    with pytest.raises(RoutingInvalid, match="the ceramic-cache group gets 100 %"):
        run_program("staging", {**config, "passport-scorer:environment": environment})


def test_a_stack_without_a_share_stops_with_one_line() -> None:
    from passport_scorer.rollout.settings import RolloutConfigError

    config = {k: v for k, v in stack_config("production").items() if not k.endswith(":rollout")}
    with pytest.raises(RolloutConfigError, match="rollout is missing"):
        run_program("production", config)


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("cgrantsApiToken", "passport-scorer:cgrantsApiToken is missing"),
        ("databaseUrl", "passport-scorer:databaseUrl is missing"),
        ("subnetIds", "passport-scorer:subnetIds must list the function's VPC placement"),
    ],
)
def test_a_stack_without_a_required_input_stops_with_one_line(missing: str, message: str) -> None:
    from scorer_infra.config import InfraConfigError

    config = stack_config("production")
    with pytest.raises(InfraConfigError, match=message):
        run_program("production", config, drop=f"passport-scorer:{missing}")

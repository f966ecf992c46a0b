"""ALB events through the Lambda entry point, in a process of its own, as on AWS."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import INTERNAL_TOKEN, Scorer, make_settings
from tests.factories import World

ALICE = "0x0000000000000000000000000000000000a11ce0"
TARGET_GROUP = "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/pscorer/0123"


def single_value_event(
    path: str, headers: dict[str, str], query: dict[str, str] | None = None
) -> dict[str, Any]:
    return {
        "requestContext": {"elb": {"targetGroupArn": TARGET_GROUP}},
        "httpMethod": "GET",
        "path": path,
        "queryStringParameters": query or {},
        "headers": {"host": "api.passport.xyz", "x-forwarded-proto": "https", **headers},
        "body": "",
        "isBase64Encoded": False,
    }


def multi_value_event(path: str, headers: dict[str, list[str]]) -> dict[str, Any]:
    return {
        "requestContext": {"elb": {"targetGroupArn": TARGET_GROUP}},
        "httpMethod": "GET",
        "path": path,
        "multiValueQueryStringParameters": {},
        "multiValueHeaders": {"host": ["api.passport.xyz"], **headers},
        "body": "",
        "isBase64Encoded": False,
    }


def invoke(database_url: str, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    settings = make_settings(database_url)
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "TRUSTED_IAM_ISSUERS": json.dumps(settings.TRUSTED_IAM_ISSUERS),
        "CGRANTS_API_TOKEN": INTERNAL_TOKEN,
        "LOG_LEVEL": "WARNING",
    }
    result = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("invoke.py"))],
        input=json.dumps(events),
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    responses: list[dict[str, Any]] = json.loads(result.stdout)
    return responses


@pytest.fixture
async def alice(world: World, fixture_credentials: dict[str, Any]) -> None:
    creds = fixture_credentials["credentials"]
    await world.stamps(ALICE, [creds["valid_google_alice"], creds["valid_github_alice"]])


async def test_alb_events_single_and_multi_value(
    database_url: str, scorer: Scorer, alice: None
) -> None:
    score_path = scorer.score_path(ALICE)
    responses = invoke(
        database_url,
        [
            single_value_event(score_path, {"x-api-key": scorer.key}, {"ignored": "1"}),
            single_value_event(score_path, {"x-api-key": "bad.key"}),
            multi_value_event(
                score_path,
                {
                    "x-api-key": [scorer.key],
                    "x-forwarded-for": ["203.0.113.7", "10.0.0.1"],
                    "accept": ["application/json", "*/*"],
                },
            ),
            multi_value_event(
                f"/internal/score/v2/{scorer.community_id}/{ALICE}",
                {"authorization": [INTERNAL_TOKEN]},
            ),
            single_value_event("/no/such/route", {}),
        ],
    )
    ok, unauthorized, repeated, internal, missing = responses

    assert ok["statusCode"] == 200
    assert ok["headers"]["content-type"] == "application/json"
    body = json.loads(ok["body"])
    assert (body["address"], body["score"], body["error"]) == (ALICE, "18.00000", None)
    assert list(body["stamps"]) == ["Google", "Github"]

    assert unauthorized["statusCode"] == 401
    assert json.loads(unauthorized["body"]) == {"detail": "Invalid API Key."}

    # A multi-value request gets a multi-value response; repeated headers were accepted.
    assert repeated["statusCode"] == 200
    assert repeated["multiValueHeaders"]["content-type"] == ["application/json"]
    assert "headers" not in repeated or not repeated["headers"]
    assert json.loads(repeated["body"])["score"] == "18.00000"

    assert internal["statusCode"] == 200
    assert json.loads(internal["body"])["address"] == ALICE

    assert missing["statusCode"] == 404
    assert json.loads(missing["body"]) == {"detail": "Not Found"}


def test_lambda_artifact_is_reproducible(tmp_path: Path) -> None:
    """`passport-scorer package`: arm64 wheels, the handler inside, identical bytes twice."""
    import zipfile

    from passport_scorer.aws.package import build

    project = Path(__file__).parents[2]
    first = build(project, tmp_path / "a.zip")
    second = build(project, tmp_path / "b.zip")
    assert first == second
    names = zipfile.ZipFile(tmp_path / "a.zip").namelist()
    assert "passport_scorer/aws/handler.py" in names
    assert any(
        name.startswith("didkit/") and name.endswith("aarch64-linux-gnu.so") for name in names
    )
    assert any(name.startswith("mangum/") for name in names)
    assert not any(name.startswith(("granian/", "uvloop/")) for name in names)  # server only
    assert not any(name.endswith(".pyc") for name in names)

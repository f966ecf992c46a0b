"""The `passport-scorer` commands, run as an operator would."""

from __future__ import annotations

import json
import os
import re
import shlex
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from passport_scorer.demo.issuer import TEST_ISSUER_DID
from tests.conftest import free_port


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "passport_scorer", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_invalid_setting_stops_with_one_line() -> None:
    result = run("check", env={"TRUSTED_IAM_ISSUERS": "not json"})
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "invalid setting TRUSTED_IAM_ISSUERS" in result.stderr


def test_check_lists_what_an_empty_database_lacks(tmp_path: Path) -> None:
    result = run("check", env={"DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}"})
    assert result.returncode == 1
    assert "missing table: registry_score" in result.stdout.splitlines()
    assert "missing table: tos_tos (needed by: terms of service)" in result.stdout.splitlines()


def test_migrate_demo_serve_and_the_printed_curl_scores_a_passing_address(tmp_path: Path) -> None:
    port = free_port()
    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        "TRUSTED_IAM_ISSUERS": f'["{TEST_ISSUER_DID}"]',
    }
    assert run("migrate", env=env).returncode == 0
    first = run("demo", "--base-url", f"http://127.0.0.1:{port}", env=env)
    demo = run("demo", "--base-url", f"http://127.0.0.1:{port}", env=env)  # idempotent
    assert first.returncode == 0 and demo.returncode == 0, demo.stderr
    assert "note:" not in demo.stdout
    [curl] = [line for line in demo.stdout.splitlines() if line.startswith("curl ")]
    assert run("check", env=env).returncode == 0

    server = subprocess.Popen(
        [sys.executable, "-m", "passport_scorer", "serve", "--port", str(port), "--workers", "1"],
        env={**os.environ, **env},
    )
    try:
        words = shlex.split(curl)
        header = words[words.index("-H") + 1]
        name, _, value = header.partition(": ")
        url = words[-1]
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(url, headers={name: value}, timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["passing_score"] is True
        assert body["score"] == "24.00000"
        old_key = re.search(r"X-API-Key: (\S+)'", first.stdout)
        assert old_key is not None
        stale = httpx.get(url, headers={"X-API-Key": old_key.group(1)}, timeout=5)
        assert stale.status_code == 401  # each demo run rotates the key
    finally:
        server.terminate()
        server.wait(timeout=10)


def _env_file(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            values[name] = value.strip("'")
    return values


def test_the_demo_configures_the_app_routes_and_prints_an_app_curl(tmp_path: Path) -> None:
    port = free_port()
    app_env = tmp_path / "demo-app.env"
    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        "TRUSTED_IAM_ISSUERS": f'["{TEST_ISSUER_DID}"]',
    }
    assert run("migrate", env=env).returncode == 0
    base = f"http://127.0.0.1:{port}"
    first = run("demo", "--base-url", base, "--app-env", str(app_env), env=env)
    demo = run("demo", "--base-url", base, "--app-env", str(app_env), env=env)
    assert first.returncode == 0 and demo.returncode == 0, demo.stderr
    settings = _env_file(app_env)
    assert settings["CERAMIC_CACHE_SCORER_ID"] == "1"
    assert json.loads(settings["SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE"]) == [f"127.0.0.1:{port}"]
    assert app_env.stat().st_mode & 0o777 == 0o600
    curls = [line for line in demo.stdout.splitlines() if line.startswith("curl ")]
    assert len(curls) == 2 and "/ceramic-cache/score/" in curls[1]
    [first_app_curl] = [
        line for line in first.stdout.splitlines() if "/ceramic-cache/score/" in line
    ]

    server = subprocess.Popen(
        [sys.executable, "-m", "passport_scorer", "serve", "--port", str(port), "--workers", "1"],
        env={**os.environ, **env, **settings},
    )
    try:
        for curl in (curls[1], first_app_curl):  # the key is kept: older tokens still work
            words = shlex.split(curl)
            name, _, value = words[words.index("-H") + 1].partition(": ")
            deadline = time.monotonic() + 30
            while True:
                try:
                    response = httpx.get(words[-1], headers={name: value}, timeout=5)
                    break
                except httpx.TransportError:
                    assert time.monotonic() < deadline, "server did not start"
                    time.sleep(0.2)
            assert response.status_code == 200, response.text
            assert response.json()["score"] == "24.00000"
        nonce = httpx.get(f"{base}/account/nonce", timeout=5)
        assert nonce.status_code == 200 and len(nonce.json()["nonce"]) == 60
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_keys_create_list_revoke(tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'keys.sqlite3'}"}
    assert run("migrate", env=env).returncode == 0
    assert run("demo", env=env).returncode == 0  # community 1, account 1

    created = run(
        "keys",
        "create",
        "--community",
        "1",
        "--name",
        "partner",
        "--rate-limit",
        "350/15m",
        env=env,
    )
    assert created.returncode == 0, created.stderr
    match = re.search(r"store it now\): (\S+)", created.stdout)
    assert match is not None
    key = match.group(1)
    prefix = key.partition(".")[0]

    listed = run("keys", "list", "--account", "1", env=env)
    assert listed.returncode == 0
    [line] = [row for row in listed.stdout.splitlines() if row.startswith(prefix)]
    assert "partner" in line and "350/15m" in line and line.endswith("active")
    assert key not in listed.stdout and key.partition(".")[2] not in listed.stdout

    revoked = run("keys", "revoke", prefix, env=env)
    assert revoked.returncode == 0
    again = run("keys", "revoke", prefix, env=env)
    assert again.returncode == 0
    assert again.stdout.strip() == f"{prefix} was already revoked: nothing changed"
    listed = run("keys", "list", "--account", "1", env=env)
    assert next(row for row in listed.stdout.splitlines() if row.startswith(prefix)).endswith(
        "revoked"
    )
    assert run("keys", "revoke", "nosuchpx", env=env).returncode == 2
    unknown = run("keys", "list", "--account", "999", env=env)
    assert (unknown.returncode, unknown.stderr.strip()) == (
        2,
        "passport-scorer: no account with id 999",
    )
    assert run("keys", "create", "--community", "99", env=env).returncode == 2
    assert (
        run("keys", "create", "--community", "1", "--rate-limit", "soon", env=env).returncode == 2
    )


def test_routes_validate_every_shipped_stack_and_plan_shows_the_shares() -> None:
    infra = str(Path(__file__).parents[1] / "infra")
    for stack in ("staging", "review", "production"):
        result = run("routes", "validate", "--stack", stack, "--config-dir", infra, env={})
        assert result.returncode == 0, result.stdout + result.stderr
        assert f"stack {stack}: routing is valid" in result.stdout
    production = run("routes", "plan", "--stack", "production", "--config-dir", infra, env={})
    staging = run("routes", "plan", "--stack", "staging", "--config-dir", infra, env={})
    assert "v2-score 0%" in production.stdout.splitlines()[0]
    assert "v2-stamp-score 100%, scorer-public 0%, sticky 300s" in production.stdout
    assert "v2-score 100%" in staging.stdout.splitlines()[0]
    assert "v2-stamp-score 0%, scorer-public 100%, sticky 300s" in staging.stdout


def test_routes_validate_fails_with_a_precise_message(tmp_path: Path) -> None:
    infra = Path(__file__).parents[1] / "infra"
    broken = (infra / "Pulumi.production.yaml").read_text().replace("    percent: 0\n", "")
    (tmp_path / "Pulumi.broken.yaml").write_text(broken)
    result = run("routes", "validate", "--stack", "broken", "--config-dir", str(tmp_path), env={})
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "passport-scorer: stack broken: passport-scorer:rollout.percent is missing"
    )
    missing_arn = (infra / "Pulumi.production.yaml").read_text()
    missing_arn = "\n".join(
        line for line in missing_arn.splitlines() if "    cc-weights:" not in line
    )
    (tmp_path / "Pulumi.gap.yaml").write_text(missing_arn)
    result = run("routes", "validate", "--stack", "gap", "--config-dir", str(tmp_path), env={})
    assert result.returncode == 1
    assert "error: live target group cc-weights has no ARN in liveTargetGroups" in result.stdout


def test_database_commands_fail_with_one_line_when_the_database_is_missing_or_down(
    tmp_path: Path,
) -> None:
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()  # a database file without our tables
    empty_env = {"DATABASE_URL": f"sqlite:///{empty}"}
    down = {"DATABASE_URL": f"postgresql://scorer:pw@127.0.0.1:{free_port()}/passport"}
    for args, env, says in (
        (("keys", "list", "--account", "1"), empty_env, "no such table: account_account ("),
        (("keys", "revoke", "abc"), down, "Connect call failed"),
        (("check",), down, "Connect call failed"),
        (("demo",), down, "Connect call failed"),
    ):
        result = run(*args, env=env)
        assert result.returncode == 2, (args, result.stderr)
        [line] = result.stderr.strip().splitlines()
        assert says in line and "pw" not in line, line
        hint = "is the database server running?" if env is down else "`passport-scorer migrate`"
        assert hint in line, line


def test_package_needs_no_service_settings_and_names_a_wrong_project(tmp_path: Path) -> None:
    result = run("package", "--project", str(tmp_path), env={"DATABASE_URL": "mysql://unsupported"})
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"passport-scorer: {tmp_path} is not the project folder (pyproject.toml, constraints.txt)"
    )


def test_version_and_help_name_every_command() -> None:
    from passport_scorer import __version__

    version = run("--version", env={})
    assert (version.returncode, version.stdout.strip()) == (0, f"passport-scorer {__version__}")
    helped = run("--help", env={})
    assert helped.returncode == 0
    for command in (
        "serve",
        "migrate",
        "check",
        "keys",
        "communities",
        "routes",
        "package",
        "demo",
    ):
        assert re.search(rf"^    {command}\b", helped.stdout, re.MULTILINE), command


def test_communities_list_shows_what_a_score_needs(tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'c.sqlite3'}"}
    assert run("migrate", env=env).returncode == 0
    assert run("demo", env=env).returncode == 0
    listed = run("communities", "list", env=env)
    assert listed.returncode == 0, listed.stderr
    header, row = listed.stdout.splitlines()
    assert header.split() == ["id", "account", "name", "external", "id", "scorer", "threshold"]
    assert row.split() == ["1", "1", "Demo", "community", "-", "WEIGHTED_BINARY", "20.00000"]
    mine = run("communities", "list", "--account", "1", env=env)
    assert mine.stdout == listed.stdout
    unknown = run("communities", "list", "--account", "7", env=env)
    assert (unknown.returncode, unknown.stderr.strip()) == (
        2,
        "passport-scorer: no account with id 7",
    )


def test_routes_validate_from_inside_infra_warns_on_example_arns() -> None:
    infra = Path(__file__).parents[1] / "infra"
    result = subprocess.run(
        [sys.executable, "-m", "passport_scorer", "routes", "validate", "--stack", "production"],
        cwd=infra,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    warnings = [line for line in result.stdout.splitlines() if line.startswith("warning:")]
    assert (
        "warning: stack production: passport-scorer:liveTargetGroups holds example ARNs "
        "(account 333333333333): replace them with the live stack's values"
    ) in warnings
    assert result.stdout.splitlines()[-1].startswith("stack production: routing is valid")
    unknown = subprocess.run(
        [sys.executable, "-m", "passport_scorer", "routes", "plan", "--stack", "prod"],
        cwd=infra,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert unknown.returncode == 2
    assert unknown.stderr.strip().endswith(f"(stacks in {infra}: production, review, staging)")


def test_routes_validate_reports_every_setting_error_at_once(tmp_path: Path) -> None:
    infra = Path(__file__).parents[1] / "infra"
    text = (infra / "Pulumi.production.yaml").read_text()
    text = text.replace("    percent: 0\n", "    percent: 10\n")
    text = text.replace("groups: {sign-in: 0}", "groups: {sign-in: 0, v2-score: 25}")
    text = text.replace('    FF_MULTI_NULLIFIER: "off"\n', "    FF_MULTI_NULLIFIER: maybe\n")
    text = text.replace("stickinessSeconds: 300", "stickinessSeconds: soon")
    (tmp_path / "Pulumi.many.yaml").write_text(text)
    result = run("routes", "validate", "--stack", "many", "--config-dir", str(tmp_path), env={})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "passport-scorer: stack many: rollout.groups.v2-score is 25, above rollout.percent 10: "
        "lower the group or raise percent",
        "passport-scorer: stack many: rollout.stickinessSeconds must be an integer",
        "passport-scorer: stack many: environment: invalid setting FF_MULTI_NULLIFIER: "
        "Input should be 'on' or 'off'",
    ]


def test_serve_warns_once_when_the_app_routes_lack_their_settings(tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'app.sqlite3'}", "LOG_LEVEL": "WARNING"}
    assert run("migrate", env=env).returncode == 0
    port = free_port()
    log = tmp_path / "stderr.log"
    command = [sys.executable, "-m", "passport_scorer", "serve", "--port", str(port)]
    with log.open("w") as stderr_file:
        server = subprocess.Popen(
            [*command, "--workers", "2"],
            env={**os.environ, **env},
            stderr=stderr_file,
            start_new_session=True,  # its own process group: nothing outlives the test
        )
    try:
        deadline = time.monotonic() + 30
        answers = 0
        while answers < 10:  # both workers up before it is stopped
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                    answers += 1
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline and server.poll() is None, "server did not start"
            time.sleep(0.2)
        answer = httpx.get(f"http://127.0.0.1:{port}/ceramic-cache/weights", timeout=5)
        assert answer.status_code == 503
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            raise
    stderr = log.read_text()
    warnings = [line for line in stderr.splitlines() if "/ceramic-cache/*" in line]
    assert len(warnings) == 1, stderr
    entry = json.loads(warnings[0])
    assert entry["level"] == "WARNING"
    assert entry["missing_settings"] == ["CERAMIC_CACHE_SCORER_ID", "SIWE_JWT_PUBLIC_KEY"]


def test_no_warning_when_the_app_routes_are_configured(caplog: pytest.LogCaptureFixture) -> None:
    from passport_scorer.cli import warn_unconfigured_app_routes
    from passport_scorer.config import load_settings
    from tests.app_tokens import APP_KEYS

    configured = {
        "CERAMIC_CACHE_SCORER_ID": "335",
        "SIWE_JWT_PUBLIC_KEY": APP_KEYS.public_b64,
        "SIWE_JWT_PRIVATE_KEY": APP_KEYS.private_pem,
        "SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE": '["app.passport.xyz"]',
    }
    warn_unconfigured_app_routes(load_settings(configured))
    assert caplog.records == []
    del configured["SIWE_JWT_PUBLIC_KEY"]  # the private key's public half verifies tokens
    warn_unconfigured_app_routes(load_settings(configured))
    assert caplog.records == []
    warn_unconfigured_app_routes(load_settings({"CERAMIC_CACHE_SCORER_ID": "335"}))
    app, sign_in = caplog.records
    assert app.levelname == "WARNING" and "SIWE_JWT_PUBLIC_KEY not set" in app.getMessage()
    assert sign_in.getMessage().startswith("sign-in (/ceramic-cache/authenticate) answers 503")
    caplog.clear()
    warn_unconfigured_app_routes(
        load_settings({**configured, "SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE": "[]"})
    )
    [record] = caplog.records
    assert record.getMessage() == (
        "sign-in (/ceramic-cache/authenticate) refuses every message (no allowed domain): "
        "SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE not set"
    )

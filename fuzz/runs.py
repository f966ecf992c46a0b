"""Schemathesis runs over a served `/openapi.json`, and what their reports say."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

# Checks every response must pass: no 5xx, and the answer is what the document says it can be
# (status, content type, headers, body); plus the ones about what must be refused.
CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "missing_required_header",
    "unsupported_method",
    "ignored_auth",
)


@dataclass(frozen=True)
class Run:
    """One schemathesis run: `credentials` by security scheme name (none: anonymous)."""

    name: str
    credentials: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Outcome:
    name: str
    operations: int
    test_cases: int
    requests: int
    statuses: dict[str, int]
    failures: list[str]
    errors: list[str]
    exit_code: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "operations": self.operations,
            "test_cases": self.test_cases,
            "requests": self.requests,
            "statuses": self.statuses,
            "failures": self.failures,
            "errors": self.errors,
            "exit_code": self.exit_code,
        }


def config_toml(run: Run, schemes: dict[str, Any]) -> str:
    """The run's schemathesis configuration: the credential of each security scheme of the
    document (`schemes`) that the run has one for."""
    lines = []
    for name, value in sorted(run.credentials.items()):
        scheme = schemes.get(name)
        if scheme is None:
            continue
        kind = "bearer" if scheme.get("scheme") == "bearer" else "api_key"
        lines += [f"[auth.openapi.{name}]", f"{kind} = {json.dumps(value)}", ""]
    return "\n".join(lines)


def command(
    run: Run, base_url: str, folder: Path, *, examples: int, seconds: int, seed: int
) -> list[str]:
    schemes = httpx.get(f"{base_url}/openapi.json").json()["components"]["securitySchemes"]
    config = folder / f"{run.name}.toml"
    config.write_text(config_toml(run, schemes))
    schemathesis = Path(sys.executable).with_name("schemathesis")
    return [
        str(schemathesis),
        "--config-file",
        str(config),
        "run",
        f"{base_url}/openapi.json",
        "--checks",
        ",".join(CHECKS),
        "--max-examples",
        str(examples),
        "--max-time",
        str(seconds),
        "--seed",
        str(seed),
        # One worker: schemathesis's generator threads trip a CPython 3.11 `ast.parse` bug.
        "--workers",
        "1",
        "--request-timeout",
        "10",
        "--report",
        "json,har",
        "--report-json-path",
        str(folder / f"{run.name}.json"),
        "--report-har-path",
        str(folder / f"{run.name}.har"),
    ]


def execute(
    run: Run, base_url: str, folder: Path, *, examples: int, seconds: int, seed: int
) -> Outcome:
    arguments = command(run, base_url, folder, examples=examples, seconds=seconds, seed=seed)
    with (folder / f"{run.name}.out").open("w") as output:
        finished = subprocess.run(arguments, stdout=output, stderr=subprocess.STDOUT, check=False)
    return outcome(run.name, folder, finished.returncode)


def outcome(name: str, folder: Path, exit_code: int) -> Outcome:
    """What the run's JSON and HAR reports hold."""
    report = json.loads((folder / f"{name}.json").read_text())
    entries = json.loads((folder / f"{name}.har").read_text())["log"]["entries"]
    statuses = Counter(str(entry["response"]["status"]) for entry in entries)
    return Outcome(
        name=name,
        operations=report["operations"]["tested"],
        test_cases=report["test_cases"]["generated"],
        requests=len(entries),
        statuses=dict(sorted(statuses.items())),
        failures=[_describe(failure) for failure in report["failures"]],
        errors=[_describe(error) for error in report["errors"]],
        exit_code=exit_code,
    )


def _describe(item: dict[str, Any]) -> str:
    return json.dumps(item, sort_keys=True)[:2000]

"""`passport-scorer compare` against two real servers on loopback, each on its own copy of the
data: identical deployments agree everywhere; a changed setting is found, named by route and
field with an example, and no secret reaches any output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from passport_scorer.cli import main
from tests.compare.conftest import ALICE, BOB, CAROL, Twins, run_compare
from tests.conftest import INTERNAL_TOKEN, ServerStarter

PUBLIC = "GET /v2/stamps/{scorer_id}/score/{address}"
INTERNAL = "GET /internal/score/v2/{scorer_id}/{address}"
# Shaped like a JWT: the redactor must catch it wherever it appears.
LOOPBACK = "http://127.0.0.1:9"
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJlLW9mLWEtdG9rZW4"


def _vars(tmp_path: Path, twins: Twins) -> Path:
    path = tmp_path / "vars.json"
    path.write_text(json.dumps({"API_KEY": twins.scorer.key, "INTERNAL_TOKEN": INTERNAL_TOKEN}))
    return path


async def test_identical_deployments_match_on_every_route_and_table(
    twins: Twins, start_server: ServerStarter, tmp_path: Path
) -> None:
    left = start_server(twins.left_db, workers=1)
    right = start_server(twins.right_db, workers=1)
    requests, report_path = tmp_path / "requests.jsonl", tmp_path / "report.json"

    result = await run_compare(
        "--sample-from-db", twins.left_db, "--sample-internal",
        "--requests", str(requests), "--vars", str(_vars(tmp_path, twins)),
        "--left", left, "--right", right, "--concurrency", "4", "--rate", "200",
        "--left-db", twins.left_db, "--right-db", twins.right_db,
        "--report", str(report_path),
    )  # fmt: skip

    assert result.returncode == 0, result.stdout + result.stderr
    assert twins.scorer.key not in requests.read_text()
    sampled = [json.loads(line) for line in requests.read_text().splitlines()]
    assert [line["path"].rsplit("/", 1)[1] for line in sampled[:6:2]] == [CAROL, ALICE, BOB]
    report = json.loads(report_path.read_text())
    assert report["ok"] is True
    assert report["match_rate"] == 100.0
    assert {route: (r["requests"], r["matching"]) for route, r in report["routes"].items()} == {
        PUBLIC: (6, 6),  # three addresses, an invalid address, an unknown scorer, no key
        INTERNAL: (3, 3),
    }
    database = report["database"]
    assert database["ok"] is True
    tables = database["tables"]
    assert {name: t["differences"] for name, t in tables.items()} == dict.fromkeys(tables, 0)
    assert tables["registry_score"]["left_rows"] == 3
    assert tables["registry_event"]["left_rows"] > 0  # this run's SCU events, counted per address
    assert "result: OK" in result.stdout


async def test_a_changed_setting_is_reported_by_route_field_and_example(
    twins: Twins, start_server: ServerStarter, tmp_path: Path
) -> None:
    left = start_server(twins.left_db, workers=1)
    right = start_server(twins.right_db, workers=1, FF_MULTI_NULLIFIER="on")
    community = twins.scorer.community_id
    lines: list[dict[str, Any]] = [
        {"method": "GET", "path": f"/v2/stamps/{community}/score/{CAROL}",
         "headers": {"X-API-Key": "${API_KEY}"}},
        # The key written into the file and a token in a body: both must be redacted.
        {"method": "GET", "path": f"/v2/stamps/{community}/score/{BOB}",
         "headers": {"Authorization": f"Token {twins.scorer.key}"}, "body": {"token": JWT}},
        {"method": "GET", "path": f"/internal/score/v2/{community}/{BOB}",
         "headers": {"Authorization": "${INTERNAL_TOKEN}"}},
        {"method": "GET", "path": f"/v2/stamps/{community}/score/{ALICE}",
         "headers": {"X-API-Key": "${API_KEY}"}},
    ]  # fmt: skip
    requests, report_path = tmp_path / "requests.jsonl", tmp_path / "report.json"
    requests.write_text("".join(json.dumps(line) + "\n" for line in lines))

    result = await run_compare(
        "--requests", str(requests), "--vars", str(_vars(tmp_path, twins)),
        "--left", left, "--right", right,
        "--left-db", twins.left_db, "--right-db", twins.right_db,
        "--report", str(report_path),
    )  # fmt: skip

    assert result.returncode == 1, result.stdout + result.stderr
    text = report_path.read_text()
    report = json.loads(text)
    assert report["ok"] is False
    public, internal = report["routes"][PUBLIC], report["routes"][INTERNAL]
    assert (public["requests"], public["matching"], public["ok"]) == (3, 2, False)
    assert (internal["requests"], internal["matching"]) == (1, 0)
    dedup = public["fields"]["$['stamps']['Discord']['dedup']"]
    [example] = dedup["examples"]
    assert example["line"] == 2
    assert example["request"]["path"] == f"/v2/stamps/{community}/score/{BOB}"
    assert (example["kind"], example["left_value"], example["right_value"]) == (
        "value",
        False,
        True,
    )
    assert example["left"]["body"]["stamps"]["Discord"]["dedup"] is False
    assert example["right"]["body"]["stamps"]["Discord"]["dedup"] is True
    assert public["fields"]["$['score']"]["examples"][0]["left_value"] == "3.50000"
    assert "$['score']" in internal["fields"]
    # Only Bob differs: timestamps and everything else about Carol and Alice agree.
    assert all(e["line"] in (2, 3) for f in public["fields"].values() for e in f["examples"])

    tables = report["database"]["tables"]
    assert report["database"]["ok"] is False
    [link] = tables["registry_hashscorerlink"]["examples"]
    assert link["row"] == f"v1.0.0:Discord:other community {community}"
    assert (link["left"], link["right"]) == (None, {"owner": CAROL})
    assert tables["registry_event"]["differences"] == 1  # Bob's LDP events, right only
    assert tables["registry_score"]["differences"] == 1
    assert tables["ceramic_cache_ceramiccache"]["differences"] == 0

    assert PUBLIC in result.stdout and "$['stamps']['Discord']['dedup']" in result.stdout
    assert "result: FAIL" in result.stdout
    for secret in (twins.scorer.key, INTERNAL_TOKEN, JWT, twins.scorer.key.split(".")[1]):
        for output in (result.stdout, result.stderr, text):
            assert secret not in output
    assert example["request"]["headers"]["Authorization"] == "[redacted]"
    assert example["request"]["body"] == {"token": "[redacted]"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--left", "http://10.1.2.3", "--right", LOOPBACK],
            "--left host 10.1.2.3 is not loopback",
        ),
        (["--left", LOOPBACK, "--right", "http://u:hunter2-secret@127.0.0.1"], "--right: no cred"),
        (["--left", LOOPBACK, "--right", LOOPBACK, "--left-db", "sqlite:///x"], "go together"),
        (["--left", LOOPBACK], "--left and --right are both required"),
        (["--left", LOOPBACK, "--right", LOOPBACK, "--vars", "{}"], "${TOKEN} not defined"),
        (["--sample-from-db", "sqlite:///x.sqlite3"], "--sample-from-db needs --api-key"),
    ],
)
def test_unusable_input_stops_with_one_line(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    requests, variables = tmp_path / "requests.jsonl", tmp_path / "vars.json"
    requests.write_text(json.dumps({"method": "GET", "path": "/a/${TOKEN}"}) + "\n")
    variables.write_text("{}")
    args = [str(variables) if arg == "{}" else arg for arg in args]

    assert main(["compare", *args, "--requests", str(requests)]) == 2

    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and message in captured.err
    assert "hunter2-secret" not in captured.err

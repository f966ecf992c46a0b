"""The report: match rates per route, examples per field, a verdict, no secrets."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from passport_scorer.compare.diff import Difference
from passport_scorer.compare.redact import REDACTED, Redactor
from passport_scorer.compare.replay import Answer, Exchange
from passport_scorer.compare.report import Tally, build_report, render_summary
from passport_scorer.compare.requests_file import ReplayRequest

NOW = datetime(2026, 5, 1, tzinfo=UTC)
SCORE = "GET /v2/stamps/{scorer_id}/score/{address}"
AUTH = "POST /ceramic-cache/authenticate"
KEY = "AbCd1234.abcdefghijklmnopqrstuvwxyz012345"


def _exchange(
    line: int, left: bytes = b'{"score":"1"}', right: bytes = b'{"score":"2"}'
) -> Exchange:
    request = ReplayRequest(line, "GET", f"/v2/stamps/1/score/0x{line}", (), {"X-API-Key": KEY})
    return Exchange(
        request,
        Answer(200, "application/json", left, None, NOW, NOW + timedelta(seconds=1)),
        Answer(200, "application/json", right, None, NOW, NOW + timedelta(seconds=1)),
    )


def _report(tally: Tally, min_match: float = 100.0) -> dict[str, object]:
    return build_report(
        tally, left="http://127.0.0.1:1", right="http://127.0.0.1:2", min_match=min_match,
        started=NOW, finished=NOW, database=None, redactor=Redactor({"API_KEY": KEY}),
    )  # fmt: skip


def test_match_rate_per_route_examples_per_field_and_the_verdict() -> None:
    tally = Tally(examples=2)
    for line in range(1, 5):
        tally.add(SCORE, _exchange(line), [Difference("$['score']", "value", "1", "2")])
    for line in range(5, 11):
        tally.add(SCORE, _exchange(line, right=b'{"score":"1"}'), [])
    tally.add("GET /health", _exchange(11), [])

    report = _report(tally)
    routes = report["routes"]
    assert isinstance(routes, dict)
    score = routes[SCORE]
    assert (score["requests"], score["matching"], score["match_rate"], score["ok"]) == (
        10,
        6,
        60.0,
        False,
    )
    field = score["fields"]["$['score']"]
    assert field["count"] == 4 and field["kinds"] == {"value": 4}
    assert [e["line"] for e in field["examples"]] == [1, 2]
    assert field["examples"][0]["left"]["body"] == {"score": "1"}
    assert field["examples"][0]["request"]["headers"] == {"X-API-Key": REDACTED}
    assert routes["GET /health"]["ok"] is True
    assert (report["requests"], report["matching"], report["match_rate"]) == (11, 7, 63.64)
    assert report["ok"] is False
    assert _report(tally, min_match=60.0)["ok"] is True

    summary = render_summary(report, Redactor())
    assert f"{SCORE}  " in summary and "60.0%  <" in summary
    assert "$['score']" in summary and 'line 1: left "1", right "2"' in summary
    assert "result: FAIL" in summary


def test_secrets_in_answers_and_secret_fields_are_redacted() -> None:
    tally = Tally()
    token = "eyJhbGciOiJSUzI1NiJ9.eyJkaWQiOiJ4In0.c2ln"
    left = json.dumps({"access": token, "note": f"key {KEY}"}).encode()
    tally.add(AUTH, _exchange(1, left=left, right=b'{"access":"other"}'),
              [Difference("$['access']", "value", token, "other")])  # fmt: skip

    report = _report(tally)
    text = json.dumps(report)
    assert token not in text and KEY not in text
    [example] = report["routes"][AUTH]["fields"]["$['access']"]["examples"]  # type: ignore[index]
    assert (example["left_value"], example["right_value"]) == (REDACTED, REDACTED)
    assert example["left"]["body"] == {"access": REDACTED, "note": "key ${API_KEY}"}


def test_a_run_without_differences_passes() -> None:
    tally = Tally()
    tally.add(SCORE, _exchange(1, right=b'{"score":"1"}'), [])
    report = _report(tally)
    assert (report["ok"], report["match_rate"]) == (True, 100.0)
    assert REDACTED not in json.dumps({k: v for k, v in report.items() if k != "routes"})
    assert "result: OK" in render_summary(report, Redactor())


def test_route_and_field_names_that_look_secret_are_kept() -> None:
    route = "GET /internal/embed/validate-api-key"
    tally = Tally()
    tally.add(route, _exchange(1), [Difference("$['access_token']", "value", "a-token", "b-token")])

    report = _report(tally)
    [example] = report["routes"][route]["fields"]["$['access_token']"]["examples"]  # type: ignore[index]
    assert (example["left_value"], example["right_value"]) == (REDACTED, REDACTED)
    summary = render_summary(report, Redactor())
    assert route in summary and "$['access_token']" in summary and "a-token" not in summary

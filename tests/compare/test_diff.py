"""Two answers differ only where the normalisation does not excuse them."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from passport_scorer.compare.diff import Difference, compare
from passport_scorer.compare.normalise import IgnoreRules
from passport_scorer.compare.replay import Answer, Exchange
from passport_scorer.compare.requests_file import ReplayRequest

ROUTE = "GET /v2/stamps/{scorer_id}/score/{address}"
START = datetime(2026, 5, 1, 12, 0, 0, tzinfo=UTC)
SKEW = timedelta(seconds=2)


def _answer(
    body: Any,
    *,
    status: int = 200,
    content_type: str = "application/json",
    started: datetime = START,
) -> Answer:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return Answer(status, content_type, raw, None, started, started + timedelta(seconds=1))


def _diff(left: Answer, right: Answer, rules: IgnoreRules | None = None) -> list[Difference]:
    exchange = Exchange(ReplayRequest(1, "GET", "/x"), left, right)
    return compare(exchange, ROUTE, rules or IgnoreRules(), clock_skew=SKEW)


def _score(**overrides: Any) -> dict[str, Any]:
    body = {
        "address": "0xabc",
        "score": "24.00000",
        "last_score_timestamp": (START + timedelta(milliseconds=500)).isoformat(),
        "stamps": {"Google": {"score": "10.00000"}, "Twitter": {"score": "14.00000"}},
    }
    body.update(overrides)
    return body


def test_equal_answers_and_json_whitespace_do_not_differ() -> None:
    compact = json.dumps(_score(), separators=(",", ":")).encode()
    spaced = json.dumps(_score(), indent=4).encode()
    assert (
        _diff(_answer(compact), _answer(spaced, content_type="application/json; charset=utf-8"))
        == []
    )


def test_status_media_type_and_values_differ() -> None:
    differences = _diff(
        _answer(_score()),
        _answer(_score(score="20.00000"), status=201, content_type="text/html"),
    )
    assert differences == [
        Difference("status", "value", 200, 201),
        Difference("content-type", "value", "application/json", "text/html"),
        Difference("$['score']", "value", "24.00000", "20.00000"),
    ]


def test_key_order_counts_except_inside_stamps() -> None:
    reordered_stamps = _score(
        stamps={"Twitter": {"score": "14.00000"}, "Google": {"score": "10.00000"}}
    )
    assert _diff(_answer(_score()), _answer(reordered_stamps)) == []

    body = _score()
    reordered = {"score": body.pop("score"), **body}
    [difference] = _diff(_answer(_score()), _answer(reordered))
    assert (difference.path, difference.kind) == ("$", "key order")
    assert difference.left[:2] == ["address", "score"]
    assert difference.right[:2] == ["score", "address"]


def test_numbers_keep_their_text_and_types_count() -> None:
    assert [d.kind for d in _diff(_answer(b'{"w": 1}'), _answer(b'{"w": 1.0}'))] == ["value"]
    [typed] = _diff(_answer({"w": 1}), _answer({"w": "1"}))
    assert (typed.kind, typed.left, typed.right) == ("type", 1, "1")
    [flag] = _diff(_answer({"w": True}), _answer({"w": 1}))
    assert flag.kind == "type"


def test_missing_keys_and_list_lengths_are_named_with_their_paths() -> None:
    differences = _diff(
        _answer({"items": [{"id": 1}, {"id": 2, "x": "it's"}], "only_left": None}),
        _answer({"items": [{"id": 1}], "only_right": 0}),
    )
    assert differences == [
        Difference("$['only_left']", "missing on right", None, None),
        Difference("$['only_right']", "missing on left", None, 0),
        Difference("$['items']", "length", 2, 1),
    ]
    [nested] = _diff(_answer({"items": [{}, {"id": 2}]}), _answer({"items": [{}, {"id": 3}]}))
    assert (nested.path, nested.field) == ("$['items'][1]['id']", "$['items'][*]['id']")
    [quoted] = _diff(_answer({"it's": 1}), _answer({"it's": 2}))
    assert quoted.path == "$['it\\'s']"


def test_score_times_may_differ_inside_their_request_windows() -> None:
    later = START + timedelta(seconds=30)
    left = _answer(_score())
    right = _answer(
        _score(last_score_timestamp=(later + timedelta(seconds=1)).isoformat()), started=later
    )
    assert _diff(left, right) == []

    stale = _answer(_score(last_score_timestamp=(START - timedelta(hours=1)).isoformat()))
    [outside] = _diff(stale, right)
    assert (outside.path, outside.kind) == (
        "$['last_score_timestamp']",
        "timestamp left: outside the request window",
    )
    # The same stored time on both sides (a cached score) is equal wherever it lies.
    assert _diff(stale, stale) == []

    cases = [
        (None, "missing"),
        ("yesterday", "not ISO-8601"),
        ("2026-05-01T12:00:00", "no time zone"),
        (5, "not a string"),
    ]
    for value, problem in cases:
        [bad] = _diff(_answer(_score()), _answer(_score(last_score_timestamp=value)))
        assert bad.kind == f"timestamp right: {problem}"


def test_ignore_rules_leave_out_what_they_select_on_both_sides() -> None:
    rules = IgnoreRules({ROUTE: ["$.stamps.*.score", "$.extra"], "*": ["$.address"]})
    left = _answer(_score(address="0x1", extra=[1]))
    right = _answer(
        _score(address="0x2", stamps={"Google": {"score": "0"}, "Twitter": {"score": "1"}})
    )
    assert _diff(left, right, rules) == []

    other_route = compare(
        Exchange(ReplayRequest(1, "GET", "/x"), left, right),
        "GET /health",
        rules,
        clock_skew=SKEW,
    )
    assert {d.path for d in other_route} == {
        "$['extra']",
        "$['stamps']['Google']['score']",
        "$['stamps']['Twitter']['score']",
    }


def test_text_bodies_and_missing_answers() -> None:
    assert (
        _diff(_answer(b"ok", content_type="text/plain"), _answer(b"ok", content_type="text/plain"))
        == []
    )
    [text] = _diff(_answer(b"<html>a"), _answer(b"<html>b"))
    assert (text.path, text.kind, text.left, text.right) == ("$", "text", "<html>a", "<html>b")
    [one_sided] = _diff(_answer({"detail": "x"}), _answer(b"Internal Server Error"))
    assert one_sided.kind == "json on one side"

    gone = Answer(None, "", b"", "ConnectError: refused", START, START)
    assert _diff(_answer({}), gone) == [
        Difference("answer", "no answer", None, "ConnectError: refused")
    ]

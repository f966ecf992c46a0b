"""Ignore rules are checked when loaded; bodies parse with their numbers as written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from passport_scorer.compare.errors import CompareInputError
from passport_scorer.compare.normalise import (
    IGNORED,
    IgnoreRules,
    JsonNumber,
    is_json,
    parse_body,
    plain,
)

ROUTES = frozenset({"GET /health", "GET /v2/stamps/{scorer_id}/score/{address}"})


def test_bodies_parse_with_numbers_as_written() -> None:
    parsed = parse_body(b'{"a": 1.50, "b": [10, 1e3], "c": null}')
    assert parsed == {
        "a": JsonNumber("1.50"),
        "b": [JsonNumber("10"), JsonNumber("1e3")],
        "c": None,
    }
    assert plain(parsed) == {"a": 1.5, "b": [10, 1000.0], "c": None}
    assert not is_json(parse_body(b""))
    assert not is_json(parse_body(b"<html>"))
    assert not is_json(parse_body(b"\xff\xfe"))


def _rules(tmp_path: Path, data: object) -> IgnoreRules:
    path = tmp_path / "ignore.json"
    path.write_text(json.dumps(data))
    return IgnoreRules.load(path, ROUTES)


def test_a_rules_file_names_known_routes_and_valid_paths(tmp_path: Path) -> None:
    rules = _rules(tmp_path, {"GET /health": ["$.status"], "*": ["$..points_data"]})
    document = {"status": "ok", "x": {"points_data": 1}, "points_data": [1]}
    assert rules.apply("GET /health", document) == {
        "status": IGNORED,
        "x": {"points_data": IGNORED},
        "points_data": IGNORED,
    }
    assert rules.apply("GET /health", {"a": 1}) == {"a": 1}
    assert IgnoreRules({"*": ["$"]}).apply("GET /health", {"a": 1}) is IGNORED
    assert IgnoreRules.load(None, ROUTES).source == {}

    with pytest.raises(CompareInputError, match="'GET /nowhere' is not a known route template"):
        _rules(tmp_path, {"GET /nowhere": ["$.a"]})
    with pytest.raises(CompareInputError, match=r"ignore rule 'GET /health': '\$\[': unexpected"):
        _rules(tmp_path, {"GET /health": ["$["]})
    with pytest.raises(CompareInputError, match="expected"):
        _rules(tmp_path, {"GET /health": "$.a"})


def test_overlapping_rules_and_list_items(tmp_path: Path) -> None:
    rules = IgnoreRules({"*": ["$.a", "$.a.b", "$.items[1]"]})
    assert rules.apply("GET /health", {"a": {"b": 1}, "items": [1, 2, 3]}) == {
        "a": IGNORED,
        "items": [1, IGNORED, 3],
    }

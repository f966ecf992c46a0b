"""What two answers may legitimately differ in, and nothing else.

* JSON whitespace: bodies are compared as parsed JSON (numbers keep their text: `1.0` is not
  `1`; object key order counts, except inside a `stamps` object).
* `last_score_timestamp`: equal, or on each side an ISO-8601 time with a zone inside that
  side's request window (widened by the allowed clock skew).
* Ignore rules (`--ignore FILE`): JSONPath expressions per route template (`"*"`: every
  route); what they select is left out of the comparison on both sides.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import jsonpath

from passport_scorer.compare.errors import CompareInputError
from passport_scorer.compare.requests_file import read_json

TIMESTAMP_KEY = "last_score_timestamp"
UNORDERED_KEY = "stamps"  # an object under this key may list its keys in any order
ALL_ROUTES = "*"


@dataclass(frozen=True, slots=True)
class JsonNumber:
    """A JSON number as written (`10`, `10.0` and `1e1` are different answers)."""

    text: str

    def plain(self) -> int | float:
        try:
            return int(self.text)
        except ValueError:
            return float(self.text)


class _Ignored:
    """Stands in for a value an ignore rule selected."""

    def __repr__(self) -> str:
        return "<ignored>"


IGNORED = _Ignored()
_NOT_JSON = object()


def parse_body(body: bytes) -> Any:
    """The parsed JSON body, or `NOT_JSON`."""
    if not body.strip():
        return _NOT_JSON
    try:
        return json.loads(
            body, parse_int=JsonNumber, parse_float=JsonNumber, parse_constant=JsonNumber
        )
    except (UnicodeDecodeError, json.JSONDecodeError):
        return _NOT_JSON


def is_json(value: Any) -> bool:
    return value is not _NOT_JSON


def plain(value: Any) -> Any:
    """`value` with numbers as Python numbers (for the report)."""
    if isinstance(value, JsonNumber):
        return value.plain()
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if value is IGNORED:
        return "<ignored>"
    return value


def timestamp_problem(
    value: Any, started: datetime, finished: datetime, skew: timedelta
) -> str | None:
    """Why `value` is not a score time taken inside [started, finished] (None: it is)."""
    if value is None:
        return "missing"
    if not isinstance(value, str):
        return "not a string"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return "not ISO-8601"
    if moment.tzinfo is None:
        return "no time zone"
    if not started - skew <= moment <= finished + skew:
        return "outside the request window"
    return None


class IgnoreRules:
    """JSONPath expressions per route template; `"*"` applies to every route."""

    def __init__(self, rules: Mapping[str, Sequence[str]] | None = None) -> None:
        self.source = {route: list(paths) for route, paths in (rules or {}).items()}
        self._compiled: dict[str, list[jsonpath.JSONPath | jsonpath.CompoundJSONPath]] = {}
        for route, paths in self.source.items():
            compiled = []
            for path in paths:
                try:
                    compiled.append(jsonpath.compile(path))
                except jsonpath.JSONPathError as error:
                    first = str(error).splitlines()[0]
                    raise CompareInputError(f"ignore rule {route!r}: {path!r}: {first}") from None
            self._compiled[route] = compiled

    @classmethod
    def load(cls, path: Path | None, known_routes: frozenset[str]) -> IgnoreRules:
        """The `--ignore` file: `{"<METHOD> <template>" or "*": ["<JSONPath>", ...]}`."""
        if path is None:
            return cls()
        data = read_json(path, "--ignore")
        if not isinstance(data, dict) or not all(
            isinstance(paths, list) and all(isinstance(p, str) for p in paths)
            for paths in data.values()
        ):
            raise CompareInputError(f"--ignore {path}: expected {{route: [JSONPath, ...]}}")
        unknown = sorted(set(data) - known_routes - {ALL_ROUTES})
        if unknown:
            raise CompareInputError(
                f"--ignore {path}: {unknown[0]!r} is not a known route template "
                '(write it as `GET /v2/stamps/{scorer_id}/score/{address}`, or "*")'
            )
        return cls(data)

    def apply(self, route: str, document: Any) -> Any:
        """`document` with what the route's rules select replaced by `IGNORED` (in place)."""
        for expression in [*self._compiled.get(ALL_ROUTES, []), *self._compiled.get(route, [])]:
            matches = sorted((m.parts for m in expression.finditer(document)), key=len)
            for parts in matches:
                if not parts:
                    return IGNORED
                parent = document
                for part in parts[:-1]:
                    parent = _child(parent, part)
                last = parts[-1]
                if isinstance(parent, list):
                    parent[int(last)] = IGNORED  # a list's parts are indices
                elif isinstance(parent, dict):
                    parent[last] = IGNORED
        return document


def _child(parent: Any, part: int | str) -> Any:
    """The child at `part`, or None when an earlier rule already replaced the parent."""
    if isinstance(parent, dict):
        return parent.get(part)
    if isinstance(parent, list) and isinstance(part, int):
        return parent[part]
    return None

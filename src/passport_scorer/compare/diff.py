"""Where two answers to one request differ: status, media type, then the body field by field.

Body paths are RFC 9535 normalized paths (`$['stamps']['Google']['dedup']`); a field groups
its differences across requests with list indices generalised (`$['items'][*]['id']`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from passport_scorer.compare.normalise import (
    IGNORED,
    TIMESTAMP_KEY,
    UNORDERED_KEY,
    IgnoreRules,
    is_json,
    parse_body,
    plain,
    timestamp_problem,
)
from passport_scorer.compare.replay import Answer, Exchange

STATUS, MEDIA_TYPE, ANSWER, BODY = "status", "content-type", "answer", "$"
_INDEX = re.compile(r"\[\d+\]")


@dataclass(frozen=True)
class Difference:
    path: str  # where, in this answer: `status`, `content-type`, `answer`, `$['score']`
    kind: str  # value, type, missing on left, missing on right, key order, length, ...
    left: Any
    right: Any

    @property
    def field(self) -> str:
        """The path with list indices generalised, to group differences across requests."""
        return _INDEX.sub("[*]", self.path)


def media_type(answer: Answer) -> str:
    return answer.content_type.partition(";")[0].strip().lower()


def compare(
    exchange: Exchange, route: str, rules: IgnoreRules, *, clock_skew: timedelta
) -> list[Difference]:
    """Every difference between the two answers that the normalisation does not excuse."""
    left, right = exchange.left, exchange.right
    if left.status is None or right.status is None:
        return [Difference(ANSWER, "no answer", left.error, right.error)]
    differences = []
    if left.status != right.status:
        differences.append(Difference(STATUS, "value", left.status, right.status))
    if media_type(left) != media_type(right):
        differences.append(Difference(MEDIA_TYPE, "value", media_type(left), media_type(right)))
    left_body, right_body = parse_body(left.body), parse_body(right.body)
    if is_json(left_body) and is_json(right_body):
        walker = _Walker(left, right, clock_skew)
        walker.walk(
            BODY, rules.apply(route, left_body), rules.apply(route, right_body), unordered=False
        )
        differences.extend(walker.differences)
    elif is_json(left_body) or is_json(right_body):
        differences.append(Difference(BODY, "json on one side", _text(left), _text(right)))
    elif left.body != right.body:
        differences.append(Difference(BODY, "text", _text(left), _text(right)))
    return differences


def _text(answer: Answer) -> str:
    return answer.body.decode("utf-8", errors="replace")


def _key(path: str, key: str) -> str:
    escaped = key.replace("\\", "\\\\").replace("'", "\\'")
    return f"{path}['{escaped}']"


class _Walker:
    def __init__(self, left: Answer, right: Answer, clock_skew: timedelta) -> None:
        self._left, self._right, self._skew = left, right, clock_skew
        self.differences: list[Difference] = []

    def _add(self, path: str, kind: str, left: Any, right: Any) -> None:
        self.differences.append(Difference(path, kind, plain(left), plain(right)))

    def walk(self, path: str, left: Any, right: Any, *, unordered: bool) -> None:
        if left is IGNORED or right is IGNORED:
            return
        if isinstance(left, dict) and isinstance(right, dict):
            self._objects(path, left, right, unordered=unordered)
        elif isinstance(left, list) and isinstance(right, list):
            if len(left) != len(right):
                self._add(path, "length", len(left), len(right))
            for index, (a, b) in enumerate(zip(left, right, strict=False)):
                self.walk(f"{path}[{index}]", a, b, unordered=False)
        elif type(left) is not type(right):
            self._add(path, "type", left, right)
        elif left != right:
            self._add(path, "value", left, right)

    def _objects(
        self, path: str, left: dict[str, Any], right: dict[str, Any], *, unordered: bool
    ) -> None:
        for key in left:
            if key not in right and left[key] is not IGNORED:
                self._add(_key(path, key), "missing on right", left[key], None)
        for key in right:
            if key not in left and right[key] is not IGNORED:
                self._add(_key(path, key), "missing on left", None, right[key])
        shared = [
            k for k in left if k in right and left[k] is not IGNORED and right[k] is not IGNORED
        ]
        if not unordered:
            compared = set(shared)
            right_order = [k for k in right if k in compared]
            if shared != right_order:
                self._add(path, "key order", shared, right_order)
        for key in shared:
            if key == TIMESTAMP_KEY:
                self._timestamp(_key(path, key), left[key], right[key])
            else:
                self.walk(_key(path, key), left[key], right[key], unordered=key == UNORDERED_KEY)

    def _timestamp(self, path: str, left: Any, right: Any) -> None:
        if type(left) is type(right) and left == right:
            return
        problems = [
            f"{side}: {problem}"
            for side, value, answer in (("left", left, self._left), ("right", right, self._right))
            if (problem := timestamp_problem(value, answer.started, answer.finished, self._skew))
        ]
        if problems:
            self._add(path, "timestamp " + "; ".join(problems), left, right)

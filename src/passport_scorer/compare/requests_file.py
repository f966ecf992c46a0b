"""The requests file (JSON lines) and the `${NAME}` variables filled in from `--vars`.

One request a line: `{"method": "GET", "path": "/v2/...", "query": {...}, "headers": {...},
"body": ...}`. A body that is a JSON string is sent as it is (text); any other JSON value is
sent as JSON. Keys and tokens stay out of the file as `${NAME}`, whose values come from the
vars file (a JSON object of strings).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from passport_scorer.compare.errors import CompareInputError

METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
_PLACEHOLDER = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
# Set by the HTTP client itself; a captured value would be wrong for the replayed request.
_DROPPED_HEADERS = frozenset({"host", "content-length", "connection", "transfer-encoding"})


class _Line(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    method: str
    path: str
    query: dict[str, str | list[str]] | str = {}
    headers: dict[str, str] = {}
    body: Any = None

    @field_validator("method")
    @classmethod
    def _method(cls, value: str) -> str:
        if value.upper() not in METHODS:
            raise ValueError(f"method {value!r} is not one of {', '.join(sorted(METHODS))}")
        return value.upper()


@dataclass(frozen=True)
class ReplayRequest:
    """One request as it is sent (variables filled in); `line` is its line in the file."""

    line: int
    method: str
    path: str  # without a query: that is in `query`
    query: tuple[tuple[str, str], ...] = ()
    headers: Mapping[str, str] = field(default_factory=dict)
    body: Any = None


def load_vars(path: Path | None) -> dict[str, str]:
    """The vars file: a JSON object whose values are strings (none given: no variables)."""
    if path is None:
        return {}
    data = read_json(path, "--vars")
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise CompareInputError(f"--vars {path}: expected a JSON object of strings")
    return dict(data)


def load_requests(path: Path, variables: Mapping[str, str]) -> list[ReplayRequest]:
    """Every request of the file, in order, with `${NAME}` replaced by its value."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CompareInputError(f"--requests {path}: {_reason(error)}") from None
    requests = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        where = f"--requests {path} line {number}"
        try:
            line = _Line.model_validate_json(raw)
        except ValidationError as error:
            first = error.errors()[0]
            location = ".".join(str(part) for part in first["loc"])
            message = first["msg"].removeprefix("Value error, ")
            raise CompareInputError(
                f"{where}: {location + ': ' if location else ''}{message}"
            ) from None
        requests.append(_fill(line, number, variables, where))
    if not requests:
        raise CompareInputError(f"--requests {path}: no requests in the file")
    return requests


def placeholders(value: Any) -> set[str]:
    """The variable names `value` (any JSON value) refers to."""
    if isinstance(value, str):
        return set(_PLACEHOLDER.findall(value))
    if isinstance(value, dict):
        return set().union(*(placeholders(k) | placeholders(v) for k, v in value.items()))
    if isinstance(value, list):
        return set().union(*(placeholders(item) for item in value))
    return set()


def _fill(line: _Line, number: int, variables: Mapping[str, str], where: str) -> ReplayRequest:
    missing = sorted(placeholders(line.model_dump()) - variables.keys())
    if missing:
        names = ", ".join(f"${{{name}}}" for name in missing)
        raise CompareInputError(f"{where}: {names} not defined (give it in --vars)")

    def sub(value: Any) -> Any:
        if isinstance(value, str):
            return _PLACEHOLDER.sub(lambda m: variables[m.group(1)], value)
        if isinstance(value, dict):
            return {sub(k): sub(v) for k, v in value.items()}
        if isinstance(value, list):
            return [sub(item) for item in value]
        return value

    path, _, path_query = sub(line.path).partition("?")
    if not path.startswith("/") or path.startswith("//"):
        raise CompareInputError(f"{where}: path must start with one '/' (no scheme or host)")
    # A query in the path comes first, then the `query` field's pairs.
    pairs = parse_qsl(path_query, keep_blank_values=True)
    query = sub(line.query)
    if isinstance(query, str):
        pairs += parse_qsl(query.removeprefix("?"), keep_blank_values=True)
    else:
        for name, values in query.items():
            pairs.extend((name, v) for v in (values if isinstance(values, list) else [values]))
    headers = {
        name: value
        for name, value in sub(line.headers).items()
        if name.lower() not in _DROPPED_HEADERS
    }
    return ReplayRequest(number, line.method, path, tuple(pairs), headers, sub(line.body))


def read_json(path: Path, option: str) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CompareInputError(f"{option} {path}: {_reason(error)}") from None


def _reason(error: Exception) -> str:
    if isinstance(error, OSError):
        return error.strerror or type(error).__name__
    if isinstance(error, json.JSONDecodeError):
        return f"not JSON ({error.msg}, line {error.lineno})"
    return "not UTF-8 text"

"""The requests file and its `${NAME}` variables."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from passport_scorer.compare.errors import CompareInputError
from passport_scorer.compare.requests_file import load_requests, load_vars


def _file(tmp_path: Path, *lines: dict[str, Any] | str) -> Path:
    path = tmp_path / "requests.jsonl"
    path.write_text(
        "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)
    )
    return path


def test_variables_fill_every_string_and_order_is_kept(tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        {"method": "get", "path": "/v2/stamps/${SCORER}/score/0xabc",
         "headers": {"X-API-Key": "${KEY}", "Host": "live.example", "Content-Length": "9"}},
        "",
        {"method": "POST", "path": "/x", "query": {"a": "${KEY}", "b": ["1", "2"]},
         "body": {"items": ["${KEY}", 1.5], "n": None}},
        {"method": "DELETE", "path": "/y?z=1", "query": "?c=3&d="},
    )  # fmt: skip

    first, second, third = load_requests(path, {"KEY": "secret-key-1", "SCORER": "12"})

    assert (first.line, first.method, first.path) == (1, "GET", "/v2/stamps/12/score/0xabc")
    assert first.headers == {"X-API-Key": "secret-key-1"}  # Host and Content-Length dropped
    assert (second.line, second.query) == (3, (("a", "secret-key-1"), ("b", "1"), ("b", "2")))
    assert second.body == {"items": ["secret-key-1", 1.5], "n": None}
    assert (third.path, third.query) == ("/y", (("z", "1"), ("c", "3"), ("d", "")))


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"method": "GET", "path": "/a/${KEY}/${TOKEN}"}', "line 2: ${TOKEN} not defined"),
        ('{"method": "BREW", "path": "/a"}', "line 2: method: method 'BREW' is not one of"),
        ('{"method": "GET", "path": "http://elsewhere/a"}', "line 2: path must start with one"),
        ('{"method": "GET", "path": "//elsewhere/a"}', "line 2: path must start with one"),
        ('{"method": "GET"}', "line 2: path: Field required"),
        ('{"method": "GET", "path": "/a", "extra": 1}', "line 2: extra: Extra inputs"),
        ("not json", "line 2: Invalid JSON"),
    ],
)
def test_a_bad_line_is_named_with_its_number(tmp_path: Path, line: str, message: str) -> None:
    path = _file(tmp_path, {"method": "GET", "path": "/ok"}, line)
    with pytest.raises(CompareInputError, match=message.replace("$", r"\$").replace("{", r"\{")):
        load_requests(path, {"KEY": "value"})


def test_an_empty_or_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CompareInputError, match="no requests in the file"):
        load_requests(_file(tmp_path, "", "  "), {})
    with pytest.raises(CompareInputError, match="No such file"):
        load_requests(tmp_path / "absent.jsonl", {})


def test_vars_must_be_an_object_of_strings(tmp_path: Path) -> None:
    path = tmp_path / "vars.json"
    path.write_text('{"KEY": "a", "N": 1}')
    with pytest.raises(CompareInputError, match="expected a JSON object of strings"):
        load_vars(path)
    path.write_text("{oops")
    with pytest.raises(CompareInputError, match="not JSON"):
        load_vars(path)
    path.write_text('{"KEY": "a"}')
    assert load_vars(path) == {"KEY": "a"}
    assert load_vars(None) == {}

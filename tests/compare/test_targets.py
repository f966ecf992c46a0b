"""Only loopback, or hosts named with `--allow-host`, receive the replayed traffic."""

from __future__ import annotations

import pytest

from passport_scorer.compare.errors import CompareInputError
from passport_scorer.compare.targets import check_target


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000",
        "http://localhost:8000/",
        "https://[::1]:8443/api",
        "http://127.9.9.9",
    ],
)
def test_loopback_targets_are_accepted(url: str) -> None:
    assert check_target("--left", url, []).host in {"127.0.0.1", "localhost", "::1", "127.9.9.9"}


def test_another_host_needs_naming() -> None:
    with pytest.raises(CompareInputError, match=r"--right host staging\.example is not loopback"):
        check_target("--right", "https://staging.example", [])
    with pytest.raises(CompareInputError, match="not loopback"):
        check_target("--right", "http://10.0.0.5:8000", ["staging.example"])
    assert check_target("--right", "https://Staging.Example/", ["staging.example"]).port is None


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://127.0.0.1", "expected http"),
        ("127.0.0.1:8000", "expected http"),
        ("http://user:pw@127.0.0.1", "no credentials"),
        ("http://127.0.0.1/?token=x", "no credentials, query"),
    ],
)
def test_malformed_targets_are_refused(url: str, message: str) -> None:
    with pytest.raises(CompareInputError, match=message):
        check_target("--left", url, [])

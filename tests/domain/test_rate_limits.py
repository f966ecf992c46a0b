from __future__ import annotations

import zlib

import pytest

from passport_scorer.domain.rate_limits import Rate, parse_rate, window_end


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("125/15m", Rate(125, 900)),
        ("350/15m", Rate(350, 900)),
        ("2000/15m", Rate(2000, 900)),
        ("15/15m", Rate(15, 900)),
        ("10/s", Rate(10, 1)),
        ("5/2H", Rate(5, 7200)),
        ("1/d", Rate(1, 86400)),
        ("", None),
        (None, None),
        ("lots", None),
        ("10/15x", None),
    ],
)
def test_parse_rate(text: str | None, rate: Rate | None) -> None:
    assert parse_rate(text) == rate


def test_windows_are_django_ratelimits_fixed_windows() -> None:
    key, period = "abcd1234", 900
    offset = zlib.crc32(key.encode()) % period
    start = 1_700_000_000 - (1_700_000_000 % period)
    # Just before the key's offset: the window ends at the offset.
    assert window_end(key, period, start + offset - 1) == start + offset
    # At the offset: the next window.
    assert window_end(key, period, start + offset) == start + offset + period
    ends = {window_end(key, period, start + offset + s) for s in range(period)}
    assert ends == {start + offset + period}

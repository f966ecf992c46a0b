"""Per-key rate limits: `"<count>/<period>"` (`"125/15m"`), fixed windows per key prefix.

Windows follow django-ratelimit, which the reference uses: each key's windows are offset by
`crc32(key) % period`, so not every key's budget resets at the same moment.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RATE = re.compile(r"\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Rate:
    count: int
    period: int  # seconds


def parse_rate(text: str | None) -> Rate | None:
    """The key's limit; None (unlimited) for NULL, empty or unreadable values."""
    if not text:
        return None
    match = _RATE.fullmatch(text)
    if match is None:
        return None
    count, multiplier, unit = match.groups()
    period = (int(multiplier) if multiplier else 1) * _UNITS[unit.lower()]
    if period <= 0:
        return None
    return Rate(int(count), period)


def window_end(key: str, period: int, now: float) -> int:
    """The end (epoch seconds) of the fixed window `now` falls in for `key`."""
    ts = int(now)
    if period == 1:
        return ts + 1
    end = ts - (ts % period) + (zlib.crc32(key.encode()) % period)
    return end + period if end <= ts else end

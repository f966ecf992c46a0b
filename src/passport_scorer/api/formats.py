"""Value formats the reference's Django routes produce, for bodies that must match them."""

from __future__ import annotations

from datetime import UTC, datetime


def django_datetime(moment: datetime) -> str:
    """Django's JSON form: ISO 8601 in UTC, milliseconds (truncated) only when there are
    sub-seconds, `Z` for UTC (`2025-01-02T03:04:05Z`, `2025-01-02T03:04:05.120Z`)."""
    text = moment.astimezone(UTC).isoformat()
    if moment.microsecond:
        text = text[:23] + text[26:]
    return text.removesuffix("+00:00") + "Z"

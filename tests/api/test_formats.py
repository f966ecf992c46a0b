from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from passport_scorer.api.formats import django_datetime


def test_whole_seconds_have_no_fraction() -> None:
    assert django_datetime(datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)) == "2025-01-02T03:04:05Z"


def test_sub_seconds_are_truncated_to_milliseconds() -> None:
    moment = datetime(2025, 1, 2, 3, 4, 5, 999999, tzinfo=UTC)
    assert django_datetime(moment) == "2025-01-02T03:04:05.999Z"
    assert django_datetime(moment.replace(microsecond=500)) == "2025-01-02T03:04:05.000Z"


def test_other_zones_are_shown_in_utc() -> None:
    moment = datetime(2025, 1, 2, 5, 4, 5, tzinfo=timezone(timedelta(hours=2)))
    assert django_datetime(moment) == "2025-01-02T03:04:05Z"

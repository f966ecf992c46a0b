from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from passport_scorer.domain.events import django_datetime


def test_django_datetime_encoding() -> None:
    assert (
        django_datetime(datetime(2024, 1, 1, 12, 0, 0, 123456, tzinfo=UTC))
        == "2024-01-01T12:00:00.123Z"
    )
    assert django_datetime(datetime(2024, 1, 1, 12, tzinfo=UTC)) == "2024-01-01T12:00:00Z"
    plus2 = timezone(timedelta(hours=2))
    assert (
        django_datetime(datetime(2024, 1, 1, 12, 0, 0, 5000, tzinfo=plus2))
        == "2024-01-01T12:00:00.005+02:00"
    )
    assert django_datetime(None) is None

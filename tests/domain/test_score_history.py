"""Reading a score back from its `SCU` event."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from passport_scorer.domain.score_history import historical_score, parse_moment


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-05-10", datetime(2023, 5, 10, tzinfo=UTC)),
        ("2023-05-10T07:49:08Z", datetime(2023, 5, 10, 7, 49, 8, tzinfo=UTC)),
        ("2023-05-10T07:49:08.610198+02:00",
         datetime(2023, 5, 10, 7, 49, 8, 610198, tzinfo=timezone(timedelta(hours=2)))),
    ],
)  # fmt: skip
def test_moments(text: str, expected: datetime) -> None:
    assert parse_moment(text) == expected


@pytest.mark.parametrize("text", ["", "yesterday", "2023-13-01", "invalid-date"])
def test_not_moments(text: str) -> None:
    assert parse_moment(text) is None


def test_serializer_shape() -> None:
    found = historical_score(
        "0xabc",
        {"model": "registry.score", "pk": 3, "fields": {
            "score": "1", "error": None, "evidence": {"rawScore": "21.5", "threshold": "20"},
            "stamps": {}, "last_score_timestamp": "2024-10-25T19:16:14.023Z",
            "expiration_date": "2024-11-21T22:09:10.687Z"}},
    )  # fmt: skip
    assert (found.score, found.threshold, found.passing) == (Decimal("21.5"), Decimal(20), True)
    assert found.last_score_timestamp == "2024-10-25T19:16:14.023Z"
    assert found.stamps == {}


@pytest.mark.parametrize(
    ("data", "score", "passing"),
    [
        ({"score": "abc"}, Decimal(0), True),  # unreadable: zero, yet truthy text as the reference
        ({"score": None}, Decimal(0), False),
        ({"evidence": {"rawScore": "NaN", "threshold": "1"}}, Decimal(0), False),
    ],
)
def test_unreadable_numbers_are_zero(
    data: dict[str, object], score: Decimal, passing: bool
) -> None:
    found = historical_score("0xabc", data)
    assert (found.score, found.passing) == (score, passing)

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

from passport_scorer.domain.stakes import eighteen_places, legacy_amount, stake_time


def test_eighteen_placess_have_exactly_18_decimals_at_any_size() -> None:
    assert eighteen_places(Decimal("100000000000000000000")) == "100000000000000000000." + "0" * 18
    widest = "9" * 60 + "." + "9" * 18
    assert eighteen_places(Decimal(widest)) == widest
    assert eighteen_places(Decimal("0E-18")) == "0.000000000000000000"


def test_legacy_amounts_are_pythons_str() -> None:
    assert legacy_amount(Decimal("5.000000000000000000")) == "5.000000000000000000"
    assert legacy_amount(Decimal("0E-18")) == "0E-18"


def test_stake_times_are_utc_isoformat() -> None:
    moment = datetime(2025, 1, 2, 3, 4, 5, 120000, tzinfo=UTC)
    assert stake_time(moment) == "2025-01-02T03:04:05.120000+00:00"
    elsewhere = moment.astimezone(timezone(timedelta(hours=2)))
    assert stake_time(elsewhere) == "2025-01-02T03:04:05.120000+00:00"
    assert stake_time(moment.replace(microsecond=0)) == "2025-01-02T03:04:05+00:00"

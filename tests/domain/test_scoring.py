from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from passport_scorer.domain.scoring import calculate_score, format_5dp, parse_weights
from passport_scorer.domain.stamps import Claims, Stamp
from passport_scorer.errors import ScoringFailed


def stamp(provider: str, expires: datetime, subject_provider: str | None = None) -> Stamp:
    claims = Claims(
        "did", subject_provider or provider, (f"v0:{provider}",), expires, expires.isoformat(), ""
    )
    return Stamp(provider, "{}", claims)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0", "0.00000"),
        ("22", "22.00000"),
        ("0.000005", "0.00000"),
        ("0.000015", "0.00002"),
        ("1.234565", "1.23456"),
        ("1.2345651", "1.23457"),
        ("-0.5", "-0.50000"),
    ],
)
def test_format_5dp_rounds_half_even(value: str, expected: str) -> None:
    assert format_5dp(Decimal(value)) == expected


def test_weights_are_read_exactly_from_json_text() -> None:
    weights = parse_weights('{"A": 0.1, "B": "0.7", "C": 2, "D": 1e-7}')
    assert weights == {
        "A": Decimal("0.1"),
        "B": Decimal("0.7"),
        "C": Decimal(2),
        "D": Decimal("1e-7"),
    }
    assert weights["A"] + weights["B"] == Decimal("0.8")


@pytest.mark.parametrize(
    "text", [None, "[]", "not json", '{"A": "x"}', '{"A": "NaN"}', '{"A": null}']
)
def test_unusable_weights_fail_scoring(text: str | None) -> None:
    with pytest.raises(ScoringFailed):
        parse_weights(text)


def test_score_sums_kept_stamps_and_lists_deduped_ones_after() -> None:
    now = datetime(2030, 1, 1, tzinfo=UTC)
    plus2 = timezone(timedelta(hours=2))
    kept = [stamp("A", now + timedelta(days=3)), stamp("B", datetime(2030, 1, 2, 1, tzinfo=plus2))]
    deduped = {"C": stamp("C", now)}
    score = calculate_score(
        kept,
        deduped,
        weights={"A": Decimal("0.1"), "B": Decimal("0.7"), "C": Decimal(5)},
        threshold=Decimal("0.8"),
    )
    assert score.raw_score == Decimal("0.8")
    assert score.passing and score.binary == 1
    assert list(score.stamps) == ["A", "B", "C"]
    assert score.stamps["C"].score == "0.00000" and score.stamps["C"].dedup
    assert score.expires_at == datetime(2030, 1, 2, 1, tzinfo=plus2)  # earliest, offset kept
    assert score.stamps["B"].expiration_date == "2030-01-02T01:00:00+02:00"
    assert score.evidence == {
        "type": "ThresholdScoreCheck",
        "success": True,
        "rawScore": "0.8",
        "threshold": "0.8",
    }


def test_unknown_provider_weighs_zero_and_no_stamps_scores_zero() -> None:
    now = datetime(2030, 1, 1, tzinfo=UTC)
    score = calculate_score([stamp("Z", now)], {}, weights={}, threshold=Decimal("1"))
    assert score.raw_score == 0 and not score.passing and score.stamps["Z"].score == "0.00000"
    empty = calculate_score([], {}, weights={}, threshold=Decimal("20.00000"))
    assert empty.expires_at is None
    assert empty.evidence["rawScore"] == "0"
    assert empty.evidence["threshold"] == "20.00000"

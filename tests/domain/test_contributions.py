from __future__ import annotations

from decimal import Decimal

from passport_scorer.domain.contributions import (
    GrantContribution,
    ProtocolContribution,
    contributor_statistics,
)


def protocol(project: str, amount: str, round: str = "0xr") -> ProtocolContribution:
    return ProtocolContribution(project, round, Decimal(amount))


def test_counts_distinct_grants_and_projects_and_sums_exactly() -> None:
    result = contributor_statistics(
        [GrantContribution(1, Decimal("0.1")), GrantContribution(1, Decimal("0.2"))],
        [protocol("a", "1.1"), protocol("a", "2.2"), protocol("b", "0.95")],
        squelched_rounds=(),
    )
    assert result.num_grants_contribute_to == 3
    assert result.total_contribution_amount == Decimal("4.55")  # 0.3 + 4.25, not 4.550000001


def test_small_and_squelched_protocol_contributions_do_not_count() -> None:
    result = contributor_statistics(
        [],
        [protocol("a", "0.9499"), protocol("b", "5", round="0xsquelched"), protocol("c", "1")],
        squelched_rounds={"0xsquelched"},
    )
    assert (result.num_grants_contribute_to, result.total_contribution_amount) == (
        Decimal(1),
        Decimal(1),
    )


def test_protocol_total_rounds_to_3_decimals_before_the_2_decimal_total() -> None:
    result = contributor_statistics(
        [GrantContribution(1, Decimal("0.0049"))], [protocol("a", "1.0101")], ()
    )
    # 1.010 + 0.0049 = 1.0149 → 1.01 (one rounding of the raw 1.015 would give 1.02).
    assert result.total_contribution_amount == Decimal("1.01")


def test_nothing() -> None:
    result = contributor_statistics([], [], ())
    assert (result.num_grants_contribute_to, result.total_contribution_amount) == (
        Decimal(0),
        Decimal(0),
    )

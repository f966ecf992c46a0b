"""Grants contributor statistics: how many grants an address funded, and with how much.

Two sources add up. Classic cgrants: the address's successful contributions, counted per
distinct grant and summed. Protocol (Allo) rounds: contributions of at least 0.95 (USD), in
rounds where the address was not squelched, counted per distinct project and summed, then
rounded to 3 decimals. The two totals are added and rounded to 2 decimals, half to even, all
in exact decimals; the route shows them as floats, as the reference does.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, localcontext

PROTOCOL_MINIMUM = Decimal("0.95")


@dataclass(frozen=True, slots=True)
class GrantContribution:
    grant_id: int
    amount: Decimal


@dataclass(frozen=True, slots=True)
class ProtocolContribution:
    project: str
    round: str  # the round's contract address
    amount: Decimal


@dataclass(frozen=True, slots=True)
class ContributorStatistics:
    num_grants_contribute_to: Decimal
    total_contribution_amount: Decimal


def _rounded(value: Decimal, places: int) -> Decimal:
    with localcontext() as context:
        context.prec = 100  # sums of NUMERIC(64, 18) values never lose digits
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)


def contributor_statistics(
    grants: Sequence[GrantContribution],
    protocol: Sequence[ProtocolContribution],
    squelched_rounds: Collection[str],
) -> ContributorStatistics:
    counted = [
        c for c in protocol if c.amount >= PROTOCOL_MINIMUM and c.round not in squelched_rounds
    ]
    with localcontext() as context:
        context.prec = 100
        grants_total = sum((c.amount for c in grants), Decimal(0))
        protocol_total = _rounded(sum((c.amount for c in counted), Decimal(0)), 3)
        count = Decimal(len({c.grant_id for c in grants}) + len({c.project for c in counted}))
        total = grants_total + protocol_total
    return ContributorStatistics(_rounded(count, 2), _rounded(total, 2))

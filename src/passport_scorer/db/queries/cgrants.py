"""SQL for the grants tables (`cgrants_*`): an address's contributions and squelched rounds."""

from __future__ import annotations

from sqlalchemy import select

from passport_scorer.db.executor import Executor
from passport_scorer.db.queries.address_match import same_address
from passport_scorer.db.tables import cgrants_contribution as contributions
from passport_scorer.db.tables import cgrants_grantcontributionindex as contribution_index
from passport_scorer.db.tables import cgrants_protocolcontributions as protocol
from passport_scorer.db.tables import cgrants_roundmapping as round_mapping
from passport_scorer.db.tables import cgrants_squelchedaccounts as squelched
from passport_scorer.domain.contributions import GrantContribution, ProtocolContribution

# Successful classic-grants contributions (the index row's amount).
_GRANT_CONTRIBUTIONS = (
    select(contribution_index.c.grant_id, contribution_index.c.amount)
    .select_from(
        contribution_index.join(
            contributions, contributions.c.id == contribution_index.c.contribution_id
        )
    )
    .where(
        same_address(contribution_index.c.contributor_address), contributions.c.success.is_(True)
    )
    .order_by(contribution_index.c.id)
)

_PROTOCOL_CONTRIBUTIONS = (
    select(protocol.c.project, protocol.c.round, protocol.c.amount)
    .where(same_address(protocol.c.contributor))
    .order_by(protocol.c.id)
)

# The contract addresses of the rounds the address was squelched in.
_SQUELCHED_ROUNDS = select(round_mapping.c.round_eth_address).where(
    round_mapping.c.round_number.in_(
        select(squelched.c.round_number).where(same_address(squelched.c.address))
    )
)


async def grant_contributions(ex: Executor, address: str) -> list[GrantContribution]:
    rows = await ex.all(_GRANT_CONTRIBUTIONS, {"address": address})
    return [GrantContribution(*row) for row in rows]


async def protocol_contributions(ex: Executor, address: str) -> list[ProtocolContribution]:
    rows = await ex.all(_PROTOCOL_CONTRIBUTIONS, {"address": address})
    return [ProtocolContribution(*row) for row in rows]


async def squelched_rounds(ex: Executor, address: str) -> set[str]:
    return {row[0] for row in await ex.all(_SQUELCHED_ROUNDS, {"address": address})}

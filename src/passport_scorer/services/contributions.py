"""An address's grants contributor statistics (classic cgrants plus protocol rounds)."""

from __future__ import annotations

from passport_scorer.db.executor import Executor
from passport_scorer.db.queries import cgrants
from passport_scorer.domain.contributions import ContributorStatistics, contributor_statistics


async def statistics_for(ex: Executor, address: str) -> ContributorStatistics:
    """`address` is valid and lower-cased."""
    return contributor_statistics(
        await cgrants.grant_contributions(ex, address),
        await cgrants.protocol_contributions(ex, address),
        await cgrants.squelched_rounds(ex, address),
    )

"""SQL reading an address's stored score (`registry_score` through its passport), for the
routes that answer the stored score instead of rescoring."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, bindparam, select

from passport_scorer.db.executor import Executor
from passport_scorer.db.tables import account_community as communities
from passport_scorer.db.tables import registry_passport as passports
from passport_scorer.db.tables import registry_score as scores
from passport_scorer.domain.score_view import StoredScore


@dataclass(frozen=True, slots=True)
class CommunityScore:
    """A community that exists, and the address's score row in it (None: never scored)."""

    community_id: int
    score: StoredScore | None


# One read: the community (it must exist) and, when there is one, the address's score row.
_COMMUNITY_SCORE = (
    select(
        communities.c.id,
        scores.c.id.label("score_id"),
        scores.c.status,
        scores.c.error,
        scores.c.evidence,
        scores.c.last_score_timestamp,
        scores.c.expiration_date,
        scores.c.stamps,
    )
    .select_from(communities)
    .outerjoin(
        passports,
        and_(
            passports.c.community_id == communities.c.id,
            passports.c.address == bindparam("address"),
        ),
    )
    .outerjoin(scores, scores.c.passport_id == passports.c.id)
    .where(communities.c.id == bindparam("community_id"))
)


async def community_score(ex: Executor, community_id: int, address: str) -> CommunityScore | None:
    """None if there is no such community."""
    row = await ex.first(_COMMUNITY_SCORE, {"community_id": community_id, "address": address})
    if row is None:
        return None
    if row["score_id"] is None:
        return CommunityScore(row["id"], None)
    stored = StoredScore(
        status=row["status"],
        error=row["error"],
        evidence=row["evidence"],
        last_score_timestamp=row["last_score_timestamp"],
        expiration_date=row["expiration_date"],
        stamps=row["stamps"],
    )
    return CommunityScore(row["id"], stored)

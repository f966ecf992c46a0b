"""SQL for `registry_hashscorerlink`: who owns each nullifier in a community.

Claims are conditional, so two transactions can never both own a live link:
inserts skip rows another transaction created first, and updates only touch
links this address owns or that have expired. The caller compares how many
rows were written with how many it planned, and retries on any shortfall.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import bindparam, case, or_, select, update

from passport_scorer.db.executor import Executor
from passport_scorer.db.queries.dialect import insert_for
from passport_scorer.db.tables import registry_hashscorerlink as links
from passport_scorer.domain.dedup import HashLink

_LINKS = select(links.c.hash, links.c.address, links.c.expires_at).where(
    links.c.community_id == bindparam("community_id"),
    links.c.hash.in_(bindparam("hashes", expanding=True)),
)


async def links_for(ex: Executor, community_id: int, hashes: Sequence[str]) -> dict[str, HashLink]:
    if not hashes:
        return {}
    rows = await ex.all(_LINKS, {"community_id": community_id, "hashes": list(hashes)})
    return {row[0]: HashLink(row[0], row[1], row[2]) for row in rows}


async def create_links(ex: Executor, community_id: int, new_links: Sequence[HashLink]) -> int:
    """Insert links that nobody holds yet; returns how many were inserted."""
    if not new_links:
        return 0
    ordered = sorted(new_links, key=lambda link: link.hash)  # one lock order for everyone
    statement = (
        insert_for(ex, links)
        .values(
            [
                {
                    "hash": link.hash,
                    "address": link.address,
                    "expires_at": link.expires_at,
                    "community_id": community_id,
                }
                for link in ordered
            ]
        )
        .on_conflict_do_nothing(index_elements=["hash", "community_id"])
        .returning(links.c.hash)
    )
    return len(await ex.all(statement))


async def claim_links(
    ex: Executor,
    community_id: int,
    address: str,
    claims: Sequence[HashLink],
    now: datetime,
) -> int:
    """Point existing links at `address` (own or expired ones only); returns how many moved."""
    if not claims:
        return 0
    expiry_by_hash = {claim.hash: claim.expires_at for claim in claims}
    statement = (
        update(links)
        .where(
            links.c.community_id == community_id,
            links.c.hash.in_(sorted(expiry_by_hash)),
            or_(links.c.address == address, links.c.expires_at <= now),
        )
        .values(address=address, expires_at=case(expiry_by_hash, value=links.c.hash))
        .returning(links.c.hash)
    )
    return len(await ex.all(statement))

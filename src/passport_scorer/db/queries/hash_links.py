"""SQL for `registry_hashscorerlink`: who owns each nullifier in a community.

Claims are conditional, so two transactions can never both own a live link:
inserts skip rows another transaction created first, and updates only touch
links this address owns or that have expired. The caller compares how many
rows were written with how many it planned, and retries on any shortfall.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import case, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from passport_scorer.db.queries.dialect import insert_for
from passport_scorer.db.tables import registry_hashscorerlink as links
from passport_scorer.domain.dedup import HashLink


async def links_for(
    conn: AsyncConnection, community_id: int, hashes: Sequence[str]
) -> dict[str, HashLink]:
    if not hashes:
        return {}
    result = await conn.execute(
        select(links.c.hash, links.c.address, links.c.expires_at).where(
            links.c.community_id == community_id, links.c.hash.in_(hashes)
        )
    )
    return {row.hash: HashLink(row.hash, row.address, row.expires_at) for row in result}


async def create_links(
    conn: AsyncConnection, community_id: int, new_links: Sequence[HashLink]
) -> int:
    """Insert links that nobody holds yet; returns how many were inserted."""
    if not new_links:
        return 0
    ordered = sorted(new_links, key=lambda link: link.hash)  # one lock order for everyone
    statement = (
        insert_for(conn, links)
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
    return len((await conn.execute(statement)).all())


async def claim_links(
    conn: AsyncConnection,
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
    return len((await conn.execute(statement)).all())

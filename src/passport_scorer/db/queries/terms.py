"""SQL for `tos_tos` and `tos_tosacceptanceproof` (terms of service and their acceptances)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, exists, select

from passport_scorer.db.executor import Executor
from passport_scorer.db.queries.dialect import insert_for
from passport_scorer.db.tables import tos_tos as terms
from passport_scorer.db.tables import tos_tosacceptanceproof as proofs

# The one active, final terms of a type (the reference's unique condition).
_ACTIVE_FINAL = (
    select(terms.c.id, terms.c.content)
    .where(
        terms.c.type == bindparam("tos_type"),
        terms.c.active.is_(True),
        terms.c.final.is_(True),
    )
    .order_by(terms.c.id)
    .limit(1)
)

_HAS_ACCEPTED = select(
    exists().where(
        proofs.c.tos_id == terms.c.id,
        proofs.c.address == bindparam("address"),
        terms.c.type == bindparam("tos_type"),
        terms.c.active.is_(True),
    )
)


async def active_terms(ex: Executor, tos_type: str) -> tuple[int, str] | None:
    """(id, content) of the active, final terms of `tos_type`, or None."""
    row = await ex.first(_ACTIVE_FINAL, {"tos_type": tos_type})
    return None if row is None else (int(row[0]), str(row[1]))


async def has_accepted(ex: Executor, address: str, tos_type: str) -> bool:
    """Whether `address` accepted the active terms of `tos_type`."""
    return bool(await ex.scalar(_HAS_ACCEPTED, {"address": address, "tos_type": tos_type}))


async def record_acceptance(
    ex: Executor, *, tos_id: int, address: str, signature: str, nonce: str, now: datetime
) -> None:
    """Store the proof; an address that accepted these terms before keeps its first proof."""
    statement = (
        insert_for(ex, proofs)
        .values(
            tos_id=tos_id,
            address=address.lower(),
            signature=signature.lower(),
            nonce=nonce.lower(),
            created_at=now,
        )
        .on_conflict_do_nothing(index_elements=["tos_id", "address"])
    )
    await ex.execute(statement)

"""The checks the issuer runs before signing stamps: bans and revocations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from passport_scorer.db.executor import Executor
from passport_scorer.db.queries import bans as ban_queries
from passport_scorer.domain.bans import Verdict, subject_address, verdict


@dataclass(frozen=True, slots=True)
class CredentialToCheck:
    subject_id: str | None  # `credentialSubject.id`: `did:pkh:eip155:1:<address>`
    hash: str | None
    provider: str | None


async def check_bans(
    ex: Executor, credentials: Sequence[CredentialToCheck], now: datetime | None = None
) -> list[Verdict]:
    """One verdict per credential, in request order; all must be issued to one address."""
    address = subject_address(c.subject_id for c in credentials)
    hashes = sorted({c.hash for c in credentials if c.hash})
    bans = await ban_queries.active_bans(
        ex, address=address, hashes=hashes, now=now or datetime.now(UTC)
    )
    return [verdict(bans, address, c.hash, c.provider) for c in credentials]


async def check_revocations(ex: Executor, proof_values: Sequence[str]) -> list[tuple[str, bool]]:
    """(proof value, revoked?) for each value asked, in order, duplicates kept."""
    revoked = await ban_queries.revoked_proofs(ex, proof_values)
    return [(value, value in revoked) for value in proof_values]

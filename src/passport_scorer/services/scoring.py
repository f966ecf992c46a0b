"""Scoring one address in one community, from its cached stamps to the stored score.

Reads and proof checks happen first, outside any transaction. Then one
transaction locks the passport row (so the same address is never scored twice
at once), settles nullifier ownership, and writes the stamps, the score and its
events, all or nothing. A lost race for a nullifier rolls back and retries
with fresh links, so the loser ends up deduplicated, never with an error.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection

from passport_scorer.db.engine import Database
from passport_scorer.db.errors import is_retryable
from passport_scorer.db.queries import ceramic_cache, hash_links, registry
from passport_scorer.domain import events
from passport_scorer.domain.address import did_for
from passport_scorer.domain.communities import Community
from passport_scorer.domain.dedup import all_nullifiers, deduplicate
from passport_scorer.domain.scoring import (
    Score,
    calculate_score,
    parse_weights,
    stamp_scores_json,
    stamps_json,
)
from passport_scorer.domain.stamps import ProofChecker, Stamp, valid_stamps
from passport_scorer.errors import ScoringFailed

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
LIFO_RULE = "LIFO"


@dataclass(frozen=True, slots=True)
class ScoreResult:
    """What a score route reports: a score, or the error stored instead."""

    address: str
    score: Score | None
    scored_at: datetime | None
    error: str | None = None


class _LostClaim(Exception):
    """Another transaction claimed a nullifier first; retry with fresh links."""


@dataclass(frozen=True)
class ScoringService:
    db: Database
    proofs: ProofChecker
    trusted_issuers: frozenset[str]
    multi_nullifier: bool

    async def score(self, community: Community, address: str) -> ScoreResult:
        now = datetime.now(UTC)
        async with self.db.read() as conn:
            rows = await ceramic_cache.live_stamps(conn, address)
        stamps = await valid_stamps(
            rows,
            did=did_for(address),
            trusted_issuers=self.trusted_issuers,
            now=now,
            multi_nullifier=self.multi_nullifier,
            proofs=self.proofs,
        )
        try:
            return await self._score_valid_stamps(community, address, stamps, now)
        except ScoringFailed as failure:
            await self._store_error(community, address, failure.detail)
            return ScoreResult(address, None, None, failure.detail)

    async def _score_valid_stamps(
        self, community: Community, address: str, stamps: list[Stamp], now: datetime
    ) -> ScoreResult:
        if community.rule != LIFO_RULE:
            raise ScoringFailed(f"Invalid rule: {community.rule}")
        if community.scorer is None:
            raise ScoringFailed("Scorer configuration not found.")
        weights = parse_weights(community.scorer.weights_json)
        threshold = community.scorer.threshold
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                async with self.db.transaction() as conn:
                    score = await self._persist(
                        conn, community, address, stamps, weights, threshold, now
                    )
                return ScoreResult(address, score, now)
            except _LostClaim:
                log.info("nullifier claim lost, retrying", extra={"attempt": attempt})
            except DBAPIError as error:
                if not is_retryable(error):
                    raise
                log.info("transaction conflict, retrying", extra={"attempt": attempt})
        raise ScoringFailed("Failed to save HashScorerLinks")

    async def _persist(
        self,
        conn: AsyncConnection,
        community: Community,
        address: str,
        stamps: list[Stamp],
        weights: dict[str, Decimal],
        threshold: Decimal,
        now: datetime,
    ) -> Score:
        passport_id = await registry.upsert_passport(conn, address, community.id)
        links = await hash_links.links_for(conn, community.id, all_nullifiers(stamps))
        lifo = deduplicate(stamps, links, address=address, now=now)
        created = await hash_links.create_links(conn, community.id, lifo.creates)
        claimed = await hash_links.claim_links(conn, community.id, address, lifo.claims, now)
        if created != len(lifo.creates) or claimed != len(lifo.claims):
            raise _LostClaim()
        await registry.add_events(
            conn,
            events.LIFO_DEDUPLICATION,
            address=address,
            community_id=community.id,
            created_at=now,
            payloads=lifo.dedup_events(community.id),
        )
        score = calculate_score(lifo.kept, lifo.deduped, weights=weights, threshold=threshold)
        await registry.replace_stamps(
            conn, passport_id, [(stamp.provider, stamp.credential) for stamp in lifo.kept]
        )
        score_id = await registry.save_score(
            conn,
            passport_id,
            score=Decimal(score.binary),
            status="DONE",
            last_score_timestamp=now,
            error=None,
            evidence=score.evidence,
            stamp_scores=stamp_scores_json(score),
            stamps_json=stamps_json(score),
            expiration_date=score.expires_at,
        )
        await registry.add_events(
            conn,
            events.SCORE_UPDATED,
            address=address,
            community_id=community.id,
            created_at=now,
            payloads=[
                events.score_updated(
                    score_id=score_id, passport_id=passport_id, score=score, scored_at=now
                )
            ],
        )
        return score

    async def _store_error(self, community: Community, address: str, message: str) -> None:
        """The reference keeps a failed scoring as status ERROR with the message."""
        async with self.db.transaction() as conn:
            passport_id = await registry.upsert_passport(conn, address, community.id)
            await registry.save_score(
                conn,
                passport_id,
                score=None,
                status="ERROR",
                last_score_timestamp=None,
                error=message,
                evidence=None,
                stamp_scores=None,
                stamps_json=None,
                expiration_date=None,
            )

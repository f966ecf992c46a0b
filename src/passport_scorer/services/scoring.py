"""Scoring one address in one community, from its cached stamps to the stored score.

One read gathers the community, the stamps, the nullifier links and the score row's version;
the proofs are checked (cached) and the domain decides; then one write stores the outcome,
all or nothing, provided nobody scored the address or claimed those nullifiers in between.
If someone did, the scoring is redone under the passport row lock, with fresh data, so the
loser of a race for a nullifier ends up deduplicated, never with an error.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from functools import partial

from passport_scorer.db.errors import describe, is_database_error, is_retryable, is_unavailable
from passport_scorer.db.executor import Executor
from passport_scorer.db.scoring import (
    AddressState,
    KeptStamp,
    KeyedRead,
    ScoreWrite,
    ScoringStore,
)
from passport_scorer.domain import events
from passport_scorer.domain.address import did_for, is_address, normalise_address
from passport_scorer.domain.api_keys import key_prefix, sha256_hash
from passport_scorer.domain.communities import Community, resolve_scorer_id
from passport_scorer.domain.dedup import deduplicate
from passport_scorer.domain.score_view import ScoreView, failed, scored
from passport_scorer.domain.scoring import (
    Score,
    calculate_score,
    parse_weights,
    stamp_scores_json,
    stamps_json,
)
from passport_scorer.domain.stamps import CredentialChecker, valid_stamps
from passport_scorer.errors import CommunityNotFound, ScorerError, ScorerNotFound, ScoringFailed
from passport_scorer.observability.metrics import record_scoring
from passport_scorer.services.coalesce import Coalescer
from passport_scorer.services.human_points import HumanPointsService

log = logging.getLogger(__name__)

MAX_LOCKED_ATTEMPTS = 5
LIFO_RULE = "LIFO"


@dataclass(frozen=True, slots=True)
class _Rules:
    weights: dict[str, Decimal]
    threshold: Decimal


class _Retry(Exception):
    """The write found the data changed since it was read."""


@dataclass(frozen=True)
class ScoringService:
    """`score` is the one scoring entry point; the other methods resolve a community (with
    the fused read where there is one) and then call it."""

    store: ScoringStore
    credentials: CredentialChecker
    demo_scorer_id: int | None = None
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))  # tests fix it
    flights: Coalescer[ScoreView] = field(default_factory=Coalescer)
    points: HumanPointsService | None = None  # the human points programme; None: off

    async def score(
        self,
        ex: Executor,
        community: Community,
        address: str,
        state: AddressState | None = None,
    ) -> ScoreView:
        """Rescore `address` (valid, lower-cased) in `community` from its current stamps and
        store the outcome; a scoring failure is stored as ERROR and shown in the view.

        Outside a transaction, concurrent rescorings of one address in this process share
        one scoring (`coalesce.Coalescer`); inside one (stamps just written by the request)
        the request scores on its own, seeing its uncommitted writes."""
        if ex.in_transaction:
            if state is None:
                state = await self.store.read_state(ex, community.id, address)
            return await self._score_and_show(ex, community, state, address)

        async def work(fresh: bool) -> ScoreView:
            current = state
            if fresh or current is None:
                current = await self.store.read_state(ex, community.id, address)
            return await self._score_and_show(ex, community, current, address)

        return await self.flights.run((community.id, address), work)

    async def _score_and_show(
        self, ex: Executor, community: Community, state: AddressState, address: str
    ) -> ScoreView:
        """The scoring's view, with the address's human points when the programme is on."""
        view = _observed(await self._score(ex, community, state, address))
        return view if self.points is None else await self.points.show(ex, community, view)

    async def read_for_key(self, ex: Executor, key: str, scorer_id: int, address: str) -> KeyedRead:
        """Public route, step one: the key's row, its scorer and the state, in one read."""
        resolved = resolve_scorer_id(scorer_id, self.demo_scorer_id)
        now = self.clock()
        return await self.store.read_for_key(
            ex, key_prefix(key), sha256_hash(key), resolved, _lookup(address), now
        )

    async def score_read(self, ex: Executor, read: KeyedRead, address: str) -> ScoreView:
        """Public route, step two (once the key is admitted): the scorer (404), the address
        (400), then the score."""
        if read.community is None or read.state is None:
            raise ScorerNotFound()
        return await self.score(ex, read.community, normalise_address(address), read.state)

    async def score_by_id(
        self,
        ex: Executor,
        community_id: int,
        address: str,
        *,
        missing: type[ScorerError] = CommunityNotFound,
    ) -> ScoreView:
        """Any community by id (`missing` when there is none), then the address (400)."""
        if resolve_scorer_id(community_id, None) is None:
            raise missing()
        found = await self.store.community_by_id(ex, community_id, _lookup(address))
        if found is None:
            raise missing()
        community, state = found
        return await self.score(ex, community, normalise_address(address), state)

    async def _score(
        self, ex: Executor, community: Community, state: AddressState, address: str
    ) -> ScoreView:
        try:
            rules = _rules(community)
            now = self.clock()
            outcome, score = await self._decide(community, address, state, rules, now)
            if await self._try(self._write(ex, community, outcome, partial(self.store.write, ex))):
                return scored(address, score, now, outcome.stamps)
            for attempt in range(1, MAX_LOCKED_ATTEMPTS + 1):
                log.info("scoring raced, redoing it locked", extra={"attempt": attempt})
                try:
                    async with self.store.locked(ex, community.id, address) as locked:
                        state = await locked.read_state()
                        now = self.clock()
                        outcome, score = await self._decide(community, address, state, rules, now)
                        if not await self._try(self._write(ex, community, outcome, locked.write)):
                            raise _Retry()
                    return scored(address, score, now, outcome.stamps)
                except _Retry:
                    continue
            raise ScoringFailed("Failed to save HashScorerLinks")
        except ScoringFailed as failure:
            message = failure.detail
        except Exception as error:
            # Any failure inside scoring is stored and reported, as the reference does;
            # an unreachable database is not a scoring failure (503 instead).
            if is_unavailable(error):
                raise
            message = _stored_message(error, community.id)
        await self.store.save_error(ex, community.id, address, message)
        return failed(address, message)

    async def _write(
        self,
        ex: Executor,
        community: Community,
        outcome: ScoreWrite,
        write: Callable[[ScoreWrite], Awaitable[bool]],
    ) -> bool:
        """The score write; with it, in one transaction, the human points it earns."""
        plan = None if self.points is None else self.points.plan(community, outcome)
        if plan is None or self.points is None:
            return await write(outcome)
        return await self.points.write_with_score(ex, partial(write, outcome), plan)

    @staticmethod
    async def _try(write: Awaitable[bool]) -> bool:
        """A write's verdict; a deadlock or serialization failure counts as a lost race."""
        try:
            return await write
        except Exception as error:
            if is_retryable(error):
                return False
            raise

    async def _decide(
        self,
        community: Community,
        address: str,
        state: AddressState,
        rules: _Rules,
        now: datetime,
    ) -> tuple[ScoreWrite, Score]:
        stamps = await valid_stamps(
            state.stamps, did=did_for(address), now=now, checker=self.credentials
        )
        lifo = deduplicate(stamps, state.links, address=address, now=now)
        score = calculate_score(
            lifo.kept, lifo.deduped, weights=rules.weights, threshold=rules.threshold
        )
        # A claim that would leave the link as it is changes nothing: skip it.
        claims = [claim for claim in lifo.claims if state.links.get(claim.hash) != claim]
        outcome = ScoreWrite(
            community_id=community.id,
            address=address,
            scored_at=now,
            version=state.version,
            # An ERROR row carries no timestamp, so its version can come back unchanged
            # (ABA): trust the stored stamps only under a DONE score.
            stored_stamps=state.stored_stamps if state.version.status == "DONE" else None,
            link_creates=lifo.creates,
            link_claims=sorted(claims, key=lambda claim: claim.hash),
            dedup_events=lifo.dedup_events(community.id),
            kept=[KeptStamp(s.provider, s.credential_json, s.claims.signature) for s in lifo.kept],
            binary_score=Decimal(score.binary),
            evidence=score.evidence,
            stamp_scores=stamp_scores_json(score),
            stamps=stamps_json(score),
            expiration_date=score.expires_at,
            score_updated=events.score_updated(
                score_id=0, passport_id=0, score=score, scored_at=now
            ),
        )
        return outcome, score


def _stored_message(error: Exception, community_id: int) -> str:
    """The message a failed scoring stores and shows: the reference's `str(error)`, except
    that database and driver text (SQL, values, driver state) is never stored or logged."""
    if is_database_error(error):
        log.error("scoring failed", extra={"community_id": community_id, **describe(error)})
        return ScoringFailed.detail
    log.exception("scoring failed", extra={"community_id": community_id})
    return str(error) or type(error).__name__


def _observed(view: ScoreView) -> ScoreView:
    """Count the scoring's outcome and its deduplicated stamps in the metrics."""
    deduplicated = sum(bool(entry.get("dedup")) for entry in view.stamps.values())
    record_scoring(error=view.error is not None, deduplicated=deduplicated)
    return view


def _lookup(address: str) -> str:
    """The address to read state for; an invalid one (answered 400 after the scorer's 404
    check) reads nothing rather than reaching the database as arbitrary text."""
    return address.lower() if is_address(address) else ""


def _rules(community: Community) -> _Rules:
    if community.rule != LIFO_RULE:
        raise ScoringFailed("Invalid rule")  # the reference's exact message
    if community.scorer is None:
        raise ScoringFailed("Scorer configuration not found.")
    return _Rules(parse_weights(community.scorer.weights_json), community.scorer.threshold)

"""The v1 registry API's use cases: submit an address, read one score or a community's scores,
get a message to sign."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from passport_scorer.db.executor import Executor
from passport_scorer.db.queries import communities, detailed_scores
from passport_scorer.db.queries import nonces as nonce_queries
from passport_scorer.db.queries.detailed_scores import ScoreFilters, ScoreOrder
from passport_scorer.domain.address import normalise_address
from passport_scorer.domain.api_keys import ApiKey
from passport_scorer.domain.communities import Community, resolve_scorer_id
from passport_scorer.domain.detailed_scores import detailed_score
from passport_scorer.domain.signatures import recover_signer
from passport_scorer.domain.submissions import SubmitPassportPayload, scorer_id_of, signing_message
from passport_scorer.errors import (
    CommunityNotFound,
    InvalidLimit,
    InvalidNonce,
    InvalidOrderBy,
    InvalidPermissions,
    InvalidSigner,
    ScoreRequestFailed,
    ScorerNotFound,
)
from passport_scorer.services import nonces
from passport_scorer.services.scoring import ScoringService

MAX_PAGE = 1000
ORDERS: dict[str, ScoreOrder] = {"id": "id", "last_score_timestamp": "last_score_timestamp"}


@dataclass(frozen=True, slots=True)
class ScoreListQuery:
    limit: int
    offset: int
    order_by: str
    filters: ScoreFilters


async def signing_challenge(ex: Executor) -> dict[str, str]:
    """A fresh nonce (no expiry, as the reference's) and the message to sign with it."""
    nonce = await nonces.issue(ex)
    return {"message": signing_message(nonce), "nonce": nonce}


async def submit_passport(
    ex: Executor, scoring: ScoringService, api_key: ApiKey, payload: SubmitPassportPayload
) -> dict[str, Any]:
    """Score the address in the key's scorer (its signature and nonce checked when it signs)
    and answer the stored score as the v1 object."""
    if not api_key.submit_passports:
        raise InvalidPermissions()
    address = normalise_address(payload.address)
    community = await communities.find_for_account_by_text(
        ex, scorer_id_of(payload), api_key.account_id
    )
    if community is None:
        raise ScorerNotFound()
    if payload.signature:
        if recover_signer(signing_message(payload.nonce), payload.signature) != address:
            raise InvalidSigner()
        if not await nonce_queries.use_nonce(ex, payload.nonce, now=datetime.now(UTC)):
            raise InvalidNonce()
    await scoring.score(ex, community, address)
    stored = await detailed_scores.stored_score(ex, community.id, address)
    assert stored is not None  # scoring always leaves the row (DONE or ERROR)
    return detailed_score(stored, scorer_kind=_kind(community))


async def score_of(ex: Executor, api_key: ApiKey, scorer_id: int, address: str) -> dict[str, Any]:
    """The stored score of the address in one of the key's scorers."""
    community = await _keys_community(ex, api_key, scorer_id)
    lowered = normalise_address(address)
    stored = await detailed_scores.stored_score(ex, community.id, lowered)
    if stored is None:
        raise ScoreRequestFailed()
    return detailed_score(stored, scorer_kind=_kind(community))


async def scores_of(
    ex: Executor, api_key: ApiKey, scorer_id: int, query: ScoreListQuery
) -> dict[str, Any]:
    """A page of the scorer's stored scores: `{"items": [...], "count": <all matching>}`."""
    if query.limit > MAX_PAGE:
        raise InvalidLimit()
    if not api_key.read_scores:
        raise InvalidPermissions()
    community = await _keys_community(ex, api_key, scorer_id)
    order = ORDERS.get(query.order_by)
    if order is None:
        raise InvalidOrderBy()
    rows, count = await detailed_scores.score_page(
        ex, community.id, query.filters, order_by=order, limit=query.limit, offset=query.offset
    )
    return {"items": [detailed_score(row) for row in rows], "count": count}


async def _keys_community(ex: Executor, api_key: ApiKey, scorer_id: int) -> Community:
    """The key's account's community with that external id or id (404 otherwise)."""
    found = None
    if resolve_scorer_id(scorer_id, None) is not None:
        found = await communities.find_for_account(ex, scorer_id, api_key.account_id)
    if found is None:
        raise CommunityNotFound()
    return found


def _kind(community: Community) -> str | None:
    return community.scorer.kind if community.scorer is not None else None

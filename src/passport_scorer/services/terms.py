"""Terms of service: whether an address accepted them, the message to sign, the acceptance."""

from __future__ import annotations

from datetime import UTC, datetime

from passport_scorer.db.executor import Executor
from passport_scorer.db.queries import nonces as nonce_queries
from passport_scorer.db.queries import terms as queries
from passport_scorer.domain.signatures import recover_signer
from passport_scorer.domain.terms import tos_message
from passport_scorer.errors import TosAcceptanceFailed, TosNotFound
from passport_scorer.services import nonces


async def accepted(ex: Executor, tos_type: str, address: str) -> dict[str, bool]:
    return {"accepted": await queries.has_accepted(ex, address, tos_type)}


async def message_to_sign(ex: Executor, tos_type: str) -> dict[str, str]:
    """The active terms' text with a fresh nonce (no expiry, as the reference's)."""
    terms = await queries.active_terms(ex, tos_type)
    if terms is None:
        raise TosNotFound()
    nonce = await nonces.issue(ex)
    return {"text": tos_message(terms[1], nonce), "nonce": nonce}


async def accept(ex: Executor, tos_type: str, nonce: str, signature: str) -> None:
    """Record that the signer of the terms' message with `nonce` accepted them. The nonce is
    used once; run inside a transaction, a refused acceptance leaves it unused."""
    now = datetime.now(UTC)
    if not await nonce_queries.use_nonce(ex, nonce, now=now):
        raise TosAcceptanceFailed()
    terms = await queries.active_terms(ex, tos_type)
    if terms is None:
        raise TosNotFound()
    signer = recover_signer(tos_message(terms[1], nonce), signature)
    if signer is None:
        raise TosAcceptanceFailed()
    await queries.record_acceptance(
        ex, tos_id=terms[0], address=signer, signature=signature, nonce=nonce, now=now
    )

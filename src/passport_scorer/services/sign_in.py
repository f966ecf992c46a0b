"""Sign-in for the Passport app: a nonce, then a signed EIP-4361 message for an access token.

The rules are `domain/sign_in.py`'s; this holds their order against the database (the
nonce is used only after the checks that need neither nonce nor signature) and the slow
parts: `ecrecover` first, the smart-wallet RPC call only when that fails, with the
request's database connection given back while it waits.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from passport_scorer.db.engine import Database
from passport_scorer.db.executor import Executor
from passport_scorer.db.queries import nonces as nonce_queries
from passport_scorer.domain.app_tokens import AppTokenIssuer
from passport_scorer.domain.sign_in import BAD_NONCE, BAD_SIGNATURE, checked_message
from passport_scorer.domain.signatures import recover_signer
from passport_scorer.errors import SignInFailed
from passport_scorer.services import nonces

NONCE_LIFETIME = timedelta(seconds=300)


class SmartWallets(Protocol):
    async def is_valid(self, address: str, digest: bytes, signature: str) -> bool: ...


def _now() -> datetime:
    return datetime.now(UTC)


async def create_nonce(ex: Executor, now: datetime | None = None) -> str:
    """A new single-use nonce, valid for five minutes."""
    return await nonces.issue(ex, lifetime=NONCE_LIFETIME, now=now)


@dataclass(frozen=True)
class SignIn:
    issuer: AppTokenIssuer
    allowed_domains: Collection[str]
    smart_wallets: SmartWallets | None = None  # None: ordinary accounts only
    clock: Callable[[], datetime] = _now

    async def authenticate(
        self, db: Database, ex: Executor, fields: Mapping[str, Any], signature: str
    ) -> str:
        """An access token for the message's address, or `SignInFailed`."""
        now = self.clock()
        message = checked_message(fields, self.allowed_domains, now)
        if not await nonce_queries.use_nonce(ex, message.nonce, now=now):
            raise SignInFailed(BAD_NONCE)
        if recover_signer(message.text, signature) != message.address:
            if self.smart_wallets is None:
                raise SignInFailed(BAD_SIGNATURE)
            async with db.released():
                valid = await self.smart_wallets.is_valid(
                    message.address, message.digest, signature
                )
            if not valid:
                raise SignInFailed(BAD_SIGNATURE)
        return self.issuer.issue(message.address, now)

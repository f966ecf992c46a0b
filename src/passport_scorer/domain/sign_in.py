"""Sign-in with Ethereum (EIP-4361) for the Passport app: which signed messages are accepted.

The app sends the message's fields (camelCase, as the SIWE JavaScript library names them)
and the signature of the message's text. The text is rebuilt from the fields by the SIWE
library, so what was signed is exactly what the fields say. In the reference's order:

1. `address` and `nonce` are required ("Missing address or nonce!"); the address must be an
   address ("Invalid address format!"; any casing, it is checksummed for the text);
2. the `domain` must be allowed (case-insensitive; an empty allow-list allows none) and an
   `expirationTime`, if any, in the future ("Verification failed!"): both are checked before
   the nonce is used, so a forged request cannot burn someone's nonce;
3. the nonce must be unused and unexpired ("Invalid nonce!", `services/sign_in.py`);
4. the signature must be the address's: `ecrecover` for an ordinary account, else the
   smart-wallet check ("Invalid signature!").

A message the SIWE library refuses (a bad URI, version or date) is "Authentication failed!",
also before the nonce is used.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from eth_account.messages import encode_defunct
from eth_utils.address import to_checksum_address
from eth_utils.crypto import keccak
from pydantic import ValidationError

from passport_scorer.errors import SignInFailed

MISSING = "Missing address or nonce!"
BAD_ADDRESS = "Invalid address format!"
NOT_VERIFIED = "Verification failed!"
BAD_NONCE = "Invalid nonce!"
BAD_SIGNATURE = "Invalid signature!"
FAILED = "Authentication failed!"

# camelCase field → the SIWE library's name; the optional ones are used only when truthy.
_REQUIRED = {
    "domain": "domain",
    "statement": "statement",
    "uri": "uri",
    "version": "version",
    "issuedAt": "issued_at",
}
_OPTIONAL = {
    "expirationTime": "expiration_time",
    "notBefore": "not_before",
    "requestId": "request_id",
    "resources": "resources",
}


@cache
def _siwe_message() -> Any:
    """The SIWE library's message class, imported on first use: it imports web3 (about 0.7 s),
    which no other route needs (a Lambda's cold start does not pay it)."""
    from siwe import SiweMessage

    return SiweMessage


@dataclass(frozen=True, slots=True)
class SignInMessage:
    """A message that passed every check that needs no nonce and no signature."""

    address: str  # lower-case
    nonce: str
    text: str  # the EIP-4361 text that must have been signed

    @property
    def digest(self) -> bytes:
        """The EIP-191 (`personal_sign`) hash of the text: what a smart wallet signs."""
        signable = encode_defunct(text=self.text)
        return keccak(b"\x19" + signable.version + signable.header + signable.body)


def domain_allowed(domain: object, allowed: Collection[str]) -> bool:
    if not isinstance(domain, str) or not domain:
        return False
    return domain.lower() in {entry.lower() for entry in allowed}


def unexpired(expiration_time: object, now: datetime) -> bool:
    """No expiration, or an ISO 8601 time with a zone after `now`."""
    if expiration_time is None:
        return True
    if not isinstance(expiration_time, str) or not expiration_time:
        return False
    try:
        expires = datetime.fromisoformat(expiration_time)
    except ValueError:
        return False
    return expires.tzinfo is not None and now < expires


def checked_message(
    fields: Mapping[str, Any], allowed_domains: Collection[str], now: datetime | None = None
) -> SignInMessage:
    """The message the fields describe, or `SignInFailed` with the reference's detail."""
    address, nonce = fields.get("address"), fields.get("nonce")
    if not address or not nonce:
        raise SignInFailed(MISSING)
    try:
        checksummed = to_checksum_address(address)
    except (ValueError, TypeError):
        raise SignInFailed(BAD_ADDRESS) from None
    now = now or datetime.now(UTC)
    if not domain_allowed(fields.get("domain"), allowed_domains):
        raise SignInFailed(NOT_VERIFIED)
    if not unexpired(fields.get("expirationTime"), now):
        raise SignInFailed(NOT_VERIFIED)
    if not isinstance(nonce, str):
        raise SignInFailed(FAILED)
    values: dict[str, Any] = {name: fields.get(key) for key, name in _REQUIRED.items()}
    values.update(address=checksummed, nonce=nonce, chain_id=fields.get("chainId", 1))
    values.update({name: fields[key] for key, name in _OPTIONAL.items() if fields.get(key)})
    try:
        text = _siwe_message()(**values).prepare_message()
    except (ValidationError, ValueError, TypeError):
        raise SignInFailed(FAILED) from None
    return SignInMessage(checksummed.lower(), nonce, text)

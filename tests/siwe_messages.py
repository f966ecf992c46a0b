"""Sign-in messages as the Passport app sends them: the SIWE fields (camelCase), and the
signature of their EIP-4361 text by a real key (an ordinary account), or as a smart wallet's
owner signs it (ERC-1271, optionally wrapped for a counterfactual wallet, ERC-6492)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from eth_abi.abi import encode
from eth_account.messages import encode_defunct
from eth_account.signers.local import LocalAccount
from siwe import SiweMessage

from tests.app_tokens import SIGN_IN_DOMAIN

ERC6492_SUFFIX = bytes.fromhex("6492" * 16)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def siwe_fields(address: str, nonce: str, **overrides: Any) -> dict[str, Any]:
    """The fields the app sends; an override of None leaves the field out."""
    now = datetime.now(UTC)
    fields: dict[str, Any] = {
        "domain": SIGN_IN_DOMAIN,
        "address": address,
        "statement": "Sign in to Human Passport",
        "uri": f"https://{SIGN_IN_DOMAIN}",
        "version": "1",
        "chainId": 1,
        "nonce": nonce,
        "issuedAt": iso(now),
        "expirationTime": iso(now + timedelta(minutes=5)),
    }
    fields.update(overrides)
    return {name: value for name, value in fields.items() if value is not None}


_NAMES = {
    "domain": "domain",
    "statement": "statement",
    "uri": "uri",
    "version": "version",
    "chainId": "chain_id",
    "nonce": "nonce",
    "issuedAt": "issued_at",
    "expirationTime": "expiration_time",
    "notBefore": "not_before",
    "requestId": "request_id",
    "resources": "resources",
}


def siwe_text(fields: dict[str, Any], address: str) -> str:
    """The EIP-4361 text the wallet shows and signs (the address in EIP-55 form)."""
    values = {_NAMES[key]: value for key, value in fields.items() if key in _NAMES}
    return str(SiweMessage(address=address, **values).prepare_message())


def sign(account: LocalAccount, text: str) -> str:
    return "0x" + account.sign_message(encode_defunct(text=text)).signature.hex()


def signed_in_body(account: LocalAccount, nonce: str, **overrides: Any) -> dict[str, Any]:
    """The authenticate body of an ordinary account."""
    fields = siwe_fields(account.address, nonce, **overrides)
    try:
        text = siwe_text(fields, account.address)
    except ValueError:  # fields no SIWE text can hold (refused before any signature check)
        text = "not a SIWE message"
    return {"message": fields, "signature": sign(account, text)}


def wrap_erc6492(factory: str, factory_calldata: bytes, signature: str) -> str:
    """A counterfactual wallet's signature: (factory, calldata, signature) + the magic suffix."""
    inner = bytes.fromhex(signature.removeprefix("0x"))
    wrapped = encode(["address", "bytes", "bytes"], [factory, factory_calldata, inner])
    return "0x" + (wrapped + ERC6492_SUFFIX).hex()

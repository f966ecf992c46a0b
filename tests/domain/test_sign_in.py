"""The sign-in message rules (`domain/sign_in.py`): no database, no HTTP."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from eth_account import Account
from eth_account.messages import encode_defunct

from passport_scorer.domain.sign_in import (
    BAD_ADDRESS,
    FAILED,
    MISSING,
    NOT_VERIFIED,
    checked_message,
    domain_allowed,
    unexpired,
)
from passport_scorer.errors import SignInFailed
from tests.siwe_messages import siwe_fields, siwe_text

ADDRESS = "0x5B38Da6a701c568545dCfcB03FcB875f56beddC4"
ALLOWED = ["app.passport.xyz"]
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def test_the_text_is_the_eip_4361_text_of_the_fields() -> None:
    fields = siwe_fields(ADDRESS.lower(), "a" * 60, issuedAt="2026-12-01T11:59:00.000Z",
                         expirationTime="2026-12-01T12:05:00.000Z")  # fmt: skip
    message = checked_message(fields, ALLOWED, NOW)
    assert message.address == ADDRESS.lower() and message.nonce == "a" * 60
    assert message.text == siwe_text(fields, ADDRESS)
    assert message.text.splitlines()[:2] == [
        "app.passport.xyz wants you to sign in with your Ethereum account:",
        ADDRESS,  # checksummed whatever the casing sent
    ]
    assert "Expiration Time: 2026-12-01T12:05:00.000Z" in message.text


def test_the_digest_is_what_personal_sign_signs() -> None:
    account = Account.create()
    message = checked_message(siwe_fields(account.address, "b" * 60), ALLOWED)
    signature = account.sign_message(encode_defunct(text=message.text))
    assert Account._recover_hash(message.digest, signature=signature.signature) == account.address


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        ({"address": None}, MISSING),
        ({"address": ""}, MISSING),
        ({"nonce": None}, MISSING),
        ({"address": "0xzz"}, BAD_ADDRESS),
        ({"address": 12}, BAD_ADDRESS),
        ({"domain": "other.xyz"}, NOT_VERIFIED),
        ({"domain": None}, NOT_VERIFIED),
        ({"expirationTime": "2026-12-01T11:59:59Z"}, NOT_VERIFIED),
        ({"expirationTime": ""}, NOT_VERIFIED),
        ({"nonce": 12345678}, FAILED),
        ({"chainId": "one"}, FAILED),
        ({"version": "2"}, FAILED),
        ({"statement": "two\nlines"}, FAILED),
    ],
)
def test_refusals_name_the_reference_reason(change: dict[str, object], detail: str) -> None:
    fields = {**siwe_fields(ADDRESS, "c" * 60, issuedAt="2026-12-01T11:59:00.000Z",
                            expirationTime="2026-12-01T12:05:00.000Z"), **change}  # fmt: skip
    fields = {name: value for name, value in fields.items() if value is not None}
    with pytest.raises(SignInFailed) as caught:
        checked_message(fields, ALLOWED, NOW)
    assert caught.value.detail == detail


def test_domains_and_expiry() -> None:
    assert domain_allowed("APP.passport.xyz", ["app.Passport.xyz"])
    assert not domain_allowed("app.passport.xyz", [])
    assert not domain_allowed("", ["", "x"])
    assert unexpired(None, NOW)
    assert unexpired((NOW + timedelta(seconds=1)).isoformat(), NOW)
    assert not unexpired(NOW.isoformat(), NOW)
    assert not unexpired("2999-01-01T00:00:00", NOW)  # a time without a zone is refused
    assert not unexpired(17, NOW)

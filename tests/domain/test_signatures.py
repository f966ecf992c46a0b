"""Recovering the signer of a personal message (EIP-191), with real keys."""

from __future__ import annotations

import pytest
from eth_account import Account
from eth_account.messages import encode_defunct

from passport_scorer.domain.signatures import recover_signer


def test_the_signer_is_recovered_lower_cased() -> None:
    account = Account.create()
    signature = account.sign_message(encode_defunct(text="hello\n\nNonce: ab")).signature.hex()
    assert recover_signer("hello\n\nNonce: ab", signature) == account.address.lower()
    assert recover_signer("hello\n\nNonce: ac", signature) != account.address.lower()


@pytest.mark.parametrize("signature", ["", "0x", "0x12", "zz" * 65, "0x" + "00" * 65])
def test_a_malformed_signature_has_no_signer(signature: str) -> None:
    assert recover_signer("hello", signature) is None

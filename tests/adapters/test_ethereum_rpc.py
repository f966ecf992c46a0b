"""The smart-wallet check's `eth_call` (`adapters/ethereum_rpc.py`) against a real JSON-RPC
server on loopback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from eth_abi.abi import decode
from eth_account import Account

from passport_scorer.adapters.erc6492_bytecode import VALIDATE_SIG_OFFCHAIN
from passport_scorer.adapters.ethereum_rpc import SmartWalletVerifier, validation_call_data
from tests.rpc_server import FakeChain, fake_chain


@pytest.fixture
def chain() -> Iterator[FakeChain]:
    with fake_chain() as running:
        yield running


def test_the_call_runs_the_validator_with_its_three_arguments() -> None:
    digest, signature = b"\x11" * 32, b"\x22" * 65
    data = bytes.fromhex(validation_call_data("0x" + "ab" * 20, digest, signature)[2:])
    assert data.startswith(VALIDATE_SIG_OFFCHAIN)
    signer, sent_digest, sent_signature = decode(
        ["address", "bytes32", "bytes"], data[len(VALIDATE_SIG_OFFCHAIN) :]
    )
    assert (signer, sent_digest, sent_signature) == ("0x" + "ab" * 20, digest, signature)


async def test_valid_invalid_and_malformed_signatures(chain: FakeChain) -> None:
    owner, wallet = Account.create(), Account.create().address
    chain.wallets[wallet.lower()] = owner.address.lower()
    digest = b"\x33" * 32
    good = "0x" + owner.unsafe_sign_hash(digest).signature.hex()
    other = "0x" + Account.create().unsafe_sign_hash(digest).signature.hex()
    verifier = SmartWalletVerifier(chain.url, timeout=1)
    try:
        assert await verifier.is_valid(wallet.lower(), digest, good) is True
        assert await verifier.is_valid(wallet.lower(), digest, other) is False
        assert await verifier.is_valid(wallet.lower(), digest, "0xnot-hex") is False
        assert len(chain.calls) == 2  # the malformed one never reached the endpoint
    finally:
        await verifier.close()


async def test_an_unreachable_endpoint_is_an_invalid_signature() -> None:
    verifier = SmartWalletVerifier("http://127.0.0.1:9/", timeout=0.5)
    try:
        assert await verifier.is_valid("0x" + "ab" * 20, b"\x00" * 32, "0x" + "00" * 65) is False
    finally:
        await verifier.close()

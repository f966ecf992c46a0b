"""A real JSON-RPC server on loopback standing in for Ethereum mainnet in the smart-wallet
tests. It answers `eth_call`s of ERC-6492's off-chain validator the way the chain would for
the wallets it knows: each wallet (an address) accepts signatures by its owner key
(ERC-1271), deployed or counterfactual (the signature wrapped as ERC-6492 says). Tests can
make it slow, fail, or answer garbage, and read the calls it received."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from eth_abi.abi import decode
from eth_keys.datatypes import Signature

from passport_scorer.adapters.erc6492_bytecode import VALIDATE_SIG_OFFCHAIN
from tests.loopback_http import loopback_server

SUFFIX = bytes.fromhex("6492" * 16)


@dataclass
class FakeChain:
    url: str = ""
    wallets: dict[str, str] = field(default_factory=dict)  # wallet → owner (lower-case)
    delay: float = 0.0
    status: int = 200
    raw_answer: bytes | None = None  # answered as is, when set
    calls: list[dict[str, Any]] = field(default_factory=list)

    def validate(self, data: str) -> str:
        """What the validator returns for this call data (0x01 valid, 0x00 not)."""
        code = bytes.fromhex(data.removeprefix("0x"))
        assert code.startswith(VALIDATE_SIG_OFFCHAIN), "not the ERC-6492 validator"
        signer, digest, signature = decode(
            ["address", "bytes32", "bytes"], code[len(VALIDATE_SIG_OFFCHAIN) :]
        )
        owner = self.wallets.get(signer.lower())
        if owner is None:
            return "0x00"
        if signature.endswith(SUFFIX):
            _factory, _calldata, signature = decode(
                ["address", "bytes", "bytes"], signature[: -len(SUFFIX)]
            )
        if len(signature) != 65 or signature[64] not in (27, 28):
            return "0x00"
        vrs = signature[:64] + bytes([signature[64] - 27])
        recovered = Signature(vrs).recover_public_key_from_msg_hash(digest)
        return "0x01" if recovered.to_checksum_address().lower() == owner else "0x00"


@contextmanager
def fake_chain() -> Iterator[FakeChain]:
    chain = FakeChain()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            chain.calls.append(request)
            if chain.delay:
                time.sleep(chain.delay)
            if chain.raw_answer is not None:
                body = chain.raw_answer
            else:
                [call, _block] = request["params"]
                result = chain.validate(call["data"])
                answer = {"jsonrpc": "2.0", "id": request["id"], "result": result}
                body = json.dumps(answer).encode()
            self.send_response(chain.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: Any) -> None:
            pass

    with loopback_server(Handler) as base:
        chain.url = f"{base}/rpc-key-secret"
        yield chain

"""Smart-wallet signatures, checked through an Ethereum mainnet JSON-RPC endpoint.

One `eth_call` with no `to` runs ERC-6492's off-chain validator (`erc6492_bytecode.py`): its
creation code followed by the ABI-encoded `(address signer, bytes32 hash, bytes signature)`.
It deploys a counterfactual wallet when the signature is ERC-6492 wrapped, calls
`isValidSignature` (ERC-1271) on a wallet with code, and returns `0x01` for a valid
signature. The call is bounded by `ETHEREUM_RPC_TIMEOUT_SECONDS`; a timeout, an RPC error or
any other answer counts as an invalid signature. The endpoint's URL often carries a key: it
is never logged.
"""

from __future__ import annotations

import logging
from typing import Any

import httpx
from eth_abi.abi import encode

from passport_scorer.adapters.erc6492_bytecode import VALIDATE_SIG_OFFCHAIN

log = logging.getLogger(__name__)

VALID = "0x01"


def validation_call_data(address: str, digest: bytes, signature: bytes) -> str:
    """The `data` of the `eth_call` that validates `signature` of `digest` for `address`."""
    arguments = encode(["address", "bytes32", "bytes"], [address, digest, signature])
    return "0x" + (VALIDATE_SIG_OFFCHAIN + arguments).hex()


class SmartWalletVerifier:
    def __init__(
        self, url: str, *, timeout: float = 5.0, client: httpx.AsyncClient | None = None
    ) -> None:
        self._url = url
        self._client = client or httpx.AsyncClient(timeout=timeout)

    async def is_valid(self, address: str, digest: bytes, signature: str) -> bool:
        try:
            signature_bytes = bytes.fromhex(signature.removeprefix("0x"))
        except ValueError:
            return False
        request: dict[str, Any] = {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "eth_call",
            "params": [{"data": validation_call_data(address, digest, signature_bytes)}, "latest"],
        }
        try:
            response = await self._client.post(self._url, json=request)
            answer = response.json() if response.status_code == 200 else None
        except (httpx.HTTPError, ValueError) as error:
            log.warning("smart-wallet check: the RPC endpoint failed (%s)", type(error).__name__)
            return False
        if not isinstance(answer, dict) or "result" not in answer:
            log.info(
                "smart-wallet check: no result from the RPC endpoint (HTTP %s)",
                response.status_code,
            )
            return False
        return bool(answer["result"] == VALID)

    async def close(self) -> None:
        await self._client.aclose()

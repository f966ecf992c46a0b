"""Proof verification with didkit, the reference's own verifier.

`EthereumEip712Signature2021` proofs by `did:ethr` issuers and `Ed25519Signature2018` proofs
by `did:key` issuers resolve offline. didkit does not look at `expirationDate`; expiry is
checked by `stamps.valid_stamps` on every scoring.
"""

from __future__ import annotations

import logging

import didkit
import orjson

log = logging.getLogger(__name__)

_OPTIONS = '{"proofPurpose":"assertionMethod"}'


async def verify_with_didkit(credential_json: str) -> bool:
    """True iff didkit reports no errors for the credential."""
    try:
        report = orjson.loads(await didkit.verify_credential(credential_json, _OPTIONS))
    except Exception as exc:  # didkit raises its own exception type for malformed input
        log.debug("credential did not verify: %s", type(exc).__name__)
        return False
    return isinstance(report, dict) and not report.get("errors")

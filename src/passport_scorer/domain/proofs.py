"""Proof verification with didkit, the reference's own verifier, cached by credential bytes.

A proof's verdict depends only on the credential's bytes (issuer DIDs used
here resolve offline), so verdicts are cached; expiry is checked elsewhere on
every request.
"""

from __future__ import annotations

import hashlib
import logging
from collections import OrderedDict

import didkit
import orjson

log = logging.getLogger(__name__)

_OPTIONS = '{"proofPurpose":"assertionMethod"}'


async def verify_with_didkit(credential_json: str) -> bool:
    """True iff didkit reports no errors (EIP-712/did:ethr and Ed25519/did:key)."""
    try:
        report = orjson.loads(await didkit.verify_credential(credential_json, _OPTIONS))
    except Exception as exc:  # didkit raises its own exception type for malformed input
        log.debug("credential did not verify: %s", type(exc).__name__)
        return False
    return isinstance(report, dict) and not report.get("errors")


class ProofVerifier:
    """didkit verification behind a bounded LRU cache keyed by a digest of the bytes."""

    def __init__(self, cache_size: int = 100_000) -> None:
        self._cache: OrderedDict[bytes, bool] = OrderedDict()
        self._cache_size = cache_size
        self.hits = 0
        self.misses = 0

    async def verify(self, credential_json: str) -> bool:
        key = hashlib.blake2b(credential_json.encode(), digest_size=20).digest()
        cached = self._cache.get(key)
        if cached is not None:
            self.hits += 1
            self._cache.move_to_end(key)
            return cached
        self.misses += 1
        verdict = await verify_with_didkit(credential_json)
        if self._cache_size:
            self._cache[key] = verdict
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return verdict

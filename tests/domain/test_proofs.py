from __future__ import annotations

import json
from typing import Any

from passport_scorer.domain.proofs import ProofVerifier


async def test_verifies_and_caches_by_credential_bytes(fixture_credentials: dict[str, Any]) -> None:
    creds = fixture_credentials["credentials"]
    verifier = ProofVerifier(cache_size=2)
    valid = json.dumps(creds["valid_google_alice"])
    tampered = json.dumps(creds["tampered_provider_alice"])
    assert await verifier.verify(valid) is True
    assert await verifier.verify(valid) is True
    assert await verifier.verify(tampered) is False
    assert await verifier.verify(tampered) is False
    assert (verifier.hits, verifier.misses) == (2, 2)
    assert await verifier.verify("{not json") is False


async def test_cache_is_bounded(fixture_credentials: dict[str, Any]) -> None:
    creds = fixture_credentials["credentials"]
    verifier = ProofVerifier(cache_size=1)
    first, second = (
        json.dumps(creds["valid_google_alice"]),
        json.dumps(creds["valid_twitter_alice"]),
    )
    await verifier.verify(first)
    await verifier.verify(second)
    await verifier.verify(first)
    assert verifier.misses == 3

from __future__ import annotations

import json
from typing import Any

from passport_scorer.domain.proofs import verify_with_didkit


async def test_didkit_verifies_real_stamps_and_rejects_tampered_ones(
    fixture_credentials: dict[str, Any],
) -> None:
    creds = fixture_credentials["credentials"]
    assert await verify_with_didkit(json.dumps(creds["valid_google_alice"])) is True
    assert await verify_with_didkit(json.dumps(creds["expired_linkedin_alice"])) is True
    assert await verify_with_didkit(json.dumps(creds["tampered_provider_alice"])) is False
    assert await verify_with_didkit(json.dumps(creds["tampered_expiry_alice"])) is False
    assert await verify_with_didkit("{not json") is False

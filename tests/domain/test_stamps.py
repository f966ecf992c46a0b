from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
import pytest

from passport_scorer.demo.issuer import TEST_ISSUER_DID
from passport_scorer.domain.stamps import (
    CachedStamp,
    Claims,
    CredentialChecker,
    latest_per_provider,
    nullifiers_of,
    parse_expiration,
    read_claims,
    valid_stamps,
)

NOW = datetime(2030, 1, 1, tzinfo=UTC)
DID = "did:pkh:eip155:1:0xabc"
ISSUER = "did:ethr:0xissuer"


def row(
    credential: object, provider: str = "Google", row_id: int = 1, updated: datetime = NOW
) -> CachedStamp:
    return CachedStamp(row_id, provider, orjson.dumps(credential).decode(), updated)


def credential(**subject_overrides: object) -> dict[str, object]:
    subject: dict[str, object] = {
        "id": DID.upper(),
        "provider": "Google",
        "nullifiers": ["v0:a", "v1:b"],
    }
    subject.update(subject_overrides)
    return {
        "issuer": ISSUER,
        "expirationDate": "2031-01-01T00:00:00.5Z",
        "credentialSubject": subject,
        "proof": {"proofValue": "0xsig"},
    }


def claims(value: object, multi: bool = False) -> Claims | None:
    return read_claims(
        orjson.dumps(value).decode(), trusted_issuers=frozenset({ISSUER}), multi_nullifier=multi
    )


def test_claims_keep_the_raw_expiry_and_filter_nullifiers() -> None:
    found = claims(credential())
    assert found is not None
    assert found.subject_id == DID
    assert found.expiration_text == "2031-01-01T00:00:00.5Z"
    assert found.expires_at == datetime(2031, 1, 1, 0, 0, 0, 500000, tzinfo=UTC)
    assert found.nullifiers == ("v0:a",)
    assert found.signature == "0xsig"
    multi = claims(credential(), multi=True)
    assert multi is not None
    assert multi.nullifiers == ("v0:a", "v1:b")


@pytest.mark.parametrize(
    "bad",
    [
        {**credential(), "issuer": "did:ethr:0xstranger"},
        {**credential(), "issuer": {"id": ISSUER}},  # not a string: never trusted, never a 500
        {**credential(), "expirationDate": "2031-01-01T00:00:00"},
        {k: v for k, v in credential().items() if k != "expirationDate"},
        credential(provider=""),
        credential(nullifiers=[]),
        credential(nullifiers="v0:a"),
        credential(nullifiers=["v0:" + "x" * 100]),
        {k: v for k, v in credential().items() if k != "credentialSubject"},
        ["not", "an", "object"],
    ],
)
def test_each_static_rule_drops_the_stamp(bad: object) -> None:
    assert claims(bad) is None


def test_legacy_hash_replaces_nullifiers() -> None:
    found = claims(credential(hash="v0.0.0:h", nullifiers=None))
    assert found is not None and found.nullifiers == ("v0.0.0:h",)


def test_parse_expiration() -> None:
    assert parse_expiration("2030-01-01T00:00:00+02:00") == datetime(2029, 12, 31, 22, tzinfo=UTC)
    for bad in (None, 5, "", "soon", "2030-01-01T00:00:00"):
        assert parse_expiration(bad) is None


def test_nullifiers_of_without_multi_keeps_only_v0() -> None:
    assert nullifiers_of({"nullifiers": ["v1:x", "v0:y"]}, multi_nullifier=False) == ("v0:y",)
    assert nullifiers_of({"hash": "abc"}, multi_nullifier=True) == ("abc",)


def test_latest_row_per_provider_in_first_seen_order() -> None:
    rows = [
        row({}, "A", 1, NOW),
        row({}, "B", 2, NOW),
        row({}, "A", 3, NOW + timedelta(seconds=1)),
        row({}, "B", 4, NOW),  # a tie keeps the first one seen
    ]
    assert [(r.provider, r.row_id) for r in latest_per_provider(rows)] == [("A", 3), ("B", 2)]


class CountingVerifier:
    def __init__(self, verdict: bool) -> None:
        self.verdict = verdict
        self.calls = 0

    async def __call__(self, credential_json: str) -> bool:
        self.calls += 1
        return self.verdict


async def test_checker_verifies_each_credential_once_and_checks_subject_and_expiry_each_time() -> (
    None
):
    verifier = CountingVerifier(True)
    checker = CredentialChecker(
        trusted_issuers=frozenset({ISSUER}), multi_nullifier=False, verify=verifier
    )
    rows = [row(credential())]
    assert len(await valid_stamps(rows, did=DID, now=NOW, checker=checker)) == 1
    assert len(await valid_stamps(rows, did=DID, now=NOW, checker=checker)) == 1
    assert await valid_stamps(rows, did="did:pkh:eip155:1:0xother", now=NOW, checker=checker) == []
    later = datetime(2031, 1, 1, 0, 0, 1, tzinfo=UTC)
    assert await valid_stamps(rows, did=DID, now=later, checker=checker) == []
    assert (verifier.calls, checker.misses, checker.hits) == (1, 1, 3)


async def test_checker_remembers_failed_proofs_and_is_bounded() -> None:
    verifier = CountingVerifier(False)
    checker = CredentialChecker(
        trusted_issuers=frozenset({ISSUER}), multi_nullifier=False, verify=verifier, cache_size=1
    )
    first, second = row(credential()), row(credential(provider="Github"))
    for _ in range(2):
        assert await valid_stamps([first], did=DID, now=NOW, checker=checker) == []
    assert verifier.calls == 1
    await valid_stamps([second], did=DID, now=NOW, checker=checker)
    await valid_stamps([first], did=DID, now=NOW, checker=checker)  # evicted: checked again
    assert verifier.calls == 3


async def test_checker_with_didkit_keys_by_the_whole_credential(
    fixture_credentials: dict[str, Any],
) -> None:
    from passport_scorer.domain.proofs import verify_with_didkit

    creds = fixture_credentials["credentials"]
    checker = CredentialChecker(
        trusted_issuers=frozenset({TEST_ISSUER_DID}),
        multi_nullifier=False,
        verify=verify_with_didkit,
    )
    valid = json.dumps(creds["valid_google_alice"])
    forged = dict(creds["valid_google_alice"])
    forged["credentialSubject"] = {**forged["credentialSubject"], "provider": "Github"}
    assert await checker.check(valid) is not None
    assert await checker.check(json.dumps(forged)) is None  # same proof, other claims

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import orjson
import pytest

from passport_scorer.domain.stamps import (
    CachedStamp,
    Stamp,
    check_claims,
    latest_per_provider,
    nullifiers_of,
    parse_expiration,
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
    }


def check(value: object, multi: bool = False) -> Stamp | None:
    return check_claims(
        row(value), did=DID, trusted_issuers=frozenset({ISSUER}), now=NOW, multi_nullifier=multi
    )


def test_valid_claims_keep_the_raw_expiry_and_filter_nullifiers() -> None:
    stamp = check(credential())
    assert stamp is not None
    assert stamp.expiration_text == "2031-01-01T00:00:00.5Z"
    assert stamp.expires_at == datetime(2031, 1, 1, 0, 0, 0, 500000, tzinfo=UTC)
    assert stamp.nullifiers == ("v0:a",)
    multi = check(credential(), multi=True)
    assert multi is not None
    assert multi.nullifiers == ("v0:a", "v1:b")


@pytest.mark.parametrize(
    "bad",
    [
        {**credential(), "issuer": "did:ethr:0xstranger"},
        {**credential(), "expirationDate": "2029-12-31T23:59:59Z"},
        {**credential(), "expirationDate": "2031-01-01T00:00:00"},
        {k: v for k, v in credential().items() if k != "expirationDate"},
        credential(id="did:pkh:eip155:1:0xother"),
        credential(provider=""),
        credential(nullifiers=[]),
        credential(nullifiers="v0:a"),
        credential(nullifiers=["v0:" + "x" * 100]),
        {k: v for k, v in credential().items() if k != "credentialSubject"},
        ["not", "an", "object"],
    ],
)
def test_each_rule_drops_the_stamp(bad: object) -> None:
    assert check(bad) is None


def test_legacy_hash_replaces_nullifiers() -> None:
    stamp = check(credential(hash="v0.0.0:h", nullifiers=None))
    assert stamp is not None and stamp.nullifiers == ("v0.0.0:h",)


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

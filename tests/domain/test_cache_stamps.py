"""Submitted stamps as cache rows: what is refused up front, and the columns derived."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from passport_scorer.domain.cache_stamps import (
    Submitted,
    credential_problem,
    duplicates,
    new_rows,
    stamp_date,
    text_problem,
)


def _stamp(**proof: Any) -> dict[str, Any]:
    return {"credentialSubject": {"provider": "Google"}, "proof": proof}


def test_duplicates_are_named_once_each() -> None:
    assert duplicates(["A", "B", "A", "C", "B", "A"]) == ["A", "B"]
    assert duplicates(["A", "B"]) == []


@pytest.mark.parametrize(
    ("credential", "problem"),
    [
        (_stamp(proofValue="0xabc"), None),
        (_stamp(jws="eyJ..sig"), None),  # Ed25519 stamps
        ({"proof": "text"}, "the stamp has no proof.proofValue"),
        ({}, "the stamp has no proof.proofValue"),
        (_stamp(proofValue=12), "the stamp has no proof.proofValue"),
        (_stamp(proofValue="a" * 257), "proof.proofValue is longer than 256 characters"),
        (_stamp(proofValue="0x\x00"), "proof.proofValue contains a NUL character"),
        ({**_stamp(proofValue="0x1"), "x": ["\x00"]}, "the stamp contains a NUL character"),
    ],
)
def test_credential_problems(credential: dict[str, Any], problem: str | None) -> None:
    assert credential_problem(credential) == problem


def test_text_limits() -> None:
    assert text_problem("G" * 256) is None
    assert text_problem("G" * 257) == "is longer than 256 characters"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2036-01-01T00:00:00Z", datetime(2036, 1, 1, tzinfo=UTC)),
        ("2036-01-01T02:00:00.123+02:00", datetime(2036, 1, 1, 0, 0, 0, 123000, tzinfo=UTC)),
        ("2036-01-01T00:00:00", None),  # no zone
        ("0001-01-01T00:00:00+01:00", None),  # before year 1 in UTC
        ("soon", None),
        (20360101, None),
        (None, None),
    ],
)
def test_stamp_dates(value: object, expected: datetime | None) -> None:
    assert stamp_date(value) == expected


def test_new_rows_skip_items_without_a_credential() -> None:
    credential = {**_stamp(proofValue="0xsig"), "issuanceDate": "2026-01-01T00:00:00Z"}
    [row] = new_rows([Submitted("Github", None), Submitted("Google", credential)])
    assert (row.provider, row.proof_value, row.credential) == ("Google", "0xsig", credential)
    assert row.issuance_date == datetime(2026, 1, 1, tzinfo=UTC)
    assert row.expiration_date is None

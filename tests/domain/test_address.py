from __future__ import annotations

import pytest

from passport_scorer.domain.address import did_for, normalise_address
from passport_scorer.errors import InvalidAddress


def test_lowercases_any_case() -> None:
    mixed = "0xB81c935D01e734b3D8bb233F5c4E1D72DBC30f6c"  # checksum not required
    assert normalise_address(mixed) == mixed.lower()
    assert normalise_address("0X" + "AB" * 20) == "0x" + "ab" * 20


@pytest.mark.parametrize(
    "raw", ["", "0x", "ab" * 20, "0x" + "ab" * 19, "0x" + "zz" * 20, "0x" + "ab" * 21]
)
def test_rejects_anything_but_0x_and_40_hex_digits(raw: str) -> None:
    with pytest.raises(InvalidAddress):
        normalise_address(raw)


def test_did() -> None:
    assert did_for("0xabc") == "did:pkh:eip155:1:0xabc"

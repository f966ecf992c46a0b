"""Ethereum address rules."""

from __future__ import annotations

import re

from passport_scorer.errors import InvalidAddress

_ADDRESS = re.compile(r"0x[0-9a-f]{40}")
# What is accepted before lower-casing (documented in OpenAPI).
ADDRESS_PATTERN = "^0[xX][0-9a-fA-F]{40}$"


def is_address(text: str) -> bool:
    return _ADDRESS.fullmatch(text.lower()) is not None


def normalise_address(raw: str) -> str:
    """Lower-case `raw` and require `0x` + 40 hex digits.

    Checksums are not checked (the reference lower-cases before validating),
    and unlike the reference a prefix-less address is refused.
    """
    address = raw.lower()
    if not _ADDRESS.fullmatch(address):
        raise InvalidAddress()
    return address


def did_for(address: str) -> str:
    """The `credentialSubject.id` a stamp for `address` must carry."""
    return f"did:pkh:eip155:1:{address}"

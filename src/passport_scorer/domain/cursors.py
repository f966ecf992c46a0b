"""Stamp-page tokens, in the reference's format: URL-safe base64 (unpadded) of
`{"d": "next"|"prev", "id": <cache row id>}`, so tokens issued by either service work on both."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Literal

from passport_scorer.errors import InvalidCursor

Direction = Literal["next", "prev"]


@dataclass(frozen=True, slots=True)
class Cursor:
    direction: Direction
    row_id: int


def encode_cursor(direction: Direction, row_id: int) -> str:
    raw = json.dumps({"d": direction, "id": row_id}).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def decode_cursor(token: str) -> Cursor | None:
    """The token's cursor; None for an empty token (the first page); InvalidCursor (400) for
    anything that is not a token of this format."""
    if not token:
        return None
    try:
        padded = token + "=" * (-len(token) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, UnicodeError, binascii.Error):
        raise InvalidCursor() from None
    if not isinstance(data, dict):
        raise InvalidCursor()
    direction, row_id = data.get("d"), data.get("id")
    # bool is an int subclass: refuse `true` as an id.
    if direction not in ("next", "prev") or type(row_id) is not int:
        raise InvalidCursor()
    return Cursor(direction, row_id)

"""Stamp-page tokens: the reference's format, both ways."""

from __future__ import annotations

import base64
import json

import pytest

from passport_scorer.domain.cursors import Cursor, decode_cursor, encode_cursor
from passport_scorer.errors import InvalidCursor


def reference_token(**fields: object) -> str:
    """What the reference's `encode_cursor` issues (unpadded URL-safe base64 of its JSON)."""
    return base64.urlsafe_b64encode(json.dumps(fields).encode()).rstrip(b"=").decode()


@pytest.mark.parametrize(("direction", "row_id"), [("next", 1), ("prev", 123456789012)])
def test_tokens_round_trip_and_match_the_reference(direction: str, row_id: int) -> None:
    token = encode_cursor(direction, row_id)  # type: ignore[arg-type]
    assert token == reference_token(d=direction, id=row_id)
    assert "=" not in token
    assert decode_cursor(token) == Cursor(direction, row_id)  # type: ignore[arg-type]


def test_no_token_is_the_first_page() -> None:
    assert decode_cursor("") is None


@pytest.mark.parametrize(
    "token",
    [
        "!!!",
        reference_token(d="sideways", id=1),
        reference_token(d="next", id="1"),
        reference_token(d="next", id=True),
        reference_token(id=1),
        base64.urlsafe_b64encode(b"[1, 2]").decode(),
        base64.urlsafe_b64encode(b"\xff\xfe").decode(),
    ],
)
def test_anything_else_is_refused(token: str) -> None:
    with pytest.raises(InvalidCursor):
        decode_cursor(token)

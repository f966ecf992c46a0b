"""Single-use nonces (`account_nonce`): 60 lower-case hex characters, as the reference makes."""

from __future__ import annotations

import secrets


def new_nonce() -> str:
    return secrets.token_hex(30)

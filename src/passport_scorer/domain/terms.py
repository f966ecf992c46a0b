"""Terms of service: the text a user signs to accept them."""

from __future__ import annotations


def tos_message(content: str, nonce: str) -> str:
    return f"{content}\n\nNonce: {nonce}"

"""Who signed a text: EIP-191 personal-message signatures, recovered with `ecrecover`."""

from __future__ import annotations

from eth_account import Account
from eth_account.messages import encode_defunct


def recover_signer(text: str, signature: str) -> str | None:
    """The lower-cased address whose key signed `text` (`personal_sign`); None when
    `signature` is not a recoverable signature."""
    try:
        signer = Account.recover_message(encode_defunct(text=text), signature=signature)
    except Exception:  # malformed hex, wrong length, invalid v/r/s: not a signature
        return None
    return str(signer).lower()

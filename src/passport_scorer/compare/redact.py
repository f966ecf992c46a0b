"""Secrets kept out of every output of the compare command (summary, report, errors).

Three rules, applied to every string and every object on its way out:

* a variable's value (from `--vars`, or the sampling key) becomes its `${NAME}`;
* API keys (`<8 letters or digits>.<32>`) and JWTs anywhere in text become `[redacted]`;
* in request and answer data (headers, queries, bodies, differing values), the value under a
  secret-looking name (`X-API-Key`, `Authorization`, `Cookie`, `token`, `access`, `refresh`,
  `password`, ...) becomes `[redacted]`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

REDACTED = "[redacted]"
# Shorter values are not secrets (ids, flags) and would blot out ordinary text.
MIN_SECRET_LENGTH = 8
_API_KEY = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{8}\.[A-Za-z0-9]{32}(?![A-Za-z0-9])")
_JWT = re.compile(r"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
_SECRET_PARTS = (
    "api_key",
    "apikey",
    "authorization",
    "cookie",
    "token",
    "secret",
    "password",
    "passwd",
    "signature",
    "jwt",
    "private_key",
    "session",
)
_SECRET_NAMES = frozenset({"access", "refresh", "key", "x_api_key"})


def is_secret_name(name: str) -> bool:
    lowered = name.lower().replace("-", "_")
    return lowered in _SECRET_NAMES or any(part in lowered for part in _SECRET_PARTS)


class Redactor:
    def __init__(self, secrets: Mapping[str, str] | None = None) -> None:
        pairs = [
            (value, name)
            for name, value in (secrets or {}).items()
            if len(value) >= MIN_SECRET_LENGTH
        ]
        self._secrets = sorted(pairs, key=lambda pair: -len(pair[0]))

    def text(self, text: str) -> str:
        for value, name in self._secrets:
            text = text.replace(value, f"${{{name}}}")
        return _JWT.sub(REDACTED, _API_KEY.sub(REDACTED, text))

    def strings(self, value: Any) -> Any:
        """A copy of `value` (JSON-like) with every string and key passed through `text`."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {self.text(str(key)): self.strings(item) for key, item in value.items()}
        if isinstance(value, (list, tuple)):
            return [self.strings(item) for item in value]
        return value

    def value(self, value: Any) -> Any:
        """A copy of request or answer data (JSON-like) with every secret replaced, also the
        values under secret-looking names."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {
                self.text(str(key)): (
                    REDACTED
                    if is_secret_name(str(key)) and item not in (None, "")
                    else self.value(item)
                )
                for key, item in value.items()
            }
        if isinstance(value, (list, tuple)):
            return [self.value(item) for item in value]
        return value

"""Usage analytics rows (`account_accountapikeyanalytics`), as the reference records them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

MASK = "***"
# Header names whose values never reach the analytics table, in any case variant.
SECRET_HEADERS = frozenset({"x-api-key", "cookie", "authorization"})


# Postgres text and jsonb cannot hold NUL: a request that carried one is still recorded.
REPLACEMENT = "\ufffd"


def _text(value: str) -> str:
    return value.replace("\x00", REPLACEMENT)


def masked_headers(headers: Iterable[tuple[str, str]]) -> dict[str, str]:
    return {
        _text(name): MASK if name.lower() in SECRET_HEADERS else _text(value)
        for name, value in headers
    }


def usage_row(
    *,
    api_key_id: str,
    created_at: datetime,
    path: str,
    query_params: Mapping[str, str],
    headers: Iterable[tuple[str, str]],
    status_code: int,
    response_body: str,
    error: str | None,
) -> dict[str, Any]:
    """One row per authenticated request (the reference's production Lambda shape)."""
    return {
        "api_key_id": api_key_id,
        "created_at": created_at,
        "path": _text(path)[:1000],
        "base_path": None,
        "path_segments": _text(path).split("/")[1:],
        "query_params": {_text(name): _text(value) for name, value in query_params.items()},
        "headers": masked_headers(headers),
        "payload": {},
        # JSON text: a NUL in it is the escape `\u0000`.
        "response": response_body.replace("\\u0000", "\\ufffd"),
        "response_skipped": False,
        "error": error,
        "status_code": status_code,
    }

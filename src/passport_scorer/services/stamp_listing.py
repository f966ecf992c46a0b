"""An address's cached stamps, a page at a time (`/v2/stamps/{address}`, `/registry/stamps/...`).

Tokens are the reference's (`domain/cursors.py`); the `next`/`prev` links repeat the route the
request came to, with the same `limit`.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from passport_scorer.db.executor import Executor
from passport_scorer.db.queries.stamp_pages import stamp_page
from passport_scorer.domain.address import normalise_address
from passport_scorer.domain.cursors import Direction, decode_cursor, encode_cursor
from passport_scorer.errors import InvalidLimit, NotConfigured
from passport_scorer.services.stamp_metadata import StampMetadataSource

MAX_LIMIT = 1000
CREDENTIAL_VERSION = "1.0.0"


async def stamps_page(
    ex: Executor,
    address: str,
    *,
    token: str,
    limit: int,
    include_metadata: bool,
    metadata: StampMetadataSource | None,
    link_prefix: str,
) -> dict[str, Any]:
    """`{"next": url|null, "prev": url|null, "items": [{"version", "credential"[, "metadata"]}]}`;
    links are `link_prefix` + the address, with the token and limit."""
    if limit > MAX_LIMIT:
        raise InvalidLimit()
    lowered = normalise_address(address)
    cursor = decode_cursor(token)
    if include_metadata and metadata is None:
        raise NotConfigured("PASSPORT_PUBLIC_URL is not set: stamp metadata is unavailable.")
    page = await stamp_page(ex, lowered, cursor, limit)
    items: list[dict[str, Any]] = []
    for row in page.rows:
        item: dict[str, Any] = {"version": CREDENTIAL_VERSION, "credential": row.stamp}
        if include_metadata:
            assert metadata is not None
            item["metadata"] = await metadata.for_provider(row.provider)
        items.append(item)

    def link(direction: Direction, row_id: int) -> str:
        query = urlencode({"token": encode_cursor(direction, row_id), "limit": limit})
        return f"{link_prefix}{lowered}?{query}"

    return {
        "next": link("next", page.rows[-1].id) if page.more_below else None,
        "prev": link("prev", page.rows[0].id) if page.more_above else None,
        "items": items,
    }

"""ASGI middleware: one usage row for every request that an API key authenticated.

A route marks the request with `mark_api_key` once the key is verified; after the response
is sent, its status, body and error go to the recorder (installed only when
`FF_API_ANALYTICS` is on), which writes them in batches, or at once when it is `inline`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl

import orjson
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from passport_scorer.domain.analytics import usage_row
from passport_scorer.domain.api_keys import ApiKey
from passport_scorer.services.analytics import AnalyticsRecorder

_STATE_KEY = "analytics_api_key"


def mark_api_key(request: Request, api_key: ApiKey) -> None:
    request.scope.setdefault("state", {})[_STATE_KEY] = api_key


def _error_of(status: int, body: bytes) -> str | None:
    if status < 400:
        return None
    try:
        detail = orjson.loads(body).get("detail")
    except (orjson.JSONDecodeError, AttributeError):
        return None
    return detail if isinstance(detail, str) else orjson.dumps(detail).decode()


class AnalyticsMiddleware:
    def __init__(self, app: ASGIApp, recorder: AnalyticsRecorder) -> None:
        self.app = app
        self.recorder = recorder

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        response: dict[str, Any] = {"status": 500, "body": b""}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                response["status"] = message["status"]
            elif message["type"] == "http.response.body":
                response["body"] += message.get("body", b"")
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            api_key = scope.get("state", {}).get(_STATE_KEY)
            if api_key is not None:
                self.recorder.record(
                    usage_row(
                        api_key_id=api_key.id,
                        created_at=datetime.now(UTC),
                        path=scope["path"],
                        query_params=dict(parse_qsl(scope.get("query_string", b"").decode())),
                        headers=[
                            (k.decode("latin-1"), v.decode("latin-1")) for k, v in scope["headers"]
                        ],
                        status_code=response["status"],
                        response_body=response["body"].decode(errors="replace"),
                        error=_error_of(response["status"], response["body"]),
                    )
                )
                if self.recorder.inline:
                    await self.recorder.flush()

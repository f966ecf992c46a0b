"""One JSON log line per request, and a request id echoed in `X-Request-ID`.

The line holds the method, the route template (never the raw path, so no address), the
status, the duration, the request id and the scorer id of the path; never headers, keys,
tokens or addresses. `ACCESS_LOG=off` turns the lines off (the request id stays).
"""

from __future__ import annotations

import logging
import re
import time
import uuid

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from passport_scorer.api.metrics import route_template

log = logging.getLogger("passport_scorer.access")
HEADER = b"x-request-id"
# A caller's (or load balancer's) id is kept when it is short and plain, else replaced.
_PLAIN_ID = re.compile(rb"[A-Za-z0-9._:=+/-]{1,128}")


def request_id(scope: Scope) -> str:
    for name, value in scope["headers"]:
        if name == HEADER and _PLAIN_ID.fullmatch(value):
            given: str = value.decode("ascii")
            return given
    return uuid.uuid4().hex


def _scorer_id(scope: Scope) -> int | None:
    value = scope.get("path_params", {}).get("scorer_id")
    if isinstance(value, str) and value.isascii() and value.lstrip("-").isdigit():
        return int(value)
    return None


class AccessLogMiddleware:
    def __init__(self, app: ASGIApp, *, enabled: bool = True) -> None:
        self.app = app
        self.enabled = enabled

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        rid = request_id(scope)
        scope.setdefault("state", {})["request_id"] = rid
        header = (HEADER, rid.encode("ascii"))
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", ()), header]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            if self.enabled and log.isEnabledFor(logging.INFO):
                log.info(
                    "request",
                    extra={
                        "method": scope["method"],
                        "route": route_template(scope),
                        "status": status,
                        "duration_ms": round((time.perf_counter() - start) * 1000, 3),
                        "request_id": rid,
                        "scorer_id": _scorer_id(scope),
                    },
                )

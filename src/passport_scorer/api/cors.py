"""CORS for the app-facing routes (`cors=True` endpoints), as the reference sends it.

Every response of those paths (errors included) allows any origin; each such path also
answers the browser's pre-flight `OPTIONS` with an empty 200 (`preflight_routes`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route, compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ALLOWED_HEADERS = (
    "accept, accept-encoding, authorization, content-type, dnt, origin, user-agent, "
    "x-api-key, x-csrftoken, x-requested-with"
)
_COMMON = [
    (b"access-control-allow-origin", b"*"),
    (b"access-control-allow-headers", ALLOWED_HEADERS.encode()),
    (b"access-control-max-age", b"86400"),
]


def _static_prefix(path: str) -> str:
    return path.split("{", 1)[0]


class CorsMiddleware:
    def __init__(self, app: ASGIApp, paths: Iterable[str], methods: dict[str, str]) -> None:
        self.app = app
        self._patterns: list[tuple[re.Pattern[str], bytes]] = [
            (compile_path(path)[0], methods[path].encode()) for path in dict.fromkeys(paths)
        ]
        # A cheap first test, so other routes (the score route) pay one `startswith`.
        self._prefixes = tuple({_static_prefix(path) for path in paths})

    def _methods_for(self, path: str) -> bytes | None:
        if not path.startswith(self._prefixes):
            return None
        for pattern, methods in self._patterns:
            if pattern.match(path):
                return methods
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        methods = self._methods_for(scope["path"]) if scope["type"] == "http" else None
        if methods is None:
            await self.app(scope, receive, send)
            return
        extra = [*_COMMON, (b"access-control-allow-methods", methods)]

        async def with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_cors)


def allowed_methods(paths_and_methods: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Path → `GET,OPTIONS`-style list of the methods declared on it (plus OPTIONS)."""
    by_path: dict[str, list[str]] = {}
    for path, method in paths_and_methods:
        by_path.setdefault(path, []).append(method)
    return {path: ",".join([*sorted(set(found)), "OPTIONS"]) for path, found in by_path.items()}


async def _preflight(_request: Request) -> Response:
    return Response(status_code=200)


def preflight_routes(paths: Iterable[str]) -> list[Route]:
    """One `OPTIONS` route per CORS path (the middleware adds the headers)."""
    return [
        Route(path, _preflight, methods=["OPTIONS"], name=f"preflight {path}")
        for path in dict.fromkeys(paths)
    ]

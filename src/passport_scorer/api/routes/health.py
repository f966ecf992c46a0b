"""`GET /health`: the service is up and its database answers (503 when it does not)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from passport_scorer.api.deps import services_of
from passport_scorer.api.openapi import json_content
from passport_scorer.api.responses import JSONResponse

PATH = "/health"


async def health(request: Request) -> Response:
    await services_of(request).db.ping()
    return JSONResponse({"status": "ok"})


ROUTES = [Route(PATH, health, methods=["GET"], name="health")]

OPENAPI: dict[str, Any] = {
    PATH: {
        "get": {
            "tags": ["operations"],
            "summary": "Liveness and database check",
            "responses": {
                "200": {
                    "description": "Up",
                    "content": {"application/json": {"example": {"status": "ok"}}},
                },
                "503": {
                    "description": "The database does not answer",
                    "content": json_content("Error"),
                },
            },
        }
    }
}

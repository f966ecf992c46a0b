"""`GET /health`: the service is up and its database answers (503 when it does not)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from passport_scorer.api.deps import services_of
from passport_scorer.api.openapi import json_content
from passport_scorer.api.responses import JSONResponse
from passport_scorer.db.schema import missing_tables

PATH = "/health"


async def health(request: Request) -> Response:
    db = services_of(request).db
    await db.ping()
    if not getattr(request.app.state, "schema_complete", False):
        # Checked until complete, then trusted for the life of the process.
        missing = await missing_tables(db)
        if missing:
            return JSONResponse({"detail": schema_gap(missing)}, status_code=503)
        request.app.state.schema_complete = True
    return JSONResponse({"status": "ok"})


def schema_gap(missing: list[str]) -> str:
    listed = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
    return f"Database schema incomplete (missing tables: {listed}); run `passport-scorer migrate`."


ROUTES = [Route(PATH, health, methods=["GET"], name="health")]

OPENAPI: dict[str, Any] = {
    PATH: {
        "get": {
            "tags": ["operations"],
            "summary": "Liveness, database and schema check",
            "responses": {
                "200": {
                    "description": "Up",
                    "content": {"application/json": {"example": {"status": "ok"}}},
                },
                "503": {
                    "description": "The database does not answer, or lacks the service's tables",
                    "content": json_content("Error"),
                },
            },
        }
    }
}

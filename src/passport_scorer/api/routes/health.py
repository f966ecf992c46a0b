"""`GET /health`: the service is up, its database answers and has the service's tables."""

from __future__ import annotations

from pydantic import BaseModel
from starlette.responses import Response

from passport_scorer.api.endpoint import Call, endpoint
from passport_scorer.api.responses import JSONResponse
from passport_scorer.db.schema import missing_tables


class HealthSchema(BaseModel):
    status: str


@endpoint(
    "GET",
    "/health",
    response=HealthSchema,
    errors=(503,),
    summary="Liveness, database and schema check",
    tag="operations",
    description="503 when the database does not answer, or lacks the service's tables.",
)
async def health(call: Call) -> dict[str, str] | Response:
    await call.services.db.ping()  # on the request's connection
    state = call.request.app.state
    if not getattr(state, "schema_complete", False):
        # Checked until complete, then trusted for the life of the process.
        missing = await missing_tables(call.ex)
        if missing:
            return JSONResponse({"detail": schema_gap(missing)}, status_code=503)
        state.schema_complete = True
    return {"status": "ok"}


def schema_gap(missing: list[str]) -> str:
    listed = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
    return f"Database schema incomplete (missing tables: {listed}); run `passport-scorer migrate`."


ENDPOINTS = [health]

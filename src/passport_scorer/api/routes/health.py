"""`GET /health`: the service is up and its database answers (503 when it does not)."""

from __future__ import annotations

from pydantic import BaseModel

from passport_scorer.api.endpoint import Call, endpoint


class HealthSchema(BaseModel):
    status: str


@endpoint(
    "GET",
    "/health",
    response=HealthSchema,
    errors=(503,),
    summary="Liveness and database check",
    tag="operations",
)
async def health(call: Call) -> dict[str, str]:
    await call.services.db.ping()  # on the request's connection
    return {"status": "ok"}


ENDPOINTS = [health]

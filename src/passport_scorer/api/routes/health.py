"""`GET /health`: the service is up and its database answers."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from passport_scorer.api.deps import ServicesDep
from passport_scorer.api.responses import JSONResponse, error_responses

router = APIRouter(tags=["operations"])


@router.get("/health", responses=error_responses(503), summary="Liveness and database check")
async def health(services: ServicesDep) -> Response:
    await services.db.ping()
    return JSONResponse({"status": "ok"})

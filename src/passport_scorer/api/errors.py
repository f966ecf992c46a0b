"""The one place where errors become HTTP responses (`{"detail": ...}` everywhere)."""

from __future__ import annotations

import logging

import asyncpg
from sqlalchemy.exc import SQLAlchemyError
from starlette.applications import Starlette
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import Response

from passport_scorer import errors
from passport_scorer.api.responses import JSONResponse
from passport_scorer.db.errors import describe, is_unavailable, is_unstorable_text

log = logging.getLogger(__name__)

STATUS_BY_ERROR: dict[type[errors.ScorerError], int] = {
    errors.InvalidRequest: 422,
    errors.TooManyItems: 422,
    errors.UnstorableText: 422,
    errors.InvalidAddress: 400,
    errors.InvalidScorerId: 400,
    errors.BadRequest: 400,
    errors.Forbidden: 403,
    errors.NotFound: 404,
    errors.NotConfigured: 503,
    errors.InvalidApiKey: 401,
    errors.InvalidInternalToken: 401,
    errors.MissingAppToken: 401,
    errors.InvalidAppToken: 401,
    errors.MissingPermission: 403,
    errors.ScorerNotFound: 404,
    errors.CommunityNotFound: 404,
    errors.RateLimited: 429,
    errors.ScoringFailed: 500,
    errors.InvalidScorerConfiguration: 500,
    errors.ServiceUnavailable: 503,
    errors.MissingScorerId: 422,
    errors.UpstreamUnavailable: 500,
}


def status_for(error: errors.ScorerError) -> int:
    for cls in type(error).__mro__:
        if cls in STATUS_BY_ERROR:
            return STATUS_BY_ERROR[cls]
    return 400


def _detail(status: int, detail: object, headers: dict[str, str] | None = None) -> Response:
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


async def _scorer_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, errors.ScorerError)
    headers = getattr(exc, "headers", None)
    detail = exc.errors if isinstance(exc, errors.InvalidRequest) else exc.detail
    # Some errors name more than the message (history's 404 also gives the address).
    body = {"detail": detail, **getattr(exc, "extra", {})}
    return JSONResponse(body, status_code=status_for(exc), headers=headers)


async def _http_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    return _detail(exc.status_code, exc.detail, dict(exc.headers or {}) or None)


async def _database_error(request: Request, exc: Exception) -> Response:
    if is_unstorable_text(exc):  # the client's input (SQLite stores it; Postgres cannot)
        log.info("refused text with a NUL", extra={"path": request.url.path, **describe(exc)})
        return _detail(status_for(errors.UnstorableText()), errors.UnstorableText.detail)
    if is_unavailable(exc):
        log.warning("database unavailable", extra={"path": request.url.path, **describe(exc)})
        return _detail(503, errors.ServiceUnavailable.detail)
    log.error("database error", extra={"path": request.url.path, **describe(exc)})
    return _detail(500, "Internal server error.")


async def _unexpected_error(request: Request, exc: Exception) -> Response:
    if is_unavailable(exc):
        return await _database_error(request, exc)
    log.exception("unhandled error", extra={"path": request.url.path})
    return _detail(500, "Internal server error.")


def install(app: Starlette) -> None:
    app.add_exception_handler(errors.ScorerError, _scorer_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(SQLAlchemyError, _database_error)
    # The hot path talks to asyncpg directly: its errors come through unwrapped.
    app.add_exception_handler(asyncpg.PostgresError, _database_error)
    app.add_exception_handler(asyncpg.InterfaceError, _database_error)
    app.add_exception_handler(OSError, _database_error)
    app.add_exception_handler(TimeoutError, _database_error)
    app.add_exception_handler(Exception, _unexpected_error)

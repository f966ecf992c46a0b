"""Which database errors mean "the database is unavailable" or "try the transaction again"."""

from __future__ import annotations

import asyncio

import asyncpg
from sqlalchemy import exc as sa_exc

# SQLSTATE classes: 08 connection exception, 53 insufficient resources,
# 57 operator intervention (shutdown, cannot connect now), 58 system error.
_UNAVAILABLE_CLASSES = ("08", "53", "57", "58")
# Deadlock and serialization failures: the transaction may simply be retried.
_RETRYABLE_STATES = {"40P01", "40001"}


def _sqlstate(error: BaseException) -> str | None:
    original = getattr(error, "orig", None)
    for candidate in (error, original, getattr(original, "__cause__", None)):
        state = getattr(candidate, "sqlstate", None) or getattr(candidate, "pgcode", None)
        if isinstance(state, str):
            return state
    return None


def is_unavailable(error: BaseException) -> bool:
    """True when the database cannot be reached, is shutting down, or did not answer in time."""
    if isinstance(error, sa_exc.TimeoutError | asyncio.TimeoutError | TimeoutError | OSError):
        return True
    if isinstance(
        error,
        asyncpg.InterfaceError
        | asyncpg.exceptions.ConnectionDoesNotExistError
        | asyncpg.exceptions.InternalClientError,  # a connection killed mid-protocol
    ):
        return True
    if isinstance(error, asyncpg.PostgresError):
        state = _sqlstate(error)
        return state is not None and state.startswith(_UNAVAILABLE_CLASSES)
    if isinstance(error, sa_exc.DBAPIError):
        if error.connection_invalidated:
            return True
        state = _sqlstate(error)
        if state is not None:
            return state.startswith(_UNAVAILABLE_CLASSES)
        if isinstance(error, sa_exc.InterfaceError):
            return True
        if isinstance(error, sa_exc.OperationalError):
            return True  # SQLite: locked or unreadable database; Postgres without a SQLSTATE
        cause = error.orig
        return isinstance(cause, OSError | asyncio.TimeoutError | ConnectionError)
    return False


# character_not_in_repertoire (a NUL in text), untranslatable_character (`\u0000` in jsonb).
_UNSTORABLE_TEXT_STATES = {"22021", "22P05"}


def is_unstorable_text(error: BaseException) -> bool:
    """Postgres refused a value the client sent: text or JSON holding a NUL character."""
    return isinstance(error, sa_exc.DBAPIError | asyncpg.PostgresError) and (
        _sqlstate(error) in _UNSTORABLE_TEXT_STATES
    )


def is_retryable(error: BaseException) -> bool:
    return isinstance(error, sa_exc.DBAPIError | asyncpg.PostgresError) and (
        _sqlstate(error) in _RETRYABLE_STATES
    )


def is_database_error(error: BaseException) -> bool:
    """Raised by the database or its driver (its text may hold SQL, values or driver state,
    so it never reaches a response, a stored error or a log line)."""
    return isinstance(
        error,
        sa_exc.SQLAlchemyError
        | asyncpg.PostgresError
        | asyncpg.InterfaceError
        | asyncpg.exceptions.InternalClientError,
    )


def describe(error: BaseException) -> dict[str, str]:
    """What may be logged about a database error: its class and SQLSTATE, not its text."""
    described = {"error": type(error).__name__}
    state = _sqlstate(error)
    if state is not None:
        described["sqlstate"] = state
    return described

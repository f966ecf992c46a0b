"""Turn a reference-style `DATABASE_URL` into an async SQLAlchemy URL.

The reference reads `DATABASE_URL` with dj-database-url (`postgres://...`,
`postgresql://...`, `sqlite:///path`); the same values work here.
"""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

_POSTGRES_SCHEMES = {"postgres", "postgresql", "postgresql+asyncpg", "pgsql"}
_SQLITE_SCHEMES = {"sqlite", "sqlite+aiosqlite"}


def to_sqlalchemy_url(database_url: str) -> URL:
    """Return the async-driver URL for `database_url`, or raise ValueError."""
    if not database_url.strip():
        raise ValueError("DATABASE_URL is empty")
    raw = database_url.strip()
    if raw.startswith("postgres://"):
        raw = "postgresql://" + raw.removeprefix("postgres://")
    try:
        url = make_url(raw)
    except ArgumentError:
        raise ValueError(
            "DATABASE_URL is not a database URL (expected postgres://... or sqlite:///...)"
        ) from None
    scheme = url.drivername
    if scheme in _POSTGRES_SCHEMES:
        query = dict(url.query)
        # libpq's `sslmode` is asyncpg's `ssl`.
        sslmode = query.pop("sslmode", None)
        if sslmode is not None and "ssl" not in query:
            query["ssl"] = sslmode
        return url.set(drivername="postgresql+asyncpg", query=query)
    if scheme in _SQLITE_SCHEMES:
        if url.database in (None, "", ":memory:"):
            raise ValueError(
                "DATABASE_URL names no SQLite file (an in-memory database is per connection)"
            )
        return url.set(drivername="sqlite+aiosqlite")
    raise ValueError(f"DATABASE_URL scheme {scheme!r} is not supported (use postgres or sqlite)")


def redact(database_url: str) -> str:
    """The URL without its password, for logs and messages."""
    try:
        return to_sqlalchemy_url(database_url).render_as_string(hide_password=True)
    except ValueError:
        return "<invalid DATABASE_URL>"

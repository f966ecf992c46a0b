"""What went wrong when a command could not use the database, in one line naming the cause.

A wrong password, an unknown role or database, a host that does not resolve, a server that
does not listen and a missing table each get their own hint; "is it running?" is asked only
when nothing listens.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import asyncpg

from passport_scorer.db.url import redact, to_sqlalchemy_url


def _chain(error: BaseException) -> Iterator[BaseException]:
    """The error, what it wraps (SQLAlchemy's `orig`) and its causes, outermost first."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [error]
    while pending:
        current = pending.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending += [getattr(current, "orig", None), current.__cause__, current.__context__]


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def _hint(error: BaseException, database_url: str) -> str | None:
    url = to_sqlalchemy_url(database_url)
    where = f"{url.host or 'localhost'}:{url.port or 5432}"
    if isinstance(error, asyncpg.InvalidPasswordError):
        return "check the password in DATABASE_URL"
    if isinstance(error, asyncpg.InvalidAuthorizationSpecificationError):
        return "check the user name in DATABASE_URL, or the server's pg_hba.conf"
    if isinstance(error, asyncpg.InvalidCatalogNameError):
        return "create that database, or fix its name in DATABASE_URL"
    if isinstance(error, asyncpg.UndefinedTableError) or "no such table" in str(error):
        return "`passport-scorer check` lists what is missing; `passport-scorer migrate` creates it"
    if isinstance(error, socket.gaierror):
        return f"the host {url.host!r} in DATABASE_URL does not resolve"
    if isinstance(error, ConnectionRefusedError):
        return f"nothing listens at {where}: is the database server running?"
    if isinstance(error, TimeoutError):
        return f"no answer from {where} in time (network or firewall?)"
    if "unable to open database file" in str(error):
        return f"cannot open the SQLite file {url.database!r}: is its folder there and writable?"
    return None


def describe_database_error(error: BaseException, database_url: str) -> str:
    """`database <url without password>: <driver's first line> (<hint>)`."""
    chain = list(_chain(error))
    driver = (e for e in chain if isinstance(e, asyncpg.PostgresError | OSError | TimeoutError))
    root = next(driver, getattr(error, "orig", None) or error)
    hint = next((h for e in chain if (h := _hint(e, database_url)) is not None), None)
    message = f"database {redact(database_url)}: {_first_line(root)}"
    return f"{message} ({hint})" if hint else message

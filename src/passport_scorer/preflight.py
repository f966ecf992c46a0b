"""Start-up checks for `serve` (and `check`): each problem stops start-up with one line.

A port another process listens on, a database without our tables and a Redis that refuses
us are found here, before any worker starts, instead of as per-request 503s, worker
tracebacks or two servers sharing one port.
"""

from __future__ import annotations

import errno
import socket
from urllib.parse import urlsplit

import redis
from redis.exceptions import AuthenticationError, RedisError, ResponseError

from passport_scorer.db.schema import SchemaReport

MAX_LISTED = 5


class StartupError(Exception):
    """Start-up cannot go on; the message is one line for the operator."""


def check_port(host: str, port: int) -> None:
    """Refuse a port that another process already listens on.

    The server binds with `SO_REUSEPORT`, so it would share a busy port with whatever
    listens there instead of failing; this bind (without it) fails on such a port.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # TIME_WAIT is no owner
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise StartupError(
                    f"port {port} on {host} is already in use by another process "
                    "(stop it or choose another --port)"
                ) from None
            raise StartupError(f"cannot listen on {host}:{port}: {error.strerror}") from None


def describe_schema_gap(report: SchemaReport) -> str:
    """One line naming what the database lacks and what to do about it."""
    parts = []
    for kind, names in (("tables", report.missing_tables), ("columns", report.missing_columns)):
        if names:
            listed = ", ".join(names[:MAX_LISTED])
            more = f" and {len(names) - MAX_LISTED} more" if len(names) > MAX_LISTED else ""
            parts.append(f"missing {kind}: {listed}{more}")
    return (
        f"{'; '.join(parts)}: run `passport-scorer migrate` to create the schema "
        "(a Django-managed database is migrated by Django; `passport-scorer check` lists all)"
    )


def _redis_where(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme == "unix":
        return parts.path
    return f"{parts.hostname or 'localhost'}:{parts.port or 6379}"


def check_redis(url: str, *, timeout: float = 2.0) -> None:
    """Connect, authenticate and ping; a failure is one line naming REDIS_URL's real cause."""
    where = _redis_where(url)
    client = redis.Redis.from_url(url, socket_connect_timeout=timeout, socket_timeout=timeout)
    try:
        client.ping()
    except AuthenticationError as error:
        raise StartupError(
            f"REDIS_URL: Redis at {where} refused the user name or password ({error})"
        ) from None
    except ResponseError as error:
        raise StartupError(f"REDIS_URL: Redis at {where} refused the connection: {error}") from None
    except (RedisError, OSError) as error:
        raise StartupError(f"REDIS_URL: cannot reach Redis at {where} ({error})") from None
    finally:
        client.close()


def check_tracing() -> None:
    """OTEL_EXPORTER_OTLP_ENDPOINT is set: the OpenTelemetry packages must be installed."""
    try:
        import opentelemetry.exporter.otlp.proto.grpc.trace_exporter
        import opentelemetry.sdk.trace  # noqa: F401
    except ImportError:
        raise StartupError(
            "OTEL_EXPORTER_OTLP_ENDPOINT is set but OpenTelemetry is not installed: "
            "pip install 'passport-scorer[otel]' (or unset it)"
        ) from None

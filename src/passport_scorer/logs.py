"""Structured logs: one JSON object per line on stderr. Never log keys or tokens."""

from __future__ import annotations

import logging
import sys
from datetime import UTC, datetime
from typing import Any

import orjson

_STANDARD = set(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {
    "message",
    "asctime",
    "color_message",
}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str).decode()


SECRET_URL_LOGGERS = ("httpx", "httpcore")


def configure(level: str = "INFO", library_level: str = "WARNING") -> None:
    """The service's own loggers at `level`; every other library's (database drivers, the
    HTTP server) at `library_level`, so DEBUG shows the service's reasons, not driver noise."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(library_level)
    logging.getLogger("passport_scorer").setLevel(level)
    # The HTTP client logs every request's full URL, and the Ethereum RPC URL often carries
    # an API key: never below WARNING.
    for name in SECRET_URL_LOGGERS:
        logging.getLogger(name).setLevel(
            max(logging.WARNING, logging.getLevelName(library_level.upper()))
        )

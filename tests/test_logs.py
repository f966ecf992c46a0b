"""Logging: the service's loggers at LOG_LEVEL, every library's at LIBRARY_LOG_LEVEL."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from passport_scorer import logs


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    ours = logging.getLogger("passport_scorer")
    saved = (root.handlers[:], root.level, ours.level)
    yield
    root.handlers[:], root.level = saved[0], saved[1]
    ours.setLevel(saved[2])


@pytest.mark.usefixtures("restore_logging")
def test_debug_shows_the_service_not_the_drivers() -> None:
    logs.configure("DEBUG")
    assert logging.getLogger("passport_scorer.stamps").isEnabledFor(logging.DEBUG)
    for library in ("asyncpg", "sqlalchemy.engine", "aiosqlite", "granian", "redis"):
        assert not logging.getLogger(library).isEnabledFor(logging.INFO), library
        assert logging.getLogger(library).isEnabledFor(logging.WARNING), library


@pytest.mark.usefixtures("restore_logging")
def test_libraries_can_be_asked_for() -> None:
    logs.configure("WARNING", library_level="DEBUG")
    assert logging.getLogger("aiosqlite").isEnabledFor(logging.DEBUG)
    assert not logging.getLogger("passport_scorer.access").isEnabledFor(logging.INFO)


@pytest.mark.usefixtures("restore_logging")
def test_the_http_client_never_logs_request_urls() -> None:
    """httpx logs every request's URL at INFO; the Ethereum RPC URL may carry a key."""
    saved = {name: logging.getLogger(name).level for name in logs.SECRET_URL_LOGGERS}
    try:
        logs.configure("DEBUG", library_level="DEBUG")
        for name in logs.SECRET_URL_LOGGERS:
            assert not logging.getLogger(name).isEnabledFor(logging.INFO), name
            assert logging.getLogger(name).isEnabledFor(logging.WARNING), name
    finally:
        for name, level in saved.items():
            logging.getLogger(name).setLevel(level)

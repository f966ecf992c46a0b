from __future__ import annotations

import logging
import uuid

import pytest

from passport_scorer.domain.api_keys import ApiKey
from passport_scorer.errors import RateLimited
from passport_scorer.services.rate_limits import InProcessLimiter, RedisLimiter
from tests.conftest import TEST_REDIS_URL, free_port


def key(rate_limit: str | None) -> ApiKey:
    return ApiKey("id", uuid.uuid4().hex[:8], 1, "x", None, True, rate_limit, False, None)


async def test_in_process_limit_allows_exactly_the_budget() -> None:
    limiter, limited, other = InProcessLimiter(), key("3/15m"), key("3/15m")
    for _ in range(3):
        await limiter.hit(limited)
    with pytest.raises(RateLimited) as caught:
        await limiter.hit(limited)
    assert 1 <= int(caught.value.headers["Retry-After"]) <= 900
    await limiter.hit(other)


async def test_unlimited_keys_are_never_counted() -> None:
    limiter = InProcessLimiter()
    for rate in ("", None):
        unlimited = key(rate)
        for _ in range(500):
            await limiter.hit(unlimited)


@pytest.mark.redis
async def test_redis_limit_is_one_budget_for_every_limiter() -> None:
    shared = key("4/15m")
    first, second = RedisLimiter(TEST_REDIS_URL), RedisLimiter(TEST_REDIS_URL)
    try:
        for limiter in (first, second, first, second):
            await limiter.hit(shared)
        for limiter in (first, second):
            with pytest.raises(RateLimited):
                await limiter.hit(shared)
    finally:
        await first.close()
        await second.close()


async def test_unreachable_redis_fails_open_and_logs_once(caplog: pytest.LogCaptureFixture) -> None:
    limiter = RedisLimiter(f"redis://127.0.0.1:{free_port()}/0", log_interval=60)
    caplog.set_level(logging.WARNING)
    try:
        for _ in range(5):
            await limiter.hit(key("1/15m"))
    finally:
        await limiter.close()
    warnings = [r for r in caplog.records if "Redis unavailable" in r.getMessage()]
    assert len(warnings) == 1


@pytest.mark.redis
async def test_a_refused_redis_password_is_not_reported_as_an_outage(
    caplog: pytest.LogCaptureFixture,
) -> None:
    server = TEST_REDIS_URL.removeprefix("redis://").rpartition("@")[2]
    limiter = RedisLimiter(f"redis://nobody:wrong-pw@{server}", log_interval=60)
    caplog.set_level(logging.WARNING)
    try:
        await limiter.hit(key("1/15m"))
    finally:
        await limiter.close()
    [warning] = [r for r in caplog.records if r.getMessage().startswith("rate limiting skipped")]
    assert warning.getMessage() == (
        "rate limiting skipped: Redis refused the user name or password in REDIS_URL"
    )
    assert "wrong-pw" not in caplog.text

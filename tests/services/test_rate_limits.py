from __future__ import annotations

import dataclasses
import logging
import uuid

import pytest

from passport_scorer.domain.api_keys import ApiKey
from passport_scorer.errors import RateLimited
from passport_scorer.services.rate_limits import (
    EMBED,
    REGISTRY,
    InProcessLimiter,
    RedisLimiter,
)
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


async def test_each_budget_counts_on_its_own_against_its_own_limit() -> None:
    limiter = InProcessLimiter()
    both = dataclasses.replace(key("2/15m"), embed_rate_limit="1/15m")
    await limiter.hit(both, EMBED)
    with pytest.raises(RateLimited):
        await limiter.hit(both, EMBED)
    for _ in range(2):
        await limiter.hit(both)  # the score routes' budget (REGISTRY) is untouched
    with pytest.raises(RateLimited):
        await limiter.hit(both, REGISTRY)
    await limiter.hit(dataclasses.replace(both, embed_rate_limit=None), EMBED)  # unlimited


@pytest.mark.redis
async def test_redis_counts_budgets_apart() -> None:
    shared = dataclasses.replace(key("1/15m"), embed_rate_limit="1/15m")
    limiter = RedisLimiter(TEST_REDIS_URL)
    try:
        await limiter.hit(shared, EMBED)
        await limiter.hit(shared, REGISTRY)
        for budget in (EMBED, REGISTRY):
            with pytest.raises(RateLimited):
                await limiter.hit(shared, budget)
    finally:
        await limiter.close()


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

"""Send every request to both deployments, in file order, with bounded concurrency and rate.

Each request goes to the left deployment, then (once it has answered) to the right one, so
two deployments sharing one database never race each other on the same rows. Requests start
in file order; with `concurrency` 1 each one also ends before the next starts, which keeps
the order deduplication depends on exact.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from passport_scorer.compare.requests_file import ReplayRequest


@dataclass(frozen=True)
class Answer:
    """What one deployment answered (`status` None: no answer, `error` says why)."""

    status: int | None
    content_type: str
    body: bytes
    error: str | None
    started: datetime
    finished: datetime


@dataclass(frozen=True)
class Exchange:
    request: ReplayRequest
    left: Answer
    right: Answer


def make_client(base_url: httpx.URL, *, concurrency: int, timeout: float) -> httpx.AsyncClient:
    """A client for one deployment: no redirects followed, no proxy from the environment."""
    return httpx.AsyncClient(
        base_url=base_url,
        timeout=timeout,
        follow_redirects=False,
        trust_env=False,
        limits=httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency),
    )


async def replay(
    requests: Sequence[ReplayRequest],
    left: httpx.AsyncClient,
    right: httpx.AsyncClient,
    *,
    concurrency: int = 1,
    rate: float | None = None,
) -> list[Exchange]:
    """Every request's two answers, in file order; `rate`: at most that many starts a second."""
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    if rate is not None and rate <= 0:
        raise ValueError("rate must be positive")
    loop = asyncio.get_running_loop()
    begin = loop.time()
    slots = asyncio.Semaphore(concurrency)
    results: list[Exchange | None] = [None] * len(requests)

    async def exchange(index: int, request: ReplayRequest) -> None:
        try:
            left_answer = await send(left, request)
            right_answer = await send(right, request)
            results[index] = Exchange(request, left_answer, right_answer)
        finally:
            slots.release()

    tasks = []
    for index, request in enumerate(requests):
        await slots.acquire()
        if rate is not None:
            await asyncio.sleep(max(0.0, begin + index / rate - loop.time()))
        tasks.append(asyncio.create_task(exchange(index, request)))
    await asyncio.gather(*tasks)
    return [result for result in results if result is not None]


async def send(client: httpx.AsyncClient, request: ReplayRequest) -> Answer:
    """One request to one deployment; a transport failure is an answer with `error` set."""
    headers = dict(request.headers)
    content: bytes | None = None
    if isinstance(request.body, str):
        content = request.body.encode()
    elif request.body is not None:
        content = json.dumps(request.body, separators=(",", ":")).encode()
        if not any(name.lower() == "content-type" for name in headers):
            headers["Content-Type"] = "application/json"
    started = datetime.now(UTC)
    try:
        response = await client.request(
            request.method,
            request.path,
            params=list(request.query) or None,
            headers=headers,
            content=content,
        )
    except httpx.HTTPError as error:
        reason = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        return Answer(None, "", b"", reason, started, datetime.now(UTC))
    return Answer(
        response.status_code,
        response.headers.get("content-type", ""),
        response.content,
        None,
        started,
        datetime.now(UTC),
    )

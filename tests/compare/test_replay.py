"""The replay: file order, left then right, bounded concurrency and rate, failures recorded."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from passport_scorer.compare.replay import make_client, replay, send
from passport_scorer.compare.requests_file import ReplayRequest
from tests.conftest import free_port


class Recorder:
    """A deployment that records what reaches it, and when."""

    def __init__(self, name: str, log: list[tuple[str, str]], delay: float = 0.0) -> None:
        self.name, self.log, self.delay = name, log, delay
        self.in_flight = self.most_in_flight = 0
        self.starts: list[float] = []

    async def echo(self, request: Request) -> JSONResponse:
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        self.starts.append(time.monotonic())
        self.log.append((self.name, request.url.path))
        await asyncio.sleep(self.delay)
        self.in_flight -= 1
        return JSONResponse(
            {
                "query": list(request.query_params.multi_items()),
                "content_type": request.headers.get("content-type"),
                "key": request.headers.get("x-api-key"),
                "body": (await request.body()).decode(),
            }
        )

    def client(self) -> httpx.AsyncClient:
        app = Starlette(routes=[Route("/{path:path}", self.echo, methods=["GET", "POST"])])
        return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t")


def _requests(count: int) -> list[ReplayRequest]:
    return [ReplayRequest(i + 1, "GET", f"/r{i + 1}") for i in range(count)]


async def test_one_at_a_time_each_request_goes_left_then_right_in_file_order() -> None:
    log: list[tuple[str, str]] = []
    left, right = Recorder("left", log), Recorder("right", log)
    async with left.client() as a, right.client() as b:
        exchanges = await replay(_requests(4), a, b)
    assert [e.request.line for e in exchanges] == [1, 2, 3, 4]
    assert log == [(side, f"/r{i}") for i in range(1, 5) for side in ("left", "right")]
    assert all(e.left.status == 200 and e.left.started <= e.left.finished for e in exchanges)


async def test_concurrency_and_rate_are_bounded() -> None:
    log: list[tuple[str, str]] = []
    left, right = Recorder("left", log, delay=0.05), Recorder("right", log, delay=0.05)
    async with left.client() as a, right.client() as b:
        exchanges = await replay(_requests(9), a, b, concurrency=3)
    assert [e.request.line for e in exchanges] == list(range(1, 10))
    assert left.most_in_flight == 3 and right.most_in_flight <= 3

    paced = Recorder("paced", [])
    async with paced.client() as a, Recorder("other", []).client() as b:
        begin = time.monotonic()
        await replay(_requests(6), a, b, concurrency=6, rate=20)
    # Request i starts no earlier than i / rate seconds after the replay began.
    assert all(start >= begin + i / 20 - 0.005 for i, start in enumerate(paced.starts))

    with pytest.raises(ValueError, match="concurrency"):
        await replay(_requests(1), a, b, concurrency=0)


async def test_bodies_queries_and_headers_are_sent_as_written() -> None:
    recorder = Recorder("left", [])
    async with recorder.client() as client:
        as_json = await send(
            client,
            ReplayRequest(
                1,
                "POST",
                "/a",
                (("x", "1"), ("y", "2"), ("y", "3")),
                {"X-API-Key": "k"},
                {"a": [1]},
            ),
        )
        as_text = await send(client, ReplayRequest(2, "POST", "/b", (), {}, "not json{"))
    echoed = httpx.Response(200, content=as_json.body).json()
    assert echoed == {
        "query": [["x", "1"], ["y", "2"], ["y", "3"]],
        "content_type": "application/json",
        "key": "k",
        "body": '{"a":[1]}',
    }
    assert httpx.Response(200, content=as_text.body).json()["body"] == "not json{"


async def test_a_deployment_that_does_not_answer_is_recorded_not_raised() -> None:
    closed = httpx.URL(f"http://127.0.0.1:{free_port()}")
    async with make_client(closed, concurrency=1, timeout=2) as client:
        answer = await send(client, ReplayRequest(1, "GET", "/health"))
    assert answer.status is None
    assert answer.error is not None and answer.error.startswith("ConnectError")

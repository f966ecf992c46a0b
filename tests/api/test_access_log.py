"""One JSON line per request (route template, status, duration, request id), nothing secret;
the request id is echoed in `X-Request-ID`; `ACCESS_LOG=off` silences the lines."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import httpx
import orjson
import pytest

from passport_scorer.app import create_app
from passport_scorer.logs import JsonFormatter
from passport_scorer.services.container import Services
from tests.conftest import Scorer, make_settings

ALICE = "0x0000000000000000000000000000000000a11ce0"


def access_lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, object]]:
    formatter = JsonFormatter()
    return [
        orjson.loads(formatter.format(record))
        for record in caplog.records
        if record.name == "passport_scorer.access"
    ]


async def test_one_line_per_request_without_keys_or_addresses(
    client: httpx.AsyncClient, scorer: Scorer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="passport_scorer.access")
    ok = await client.get(scorer.score_path(ALICE), headers=scorer.headers)
    refused = await client.get(scorer.score_path(ALICE), headers={"X-API-Key": "bad.key"})
    missing = await client.get(f"/nowhere/{ALICE}")

    lines = access_lines(caplog)
    assert [(line["method"], line["route"], line["status"]) for line in lines] == [
        ("GET", "/v2/stamps/{scorer_id}/score/{address}", 200),
        ("GET", "/v2/stamps/{scorer_id}/score/{address}", 401),
        ("GET", "<unmatched>", 404),
    ]
    assert [line["request_id"] for line in lines] == [
        response.headers["x-request-id"] for response in (ok, refused, missing)
    ]
    assert len({line["request_id"] for line in lines}) == 3
    assert lines[0]["scorer_id"] == scorer.community_id and lines[2]["scorer_id"] is None
    assert all(isinstance(line["duration_ms"], float) for line in lines)
    assert all(line["level"] == "INFO" and line["message"] == "request" for line in lines)
    text = caplog.text + "".join(orjson.dumps(line).decode() for line in lines)
    assert ALICE not in text and scorer.key not in text and "bad.key" not in text


async def test_a_plain_incoming_request_id_is_kept_and_an_odd_one_replaced(
    client: httpx.AsyncClient,
) -> None:
    kept = await client.get("/health", headers={"X-Request-ID": "Root=1-abc-def"})
    assert kept.headers["x-request-id"] == "Root=1-abc-def"
    odd = await client.get("/health", headers={"X-Request-ID": "a b<c" * 50})
    assert len(odd.headers["x-request-id"]) == 32 and " " not in odd.headers["x-request-id"]


@pytest.fixture
async def quiet_client(services: Services) -> AsyncIterator[httpx.AsyncClient]:
    settings = make_settings(services.settings.DATABASE_URL, ACCESS_LOG="off")
    app = create_app(services=Services.build(settings, db=services.db))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        yield c


async def test_access_log_off_writes_no_line_but_keeps_the_request_id(
    quiet_client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="passport_scorer.access")
    response = await quiet_client.get("/health")
    assert response.status_code == 200 and response.headers["x-request-id"]
    assert access_lines(caplog) == []

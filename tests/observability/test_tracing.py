"""Traces: one server span per request, named by route template, and a child span per
database round trip, exported through a real SDK pipeline (in memory)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from passport_scorer.app import create_app
from passport_scorer.observability import tracing
from passport_scorer.services.container import Services
from tests.conftest import Scorer
from tests.factories import World

ALICE = "0x0000000000000000000000000000000000a11ce0"


@pytest.fixture
def exporter() -> InMemorySpanExporter:
    return InMemorySpanExporter()


@pytest.fixture
async def traced_client(
    services: Services, exporter: InMemorySpanExporter
) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(services=services)
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracing.install(app, services.db, provider)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        yield c
    provider.shutdown()


async def test_a_request_span_with_a_child_per_database_round_trip(
    traced_client: httpx.AsyncClient,
    exporter: InMemorySpanExporter,
    scorer: Scorer,
    world: World,
    creds: dict[str, Any],
) -> None:
    await world.stamps(ALICE, [creds["valid_google_alice"]])
    parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
    response = await traced_client.get(
        scorer.score_path(ALICE), headers={**scorer.headers, "traceparent": parent}
    )
    assert response.status_code == 200

    spans = exporter.get_finished_spans()
    [server] = [span for span in spans if span.kind == SpanKind.SERVER]
    assert server.name == "GET /v2/stamps/{scorer_id}/score/{address}"
    assert server.attributes is not None
    assert server.attributes["http.response.status_code"] == 200
    assert format(server.context.trace_id, "032x") == "0af7651916cd43dd8448eb211c80319c"
    queries = [span for span in spans if span.kind == SpanKind.CLIENT]
    assert queries, [span.name for span in spans]
    for query in queries:
        assert query.parent is not None and query.parent.span_id == server.context.span_id
        assert query.attributes is not None and "db.query.text" in query.attributes
        assert query.start_time is not None and query.end_time is not None
        assert query.start_time <= query.end_time
    exported = "".join(str(span.to_json()) for span in spans)
    assert ALICE not in exported and scorer.key not in exported

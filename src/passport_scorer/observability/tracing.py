"""OpenTelemetry traces (optional): a span per request and one per database round trip.

On when `OTEL_EXPORTER_OTLP_ENDPOINT` is set (OTLP over gRPC; the exporter also reads the
other standard `OTEL_*` variables) and the `otel` extra is installed. A request span is
named by method and route template and carries no path, query, header or address; a
database span carries the statement text (constant SQL, values are bound parameters),
never its parameters. An incoming `traceparent` header continues the caller's trace.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from opentelemetry import propagate
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter
from opentelemetry.trace import SpanKind, Status, StatusCode, Tracer, get_current_span
from sqlalchemy import event
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from passport_scorer import __version__
from passport_scorer.api.metrics import route_template

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from passport_scorer.db.engine import Database

MAX_STATEMENT = 2_000


def tracer_provider(exporter: SpanExporter | None = None) -> TracerProvider:
    """A provider that exports in batches (to OTLP/gRPC unless `exporter` is given)."""
    if exporter is None:
        from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter

        exporter = OTLPSpanExporter()
    resource = Resource.create({"service.name": "passport-scorer", "service.version": __version__})
    provider = TracerProvider(resource=resource)
    provider.add_span_processor(BatchSpanProcessor(exporter))
    return provider


def install(app: Starlette, db: Database, provider: TracerProvider) -> None:
    """Trace `app`'s requests and `db`'s statements with `provider`'s tracer."""
    tracer = provider.get_tracer("passport_scorer")
    app.add_middleware(TracingMiddleware, tracer=tracer)
    _trace_database(db, tracer)


class TracingMiddleware:
    def __init__(self, app: ASGIApp, tracer: Tracer) -> None:
        self.app = app
        self.tracer = tracer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        carrier = {
            name.decode("latin-1"): value.decode("latin-1")
            for name, value in scope["headers"]
            if name in (b"traceparent", b"tracestate")
        }
        method = scope["method"]
        status = 500
        with self.tracer.start_as_current_span(
            method, context=propagate.extract(carrier), kind=SpanKind.SERVER
        ) as span:

            async def send_status(message: Message) -> None:
                nonlocal status
                if message["type"] == "http.response.start":
                    status = message["status"]
                await send(message)

            try:
                await self.app(scope, receive, send_status)
            finally:
                route = route_template(scope)
                span.update_name(f"{method} {route}")
                span.set_attribute("http.request.method", method)
                span.set_attribute("http.route", route)
                span.set_attribute("http.response.status_code", status)
                if status >= 500:
                    span.set_status(Status(StatusCode.ERROR))


def _statement_span(tracer: Tracer, system: str, statement: str, seconds: float) -> None:
    """A finished span for one round trip that took `seconds` and ended just now."""
    end = time.time_ns()
    span = tracer.start_span(
        statement.split(None, 1)[0].upper() if statement.strip() else "query",
        kind=SpanKind.CLIENT,
        start_time=end - int(seconds * 1e9),
        attributes={"db.system.name": system, "db.query.text": statement[:MAX_STATEMENT]},
    )
    span.end(end_time=end)


def _trace_database(db: Database, tracer: Tracer) -> None:
    system = "postgresql" if db.dialect == "postgresql" else db.dialect
    if db.driver_pool is not None:
        # asyncpg calls this after each statement, in the request's context.
        def on_query(record: Any) -> None:
            if get_current_span().get_span_context().is_valid:
                _statement_span(tracer, system, record.query, record.elapsed)

        db.driver_pool.add_query_logger(on_query)

    def before(
        _conn: Any, _cursor: Any, _statement: str, _params: Any, context: Any, _many: bool
    ) -> None:
        context._otel_start = time.perf_counter()

    def after(
        _conn: Any, _cursor: Any, statement: str, _params: Any, context: Any, _many: bool
    ) -> None:
        if get_current_span().get_span_context().is_valid:
            seconds = time.perf_counter() - getattr(context, "_otel_start", time.perf_counter())
            _statement_span(tracer, system, statement, seconds)

    event.listen(db.engine.sync_engine, "before_cursor_execute", before)
    event.listen(db.engine.sync_engine, "after_cursor_execute", after)

"""The service's Prometheus metrics, for one process or for every worker of `serve`.

`passport-scorer serve` runs several worker processes; it sets `PROMETHEUS_MULTIPROC_DIR`
before any worker starts, so each worker writes its values to files there and `/metrics`
(answered by any one worker) adds up every worker's. Without it (tests, AWS Lambda) the
values live in this process only. Labels never hold addresses or keys: requests are labelled
by their route template (`/v2/stamps/{scorer_id}/score/{address}`), not their path.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    disable_created_metrics,
    generate_latest,
)
from prometheus_client.multiprocess import MultiProcessCollector

from passport_scorer.observability.multiprocess import MULTIPROCESS_ENV

MULTIPROCESS = MULTIPROCESS_ENV in os.environ
# Requests no route matched (404s): one label value, whatever the path.
UNMATCHED = "<unmatched>"
PoolStats = Callable[[], tuple[int, int]]

# No `*_created` series: half the output, and nothing a dashboard needs.
disable_created_metrics()  # type: ignore[no-untyped-call]
REGISTRY = CollectorRegistry()

REQUESTS = Counter(
    "passport_scorer_requests",
    "HTTP requests answered, by route template, method and status.",
    ["route", "method", "status"],
    registry=REGISTRY,
)
LATENCY = Histogram(
    "passport_scorer_request_duration_seconds",
    "Time from a request's arrival to its last response byte, by route template.",
    ["route", "method"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
    registry=REGISTRY,
)
SCORINGS = Counter(
    "passport_scorer_scorings",
    "Scorings by outcome: done (a score was stored) or error (the error was stored).",
    ["outcome"],
    registry=REGISTRY,
)
DEDUPLICATED_STAMPS = Counter(
    "passport_scorer_deduplicated_stamps",
    "Stamps that did not count because another address holds their nullifier (LIFO).",
    registry=REGISTRY,
)
SKIPPED_STAMPS = Counter(
    "passport_scorer_skipped_stamps",
    "Stamps that did not count, by reason (untrusted issuer, expired, bad proof, ...).",
    ["reason"],
    registry=REGISTRY,
)
RATE_LIMITED = Counter(
    "passport_scorer_rate_limited_requests",
    "Requests refused with 429 because their API key was over its rate limit.",
    registry=REGISTRY,
)
ANALYTICS_ROWS = Counter(
    "passport_scorer_analytics_rows",
    "API-key usage rows, by outcome: written, or dropped (buffer full or database refused).",
    ["outcome"],
    registry=REGISTRY,
)
DB_IN_USE = Gauge(
    "passport_scorer_db_connections_in_use",
    "Database connections handed out to requests (all workers).",
    registry=REGISTRY,
    multiprocess_mode="livesum",
)
DB_WAITING = Gauge(
    "passport_scorer_db_requests_waiting",
    "Requests waiting for a database connection (all workers).",
    registry=REGISTRY,
    multiprocess_mode="livesum",
)

# Label children by their values, so a request costs a dict lookup, not `labels()`'s lock.
_requests: dict[tuple[str, str, int], Counter] = {}
_latency: dict[tuple[str, str], Histogram] = {}
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def record_request(route: str, method: str, status: int, seconds: float) -> None:
    if method not in METHODS:
        method = "OTHER"  # a client-chosen label would grow without bound
    counter = _requests.get((route, method, status))
    if counter is None:
        counter = _requests[(route, method, status)] = REQUESTS.labels(route, method, str(status))
    counter.inc()
    histogram = _latency.get((route, method))
    if histogram is None:
        histogram = _latency[(route, method)] = LATENCY.labels(route, method)
    histogram.observe(seconds)


def record_scoring(*, error: bool, deduplicated: int) -> None:
    SCORINGS.labels("error" if error else "done").inc()
    if deduplicated:
        DEDUPLICATED_STAMPS.inc(deduplicated)


def record_pool(pool_stats: PoolStats) -> None:
    in_use, waiting = pool_stats()
    DB_IN_USE.set(in_use)
    DB_WAITING.set(waiting)


def exposition() -> bytes:
    """Every metric in the Prometheus text format: all workers' when multi-process."""
    if not MULTIPROCESS:
        return generate_latest(REGISTRY)
    registry = CollectorRegistry()
    MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    return generate_latest(registry)

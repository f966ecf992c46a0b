"""A lean HTTP/1.1 load generator, run as its own process so it never shares the server's loop.

    python -m bench.load --port 8000 --connections 16 --duration 20 --requests-file paths.json

Each request in the file is `{"path", "headers"}`, optionally with `method` (default GET),
`body` (JSON text) and the `status` that counts as success (default 200).
Prints one JSON object: requests, errors, seconds, latencies (ms) percentiles, status counts,
CPU seconds used by the generator, and a sample of response bodies for verification.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import sys
import time
from typing import Any

import uvloop


def percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(fraction * (len(sorted_values) - 1))))
    return sorted_values[index]


class Stats:
    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.errors = 0
        self.statuses: dict[int, int] = {}
        self.samples: list[tuple[str, int, str]] = []
        self.count = 0


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    body = await reader.readexactly(length) if length else b""
    return status, body


Request = tuple[str, dict[str, str], str, bytes, int]  # path, headers, method, body, status


def _payload(host: str, request: Request) -> bytes:
    path, headers, method, body, _ = request
    extra = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    if body:
        extra += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    return f"{method} {path} HTTP/1.1\r\nHost: {host}\r\n{extra}\r\n".encode() + body


async def _connection(
    host: str,
    port: int,
    requests: list[Request],
    start: int,
    stop_at: float,
    limit: int | None,
    stats: Stats,
    sample_every: int,
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    index = start
    try:
        while time.perf_counter() < stop_at and (limit is None or stats.count < limit):
            request = requests[index % len(requests)]
            path, expected = request[0], request[4]
            index += 1
            stats.count += 1
            payload = _payload(host, request)
            began = time.perf_counter()
            try:
                writer.write(payload)
                status, body = await _read_response(reader)
            except (OSError, asyncio.IncompleteReadError, ValueError):
                stats.errors += 1
                writer.close()
                reader, writer = await asyncio.open_connection(host, port)
                continue
            stats.latencies.append((time.perf_counter() - began) * 1000)
            stats.statuses[status] = stats.statuses.get(status, 0) + 1
            if status != expected:
                stats.errors += 1
            if stats.count % sample_every == 0 or status != expected:
                stats.samples.append((path, status, body.decode(errors="replace")))
    finally:
        writer.close()


async def run(args: argparse.Namespace, requests: list[Request]) -> dict[str, Any]:
    stats = Stats()
    began = time.perf_counter()
    stop_at = began + args.duration if args.duration else float("inf")
    step = max(1, len(requests) // max(1, args.connections))
    await asyncio.gather(
        *(
            _connection(
                args.host,
                args.port,
                requests,
                i * step,
                stop_at,
                args.count,
                stats,
                args.sample_every,
            )
            for i in range(args.connections)
        )
    )
    seconds = time.perf_counter() - began
    latencies = sorted(stats.latencies)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "connections": args.connections,
        "requests": len(latencies),
        "errors": stats.errors,
        "seconds": seconds,
        "rps": len(latencies) / seconds if seconds else 0.0,
        "p50_ms": percentile(latencies, 0.50),
        "p95_ms": percentile(latencies, 0.95),
        "p99_ms": percentile(latencies, 0.99),
        "max_ms": latencies[-1] if latencies else float("nan"),
        "statuses": stats.statuses,
        "generator_cpu_seconds": usage.ru_utime + usage.ru_stime,
        "samples": stats.samples,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--connections", type=int, default=1)
    parser.add_argument("--duration", type=float, default=0.0, help="seconds; 0 = until --count")
    parser.add_argument("--count", type=int, default=None)
    parser.add_argument("--requests-file", required=True)
    parser.add_argument("--sample-every", type=int, default=53, help="keep every Nth body")
    args = parser.parse_args()
    if not args.duration and not args.count:
        parser.error("give --duration or --count (the load is always bounded)")
    with open(args.requests_file) as handle:
        requests = [
            (
                item["path"],
                item.get("headers", {}),
                item.get("method", "GET"),
                item.get("body", "").encode(),
                item.get("status", 200),
            )
            for item in json.load(handle)
        ]
    result = uvloop.run(run(args, requests))
    json.dump(result, sys.stdout)
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()

"""The comparison's report: per route template the match rate, per differing field the first
examples; a JSON document for the record and a table for the terminal. Every string passes
through the redactor on its way out.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from passport_scorer.compare.diff import Difference
from passport_scorer.compare.normalise import is_json, parse_body, plain
from passport_scorer.compare.redact import REDACTED, Redactor, is_secret_name
from passport_scorer.compare.replay import Answer, Exchange
from passport_scorer.compare.requests_file import ReplayRequest

MAX_BODY_CHARS = 20_000
_LAST_KEY_PREFIX = "['"


@dataclass
class _Field:
    count: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    examples: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _Route:
    requests: int = 0
    matching: int = 0
    fields: dict[str, _Field] = field(default_factory=dict)


def _rate(matching: int, requests: int) -> float:
    return 100.0 if requests == 0 else round(100.0 * matching / requests, 2)


class Tally:
    """Collects each exchange's differences, per route template and field."""

    def __init__(self, *, examples: int = 3) -> None:
        self._examples = examples
        self._routes: dict[str, _Route] = {}

    def add(self, route: str, exchange: Exchange, differences: list[Difference]) -> None:
        stats = self._routes.setdefault(route, _Route())
        stats.requests += 1
        if not differences:
            stats.matching += 1
        for difference in differences:
            entry = stats.fields.setdefault(difference.field, _Field())
            entry.count += 1
            entry.kinds[difference.kind] += 1
            if len(entry.examples) < self._examples:
                entry.examples.append(_example(exchange, difference))

    def routes(self, min_match: float) -> dict[str, Any]:
        return {
            route: {
                "requests": stats.requests,
                "matching": stats.matching,
                "match_rate": _rate(stats.matching, stats.requests),
                "ok": stats.matching * 100 >= min_match * stats.requests,
                "fields": {
                    name: {
                        "count": entry.count,
                        "kinds": dict(entry.kinds),
                        "examples": entry.examples,
                    }
                    for name, entry in sorted(stats.fields.items(), key=lambda i: -i[1].count)
                },
            }
            for route, stats in sorted(self._routes.items())
        }

    def totals(self) -> tuple[int, int]:
        return (
            sum(s.requests for s in self._routes.values()),
            sum(s.matching for s in self._routes.values()),
        )


def build_report(
    tally: Tally,
    *,
    left: str,
    right: str,
    min_match: float,
    started: datetime,
    finished: datetime,
    database: dict[str, Any] | None,
    redactor: Redactor,
) -> dict[str, Any]:
    """The whole report, redacted; `ok` is the command's verdict."""
    routes = tally.routes(min_match)
    requests, matching = tally.totals()
    routes_ok = all(route["ok"] for route in routes.values())
    database_ok = database is None or database["ok"]
    report = {
        "left": left,
        "right": right,
        "started_at": started.isoformat(),
        "finished_at": finished.isoformat(),
        "requests": requests,
        "matching": matching,
        "match_rate": _rate(matching, requests),
        "min_match": min_match,
        "ok": routes_ok and database_ok,
        "routes": routes,
        "database": database,
    }
    for route in routes.values():
        for entry in route["fields"].values():
            entry["examples"] = [
                _redact_example(example, redactor) for example in entry["examples"]
            ]
    # The structure's own names (routes, fields) are not data: only text rules apply to them.
    redacted: dict[str, Any] = redactor.strings(report)
    return redacted


def _redact_example(example: dict[str, Any], redactor: Redactor) -> dict[str, Any]:
    data = ("request", "left", "right", "left_value", "right_value")
    return {
        name: redactor.value(value) if name in data else value for name, value in example.items()
    }


def _example(exchange: Exchange, difference: Difference) -> dict[str, Any]:
    secret = is_secret_name(_last_key(difference.path))
    return {
        "line": exchange.request.line,
        "path": difference.path,
        "kind": difference.kind,
        "left_value": REDACTED if secret else difference.left,
        "right_value": REDACTED if secret else difference.right,
        "request": _request(exchange.request),
        "left": _answer(exchange.left),
        "right": _answer(exchange.right),
    }


def _last_key(path: str) -> str:
    if not path.endswith("']") or _LAST_KEY_PREFIX not in path:
        return ""
    return path[path.rindex(_LAST_KEY_PREFIX) + 2 : -2]


def _request(request: ReplayRequest) -> dict[str, Any]:
    query: dict[str, list[str]] = {}
    for name, value in request.query:
        query.setdefault(name, []).append(value)
    return {
        "method": request.method,
        "path": request.path,
        "query": {
            name: values[0] if len(values) == 1 else values for name, values in query.items()
        },
        "headers": dict(request.headers),
        "body": request.body,
    }


def _answer(answer: Answer) -> dict[str, Any]:
    if answer.status is None:
        return {"error": answer.error}
    parsed = parse_body(answer.body)
    body: Any
    if is_json(parsed) and len(answer.body) <= MAX_BODY_CHARS:
        body = plain(parsed)
    else:
        body = answer.body.decode("utf-8", errors="replace")[:MAX_BODY_CHARS]
    return {"status": answer.status, "content_type": answer.content_type, "body": body}


# --- The terminal summary -------------------------------------------------------------------------


def _short(value: Any, width: int = 40) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= width else text[: width - 1] + "…"


def render_summary(report: dict[str, Any], redactor: Redactor) -> str:
    """A readable table of the (already redacted) report."""
    routes: dict[str, Any] = report["routes"]
    width = max([len("all routes"), *(len(route) for route in routes)])
    lines = [
        f"compared {report['left']} (left) with {report['right']} (right): "
        f"{report['requests']} requests",
        "",
        f"{'route':{width}}  {'requests':>8}  {'matching':>8}  {'match':>7}",
    ]
    for route, stats in routes.items():
        mark = "" if stats["ok"] else "  <"
        lines.append(
            f"{route:{width}}  {stats['requests']:>8}  {stats['matching']:>8}  "
            f"{stats['match_rate']:>6.1f}%{mark}"
        )
    lines.append(
        f"{'all routes':{width}}  {report['requests']:>8}  {report['matching']:>8}  "
        f"{report['match_rate']:>6.1f}%"
    )
    differing = {route: stats for route, stats in routes.items() if stats["fields"]}
    if differing:
        lines += ["", "differences"]
    for route, stats in differing.items():
        fields: dict[str, Any] = stats["fields"]
        name_width = max(len("field"), *(len(name) for name in fields))
        lines += [
            route,
            f"  {'field':{name_width}}  {'requests':>8}  kind / first example",
        ]
        for name, entry in fields.items():
            first = entry["examples"][0]
            lines.append(
                f"  {name:{name_width}}  {entry['count']:>8}  {', '.join(entry['kinds'])} / "
                f"line {first['line']}: left {_short(first['left_value'])}, "
                f"right {_short(first['right_value'])}"
            )
    database = report.get("database")
    if database is not None:
        lines += ["", "database rows after the run (left vs right)"]
        for table, result in database["tables"].items():
            verdict = "same" if result["differences"] == 0 else f"{result['differences']} differ"
            lines.append(
                f"  {table:32} {result['left_rows']:>6} / {result['right_rows']:<6} {verdict}"
            )
    verdict = "OK" if report["ok"] else "FAIL"
    lines += [
        "",
        f"result: {verdict} (match {report['match_rate']:.1f}%, "
        f"--min-match {report['min_match']:g}% per route"
        + ("" if database is None else f", database rows {'same' if database['ok'] else 'differ'}")
        + ")",
    ]
    return redactor.text("\n".join(lines))

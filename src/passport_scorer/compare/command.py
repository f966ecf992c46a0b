"""`passport-scorer compare`: the command line of the comparison (exit 0 only when it passes).

Exit codes: 0 every route meets `--min-match` (and, with `--left-db`/`--right-db`, the rows
agree); 1 it does not; 2 the input cannot be used (one line on stderr).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from passport_scorer.compare.errors import CompareInputError
from passport_scorer.compare.redact import Redactor

HELP = "replay requests against two deployments and compare their answers"


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError("must be positive")
    return value


def _non_negative_float(text: str) -> float:
    value = float(text)
    if not value >= 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _percent(text: str) -> float:
    value = float(text.removesuffix("%"))
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError("must be a percentage, 0 to 100")
    return value


def register(commands: Any) -> None:
    """Add `compare` to the CLI's subcommands (`commands`: argparse's subparsers)."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "compare", help=HELP, description=HELP + "; see the README, 'Checking a rollout step'"
    )
    parser.add_argument("--left", help="base URL of one deployment (e.g. the live service)")
    parser.add_argument("--right", help="base URL of the other (e.g. the new target group)")
    parser.add_argument(
        "--requests", type=Path, required=True, help="JSON lines file of requests (read or, "
        "with --sample-from-db, written)",
    )  # fmt: skip
    parser.add_argument("--vars", type=Path, help="JSON object of ${NAME} values (keys, tokens)")
    parser.add_argument("--ignore", type=Path, help="JSON paths to ignore, per route template")
    parser.add_argument("--report", type=Path, help="write the full JSON report here")
    parser.add_argument("--concurrency", type=_positive_int, default=1, help="default 1")
    parser.add_argument("--rate", type=_positive_float, help="requests started per second")
    parser.add_argument("--timeout", type=_positive_float, default=30.0, help="seconds, default 30")
    parser.add_argument(
        "--min-match", type=_percent, default=100.0, help="per route, percent; default 100"
    )
    parser.add_argument(
        "--allow-host", action="append", default=[], help="a non-loopback host to target"
    )
    parser.add_argument(
        "--clock-skew",
        type=_non_negative_float,
        default=2.0,
        help="seconds allowed around request windows",
    )
    parser.add_argument("--examples", type=_positive_int, default=3, help="per field, default 3")
    parser.add_argument("--left-db", help="the left deployment's own database copy")
    parser.add_argument("--right-db", help="the right deployment's own database copy")
    sample = parser.add_argument_group("sampling requests from a database")
    sample.add_argument("--sample-from-db", metavar="DATABASE_URL")
    sample.add_argument("--api-key", help="a key of the account to sample (default: vars API_KEY)")
    sample.add_argument("--sample-size", type=_positive_int, default=100, help="default 100")
    sample.add_argument("--sample-days", type=_positive_float, default=7.0, help="default 7")
    sample.add_argument(
        "--sample-internal", action="store_true", help="also the internal score route"
    )
    parser.set_defaults(run=run, settings=False)


def run(args: argparse.Namespace) -> int:
    redactor = Redactor()
    try:
        from passport_scorer.compare.requests_file import load_vars

        variables = load_vars(args.vars)
        if args.api_key:
            variables = {**variables, "API_KEY": args.api_key}
        redactor = Redactor(variables)
        return asyncio.run(_run(args, variables, redactor))
    except CompareInputError as error:
        print(f"passport-scorer compare: {redactor.text(str(error))}", file=sys.stderr)
        return 2


async def _run(args: argparse.Namespace, variables: dict[str, str], redactor: Redactor) -> int:
    from passport_scorer.compare.requests_file import load_requests
    from passport_scorer.compare.targets import check_target

    if args.sample_from_db:
        await _sample(args, variables)
        if not args.left and not args.right:
            return 0
    if not args.left or not args.right:
        raise CompareInputError("--left and --right are both required")
    if bool(args.left_db) != bool(args.right_db):
        raise CompareInputError("--left-db and --right-db go together (one copy per deployment)")
    left = check_target("--left", args.left, args.allow_host)
    right = check_target("--right", args.right, args.allow_host)
    requests = load_requests(args.requests, variables)
    return await _compare(args, left, right, requests, redactor)


async def _sample(args: argparse.Namespace, variables: dict[str, str]) -> None:
    from passport_scorer.compare.sample import API_KEY_VAR, sample_requests, write_requests

    api_key = variables.get(API_KEY_VAR)
    if not api_key:
        raise CompareInputError("--sample-from-db needs --api-key (or API_KEY in --vars)")
    lines = await sample_requests(
        args.sample_from_db,
        api_key,
        limit=args.sample_size,
        since=timedelta(days=args.sample_days),
        internal=args.sample_internal,
    )
    write_requests(args.requests, lines)
    needs = "API_KEY and INTERNAL_TOKEN" if args.sample_internal else "API_KEY"
    print(f"wrote {len(lines)} requests to {args.requests} (--vars must give {needs})")


async def _compare(
    args: argparse.Namespace, left: Any, right: Any, requests: Any, redactor: Redactor
) -> int:
    from passport_scorer.compare.diff import compare
    from passport_scorer.compare.normalise import IgnoreRules
    from passport_scorer.compare.replay import make_client, replay
    from passport_scorer.compare.report import Tally, build_report, render_summary
    from passport_scorer.compare.routes import RouteTemplates
    from passport_scorer.compare.side_effects import SideEffects

    templates = RouteTemplates.known()
    rules = IgnoreRules.load(args.ignore, templates.labels)
    skew = timedelta(seconds=args.clock_skew)
    effects = SideEffects(args.left_db, args.right_db) if args.left_db else None
    try:
        started = datetime.now(UTC)
        if effects is not None:
            await effects.mark(started - skew)
        async with (
            make_client(left, concurrency=args.concurrency, timeout=args.timeout) as left_client,
            make_client(right, concurrency=args.concurrency, timeout=args.timeout) as right_client,
        ):
            exchanges = await replay(
                requests, left_client, right_client, concurrency=args.concurrency, rate=args.rate
            )
        finished = datetime.now(UTC)
        tally = Tally(examples=args.examples)
        addresses: set[str] = set()
        for exchange in exchanges:
            route = templates.match(exchange.request.method, exchange.request.path)
            tally.add(
                route.template, exchange, compare(exchange, route.template, rules, clock_skew=skew)
            )
            addresses |= {route.params["address"]} if "address" in route.params else set()
            addresses |= {value for name, value in exchange.request.query if name == "address"}
        database = (
            None if effects is None else await effects.compare(addresses, examples=args.examples)
        )
    finally:
        if effects is not None:
            await effects.close()
    report = build_report(
        tally,
        left=str(left),
        right=str(right),
        min_match=args.min_match,
        started=started,
        finished=finished,
        database=database,
        redactor=redactor,
    )
    print(render_summary(report, redactor))
    if args.report is not None:
        _write_report(args.report, report)
        print(f"report: {args.report}")
    return 0 if report["ok"] else 1


def _write_report(path: Path, report: dict[str, Any]) -> None:
    import json

    try:
        path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as error:
        raise CompareInputError(f"--report {path}: {error.strerror}") from None

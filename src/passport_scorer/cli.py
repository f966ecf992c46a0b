"""`passport-scorer`: serve, migrate, check, demo, keys, routes, package, compare."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
from sqlalchemy.exc import DBAPIError

from passport_scorer.compare.command import register as register_compare
from passport_scorer.config import ConfigurationError, Settings, load_settings
from passport_scorer.db.engine import Database
from passport_scorer.db.url import redact

# What a database that is down, refuses us or lacks the schema raises.
DATABASE_ERRORS = (DBAPIError, asyncpg.PostgresError, OSError, TimeoutError)


def _fail(message: str) -> int:
    print(f"passport-scorer: {message}", file=sys.stderr)
    return 2


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    # Granian (a Rust HTTP server) with uvloop workers: measured faster than
    # uvicorn+httptools on this app (see the README's benchmark section).
    from granian import Granian
    from granian.constants import Interfaces, Loops

    from passport_scorer import logs
    from passport_scorer.http_limits import http1_settings

    logs.configure(settings.LOG_LEVEL)
    logging.getLogger("passport_scorer").info(
        "serving", extra={"address": f"http://{args.host}:{args.port}", "workers": args.workers}
    )
    Granian(
        "passport_scorer.app:create_served_app",
        factory=True,
        address=args.host,
        port=args.port,
        workers=args.workers,
        interface=Interfaces.ASGI,
        loop=Loops.uvloop,
        log_enabled=False,
        respawn_failed_workers=True,
        http1_settings=http1_settings(settings),
    ).serve()
    return 0


def _migrate(settings: Settings, _args: argparse.Namespace) -> int:
    from passport_scorer.db.schema import SchemaError, migrate

    try:
        migrate(settings.DATABASE_URL)
    except SchemaError as error:
        return _fail(str(error))
    print(f"schema is up to date on {redact(settings.DATABASE_URL)}")
    return 0


def _check(settings: Settings, _args: argparse.Namespace) -> int:
    from passport_scorer.db.schema import check_schema

    try:
        report = check_schema(settings.DATABASE_URL)
    except DATABASE_ERRORS as error:
        return _database_failure(settings, error)
    if report.ok:
        print(f"ok: {redact(settings.DATABASE_URL)} has every table and column the service uses")
        return 0
    for line in report.lines():
        print(line)
    return 1


def _demo(settings: Settings, args: argparse.Namespace) -> int:
    from passport_scorer.demo.seed import seed_demo

    async def work(db: Database) -> int:
        data = await seed_demo(db)
        base = args.base_url.rstrip("/")
        print(f"API key:          {data.api_key}")
        print(f"Scorer id:        {data.scorer_id}")
        print(f"Passing address:  {data.passing_address}")
        print(f"Failing address:  {data.failing_address}")
        if data.issuer_did not in settings.trusted_issuers:
            print(
                f"note: the demo issuer {data.issuer_did} is not in TRUSTED_IAM_ISSUERS; "
                "set it there (test key, never in production) or the demo stamps will not count"
            )
        print(
            f"curl -s -H 'X-API-Key: {data.api_key}' "
            f"{base}/v2/stamps/{data.scorer_id}/score/{data.passing_address}"
        )
        return 0

    return _with_db(settings, work)


def _database_failure(settings: Settings, error: BaseException) -> int:
    """One line for a database that is down or lacks the schema (no traceback)."""
    cause = getattr(error, "orig", None) or error
    first = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
    return _fail(
        f"database {redact(settings.DATABASE_URL)}: {first} "
        "(is it running? `passport-scorer check` lists missing tables)"
    )


def _with_db(settings: Settings, work: Callable[[Database], Awaitable[int]]) -> int:
    async def run() -> int:
        db = Database.from_settings(settings)
        try:
            return await work(db)
        finally:
            await db.dispose()

    try:
        return asyncio.run(run())
    except DATABASE_ERRORS as error:
        return _database_failure(settings, error)


def _keys_create(settings: Settings, args: argparse.Namespace) -> int:
    from passport_scorer.errors import CommunityNotFound
    from passport_scorer.services.api_keys import create_key

    async def work(db: Database) -> int:
        try:
            created = await create_key(
                db, community_id=args.community, name=args.name, rate_limit=args.rate_limit
            )
        except CommunityNotFound:
            return _fail(f"no community with id {args.community}")
        except ValueError as error:
            return _fail(str(error))
        print(f"API key (shown once, store it now): {created.key}")
        print(f"prefix {created.prefix}, account {created.account_id}")
        return 0

    return _with_db(settings, work)


def _keys_list(settings: Settings, args: argparse.Namespace) -> int:
    from passport_scorer.db.queries.api_keys import list_keys

    async def work(db: Database) -> int:
        async with db.session() as ex:
            keys = await list_keys(ex, args.account)
        now = datetime.now(UTC)
        print(f"{'prefix':9} {'name':20} {'permissions':48} {'rate limit':11} {'created':11} state")
        for key in keys:
            permissions = ",".join(
                name
                for name, on in (
                    ("read_scores", key.read_scores),
                    ("submit_passports", key.submit_passports),
                    ("create_scorers", key.create_scorers),
                    ("historical", key.historical_endpoint),
                )
                if on
            )
            state = "revoked" if key.revoked else "active"
            if not key.revoked and key.expiry_date is not None and key.expiry_date <= now:
                state = "expired"
            print(
                f"{key.prefix:9} {key.name[:20]:20} {permissions:48} "
                f"{key.rate_limit or 'unlimited':11} {key.created:%Y-%m-%d}  {state}"
            )
        return 0

    return _with_db(settings, work)


def _keys_revoke(settings: Settings, args: argparse.Namespace) -> int:
    from passport_scorer.db.queries.api_keys import revoke

    async def work(db: Database) -> int:
        async with db.transaction() as ex:
            found = await revoke(ex, args.prefix)
        if not found:
            return _fail(f"no key with prefix {args.prefix}")
        print(f"revoked {args.prefix}: it is refused from the next request on")
        return 0

    return _with_db(settings, work)


def _routes(args: argparse.Namespace) -> int:
    from passport_scorer.app import routes
    from passport_scorer.rollout.inventory import scorer_endpoints
    from passport_scorer.rollout.plan import build_plan
    from passport_scorer.rollout.render import render
    from passport_scorer.rollout.settings import RolloutConfigError
    from passport_scorer.rollout.settings import load_settings as load_rollout
    from passport_scorer.rollout.validate import validate

    try:
        rollout = load_rollout(Path(args.config_dir), args.stack)
    except RolloutConfigError as error:
        return _fail(str(error))
    plan = build_plan(rollout)
    if args.routes_command == "plan":
        print(render(plan))
        return 0
    problems = validate(
        plan, scorer=scorer_endpoints(routes()), live_target_groups=rollout.live_target_groups
    )
    for problem in problems:
        print(problem)
    if problems:
        print(f"stack {args.stack}: routing is NOT valid", file=sys.stderr)
        return 1
    print(
        f"stack {args.stack}: routing is valid ({len(plan.rules)} rules, {len(plan.alarms)} alarms)"
    )
    return 0


def _package(args: argparse.Namespace) -> int:
    from passport_scorer.aws.package import PackageError, build

    output = Path(args.output or f"dist/passport-scorer-lambda-{args.arch}.zip")
    try:
        digest = build(Path(args.project), output, arch=args.arch, python_version=args.python)
    except PackageError as error:
        return _fail(str(error))
    print(f"{output} sha256 {digest}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="passport-scorer", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the HTTP service")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="default: one per core"
    )
    serve.set_defaults(run=_serve)

    migrate = commands.add_parser(
        "migrate", help="create or upgrade the schema (never a Django-managed database)"
    )
    migrate.set_defaults(run=_migrate)

    check = commands.add_parser(
        "check", help="list tables or columns the service needs that are missing"
    )
    check.set_defaults(run=_check)

    keys = commands.add_parser("keys", help="create, list and revoke API keys")
    key_commands = keys.add_subparsers(dest="keys_command", required=True)
    create = key_commands.add_parser("create", help="create a key (printed once)")
    create.add_argument("--community", type=int, required=True, help="community (scorer) id")
    create.add_argument("--name", default="API key")
    create.add_argument("--rate-limit", default="125/15m", help='e.g. "350/15m"; "" = unlimited')
    create.set_defaults(run=_keys_create)
    listing = key_commands.add_parser("list", help="an account's keys (never the keys)")
    listing.add_argument("--account", type=int, required=True)
    listing.set_defaults(run=_keys_list)
    revoke = key_commands.add_parser("revoke", help="revoke a key by its prefix")
    revoke.add_argument("prefix")
    revoke.set_defaults(run=_keys_revoke)

    routes = commands.add_parser("routes", help="the load-balancer rule table of a stack")
    route_commands = routes.add_subparsers(dest="routes_command", required=True)
    for name, text in (("validate", "check the stack's routing"), ("plan", "print its rule table")):
        command = route_commands.add_parser(name, help=text)
        command.add_argument("--stack", required=True)
        command.add_argument("--config-dir", default="infra", help="folder of Pulumi.<stack>.yaml")
        command.set_defaults(run=_routes, settings=False)

    package = commands.add_parser("package", help="build the AWS Lambda artifact (zip)")
    package.add_argument("--arch", choices=["arm64", "x86_64"], default="arm64")
    package.add_argument("--python", default="3.11", help="Lambda runtime's Python version")
    package.add_argument("--output", help="default: dist/passport-scorer-lambda-<arch>.zip")
    package.add_argument("--project", default=".", help="the project folder (pyproject.toml)")
    package.set_defaults(run=_package, settings=False)

    register_compare(commands)

    demo = commands.add_parser("demo", help="seed a demo community, API key and signed stamps")
    demo.add_argument(
        "--base-url", default="http://127.0.0.1:8000", help="used in the printed curl line"
    )
    demo.set_defaults(run=_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not getattr(args, "settings", True):  # needs no service settings (stack files, wheels)
        status: int = args.run(args)
        return status
    try:
        settings = load_settings()
    except ConfigurationError as error:
        return _fail(str(error))
    status = args.run(settings, args)
    return status


if __name__ == "__main__":
    sys.exit(main())

"""passport-scorer: the Passport scorer service and its operator commands.

serve the HTTP API; migrate or check the database schema; seed a demo; manage API keys;
list communities; check and print a stack's load-balancer rules; build the Lambda artifact;
compare two deployments' answers.
Service commands read their settings from the environment (see the README)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Awaitable, Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
from sqlalchemy.exc import DBAPIError

from passport_scorer import __version__
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
    from passport_scorer.preflight import StartupError, check_port, check_redis, check_tracing

    logs.configure(settings.LOG_LEVEL, settings.LIBRARY_LOG_LEVEL)
    log = logging.getLogger("passport_scorer")
    try:
        check_port(args.host, args.port)
        _require_schema(settings)
        if settings.REDIS_URL is not None:
            check_redis(settings.REDIS_URL.get_secret_value())
        if settings.OTEL_EXPORTER_OTLP_ENDPOINT:
            check_tracing()
    except StartupError as error:
        return _fail(str(error))
    except DATABASE_ERRORS as error:
        return _database_failure(settings, error)
    if settings.placeholder_issuers:
        log.warning(
            "TRUSTED_IAM_ISSUERS is the placeholder default: no real stamp counts and every "
            "address scores 0; set it to your IAM issuer's DID (JSON list)",
            extra={"issuers": settings.TRUSTED_IAM_ISSUERS},
        )
    log.info(
        "serving", extra={"address": f"http://{args.host}:{args.port}", "workers": args.workers}
    )
    with _metrics_dir():
        # Inside: its imports load the metrics client, which must see the workers' folder.
        warn_unconfigured_app_routes(settings)
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


def _require_schema(settings: Settings) -> None:
    from passport_scorer.db.schema import check_schema
    from passport_scorer.preflight import StartupError, describe_schema_gap

    report = check_schema(settings.DATABASE_URL)
    if not report.ok:
        raise StartupError(
            f"database {redact(settings.DATABASE_URL)}: {describe_schema_gap(report)}"
        )


@contextlib.contextmanager
def _metrics_dir() -> Iterator[None]:
    """Every worker writes its metrics here (set before any worker imports the client)."""
    # Not `observability.metrics`: importing the Prometheus client here, before the variable
    # is set, would leave every worker counting for itself.
    from passport_scorer.observability.multiprocess import (
        MULTIPROCESS_ENV,
        prepare_multiprocess_dir,
    )

    given = os.environ.get(MULTIPROCESS_ENV)
    path = given or tempfile.mkdtemp(prefix="passport-scorer-metrics-")
    prepare_multiprocess_dir(path)
    os.environ[MULTIPROCESS_ENV] = path
    try:
        yield
    finally:
        if given is None:
            shutil.rmtree(path, ignore_errors=True)


def warn_unconfigured_app_routes(settings: Settings) -> None:
    """One warning line when the app's routes lack a setting (they answer 503), and one when
    sign-in does (503 without the key; every message refused without allowed domains)."""
    log = logging.getLogger("passport_scorer")
    if missing := settings.missing_app_settings:
        log.warning(
            f"the app's routes (/ceramic-cache/*) answer 503: {', '.join(missing)} not set",
            extra={"missing_settings": missing},
        )
    if missing := settings.missing_sign_in_settings:
        log.warning(
            "sign-in (/ceramic-cache/authenticate) "
            + (
                "answers 503"
                if "SIWE_JWT_PRIVATE_KEY" in missing
                else "refuses every message (no allowed domain)"
            )
            + f": {', '.join(missing)} not set",
            extra={"missing_settings": missing},
        )


def _migrate(settings: Settings, _args: argparse.Namespace) -> int:
    from passport_scorer.db.schema import SchemaError, migrate

    where = redact(settings.DATABASE_URL)
    try:
        report = migrate(settings.DATABASE_URL)
    except SchemaError as error:
        return _fail(str(error))
    except DATABASE_ERRORS as error:
        return _database_failure(settings, error)
    if report.created_file:
        print(f"created the SQLite file {where.partition(':///')[2]}")
    if report.created_tables:
        print(f"created {len(report.created_tables)} tables on {where}")
    print(f"schema is up to date on {where}")
    return 0


def _check(settings: Settings, _args: argparse.Namespace) -> int:
    from passport_scorer.db.schema import check_schema
    from passport_scorer.preflight import StartupError, check_redis

    try:
        report = check_schema(settings.DATABASE_URL)
    except DATABASE_ERRORS as error:
        return _database_failure(settings, error)
    status = 0
    if report.ok:
        print(f"ok: {redact(settings.DATABASE_URL)} has every table and column the service uses")
    else:
        for line in report.lines():
            print(line)
        status = 1
    if settings.REDIS_URL is not None:
        try:
            check_redis(settings.REDIS_URL.get_secret_value())
        except StartupError as error:
            return _fail(str(error))
        print("ok: Redis (REDIS_URL) answers")
    return status


def _demo(settings: Settings, args: argparse.Namespace) -> int:
    from passport_scorer.db.schema import is_django_managed
    from passport_scorer.demo.seed import seed_demo

    try:
        managed = is_django_managed(settings.DATABASE_URL)
    except DATABASE_ERRORS as error:
        return _database_failure(settings, error)
    if managed and not args.force:
        return _fail(
            "this database is managed by Django (it has django_migrations): demo data is not "
            "written there unless you pass --force"
        )

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
        if args.app_env:
            from passport_scorer.demo.app_sign_in import write_demo_app

            app = write_demo_app(Path(args.app_env), data.scorer_id, base, data.passing_address)
            print(f"# the Passport app's routes (settings in {app.env_file}):")
            print(
                f"curl -s -H 'Authorization: Bearer {app.token}' "
                f"{base}/ceramic-cache/score/{data.passing_address}"
            )
        return 0

    return _with_db(settings, work)


def _database_failure(settings: Settings, error: BaseException) -> int:
    """One line naming the database's real problem (no traceback)."""
    from passport_scorer.db.diagnose import describe_database_error

    return _fail(describe_database_error(error, settings.DATABASE_URL))


def _with_db(settings: Settings, work: Callable[[Database], Awaitable[int]]) -> int:
    from passport_scorer.db.schema import sqlite_path

    path = sqlite_path(settings.DATABASE_URL)
    if path is not None and not path.exists():  # opening it would create an empty file
        return _fail(
            f"database {redact(settings.DATABASE_URL)}: the SQLite file does not exist "
            "(`passport-scorer migrate` creates it)"
        )

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
    from passport_scorer.db.queries import operator
    from passport_scorer.db.queries.api_keys import list_keys

    async def work(db: Database) -> int:
        async with db.session() as ex:
            if not await operator.account_exists(ex, args.account):
                return _fail(f"no account with id {args.account}")
            keys = await list_keys(ex, args.account)
        if not keys:
            print(f"account {args.account} has no API keys")
            return 0
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
    from passport_scorer.db.queries import operator
    from passport_scorer.db.queries.api_keys import revoke

    async def work(db: Database) -> int:
        async with db.transaction() as ex:
            revoked = await operator.key_revoked(ex, args.prefix)
            if revoked is None:
                return _fail(f"no key with prefix {args.prefix}")
            if revoked:
                print(f"{args.prefix} was already revoked: nothing changed")
                return 0
            await revoke(ex, args.prefix)
        print(f"revoked {args.prefix}: it is refused from the next request on")
        return 0

    return _with_db(settings, work)


def _communities_list(settings: Settings, args: argparse.Namespace) -> int:
    from passport_scorer.db.queries import operator

    async def work(db: Database) -> int:
        async with db.session() as ex:
            if args.account is not None and not await operator.account_exists(ex, args.account):
                return _fail(f"no account with id {args.account}")
            rows = await operator.list_communities(ex, args.account)
        if not rows:
            print("no communities" + (f" in account {args.account}" if args.account else ""))
            return 0
        print(f"{'id':>6} {'account':>7} {'name':30} {'external id':42} {'scorer':16} threshold")
        for row in rows:
            kind = row.scorer_type or "(no scorer)"
            threshold = "(none)" if row.threshold is None else f"{row.threshold}"
            print(
                f"{row.id:>6} {row.account_id:>7} {row.name[:30]:30} "
                f"{row.external_scorer_id or '-':42} {kind:16} {threshold}"
            )
        return 0

    return _with_db(settings, work)


def _routes(args: argparse.Namespace) -> int:
    """Exit 0: valid (warnings allowed); 1: the routing plan fails a check; 2: the stack's
    settings are missing or invalid (every problem listed)."""
    from passport_scorer.app import routes
    from passport_scorer.rollout.inventory import scorer_endpoints
    from passport_scorer.rollout.plan import build_plan
    from passport_scorer.rollout.render import render
    from passport_scorer.rollout.settings import (
        RolloutConfigError,
        parse_settings,
        placeholder_warnings,
        stack_config,
    )
    from passport_scorer.rollout.validate import validate

    config_dir = Path(args.config_dir) if args.config_dir else _default_config_dir()
    try:
        config = stack_config(config_dir, args.stack)
        rollout = parse_settings(args.stack, config)
    except RolloutConfigError as error:
        for line in error.problems:
            _fail(line)
        return 2
    plan = build_plan(rollout)
    if args.routes_command == "plan":
        print(render(plan))
        return 0
    for warning in placeholder_warnings(args.stack, config):
        print(warning)
    problems = validate(
        plan,
        scorer=scorer_endpoints(routes()),
        live_target_groups=rollout.live_target_groups,
        environment=rollout.function_settings,
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


def _default_config_dir() -> Path:
    """`infra/` from the project folder, or the current folder when run inside `infra/`."""
    if not Path("infra/Pulumi.yaml").is_file() and Path("Pulumi.yaml").is_file():
        return Path()
    return Path("infra")


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
    parser = argparse.ArgumentParser(
        prog="passport-scorer",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"passport-scorer {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser(
        "serve", help="run the HTTP service (checks port, schema and Redis first)"
    )
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
        "check", help="list missing tables or columns; check Redis when REDIS_URL is set"
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

    communities = commands.add_parser("communities", help="list communities (scorers)")
    community_commands = communities.add_subparsers(dest="communities_command", required=True)
    listed = community_commands.add_parser(
        "list", help="id, account, name, external id, scorer type and threshold"
    )
    listed.add_argument("--account", type=int, help="only this account's communities")
    listed.set_defaults(run=_communities_list)

    routes = commands.add_parser("routes", help="the load-balancer rule table of a stack")
    route_commands = routes.add_subparsers(dest="routes_command", required=True)
    for name, text in (("validate", "check the stack's routing"), ("plan", "print its rule table")):
        command = route_commands.add_parser(name, help=text)
        command.add_argument("--stack", required=True)
        command.add_argument(
            "--config-dir",
            help="folder of Pulumi.<stack>.yaml (default: infra/, or . inside infra/)",
        )
        command.set_defaults(run=_routes, settings=False)

    package = commands.add_parser("package", help="build the AWS Lambda artifact (zip)")
    package.add_argument("--arch", choices=["arm64", "x86_64"], default="arm64")
    package.add_argument("--python", default="3.11", help="Lambda runtime's Python version")
    package.add_argument("--output", help="default: dist/passport-scorer-lambda-<arch>.zip")
    package.add_argument("--project", default=".", help="the project folder (pyproject.toml)")
    package.set_defaults(run=_package, settings=False)

    register_compare(commands)

    demo = commands.add_parser(
        "demo", help="seed a demo community, a new demo API key and signed stamps"
    )
    demo.add_argument(
        "--base-url", default="http://127.0.0.1:8000", help="used in the printed curl line"
    )
    demo.add_argument(
        "--force", action="store_true", help="write into a Django-managed database all the same"
    )
    demo.add_argument(
        "--app-env",
        metavar="FILE",
        help="also write the Passport app's settings for the demo (community, a local sign-in "
        "key, allowed domain) to FILE, for `serve`, and print a curl with an app token",
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

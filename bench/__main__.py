"""`make bench`: seed Postgres, start the production server, load it from another process.

Environment: `BENCH_DATABASE_URL` (default: the local server, database `passport_bench`, which
is dropped and re-created), `BENCH_SECONDS` (per concurrent run, default 20), `BENCH_WORKERS`
(server workers, default one per core).
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from sqlalchemy.engine import make_url

from passport_scorer.config import load_settings
from passport_scorer.db.engine import Database
from passport_scorer.db.schema import migrate
from passport_scorer.demo.issuer import TEST_ISSUER_DID

from . import app_data, bans, dataset, floor, sign_in

ROOT = Path(__file__).resolve().parent
DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/passport_bench"
INTERNAL_TOKEN = "bench-internal-token"
EMBED_SCORE = "/internal/embed/score/"
SEQUENTIAL_REQUESTS = 500


def _admin_url(url: str) -> str:
    parsed = make_url(url.replace("postgres://", "postgresql://", 1))
    return parsed.set(drivername="postgresql", database="postgres").render_as_string(
        hide_password=False
    )


async def _recreate_database(url: str) -> None:
    name = make_url(url.replace("postgres://", "postgresql://", 1)).database
    conn = await asyncpg.connect(_admin_url(url))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


async def _seed(url: str) -> tuple[dataset.Dataset, list[dict[str, Any]], dict[str, Any]]:
    """The scoring data set, then the ban table with its check-bans requests and verdicts."""
    db = Database.from_settings(load_settings({"DATABASE_URL": url}))
    try:
        data = await dataset.build(db)
        ban_bodies, verdicts = await bans.seed(db, len(data.addresses))
        return data, ban_bodies, verdicts
    finally:
        await db.dispose()


async def _analyze(url: str) -> None:
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute("ANALYZE")
    finally:
        await conn.close()


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _server_env(url: str, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": url,
        "TRUSTED_IAM_ISSUERS": json.dumps([TEST_ISSUER_DID]),
        "CGRANTS_API_TOKEN": INTERNAL_TOKEN,
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def _start_server(url: str, port: int, workers: int, **extra: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "passport_scorer", "serve", "--port", str(port)]
    command += ["--workers", str(workers)]
    process = subprocess.Popen(command, env=_server_env(url, **extra))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("bench: the server did not start")


def _worker_peak_rss_mb(server: subprocess.Popen[bytes]) -> list[float]:
    """Peak resident memory (VmHWM) of each worker process of the server."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
    peaks = []
    for pid in children.read_text().split():
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]) / 1024)
    return peaks


def _load_command(port: int, requests_file: Path, connections: int, **bound: float) -> list[str]:
    command = [sys.executable, "-m", "bench.load", "--port", str(port)]
    command += ["--connections", str(connections), "--requests-file", str(requests_file)]
    for name, value in bound.items():
        command += [f"--{name}", str(value)]
    return command


def _start_load(
    port: int, requests_file: Path, connections: int, **bound: float
) -> subprocess.Popen[bytes]:
    command = _load_command(port, requests_file, connections, **bound)
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, cwd=ROOT.parent)


def _load(port: int, requests_file: Path, connections: int, **bound: float) -> dict[str, Any]:
    command = _load_command(port, requests_file, connections, **bound)
    output = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT.parent)
    result: dict[str, Any] = json.loads(output.stdout)
    return result


def _verify(
    result: dict[str, Any], expected: dict[str, tuple[str, bool]], verdicts: dict[str, Any]
) -> int:
    """Checks sampled bodies against the expected scores and ban verdicts; returns how many
    were checked."""
    checked = 0
    for path, status, body in result.pop("samples"):
        if status != 200:
            raise SystemExit(f"bench: {path} answered {status}: {body[:200]}")
        if path == "/health":
            continue
        if path == bans.PATH:
            bans.verify(body, verdicts)
            checked += 1
            continue
        data = json.loads(body)
        if path.startswith(EMBED_SCORE):
            data = data["score"]  # beside the address's stamps
        address = path.rsplit("/", 1)[1]
        want = expected.get(address, ("0.00000", False))
        if (data["score"], data["passing_score"]) != want or data["error"] is not None:
            raise SystemExit(f"bench: wrong score for {address}: {data} (expected {want})")
        checked += 1
    return checked


def _requests(paths: list[str], headers: dict[str, str], folder: Path, name: str) -> Path:
    return _write(folder / f"{name}.json", [{"path": path, "headers": headers} for path in paths])


def _write(file: Path, requests: list[dict[str, Any]]) -> Path:
    file.write_text(json.dumps(requests))
    return file


def main() -> None:
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    seconds = float(os.environ.get("BENCH_SECONDS", "20"))
    workers = int(os.environ.get("BENCH_WORKERS", str(os.cpu_count() or 1)))
    print(f"bench: database {make_url(url).render_as_string(hide_password=True)}", flush=True)
    asyncio.run(_recreate_database(url))
    migrate(url)
    started = time.monotonic()
    data, ban_bodies, verdicts = asyncio.run(_seed(url))
    asyncio.run(_analyze(url))  # statistics as a live database has them
    print(f"bench: seeded {len(data.addresses)} addresses in {time.monotonic() - started:.1f}s")

    headers = {"X-API-Key": data.api_key}
    internal = {"Authorization": INTERNAL_TOKEN}
    stamp_paths = [f"/v2/stamps/{data.community_id}/score/{a}" for a in data.addresses]
    empty_paths = [f"/v2/stamps/{data.community_id}/score/{a}" for a in data.empty_addresses]
    port = _free_port()
    report: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "server": {"workers": workers, "command": "passport-scorer serve"},
        "runs": {},
    }
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = {
            "stamps": _requests(stamp_paths, headers, folder, "stamps"),
            "no_stamps": _requests(empty_paths, headers, folder, "empty"),
            "health": _requests(["/health"], {}, folder, "health"),
            "embed_score": _requests(
                [f"{EMBED_SCORE}{data.community_id}/{a}" for a in data.addresses],
                {},
                folder,
                "embed",
            ),
            "check_bans": _write(
                folder / "check_bans.json",
                [
                    {"path": bans.PATH, "method": "POST", "headers": internal, **body}
                    for body in ban_bodies
                ],
            ),
        }
        server = _start_server(url, port, workers)
        try:
            # Score every address once, in order: settles nullifier ownership; verify them all.
            verified = 0
            for name in ("stamps", "no_stamps", "check_bans"):
                warm = _load(port, files[name], 1, count=len(stamp_paths), **{"sample-every": 1})
                verified += _verify(warm, data.expected, verdicts)
            # Once more, concurrently, so every worker has verified every proof once.
            warm = _load(port, files["stamps"], 16, count=2 * len(stamp_paths))
            verified += _verify(warm, data.expected, verdicts)
            for name, file in files.items():
                runs = report["runs"].setdefault(name, {})
                runs["sequential"] = _load(port, file, 1, count=SEQUENTIAL_REQUESTS)
                verified += _verify(runs["sequential"], data.expected, verdicts)
                for connections in (16, 64):
                    result = _load(port, file, connections, duration=seconds)
                    verified += _verify(result, data.expected, verdicts)
                    runs[f"c{connections}"] = result
                    print(f"bench: {name} c{connections}: {result['rps']:.0f} req/s", flush=True)
            # One hot address (every request rescoring the same wallet), 16 connections.
            hot = _requests(stamp_paths[:1], headers, folder, "hot")
            report["runs"]["hot_address"] = {"c16": _load(port, hot, 16, duration=seconds)}
            # A key-guessing flood: 32 connections of wrong secrets on a known PBKDF2-only
            # prefix, while a legitimate client scores at 16 connections.
            flood = _requests(stamp_paths, {"X-API-Key": data.pbkdf2_wrong_key}, folder, "flood")
            attacker = _start_load(port, flood, 32, duration=seconds + 2)
            try:
                victim = _load(port, files["stamps"], 16, duration=seconds)
            finally:
                attacker.wait(timeout=seconds + 60)
            verified += _verify(victim, data.expected, verdicts)
            report["runs"]["stamps_under_flood"] = {"c16": victim}
            report["verified_responses"] = verified
            report["worker_peak_rss_mb"] = _worker_peak_rss_mb(server)
        finally:
            server.terminate()
            server.wait(timeout=30)

    settings = load_settings(_server_env(url))
    logged = floor.capture(settings, stamp_paths[0], headers)
    ids = asyncio.run(floor.score_ids(url, data.addresses, data.community_id))
    if ids != list(range(ids[0], ids[0] + len(ids))):
        raise SystemExit("bench: score rows are not in address order; cannot drive the floor")
    script = floor.pgbench_script(
        logged,
        captured_address=data.addresses[0],
        address_sql=dataset.address_sql("i"),
        score_id_sql=f"({ids[0]} + :i)",
    )
    report["floor"] = {
        f"c{clients}": floor.run_pgbench(
            url, script, len(data.addresses), clients=clients, seconds=seconds
        )
        for clients in (16, 64)
    }
    report["floor"]["script"] = script
    report["app_runs"] = _app_cases(url, data, seconds, workers)
    report["targets"] = {
        **_targets(report),
        **app_data.targets(report["app_runs"]),
        **sign_in.targets(report["app_runs"]),
    }
    out = ROOT / "results" / f"bench-{report['when'].replace(':', '')}.json"
    out.write_text(json.dumps(report, indent=2))
    print(_table(report))
    print(f"bench: full results in {out.relative_to(ROOT.parent)}")


def _app_cases(
    url: str, data: dataset.Dataset, seconds: float, workers: int
) -> dict[str, dict[str, Any]]:
    """The app's routes on a server configured for them (after the floor: they add rows)."""
    key, public_pem = app_data.signing_key()
    bodies = asyncio.run(app_data.five_stamp_bodies(url, data.addresses))
    runs: dict[str, dict[str, Any]] = {
        "bulk_post_5": {}, "score_stored": {}, "score_expired": {}, "nonce": {}, "sign_in": {},
    }  # fmt: skip
    port = _free_port()
    extra = {
        "CERAMIC_CACHE_SCORER_ID": str(data.community_id),
        "SIWE_JWT_PUBLIC_KEY": public_pem,
        "SIWE_JWT_PRIVATE_KEY": sign_in.private_pem(key),
        "SIWE_ALLOWED_DOMAINS_CERAMIC_CACHE": json.dumps([sign_in.DOMAIN]),
    }
    with tempfile.TemporaryDirectory() as tmp:
        files = app_data.request_files(Path(tmp), key, data, bodies)
        files.update(asyncio.run(sign_in.request_files(url, Path(tmp))))
        server = _start_server(url, port, workers, **extra)
        try:
            every = {"sample-every": 1}
            # The floor overwrote the score rows with one captured score: rescore every
            # address, in order, so the stored scores are right again.
            rescored = _load(port, files["rescore"], 1, count=len(data.addresses), **every)
            app_data.verify(rescored, data.expected, 200)
            # Warm-up: every 5-stamp address re-submitted once, every score read once.
            app_data.verify(
                _load(port, files["bulk_post_5"], 16, count=len(bodies)), data.expected, 201
            )
            app_data.verify(
                _load(port, files["score_stored"], 16, count=2 * len(data.addresses)),
                data.expected,
                200,
            )
            for name, status in (("bulk_post_5", 201), ("score_stored", 200)):
                runs[name]["c16"] = result = _load(port, files[name], 16, duration=seconds)
                result["verified"] = app_data.verify(result, data.expected, status)
                print(f"bench: app {name} c16: {result['rps']:.0f} req/s", flush=True)
            # Expired: every stored score expired, each address read once (so each rescores).
            expired = asyncio.run(app_data.expire_scores(url, data.community_id))
            before = asyncio.run(app_data.score_events(url))
            result = _load(port, files["score_stored"], 16, count=len(data.addresses), **every)
            result["verified"] = app_data.verify(result, data.expected, 200)
            result["expired_scores"] = expired
            result["rescored"] = asyncio.run(app_data.score_events(url)) - before
            runs["score_expired"]["c16"] = result
            print(f"bench: app score_expired c16: {result['rps']:.0f} req/s", flush=True)
            # Sign-in: nonces for as long as the other cases run; sign-ins, each nonce once
            # (half of those stored, so that no two connections reach the same one).
            bounds: dict[str, dict[str, float]] = {
                "nonce": {"duration": seconds},
                "sign_in": {"count": sign_in.SIGN_INS // 2},
            }
            for name, bound in bounds.items():
                runs[name]["c16"] = result = _load(port, files[name], 16, **bound)
                result["verified"] = sign_in.verify(result, public_pem)
                print(f"bench: app {name} c16: {result['rps']:.0f} req/s", flush=True)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return runs


def _table(report: dict[str, Any]) -> str:
    lines = [
        "| case | connections | req/s | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, runs in report["runs"].items():
        for label, run in runs.items():
            lines.append(
                f"| {name} | {label} | {run['rps']:.0f} | {run['p50_ms']:.2f} | "
                f"{run['p95_ms']:.2f} | {run['p99_ms']:.2f} | {run['errors']} |"
            )
    for name, runs in report.get("app_runs", {}).items():
        for label, run in runs.items():
            lines.append(
                f"| app {name} | {label} | {run['rps']:.0f} | {run['p50_ms']:.2f} | "
                f"{run['p95_ms']:.2f} | {run['p99_ms']:.2f} | {run['errors']} |"
            )
    for label, run in report["floor"].items():
        if label.startswith("c"):
            lines.append(
                f"| pgbench floor (same SQL) | {label} | {run['rps']:.0f} | {run['p50_ms']:.2f} | "
                f"{run['p95_ms']:.2f} | {run['p99_ms']:.2f} | 0 |"
            )
    rss = ", ".join(f"{mb:.0f}" for mb in report["worker_peak_rss_mb"])
    lines.append(f"\nPeak RSS per worker (MB): {rss}")
    lines.append(f"Verified responses: {report['verified_responses']}")
    if expired := report.get("app_runs", {}).get("score_expired", {}).get("c16"):
        lines.append(
            f"App score (expired): {expired['rescored']} of {expired['requests']} reads rescored"
            f" ({expired['expired_scores']} scores expired first)"
        )
    lines.append("\nTargets:")
    for name, (value, target, met) in report["targets"].items():
        lines.append(f"- {name}: {value} (target {target}) {'met' if met else 'NOT met'}")
    return "\n".join(lines)


def _targets(report: dict[str, Any]) -> dict[str, tuple[str, str, bool]]:
    stamps = report["runs"]["stamps"]
    c16, sequential = stamps["c16"], stamps["sequential"]
    floor_c16 = report["floor"]["c16"]["rps"]
    worst_rss = max(report["worker_peak_rss_mb"])
    hot = report["runs"]["hot_address"]["c16"]
    flooded = report["runs"]["stamps_under_flood"]["c16"]
    return {
        "16 connections, req/s": (f"{c16['rps']:.0f}", ">= 1000", c16["rps"] >= 1000),
        "16 connections, p99": (f"{c16['p99_ms']:.1f} ms", "<= 50 ms", c16["p99_ms"] <= 50),
        "16 connections, errors": (str(c16["errors"]), "0", c16["errors"] == 0),
        "sequential p50": (f"{sequential['p50_ms']:.2f} ms", "<= 3 ms", sequential["p50_ms"] <= 3),
        "share of the pgbench floor (16)": (
            f"{c16['rps'] / floor_c16:.2f}",
            ">= 0.50 (within 2x)",
            c16["rps"] * 2 >= floor_c16,
        ),
        "peak RSS per worker": (f"{worst_rss:.0f} MB", "<= 150 MB", worst_rss <= 150),
        "one hot address vs rotating (16)": (
            f"{hot['rps'] / c16['rps']:.2f}",
            ">= 0.50 (within 2x)",
            hot["rps"] * 2 >= c16["rps"],
        ),
        "legitimate client under a PBKDF2 flood (16)": (
            f"{flooded['rps'] / c16['rps']:.2f}",
            ">= 0.80",
            flooded["rps"] >= 0.8 * c16["rps"],
        ),
    }


if __name__ == "__main__":
    main()

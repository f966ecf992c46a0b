"""`make fuzz`: schemathesis over every operation of a locally served, seeded scorer.

Environment: `FUZZ_DATABASE_URL` (default: a new SQLite file; a Postgres database named here
is dropped and re-created), `FUZZ_SECONDS` (time budget of each run, default 120),
`FUZZ_EXAMPLES` (test cases per operation and phase, default 100), `FUZZ_SEED` (default 1),
`FUZZ_WORKERS` (server workers, default 1); for route families that need more, `FUZZ_SERVER_ENV`
(a JSON object of extra server settings) and `FUZZ_CREDENTIALS` (a JSON object: security scheme
name → credential, e.g. `{"BearerAuth": "<token>"}`).

Two runs: without credentials, and with the demo API key and the internal token. Exits 0 only
when no response was a server error or differed from the OpenAPI document, schemathesis met
no error, and the server logged no error. Reports stay in `fuzz/results/` (JSON, HAR,
schemathesis output, server log); a summary goes to `fuzz/results/summary.json`.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import httpx

from . import runs, server

RESULTS = Path(__file__).resolve().parent / "results"


def _credentials(srv: server.Server) -> dict[str, str]:
    key = srv.demo.api_key
    return {
        "APIKeyHeader": key,
        "AuthorizationHeader": f"Token {key}",
        "InternalToken": srv.internal_token,
        **json.loads(os.environ.get("FUZZ_CREDENTIALS") or "{}"),
    }


def main() -> None:
    seconds = int(os.environ.get("FUZZ_SECONDS", "120"))
    examples = int(os.environ.get("FUZZ_EXAMPLES", "100"))
    seed = int(os.environ.get("FUZZ_SEED", "1"))
    workers = int(os.environ.get("FUZZ_WORKERS", "1"))
    shutil.rmtree(RESULTS, ignore_errors=True)
    RESULTS.mkdir()
    with tempfile.TemporaryDirectory() as tmp:
        url = os.environ.get("FUZZ_DATABASE_URL") or f"sqlite:///{tmp}/fuzz.sqlite3"
        backend = "postgres" if url.startswith("postgres") else "sqlite"
        demo = server.prepare_database(url)
        srv = server.start(url, demo, RESULTS, workers)
        try:
            document = httpx.get(f"{srv.base_url}/openapi.json").json()
            credentials = _credentials(srv)
            uncovered = sorted(set(document["components"]["securitySchemes"]) - set(credentials))
            for scheme in uncovered:
                print(f"fuzz: no credentials for {scheme}: its operations get only refusals")
            outcomes = []
            for run in (runs.Run("anonymous"), runs.Run("credentials", credentials)):
                print(f"fuzz: {run.name} run ({backend}, up to {seconds} s)", flush=True)
                result = runs.execute(
                    run, srv.base_url, RESULTS, examples=examples, seconds=seconds, seed=seed
                )
                outcomes.append(result)
                print(
                    f"fuzz: {run.name}: {result.operations} operations, {result.test_cases} "
                    f"test cases, {result.requests} requests, statuses {result.statuses}, "
                    f"{len(result.failures)} failures, {len(result.errors)} errors",
                    flush=True,
                )
        finally:
            srv.stop()
        logged = srv.error_lines()
    summary = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "backend": backend,
        "seconds": seconds,
        "examples": examples,
        "seed": seed,
        "checks": list(runs.CHECKS),
        "uncovered_schemes": uncovered,
        "runs": {result.name: result.as_dict() for result in outcomes},
        "server_errors_logged": logged,
    }
    (RESULTS / "summary.json").write_text(json.dumps(summary, indent=2))
    bad = [r for r in outcomes if r.failures or r.errors or r.exit_code != 0]
    for line in logged[:10]:
        print(f"fuzz: server logged: {line[:300]}")
    if bad or logged:
        names = ", ".join(r.name for r in bad) or "server log"
        raise SystemExit(f"fuzz: FAILED ({names}); see {RESULTS}/*.out")
    print(f"fuzz: passed; reports in {RESULTS}")


if __name__ == "__main__":
    main()

# Two commands matter: `make run` (demo service on SQLite) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# The demo's stamps are signed by the public test issuer: trusted here only.
DEMO_ISSUERS := ["did:ethr:0x018d103c154748e8d5a1d7658185125175457f84"]

.PHONY: run test lint format install clean bench fuzz

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The service alone (for `make run`), and the service with the test and deploy tools.
$(BIN)/.server: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[server]'
	touch $@

$(BIN)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[server,dev]'
	touch $@ $(BIN)/.server

install: $(BIN)/.installed

run: $(BIN)/.server
	@export TRUSTED_IAM_ISSUERS='$(DEMO_ISSUERS)'; \
	$(BIN)/passport-scorer migrate && \
	$(BIN)/passport-scorer demo --base-url http://$(HOST):$(PORT) && \
	exec $(BIN)/passport-scorer serve --host $(HOST) --port $(PORT)

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests bench fuzz infra
	$(BIN)/ruff format --check src tests bench fuzz infra
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

format: $(BIN)/.installed
	$(BIN)/ruff format src tests bench fuzz infra
	$(BIN)/ruff check --fix src tests bench fuzz infra

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache passport_scorer.sqlite3*

# Benchmark against Postgres (BENCH_DATABASE_URL; default: local server, database passport_bench).
bench: $(BIN)/.installed
	$(BIN)/python -m bench

# Schemathesis over every operation of a locally served, seeded scorer (not part of `make test`):
# FUZZ_DATABASE_URL (default: a new SQLite file), FUZZ_SECONDS per run (default 120).
fuzz: $(BIN)/.installed
	$(BIN)/python -m fuzz

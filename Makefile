# Two commands matter: `make run` (demo service on SQLite) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# didkit 0.3.3 has wheels for CPython 3.11 and 3.12 only (pyproject.toml's requires-python).
SUPPORTED_PYTHONS := 3.11 3.12
VERSION_OF = -c 'import sys; print("%d.%d" % sys.version_info[:2])'
VENV_FLAGS ?=
HOST ?= 127.0.0.1
PORT ?= 8000
# The demo's stamps are signed by the public test issuer: trusted here only.
DEMO_ISSUERS := ["did:ethr:0x018d103c154748e8d5a1d7658185125175457f84"]
# The demo's Passport-app settings (community, a local sign-in key), written by `demo`.
DEMO_APP_ENV := .demo-app.env

.PHONY: run test lint format install clean bench fuzz venv

# The interpreter is checked first: an unsupported one stops here, before any virtualenv
# exists; a virtualenv made by another interpreter (or a broken one) is made anew.
venv:
	@version=$$($(PYTHON) $(VERSION_OF) 2>/dev/null) || { \
	  echo "make: $(PYTHON) does not run; set PYTHON to a Python 3.11 or 3.12 interpreter" >&2; \
	  exit 1; }; \
	case " $(SUPPORTED_PYTHONS) " in *" $$version "*) ;; *) \
	  echo "make: $(PYTHON) is Python $$version; this project installs on Python 3.11 or 3.12 only (its didkit dependency has wheels for those): run make PYTHON=python3.12 (or python3.11)" >&2; \
	  exit 1;; esac; \
	if [ -e $(VENV) ]; then \
	  have=$$($(BIN)/python $(VERSION_OF) 2>/dev/null); \
	  if [ "$$have" != "$$version" ]; then \
	    echo "make: $(VENV) was made by Python $${have:-(broken)}, not $$version: making it anew"; \
	    rm -rf $(VENV); \
	  fi; \
	fi; \
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV_FLAGS) $(VENV)

# The service alone (for `make run`), and the service with the test and deploy tools.
$(BIN)/.server: pyproject.toml constraints.txt | venv
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[server]'
	touch $@

$(BIN)/.installed: pyproject.toml constraints.txt | venv
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[server,dev]'
	touch $@ $(BIN)/.server

install: venv $(BIN)/.installed

run: venv $(BIN)/.server
	@export TRUSTED_IAM_ISSUERS='$(DEMO_ISSUERS)'; \
	$(BIN)/passport-scorer migrate && \
	$(BIN)/passport-scorer demo --base-url http://$(HOST):$(PORT) --app-env $(DEMO_APP_ENV) && \
	set -a && . ./$(DEMO_APP_ENV) && set +a && \
	exec $(BIN)/passport-scorer serve --host $(HOST) --port $(PORT)

lint: venv $(BIN)/.installed
	$(BIN)/ruff check src tests bench fuzz infra
	$(BIN)/ruff format --check src tests bench fuzz infra
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

format: venv $(BIN)/.installed
	$(BIN)/ruff format src tests bench fuzz infra
	$(BIN)/ruff check --fix src tests bench fuzz infra

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache passport_scorer.sqlite3* $(DEMO_APP_ENV)

# Benchmark against Postgres (BENCH_DATABASE_URL; default: local server, database passport_bench).
bench: venv $(BIN)/.installed
	$(BIN)/python -m bench

# Schemathesis over every operation of a locally served, seeded scorer (not part of `make test`):
# FUZZ_DATABASE_URL (default: a new SQLite file), FUZZ_SECONDS per run (default 120).
fuzz: venv $(BIN)/.installed
	$(BIN)/python -m fuzz

# Set-up and everyday commands. `make run` and `make test` work on a fresh machine.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export FINDINGS_STORE ?= $(CURDIR)/.findings
export HF_HUB_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: run test lint format bench bench-scale install install-test browser postgres clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# torch first, pinned: the CPU build on this machine's disk, not a multi-GB CUDA one.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

# Debian's Chromium for the browser tests (never a browser download by a test tool).
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "warning: /usr/bin/chromium missing and not root: browser tests will be skipped"; fi

# Debian's PostgreSQL server binaries for the tests of several servers sharing one database
# (the tests start their own server in a temporary folder; nothing runs as a service).
postgres:
	@if ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian's postgresql for the multi-server tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	else echo "warning: PostgreSQL missing and not root: multi-server tests will be skipped"; fi

run: install
	$(BIN)/findings serve --host 127.0.0.1 --port 8000

test: install-test browser postgres
	$(BIN)/python -m pytest -q

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install-test
	$(BIN)/python benchmarks/run.py

# Generate SCALE_N fictional reports (1,000 by default), ingest them, then time questions,
# claims and pages against a server over that store: benchmarks/results/scale.{json,md}.
SCALE_N ?= 1000
bench-scale: install-test browser
	FINDINGS_SCALE_N=$(SCALE_N) $(BIN)/python benchmarks/scale.py

clean:
	rm -rf $(VENV) .findings .pytest_cache

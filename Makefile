# MatchCentre: `make run` serves the demo, `make test` runs the suite. See README.md.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test soak bench lint format screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.bench: requirements.txt requirements-dev.txt requirements-bench.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-bench.txt
	touch $@ $(VENV)/.dev $(VENV)/.runtime

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

run: $(VENV)/.runtime
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_demo
	@echo "MatchCentre is at http://$(HOST):$(PORT)/  ·  editors: http://$(HOST):$(PORT)/console/  ·  admin: http://$(HOST):$(PORT)/admin/"
	@# The alert worker (Web Push, docs/PROTOCOL.md) beside the server, stopped with it.
	DJANGO_DEBUG=1 $(BIN)/python manage.py send_alerts & trap 'kill $$! 2>/dev/null' EXIT; \
	DJANGO_DEBUG=1 $(BIN)/daphne -b $(HOST) -p $(PORT) matchcentre.asgi:application

test: $(VENV)/.dev
	$(BIN)/pytest

# The long fault runs (pytest -m soak), left out of `make test`: see README.md.
soak: $(VENV)/.dev
	$(BIN)/pytest -m soak tests/faults

# The benchmarks of docs/BENCHMARKS.md, on the production configuration: Redis, and a PostgreSQL
# database of the bench's own (it is flushed at every run). About 20 minutes.
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/0
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/matchcentre_bench
bench: $(VENV)/.bench
	REDIS_URL=$(BENCH_REDIS_URL) BENCH_DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/fanout.py
	REDIS_URL=$(BENCH_REDIS_URL) BENCH_DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/votes.py
	REDIS_URL=$(BENCH_REDIS_URL) BENCH_DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/pages.py
	REDIS_URL=$(BENCH_REDIS_URL) BENCH_DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/connect_storm.py
	$(BIN)/python bench/report.py

# ruff, then types (mypy: strict on football/ and live/) and the import contracts, both set in
# pyproject.toml. mypy's Django plugin loads the settings: DJANGO_DEBUG=1 lets them use the dev key.
lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_DEBUG=1 $(BIN)/mypy
	$(BIN)/lint-imports --no-logo

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) db.sqlite3 .test-db-*.sqlite3* staticfiles .pytest_cache

screenshots: $(VENV)/.dev
	$(BIN)/python docs/screenshots.py http://$(HOST):$(PORT)

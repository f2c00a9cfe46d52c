# Otandas: set up, run and check the project. `make` (or `make help`) lists the targets.
# Needs only Python 3.11, git and make; every target creates .venv and installs
# the pinned requirements first if needed.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PORT

MANAGE := $(PY) manage.py
DEV := DJANGO_SETTINGS_MODULE=cms.settings.dev
TEST := DJANGO_SETTINGS_MODULE=cms.settings.test
# Installed requirements are recorded in stamps named after their checksums: the runtime
# ones (requirements.txt) for running, the development ones on top for tests and lint.
DEPS_STAMP := $(VENV)/.deps-$(firstword $(shell cksum requirements.txt))
DEV_STAMP := $(VENV)/.dev-deps-$(firstword $(shell cat requirements.txt requirements-dev.txt | cksum))

.PHONY: help run worker services test test-sqlite test-postgres lint format schema schema-check \
	migrate demo admin messages vendor-catalogues vendor-graphiql bench bench-load deps browser clean

help: ## list the targets
	@echo "usage: make TARGET [PORT=8000]"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /  \1\t/' | expand -t 18

# --- setting up ---------------------------------------------------------------

$(PY):
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: install Python 3.11 (or make PYTHON=/path/to/python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }

$(DEPS_STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --disable-pip-version-check --quiet -r requirements.txt
	@rm -f $(VENV)/.deps-* && touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(DEPS_STAMP)
	$(PY) -m pip install --disable-pip-version-check --quiet -r requirements-dev.txt
	@rm -f $(VENV)/.dev-deps-* && touch $@

deps: $(DEPS_STAMP) ## create .venv and install the pinned runtime requirements (if changed)

dev-deps: $(DEV_STAMP) ## the runtime requirements and the development ones (tests, lint, browser)

# The browser tests (tests/browser) drive Debian's Chromium; without it they are skipped.
browser: ## install Chromium for the browser tests if it is missing (apt-get, as root)
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
		|| echo "could not install Chromium: the browser tests will be skipped"; \
	else \
		echo "/usr/bin/chromium not found: the browser tests will be skipped."; \
		echo "Install it with: sudo apt-get install chromium"; \
	fi

messages: deps ## compile the gettext catalogues in locales/
	@if find locales -name '*.po' 2>/dev/null | grep -q .; then \
		$(DEV) $(MANAGE) compilemessages --ignore '$(VENV)' --ignore var --ignore node_modules -v 0; \
	else echo "no .po files in locales/: nothing to compile"; fi

vendor-catalogues: deps ## after upgrading Wagtail & co: add their new messages to locales/vendor (kk)
	$(DEV) $(PY) scripts/vendor_catalogues.py update

# GraphiQL's assets are committed (1.5 MB): `make run` needs no npm and works offline.
vendor-graphiql: ## refresh GraphiQL's assets in cms/static/graphiql/ from npm (pinned versions)
	scripts/vendor-graphiql.sh

migrate: deps ## apply database migrations (var/db.sqlite3 unless DATABASE_URL is set)
	$(DEV) $(MANAGE) migrate --noinput -v 0

demo: migrate ## load the demo content (idempotent)
	$(DEV) $(MANAGE) load_demo

admin: migrate ## create the `admin` superuser once; print its password (kept in var/admin-password)
	@$(DEV) $(MANAGE) ensure_admin

services: ## install Redis and Varnish (with vmod-xkey) for their tests if missing (apt-get, as root)
	@if [ -x /usr/bin/redis-server ] && [ -x /usr/sbin/varnishd ] \
		&& ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			redis-server varnish varnish-modules; } \
		|| echo "could not install Redis and Varnish: their tests will be skipped"; \
	else \
		echo "Redis or Varnish not found: their tests will be skipped."; \
		echo "Install them with: sudo apt-get install redis-server varnish varnish-modules"; \
	fi

# --- running ------------------------------------------------------------------

run: messages demo admin ## set up, then serve on 127.0.0.1:PORT (default 8000) with the worker beside it
	@$(DEV) $(PY) scripts/run-dev.py

worker: deps ## run the background worker alone (tasks and periodic jobs)
	$(DEV) $(MANAGE) run_worker

bench: dev-deps services ## run the benchmark (scripts/bench.sh)
	@if [ -x scripts/bench.sh ]; then PY=$(PY) scripts/bench.sh; \
	else echo "no benchmark yet (scripts/bench.sh is not there)"; fi

bench-load: dev-deps services ## 50 readers for 60 s, then the same under a flood (scripts/load.py)
	$(PY) scripts/load.py

# --- checking -----------------------------------------------------------------

test: dev-deps messages lint schema-check browser services ## lint, check schema.graphql, run the tests on SQLite and PostgreSQL
	@PY=$(PY) scripts/test.sh all $(PYTEST_ARGS)

test-sqlite: dev-deps messages ## run the tests on SQLite only
	@PY=$(PY) scripts/test.sh sqlite $(PYTEST_ARGS)

test-postgres: dev-deps messages ## run the tests on PostgreSQL only (DATABASE_URL, or a throwaway cluster)
	@PY=$(PY) scripts/test.sh postgres $(PYTEST_ARGS)

lint: dev-deps ## ruff check, ruff format --check, the import contracts (pyproject.toml)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: dev-deps ## reformat the code and apply ruff's safe fixes
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

schema: dev-deps ## write the GraphQL schema to schema.graphql
	@PY=$(PY) scripts/schema.sh write

schema-check: dev-deps ## fail if schema.graphql differs from the schema the code builds
	@PY=$(PY) scripts/schema.sh check

# --- cleaning -----------------------------------------------------------------

clean: ## delete var/ (database, media, secret key, admin password); keeps .venv
	rm -rf var

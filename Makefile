# PlanWatch. `make run` serves the demo; `make test` runs the whole suite.
# Both set everything up on a fresh machine and are safe to run again.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ASSETS := planwatch/static_build
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium

export DJANGO_SETTINGS_MODULE := config.settings

.PHONY: run test test-only lint format assets install chromium migrate demo bench clean help

help:
	@echo "make run    set up, load the demo data and serve on http://$(HOST):$(PORT)"
	@echo "make test   set up (Chromium included) and run the whole test suite"
	@echo "make lint   ruff and djhtml"
	@echo "make bench  time the police.uk import at 10 million rows against DuckDB and pandas"

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) is needed: install Python 3.11"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) .env

# Local settings for this checkout: development mode and a generated secret key.
# Production sets its own environment (see .env.example and docs/how-to/deploy-postgresql.md).
.env:
	@printf 'DEBUG=true\nSECRET_KEY=%s\n' "$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" > .env
	@echo "Wrote .env (DEBUG=true and a new SECRET_KEY) for local use."

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Build the GOV.UK Frontend and MOJ Frontend assets into planwatch/static_build (not
# committed). GOV.UK Frontend is compiled from its Sass with Arial, because the GDS Transport
# typeface is licensed for gov.uk services only; MOJ Frontend's stylesheet gets the same font
# and its asset paths pointed at /static/vendor/moj/; its source-map comment is dropped (the map is
# not shipped, and collectstatic's manifest refuses a reference to a missing file).
$(ASSETS)/.built: node_modules/.package-lock.json planwatch/core/assets/govuk.scss Makefile
	rm -rf $(ASSETS) && mkdir -p $(ASSETS)/vendor/govuk/assets $(ASSETS)/vendor/moj
	node_modules/.bin/sass --load-path=node_modules --style=compressed --no-source-map \
		--quiet-deps planwatch/core/assets/govuk.scss $(ASSETS)/vendor/govuk/govuk-frontend.min.css
	cp -r node_modules/govuk-frontend/dist/govuk/assets/images $(ASSETS)/vendor/govuk/assets/images
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js $(ASSETS)/vendor/govuk/
	cp -r node_modules/@ministryofjustice/frontend/moj/assets $(ASSETS)/vendor/moj/assets
	cp node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.js $(ASSETS)/vendor/moj/
	sed -e 's#url(/assets/#url(/static/vendor/moj/assets/#g' \
		-e 's#"\{0,1\}GDS Transport"\{0,1\},arial,sans-serif#arial,sans-serif#g' \
		-e '/sourceMappingURL=/d' \
		node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.css \
		> $(ASSETS)/vendor/moj/moj-frontend.min.css
	touch $@

assets: $(ASSETS)/.built

# Debian's Chromium, for the browser tests (Playwright drives it; it downloads no browser).
chromium:
	@test -x $(CHROMIUM) || { \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

migrate: install assets
	$(BIN)/planwatch migrate --no-input
	$(BIN)/planwatch sync_roles

demo: migrate
	$(BIN)/planwatch demo

run: install assets demo
	$(BIN)/planwatch runserver $(HOST):$(PORT)

test: install assets chromium test-only

test-only:
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $$(git ls-files 'planwatch/*.html')

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $$(git ls-files 'planwatch/*.html')

# The import benchmark (docs/benchmarks.md): a benchmark, not a test. It builds archives of
# BENCH_ROWS and BENCH_GROWTH_ROWS rows from ../shared/data (kept in var/bench/), imports them
# into a throwaway database (SQLite, or PostgreSQL when DATABASE_URL says so) and times DuckDB
# alone and pandas on the same files.
BENCH_ROWS ?= 10000000
BENCH_GROWTH_ROWS ?= 20000000
BENCH_STAMP := $(VENV)/.installed-bench

$(BENCH_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	touch $(BENCH_STAMP)

bench: install $(BENCH_STAMP)
	$(BIN)/planwatch bench ingest --rows $(BENCH_ROWS) --growth-rows $(BENCH_GROWTH_ROWS)

clean:
	rm -rf $(VENV) node_modules $(ASSETS) staticfiles
